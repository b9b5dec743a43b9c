// Every route is declared through `route()`: its zod schemas validate the request (400 naming
// each wrong field), describe it in the OpenAPI document, and, in tests, check the response.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../access.ts';
import { ApiError, fieldsFromZod } from '../errors.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What a handler receives: the validated request parts and who is asking. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A multipart/form-data body, for the OpenAPI document only: the handler reads the parts
   * itself (see multipart.ts), since files are not JSON.
   */
  multipart?: z.ZodType;
  response: R;
  /** The status of a success (default 200). */
  status?: number;
  /** Responses that are not JSON (CSV exports) set their own content type and skip checking. */
  contentType?: string;
  /** Tighter rate limits for this route (e.g. sign-in). */
  rateLimit?: RouteRateLimit;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R>>;
}

/** One limit: at most `max` requests per `timeWindow`, else 429 `rate_limited` saying `refusal`. */
export interface RateLimit {
  max: number;
  timeWindow: string;
  /** What the 429 says was exceeded ("too many sign-in attempts from your address"). */
  refusal: string;
}

/**
 * A route's own limits. `perAddress` counts the client's address, before anything else runs.
 * `perKey` counts what `key` takes from the request once its body is read (the account being
 * signed in), so many people behind one address each have their own; a request `key` finds
 * nothing in is left to `perAddress`.
 */
export interface RouteRateLimit {
  perAddress: RateLimit;
  perKey?: RateLimit & { key(request: FastifyRequest): string | undefined };
}

const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

/** `perAddress` as the rate-limit plugin's route config: it sets `retry-after` itself. */
const addressLimit = (limit: RateLimit) => ({
  max: limit.max,
  timeWindow: limit.timeWindow,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    new ApiError(
      'rate_limited',
      `${limit.refusal}: try again in ${seconds(Math.ceil(context.ttl / 1000))}`,
    ),
});

/** The hook that enforces `perKey`: 429 with `retry-after`, as the plugin does per address. */
function keyedLimit(
  app: FastifyInstance,
  limit: NonNullable<RouteRateLimit['perKey']>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.timeWindow,
    keyGenerator: (request) => limit.key(request) ?? '',
  });
  return async (request, reply) => {
    if (limit.key(request) === undefined) return;
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    void reply.header('x-ratelimit-limit', result.max);
    void reply.header('x-ratelimit-remaining', 0);
    void reply.header('x-ratelimit-reset', result.ttlInSeconds);
    void reply.header('retry-after', result.ttlInSeconds);
    throw new ApiError(
      'rate_limited',
      `${limit.refusal}: try again in ${seconds(result.ttlInSeconds)}`,
    );
  };
}

/** A route as registered: kept so tests can walk every route. */
export interface RegisteredRoute {
  method: Method;
  url: string;
  hasBody: boolean;
  isMutation: boolean;
}

const noParams = z.object({});
const noQuery = z.object({});
const noBody = z.unknown();

/** The JSON Schema for the OpenAPI document (draft 2020-12, as OpenAPI 3.1 expects). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
const errorJson = jsonSchema(errorSchema, 'output');

function parsePart<T extends z.ZodType>(schema: T, value: unknown, part: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldsFromZod(part, result.error);
    const names = fields.map((f) => f.path).join(', ');
    throw new ApiError('invalid_request', `invalid ${part}: ${names}`, fields);
  }
  return result.data;
}

export interface RouteOptions {
  /** Check every response against its schema (tests): a mismatch is a 500. */
  validateResponses: boolean;
  routes: RegisteredRoute[];
}

/** Registers one route on `app`. */
export function route<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(app: FastifyInstance, options: RouteOptions, spec: RouteSpec<P, Q, B, R>): void {
  const params = spec.params ?? noParams;
  const query = spec.query ?? noQuery;
  const body = spec.body ?? noBody;
  const status = spec.status ?? 200;
  const isMutation = spec.method !== 'GET';
  options.routes.push({
    method: spec.method,
    url: spec.url,
    hasBody: spec.body !== undefined || spec.multipart !== undefined,
    isMutation,
  });

  const schema: Record<string, unknown> = {
    summary: spec.summary,
    tags: [spec.tag],
    response:
      spec.contentType === undefined
        ? { [status]: jsonSchema(spec.response, 'output'), '4XX': errorJson }
        : { '4XX': errorJson },
  };
  if (spec.params) schema.params = jsonSchema(spec.params, 'input');
  if (spec.query) schema.querystring = jsonSchema(spec.query, 'input');
  if (spec.body) schema.body = jsonSchema(spec.body, 'input');
  if (spec.multipart) {
    schema.body = jsonSchema(spec.multipart, 'input');
    schema.consumes = ['multipart/form-data'];
  }

  app.route({
    method: spec.method,
    url: spec.url,
    schema,
    config: spec.rateLimit ? { rateLimit: addressLimit(spec.rateLimit.perAddress) } : {},
    ...(spec.rateLimit?.perKey ? { preHandler: keyedLimit(app, spec.rateLimit.perKey) } : {}),
    ...(isMutation
      ? {
          onRequest: (
            request: FastifyRequest,
            reply: FastifyReply,
            done: (error?: Error) => void,
          ) => {
            app.csrfProtection(request, reply, done);
          },
        }
      : {}),
    handler: async (request, reply) => {
      const input = {
        params: parsePart(params, request.params, 'params') as z.output<P>,
        query: parsePart(query, request.query, 'query') as z.output<Q>,
        body: parsePart(body, request.body, 'body') as z.output<B>,
        actor: request.actor,
        request,
        reply,
      };
      const result = await spec.handler(input);
      reply.status(status);
      if (spec.contentType !== undefined) {
        // A handler that knows the exact type (a stored file's) has set it already.
        if (!reply.hasHeader('content-type')) reply.type(spec.contentType);
        return result;
      }
      if (options.validateResponses) {
        const checked = spec.response.safeParse(result);
        if (!checked.success) {
          request.log.error(
            { issues: checked.error.issues, url: spec.url },
            'response does not match its schema',
          );
          throw new Error(`response of ${spec.method} ${spec.url} does not match its schema`);
        }
      }
      return result;
    },
  });
}
