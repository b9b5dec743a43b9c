// The one place the server's logger is configured: Fastify's pino, structured JSON lines, with
// credentials kept out. Everything logs through `app.log` or `request.log`.
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The URL with invitation tokens replaced: a one-time link in a log file is a live credential. */
export function redactUrl(url: string): string {
  return url.replace(/\/invitations\/[^/?#]+/g, '/invitations/[redacted]');
}

/** Logger options for Fastify: JSON to standard output at `level`. */
export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
