import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { KnowledgeBase } from '@tulay/engine';
import type { Store } from '@tulay/store';
import type { Clock } from '../clock.ts';
import type { Context } from '../use-cases/context.ts';
import type { RouteOptions } from './route.ts';

/** What route modules need: the app, the route registry, and what use cases run against. */
export interface Deps {
  app: FastifyInstance;
  options: RouteOptions;
  store: Store;
  clock: Clock;
  /** The public address of the site, for invitation links. */
  baseUrl: string;
  /** Whether cookies are marked Secure (always, except plain-HTTP tests that say otherwise). */
  isSecureCookie: boolean;
  /**
   * The knowledge base (law and agreements). The server loads it once at start-up and hands it
   * in; an app built without one (tests) loads the shipped one on first use, as loading takes
   * seconds that most tests do not need.
   */
  knowledge: () => KnowledgeBase;
}

export const SESSION_COOKIE = 'tulay_session';

/** The use-case context of a request. */
export function contextOf(deps: Deps, request: FastifyRequest): Context {
  return { store: deps.store, clock: deps.clock, actor: request.actor };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure, for the session's lifetime. */
export function setSessionCookie(
  deps: Deps,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: deps.isSecureCookie,
    sameSite: 'lax',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}
