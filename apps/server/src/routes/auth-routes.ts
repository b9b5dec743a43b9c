import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id, Ok, RoleName, Text } from '../schemas/common.ts';
import type { Deps } from '../http/deps.ts';
import { SESSION_COOKIE, contextOf, setSessionCookie } from '../http/deps.ts';
import { route } from '../http/route.ts';
import {
  SESSION_MS,
  acceptInvitation,
  auditLog,
  invite,
  listUsers,
  login,
  logout,
  me,
  peekInvitation,
  updateUser,
} from '../use-cases/accounts.ts';

const Email = z.email().max(320);
const Password = z.string().min(12, 'must be at least 12 characters').max(200);
const Totp = z.string().regex(/^\d{6}$/, 'must be the 6-digit code');
const UserOut = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: RoleName,
  person_id: z.string().nullable(),
  is_verified: z.boolean(),
  has_totp: z.boolean(),
  is_disabled: z.boolean(),
});
const TokenParams = z.object({ token: z.string().min(20).max(200) });

/**
 * Sign-in attempts allowed a minute. Resource centres, union offices and parliaments put many
 * people behind one address, so the tight limit is per account (the email being signed in, known
 * or not, so the answer tells nothing) and the one per address only a ceiling against trying many
 * accounts. Failed sign-ins are throttled apart, for longer (accounts.ts).
 */
export const SIGN_IN_PER_ACCOUNT = 10;
export const SIGN_IN_PER_ADDRESS = 100;

/** The account a sign-in is for, as `login` reads it; none when the body has no email. */
function signInAccount(request: FastifyRequest): string | undefined {
  const email = (request.body as { email?: unknown } | null | undefined)?.email;
  return typeof email === 'string' ? `account:${email.slice(0, 320).toLowerCase()}` : undefined;
}

export function authRoutes(deps: Deps): void {
  const { app, options } = deps;
  const tag = 'accounts';

  route(app, options, {
    method: 'GET',
    url: '/api/auth/csrf',
    tag,
    summary: 'A CSRF token: send it as the x-csrf-token header with every POST, PATCH and DELETE',
    response: z.object({ token: z.string() }),
    handler: ({ reply }) => Promise.resolve({ token: reply.generateCsrf() }),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/auth/login',
    tag,
    summary: 'Sign in with email, password and, for the secretariat and admins, a TOTP code',
    body: z.strictObject({
      email: Email,
      password: z.string().min(1).max(200),
      totp: Totp.optional(),
    }),
    response: z.object({ user: UserOut }),
    rateLimit: {
      perAddress: {
        max: SIGN_IN_PER_ADDRESS,
        timeWindow: '1 minute',
        refusal: 'too many sign-in attempts from your address',
      },
      perKey: {
        max: SIGN_IN_PER_ACCOUNT,
        timeWindow: '1 minute',
        refusal: 'too many sign-in attempts for this email',
        key: signInAccount,
      },
    },
    handler: async ({ body, request, reply }) => {
      const { token, user } = await login(contextOf(deps, request), body, request.ip);
      setSessionCookie(deps, reply, token, SESSION_MS / 1000);
      return { user };
    },
  });

  route(app, options, {
    method: 'POST',
    url: '/api/auth/logout',
    tag,
    summary: 'Sign out: ends the session',
    response: Ok,
    handler: async ({ request, reply }) => {
      await logout(contextOf(deps, request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/auth/me',
    tag,
    summary: 'The signed-in account, or null',
    response: z.object({ user: UserOut.nullable() }),
    handler: ({ request }) => me(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/invitations',
    tag,
    summary:
      'Create a one-time invitation link (secretariat: member, staff, partner; admin: any role)',
    body: z.strictObject({
      role: RoleName,
      email: Email.optional(),
      person_id: Id.optional(),
      expires_in_hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(72),
    }),
    status: 201,
    response: z.object({
      id: z.string(),
      role: RoleName,
      url: z.string(),
      token: z.string(),
      expires_at: z.string(),
    }),
    handler: ({ body, request }) => invite(contextOf(deps, request), body, deps.baseUrl),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/invitations/:token',
    tag,
    summary:
      'What an invitation link offers (and, for the secretariat and admins, the TOTP secret to set up)',
    params: TokenParams,
    response: z.object({
      role: RoleName,
      email: z.string().nullable(),
      person_name: z.string().nullable(),
      expires_at: z.string(),
      totp_secret: z.string().nullable(),
      totp_uri: z.string().nullable(),
    }),
    handler: ({ params, request }) => peekInvitation(contextOf(deps, request), params.token),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/invitations/:token/accept',
    tag,
    summary: 'Accept an invitation: creates the account and signs it in',
    params: TokenParams,
    body: z.strictObject({
      email: Email.optional(),
      display_name: Text(200),
      password: Password,
      totp: Totp.optional(),
    }),
    status: 201,
    response: z.object({ user: UserOut }),
    handler: async ({ params, body, request, reply }) => {
      const { token, user } = await acceptInvitation(contextOf(deps, request), params.token, body);
      setSessionCookie(deps, reply, token, SESSION_MS / 1000);
      return { user };
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/users',
    tag,
    summary: 'Every account (admin)',
    response: z.object({ items: z.array(UserOut), total: z.number() }),
    handler: ({ request }) => listUsers(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/users/:id',
    tag,
    summary: "Change an account's role, person, verification or disable it (admin)",
    params: z.object({ id: z.uuid() }),
    body: z
      .strictObject({
        role: RoleName.optional(),
        person_id: Id.nullable().optional(),
        is_verified: z.boolean().optional(),
        is_disabled: z.boolean().optional(),
      })
      .refine((v) => Object.keys(v).length > 0, 'give at least one field to change'),
    response: UserOut,
    handler: ({ params, body, request }) => updateUser(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/audit',
    tag,
    summary: 'The audit log, newest first (secretariat, admin)',
    query: z.object({
      entity_type: z.string().max(50).optional(),
      entity_id: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          at: z.string(),
          actor: z.string(),
          action: z.string(),
          entity_type: z.string(),
          entity_id: z.string(),
          before: z.unknown(),
          after: z.unknown(),
        }),
      ),
    }),
    handler: ({ query, request }) => auditLog(contextOf(deps, request), query),
  });
}
