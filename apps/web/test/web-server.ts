// A tiny static server for the browser tests: serves a built app with the SPA fallback, on
// 127.0.0.1 and a free port, and records every request it receives. Given an API's port, it also
// passes /api/* through to it, so the app and the API share one origin.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export interface StaticServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** The file of the built app at `url` under `root`, or its index.html (the SPA fallback). */
function sendFile(root: string, url: string, res: ServerResponse): void {
  const path = normalize(decodeURIComponent(url.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/**
 * Serves `root` until closed. With `apiPort`, /api/* goes to the API on that port (streams
 * included, the request body piped through unread, so those requests are not recorded).
 */
export async function serveStatic(
  root: string,
  options: { apiPort?: number } = {},
): Promise<StaticServer> {
  const { apiPort } = options;
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (apiPort !== undefined && url.startsWith('/api/')) {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: apiPort, method: req.method, path: url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', url, body: Buffer.concat(chunks).toString() });
      sendFile(root, url, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
