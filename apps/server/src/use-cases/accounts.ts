// Accounts: invitations (one-time, expiring), sign-in with argon2id passwords and TOTP for the
// secretariat and admins, throttled after repeated failures, and server-side sessions.
import type { Role, User } from '@tulay/store';
import type { Actor } from '../access.ts';
import { TOTP_ROLES, authorise, mayInvite } from '../access.ts';
import { DECOY_HASH_PASSWORD, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { newId, newToken, tokenHash } from '../auth/tokens.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';

/** How long a session lasts. */
export const SESSION_MS = 12 * 60 * 60 * 1000;
/** Failed sign-ins counted over this window… */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** …and how many an email, or an address, may have before sign-in is refused for a while. */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/** An account as the API shows it: never its hash or secret. */
export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    role: user.role,
    person_id: user.person_id,
    is_verified: user.is_verified === 1,
    has_totp: user.totp_secret !== null,
    is_disabled: user.disabled_at !== null,
  };
}

/** The actor behind a session cookie, or the public visitor. */
export async function actorFromSession(
  ctx: Omit<Context, 'actor'>,
  token: string | undefined,
): Promise<Actor> {
  if (token === undefined || token === '' || token.length > 200) return { kind: 'public' };
  const id = tokenHash(token);
  const found = await ctx.store.repos.accounts.session(id, ctx.clock.now().toISOString());
  if (!found) return { kind: 'public' };
  const { user } = found;
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    personId: user.person_id,
    isVerified: user.is_verified === 1,
    sessionId: id,
  };
}

// The decoy hash is computed once, lazily, so a sign-in for an unknown email costs as much as one for a known email.
let decoyHash: Promise<string> | undefined;

/** Checks email, password and (for the secretariat and admins) the TOTP code; returns a new session token. */
export async function login(
  ctx: Context,
  input: { email: string; password: string; totp?: string | undefined },
  ip: string,
): Promise<{ token: string; user: ReturnType<typeof presentUser> }> {
  const email = input.email.toLowerCase();
  const now = ctx.clock.now();
  const { accounts } = ctx.store.repos;
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const failures = await accounts.loginFailures(email, ip, since);
  if (failures.byEmail >= MAX_FAILURES_PER_EMAIL || failures.byIp >= MAX_FAILURES_PER_IP) {
    throw new ApiError(
      'login_throttled',
      'too many failed sign-ins: wait 15 minutes and try again',
    );
  }
  const user = await accounts.userByEmail(email);
  decoyHash ??= hashPassword(DECOY_HASH_PASSWORD);
  const isPasswordRight = await verifyPassword(
    user?.password_hash ?? (await decoyHash),
    input.password,
  );
  const fail = async (
    code: 'invalid_credentials' | 'totp_required',
    message: string,
  ): Promise<never> => {
    await accounts.addLoginFailure({ id: newId(), email, ip, at: now.toISOString() });
    throw new ApiError(code, message);
  };
  if (!user || !isPasswordRight || user.disabled_at !== null)
    return fail('invalid_credentials', 'wrong email or password');
  if (TOTP_ROLES.includes(user.role)) {
    if (user.totp_secret === null)
      return fail(
        'totp_required',
        'this account needs a second factor: ask an admin to set one up',
      );
    // The first step of a two-step sign-in (password right, code not yet asked for) is not a
    // failure: counting it would lock the secretariat out after a few ordinary sign-ins.
    if (input.totp === undefined)
      throw new ApiError('totp_required', 'enter the 6-digit code from your authenticator app');
    const step = verifyTotp(user.totp_secret, input.totp, now);
    if (step === null) return fail('totp_required', 'the 6-digit code is wrong or expired');
    if (!(await accounts.useTotpStep(user.id, step)))
      return fail('totp_required', 'this 6-digit code was already used: wait for the next one');
  }
  const token = newToken();
  await change(
    {
      ...ctx,
      actor: {
        kind: 'user',
        userId: user.id,
        role: user.role,
        personId: user.person_id,
        isVerified: user.is_verified === 1,
        sessionId: '',
      },
    },
    async ({ repos, audit }) => {
      await repos.accounts.clearLoginFailures(email);
      await repos.accounts.prune(since, now.toISOString());
      await repos.accounts.addSession({
        id: tokenHash(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
      });
      await audit('login', 'users', user.id, null, null);
    },
  );
  return { token, user: presentUser(user) };
}

export async function logout(ctx: Context): Promise<void> {
  if (ctx.actor.kind === 'public') return;
  const { sessionId, userId } = ctx.actor;
  await change(ctx, async ({ repos, audit }) => {
    await repos.accounts.deleteSession(sessionId);
    await audit('logout', 'users', userId, null, null);
  });
}

export async function me(ctx: Context) {
  if (ctx.actor.kind === 'public') return { user: null };
  const user = await ctx.store.repos.accounts.user(ctx.actor.userId);
  return { user: user ? presentUser(user) : null };
}

/** Creates a one-time invitation link; a person-linked member invitation makes a verified member. */
export async function invite(
  ctx: Context,
  input: {
    role: Role;
    email?: string | undefined;
    person_id?: string | undefined;
    expires_in_hours: number;
  },
  baseUrl: string,
) {
  authorise(ctx.actor, 'invitation.create');
  const actor = ctx.actor;
  if (!mayInvite(actor.role, input.role)) {
    throw new ApiError('forbidden', `the ${actor.role} role may not invite a ${input.role}`);
  }
  const token = newToken();
  return change(ctx, async ({ repos, now, audit }) => {
    if (input.person_id !== undefined && !(await repos.records.exists('people', input.person_id))) {
      throw new ApiError('invalid_request', 'no such person', [
        { path: 'body.person_id', message: `no person with id "${input.person_id}"` },
      ]);
    }
    if (input.email !== undefined && (await repos.accounts.userByEmail(input.email))) {
      throw new ApiError('conflict', 'an account with this email already exists', [
        { path: 'body.email', message: 'already registered' },
      ]);
    }
    const expiresAt = new Date(
      Date.parse(now) + input.expires_in_hours * 60 * 60 * 1000,
    ).toISOString();
    const row = {
      id: newId(),
      token_hash: tokenHash(token),
      email: input.email?.toLowerCase() ?? null,
      role: input.role,
      person_id: input.person_id ?? null,
      drive_id: null,
      // The second factor is set up as part of accepting, so nobody holds these roles without one.
      totp_secret: TOTP_ROLES.includes(input.role) ? newTotpSecret() : null,
      created_by: actor.userId,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
    };
    await repos.accounts.addInvitation(row);
    await audit('create', 'invitations', row.id, null, {
      ...row,
      token_hash: '[redacted]',
      totp_secret: row.totp_secret === null ? null : '[redacted]',
    });
    return {
      id: row.id,
      role: row.role,
      url: `${baseUrl}/invitations/${token}`,
      token,
      expires_at: expiresAt,
    };
  });
}

async function usableInvitation(ctx: Context, token: string) {
  const invitation = await ctx.store.repos.accounts.invitationByToken(tokenHash(token));
  if (!invitation) throw notFound('invitation');
  if (invitation.used_at !== null)
    throw new ApiError('invitation_used', 'this invitation link has already been used');
  if (invitation.expires_at <= ctx.clock.now().toISOString())
    throw new ApiError(
      'invitation_expired',
      'this invitation link has expired: ask the secretariat for a new one',
    );
  return invitation;
}

/** What an invitation link offers, for the page that accepts it. */
export async function peekInvitation(ctx: Context, token: string) {
  const invitation = await usableInvitation(ctx, token);
  const person =
    invitation.person_id === null
      ? undefined
      : await ctx.store.repos.records.getAny('people', invitation.person_id);
  return {
    role: invitation.role,
    email: invitation.email,
    person_name: person?.name ?? null,
    expires_at: invitation.expires_at,
    totp_secret: invitation.totp_secret,
    totp_uri:
      invitation.totp_secret === null
        ? null
        : totpUri(invitation.totp_secret, invitation.email ?? 'Tulay account'),
  };
}

/** Creates the account an invitation offers, and signs it in. */
export async function acceptInvitation(
  ctx: Context,
  token: string,
  input: {
    email?: string | undefined;
    display_name: string;
    password: string;
    totp?: string | undefined;
  },
): Promise<{ token: string; user: ReturnType<typeof presentUser> }> {
  const invitation = await usableInvitation(ctx, token);
  const email = (invitation.email ?? input.email)?.toLowerCase();
  if (email === undefined) {
    throw new ApiError('invalid_request', 'an email is needed to create the account', [
      { path: 'body.email', message: 'required for this invitation' },
    ]);
  }
  if (
    invitation.email !== null &&
    input.email !== undefined &&
    input.email.toLowerCase() !== invitation.email
  ) {
    throw new ApiError('invalid_request', 'this invitation is for another email', [
      { path: 'body.email', message: 'must match the invitation' },
    ]);
  }
  const now = ctx.clock.now();
  const totpStep =
    invitation.totp_secret !== null && input.totp !== undefined
      ? verifyTotp(invitation.totp_secret, input.totp, now)
      : null;
  if (invitation.totp_secret !== null && totpStep === null) {
    throw new ApiError(
      'invalid_request',
      'set up your authenticator app with the invitation secret and enter its code',
      [{ path: 'body.totp', message: 'wrong or missing 6-digit code' }],
    );
  }
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const sessionToken = newToken();
  const user: User = {
    id: userId,
    email,
    display_name: input.display_name,
    role: invitation.role,
    password_hash: passwordHash,
    person_id: invitation.person_id,
    is_verified: invitation.person_id !== null ? 1 : 0,
    totp_secret: invitation.totp_secret,
    // The code that proved the app is set up cannot then be replayed to sign in.
    totp_last_step: totpStep,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    disabled_at: null,
  };
  const actor: Actor = {
    kind: 'user',
    userId,
    role: user.role,
    personId: user.person_id,
    isVerified: user.is_verified === 1,
    sessionId: '',
  };
  await change({ ...ctx, actor }, async ({ repos, audit }) => {
    if (!(await repos.accounts.useInvitation(invitation.id, now.toISOString(), userId))) {
      throw new ApiError('invitation_used', 'this invitation link has already been used');
    }
    if (await repos.accounts.userByEmail(email)) {
      throw new ApiError('conflict', 'an account with this email already exists', [
        { path: 'body.email', message: 'already registered' },
      ]);
    }
    if (user.person_id !== null && (await repos.accounts.userByPerson(user.person_id))) {
      throw new ApiError('conflict', 'this person already has an account: sign in instead');
    }
    await repos.accounts.addUser(user);
    await repos.accounts.addSession({
      id: tokenHash(sessionToken),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
    });
    await audit('create', 'users', userId, null, presentUser(user));
  });
  return { token: sessionToken, user: presentUser(user) };
}

export async function listUsers(ctx: Context) {
  authorise(ctx.actor, 'user.manage');
  const users = await ctx.store.repos.accounts.users();
  return { items: users.map(presentUser), total: users.length };
}

/** An admin changes an account: role, the person it is tied to, verification, or disabling it. */
export async function updateUser(
  ctx: Context,
  id: string,
  patch: {
    role?: Role | undefined;
    person_id?: string | null | undefined;
    is_verified?: boolean | undefined;
    is_disabled?: boolean | undefined;
  },
) {
  authorise(ctx.actor, 'user.manage');
  return change(ctx, async ({ repos, now, audit }) => {
    const before = await repos.accounts.user(id);
    if (!before) throw notFound('user');
    if (
      typeof patch.person_id === 'string' &&
      !(await repos.records.exists('people', patch.person_id))
    ) {
      throw new ApiError('invalid_request', 'no such person', [
        { path: 'body.person_id', message: `no person with id "${patch.person_id}"` },
      ]);
    }
    const role = patch.role ?? before.role;
    if (TOTP_ROLES.includes(role) && before.totp_secret === null) {
      throw new ApiError(
        'invalid_request',
        'the secretariat and admins need a second factor: invite them instead',
        [{ path: 'body.role', message: 'this account has no TOTP set up' }],
      );
    }
    await repos.accounts.updateUser(id, {
      role,
      ...(patch.person_id !== undefined ? { person_id: patch.person_id } : {}),
      ...(patch.is_verified !== undefined ? { is_verified: patch.is_verified ? 1 : 0 } : {}),
      ...(patch.is_disabled !== undefined ? { disabled_at: patch.is_disabled ? now : null } : {}),
      updated_at: now,
    });
    const after = await repos.accounts.user(id);
    await audit('update', 'users', id, presentUser(before), after ? presentUser(after) : null);
    return presentUser(after ?? before);
  });
}

/** Creates an admin directly (the `tulay admin create` command): returns the TOTP secret to set up. */
export async function createAdmin(
  ctx: Context,
  input: { email: string; display_name: string; password: string },
): Promise<{ user: ReturnType<typeof presentUser>; totpSecret: string; totpUri: string }> {
  const now = ctx.clock.now().toISOString();
  const secret = newTotpSecret();
  const user: User = {
    id: newId(),
    email: input.email.toLowerCase(),
    display_name: input.display_name,
    role: 'admin',
    password_hash: await hashPassword(input.password),
    person_id: null,
    is_verified: 0,
    totp_secret: secret,
    totp_last_step: null,
    created_at: now,
    updated_at: now,
    disabled_at: null,
  };
  await change(ctx, async ({ repos, audit }) => {
    if (await repos.accounts.userByEmail(user.email)) {
      throw new ApiError('conflict', `an account with email ${user.email} already exists`, [
        { path: 'email', message: 'already registered' },
      ]);
    }
    await repos.accounts.addUser(user);
    await audit('create', 'users', user.id, null, presentUser(user));
  });
  return { user: presentUser(user), totpSecret: secret, totpUri: totpUri(secret, user.email) };
}

export async function auditLog(
  ctx: Context,
  options: {
    entity_type?: string | undefined;
    entity_id?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  authorise(ctx.actor, 'audit.read');
  const rows = await ctx.store.repos.audit.list({
    ...(options.entity_type !== undefined ? { entityType: options.entity_type } : {}),
    ...(options.entity_id !== undefined ? { entityId: options.entity_id } : {}),
    limit: options.limit,
    offset: options.offset,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity_type: r.entity_type,
      entity_id: r.entity_id,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    })),
  };
}
