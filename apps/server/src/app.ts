// The HTTP application: plugins (security headers, cookies, CSRF, rate limits, OpenAPI), the
// session lookup, the JSON error format, and the routes. No listening here: see main.ts.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { KnowledgeBase } from '@tulay/engine';
import type { Store } from '@tulay/store';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from './access.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { ErrorCode } from './errors.ts';
import { ApiError, errorBody } from './errors.ts';
import type { Deps } from './http/deps.ts';
import { SESSION_COOKIE } from './http/deps.ts';
import type { RegisteredRoute } from './http/route.ts';
import { acceptsHtml, registerWebApp } from './http/web-app.ts';
import type { LogLevel } from './logger.ts';
import { loggerOptions } from './logger.ts';
import { activityRoutes } from './routes/activity-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { openDataRoutes } from './routes/open-data-routes.ts';
import { recordRoutes } from './routes/record-routes.ts';
import { simulationRoutes } from './routes/simulation-routes.ts';
import { siteRoutes } from './routes/site-routes.ts';
import { textRoutes } from './routes/text-routes.ts';
import { workshopRoutes } from './routes/workshop-routes.ts';
import { actorFromSession } from './use-cases/accounts.ts';
import { shippedKnowledgeBase } from './knowledge.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface AppOptions {
  store: Store;
  clock?: Clock;
  logLevel?: LogLevel;
  /** The site's public address, for invitation links (default http://localhost:3000). */
  baseUrl?: string;
  /** Requests per minute per address for all routes; false turns the global limit off (benchmarks). */
  rateLimitPerMinute?: number | false;
  /** Check every response against its schema (tests). */
  validateResponses?: boolean;
  /** Trust X-Forwarded-For (behind a reverse proxy), so limits count the client's address. */
  isBehindProxy?: boolean;
  /** Close the store when the app closes (the server owns it; tests keep theirs). */
  isStoreOwned?: boolean;
  /** Mark cookies Secure (default true; browsers accept Secure cookies on http://localhost). */
  isSecureCookie?: boolean;
  /** The knowledge base; when absent, the one shipped with Tulay (loaded once per process). */
  knowledge?: KnowledgeBase;
  /** Where the built web app is (default apps/web/dist; the web app's browser tests use their own build). */
  webRoot?: string;
}

function knowledgeOf(given: KnowledgeBase | undefined): () => KnowledgeBase {
  return given === undefined ? shippedKnowledgeBase : () => given;
}

export interface App {
  app: FastifyInstance;
  routes: RegisteredRoute[];
}

/** Maps Fastify's and its plugins' own errors to the API's error codes. */
function codeOf(error: FastifyError): { code: ErrorCode; message: string } {
  const status = error.statusCode ?? 500;
  if (error.code.startsWith('FST_CSRF'))
    return {
      code: 'csrf_invalid',
      message:
        'missing or invalid CSRF token: get one from GET /api/auth/csrf and send it as x-csrf-token',
    };
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return {
      code: 'unsupported_media_type',
      message: 'send JSON (content-type: application/json)',
    };
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { code: 'payload_too_large', message: 'the request body is too large' };
  if (status === 429) return { code: 'rate_limited', message: error.message };
  if (status === 400 || error.code.startsWith('FST_ERR_CTP'))
    return { code: 'invalid_json', message: `the body is not valid JSON: ${error.message}` };
  if (status === 404) return { code: 'not_found', message: error.message };
  if (status === 413) return { code: 'payload_too_large', message: error.message };
  if (status === 415) return { code: 'unsupported_media_type', message: error.message };
  return { code: 'internal', message: 'something went wrong on our side; it has been logged' };
}

/** Builds the application over a store (already migrated). */
export async function buildApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  /** Whether the built web app is served (then a person's wrong link gets its page). */
  let webShell = false;
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info'),
    bodyLimit: 1024 * 1024,
    trustProxy: options.isBehindProxy ?? false,
    // Validation is done by zod in route(); the JSON Schemas only document the API.
    ajv: { customOptions: { strict: false } },
    // Errors the router raises before any route runs (a malformed URL, an over-long parameter).
    frameworkErrors: (error, request, reply) => {
      const isTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void (reply as FastifyReply)
        .status(isTooLong ? 414 : 400)
        .send(
          errorBody(
            isTooLong ? 'uri_too_long' : 'invalid_request',
            `bad URL ${request.url.slice(0, 100)}: ${error.message.slice(0, 200)}`,
          ),
        );
    },
  });
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.status).send(errorBody(error.code, error.message, error.fields));
    }
    const { code, message } = codeOf(error);
    const status = code === 'internal' ? 500 : (error.statusCode ?? 400);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(errorBody(code, message));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A person following a wrong link gets the app's own "page not found", in their language;
    // a program (and anything under /api) gets the error as JSON.
    if (webShell && request.method === 'GET' && !path.startsWith('/api') && acceptsHtml(request))
      return reply.status(404).header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(errorBody('not_found', `no route ${request.method} ${path}`));
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'tulay_csrf',
    cookieOpts: {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: options.isSecureCookie ?? true,
    },
    getToken: (request) => {
      const header = request.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });
  const perMinute = options.rateLimitPerMinute ?? 600;
  await app.register(rateLimit, {
    global: perMinute !== false,
    max: perMinute === false ? 1_000_000 : perMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      new ApiError('rate_limited', `too many requests: try again in ${context.after}`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tulay caucus workspace API',
        version: '0.1.0',
        description:
          'The API of the Asian Inter-Parliamentary Caucus on Labour Migration. Errors are `{ error: { code, message, fields } }`. Mutations need the session cookie and an `x-csrf-token` header from `GET /api/auth/csrf`.',
      },
      tags: [
        'accounts',
        'people',
        'programmes',
        'texts',
        'commitments',
        'documents',
        'activities',
        'workshops',
        'open data',
        'site',
        'simulations',
      ].map((name) => ({
        name,
      })),
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    theme: { title: 'Tulay API' },
  });

  // Null until the onRequest hook below sets it (Fastify wants request decorators to start as null).
  app.decorateRequest('actor', null as unknown as { kind: 'public' });
  app.addHook('onRequest', async (request) => {
    request.actor = await actorFromSession(
      { store: options.store, clock },
      request.cookies[SESSION_COOKIE],
    );
  });

  if (options.isStoreOwned === true) app.addHook('onClose', () => options.store.close());

  const routes: RegisteredRoute[] = [];
  const deps: Deps = {
    app,
    options: { validateResponses: options.validateResponses ?? false, routes },
    store: options.store,
    clock,
    baseUrl: options.baseUrl ?? 'http://localhost:3000',
    isSecureCookie: options.isSecureCookie ?? true,
    knowledge: knowledgeOf(options.knowledge),
  };
  authRoutes(deps);
  recordRoutes(deps);
  activityRoutes(deps);
  textRoutes(deps);
  documentRoutes(deps);
  workshopRoutes(deps);
  openDataRoutes(deps);
  siteRoutes(deps);
  simulationRoutes(deps);
  webShell = await registerWebApp(app, options.webRoot);
  await app.ready();
  return { app, routes };
}
