// Sign-in, sessions, second factor, throttling, invitations, CSRF, rate limits, and the audit trail.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../src/auth/totp.ts';
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from '../src/routes/auth-routes.ts';
import type { Harness } from './harness.ts';
import { PASSWORD, harness } from './harness.ts';
import { clientFor } from './harness.ts';

type ErrorBody = { code: string; message: string };

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const cookieOf = (headers: Record<string, unknown>, name: string): string | undefined =>
  [headers['set-cookie'] ?? []]
    .flat()
    .map(String)
    .find((c) => c.startsWith(`${name}=`));

async function signIn(email: string, password: string, totp?: string) {
  const client = await clientFor(h.app, undefined);
  return client.request('POST', '/api/auth/login', {
    email,
    password,
    ...(totp !== undefined ? { totp } : {}),
  });
}

describe('sign-in', () => {
  it('opens a server-side session in an httpOnly, Secure, SameSite cookie', async () => {
    const res = await signIn('partner@example.org', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res.headers, 'tulay_session') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = cookie.split(';')[0]?.split('=')[1];
    const me = await (await clientFor(h.app, token)).get('/api/auth/me');
    expect((me.body as { user: { email: string } }).user.email).toBe('partner@example.org');
    // The database keeps a hash of the token, never the token.
    const sessions = await h.store.db.selectFrom('sessions').select('id').execute();
    expect(sessions.map((s) => s.id)).not.toContain(token);
  });

  it('refuses a wrong password with the same answer as an unknown email', async () => {
    const wrong = await signIn('partner@example.org', 'wrong password!');
    const unknown = await signIn('nobody@example.org', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('requires a TOTP code for the secretariat and admins', async () => {
    const secret = h.users.secretariat.totpSecret ?? '';
    expect((await signIn('secretariat@example.org', PASSWORD)).status).toBe(401);
    expect((await signIn('secretariat@example.org', PASSWORD, '000000')).status).toBe(401);
    const ok = await signIn('secretariat@example.org', PASSWORD, totpCode(secret, h.clock.now()));
    expect(ok.status, ok.text).toBe(200);
  });

  it('takes each code once: a replayed or earlier code is refused, the next one accepted', async () => {
    const secret = h.users.secretariat.totpSecret ?? '';
    const now = h.clock.now();
    const code = totpCode(secret, now);
    expect((await signIn('secretariat@example.org', PASSWORD, code)).status).toBe(200);
    const replay = await signIn('secretariat@example.org', PASSWORD, code);
    expect(replay.status).toBe(401);
    expect((replay.body as { error: { message: string } }).error.message).toMatch(/already used/);
    // The previous step's code is still within the clock-drift tolerance, but older than the
    // one used: refused as well.
    const earlier = totpCode(secret, new Date(now.getTime() - 30_000));
    expect((await signIn('secretariat@example.org', PASSWORD, earlier)).status).toBe(401);
    h.clock.advance(30_000);
    const next = await signIn('secretariat@example.org', PASSWORD, totpCode(secret, h.clock.now()));
    expect(next.status, next.text).toBe(200);
  });

  it('throttles an email after five failures in fifteen minutes, then lets it in again', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('member@example.org', 'wrong password!')).status).toBe(401);
    const blocked = await signIn('member@example.org', PASSWORD);
    expect(blocked.status).toBe(429);
    expect((blocked.body as { error: { code: string } }).error.code).toBe('login_throttled');
    h.clock.advance(16 * 60 * 1000);
    expect((await signIn('member@example.org', PASSWORD)).status).toBe(200);
  });

  it('does not count the first step of a two-step sign-in (no code yet) as a failure', async () => {
    const secret = h.users.secretariat.totpSecret ?? '';
    // Six times the first step: five failures would lock the account (the route allows ten a minute).
    for (let i = 0; i < 6; i++) {
      const step = await signIn('secretariat@example.org', PASSWORD);
      expect((step.body as { error: { code: string } }).error.code).toBe('totp_required');
    }
    const ok = await signIn('secretariat@example.org', PASSWORD, totpCode(secret, h.clock.now()));
    expect(ok.status, ok.text).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const res = await signIn('partner@example.org', PASSWORD);
    const token = (cookieOf(res.headers, 'tulay_session') ?? '').split(';')[0]?.split('=')[1];
    const client = await clientFor(h.app, token);
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(200);
    expect(((await client.get('/api/auth/me')).body as { user: unknown }).user).toBeNull();
  });

  it('refuses a mutation without the CSRF token', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.org', password: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('csrf_invalid');
  });
});

describe('invitations', () => {
  it('are one-time: the second use of a link is refused', async () => {
    const admin = await h.as('admin');
    const { token } = (await admin.request('POST', '/api/invitations', { role: 'partner' }))
      .body as { token: string };
    const visitor = await clientFor(h.app, undefined);
    const accept = (email: string) =>
      visitor.request('POST', `/api/invitations/${token}/accept`, {
        email,
        display_name: 'A Partner',
        password: PASSWORD,
      });
    expect((await accept('one@example.org')).status).toBe(201);
    const again = await accept('two@example.org');
    expect(again.status).toBe(410);
    expect((again.body as { error: { code: string } }).error.code).toBe('invitation_used');
  });

  it('expire', async () => {
    const admin = await h.as('admin');
    const { token } = (
      await admin.request('POST', '/api/invitations', { role: 'partner', expires_in_hours: 1 })
    ).body as { token: string };
    h.clock.advance(61 * 60 * 1000);
    const visitor = await clientFor(h.app, undefined);
    const res = await visitor.get(`/api/invitations/${token}`);
    expect(res.status).toBe(410);
    expect((res.body as { error: { code: string } }).error.code).toBe('invitation_expired');
  });

  it('set up a second factor for a secretariat invitation before the account exists', async () => {
    const admin = await h.as('admin');
    const { token } = (
      await admin.request('POST', '/api/invitations', {
        role: 'secretariat',
        email: 'sec2@example.org',
      })
    ).body as { token: string };
    const visitor = await clientFor(h.app, undefined);
    const peek = (await visitor.get(`/api/invitations/${token}`)).body as {
      totp_secret: string;
      totp_uri: string;
    };
    expect(peek.totp_uri).toMatch(/^otpauth:\/\/totp\//);
    const body = { display_name: 'Second Secretariat', password: PASSWORD };
    const without = await visitor.request('POST', `/api/invitations/${token}/accept`, body);
    expect(without.status).toBe(400);
    expect((without.body as { error: { fields: { path: string }[] } }).error.fields[0]?.path).toBe(
      'body.totp',
    );
    const ok = await visitor.request('POST', `/api/invitations/${token}/accept`, {
      ...body,
      totp: totpCode(peek.totp_secret, h.clock.now()),
    });
    expect(ok.status, ok.text).toBe(201);
    expect((ok.body as { user: { has_totp: boolean } }).user.has_totp).toBe(true);
  });

  it('may not be made for the secretariat by the secretariat', async () => {
    const secretariat = await h.as('secretariat');
    expect((await secretariat.request('POST', '/api/invitations', { role: 'admin' })).status).toBe(
      403,
    );
  });
});

describe('every change is audited', () => {
  it('records who changed what, when, with the record before and after', async () => {
    const secretariat = await h.as('secretariat');
    expect(
      (
        await secretariat.request('PATCH', '/api/people/test_member_mp', {
          summary: 'Chairs the labour committee.',
        })
      ).status,
    ).toBe(200);
    const log = (await secretariat.get('/api/audit?entity_type=people&entity_id=test_member_mp'))
      .body as {
      items: {
        actor: string;
        action: string;
        at: string;
        before: { summary: string | null };
        after: { summary: string };
      }[];
    };
    const [entry] = log.items;
    expect(entry?.actor).toBe(`user:${h.users.secretariat.id}`);
    expect(entry?.action).toBe('update');
    expect(entry?.at).toBe(h.clock.now().toISOString());
    expect(entry?.before.summary).toBeNull();
    expect(entry?.after.summary).toBe('Chairs the labour committee.');
  });
});

describe('rate limits', () => {
  it('answer 429 in the JSON error format', async () => {
    const limited = await harness({ rateLimitPerMinute: 3 });
    try {
      const client = await clientFor(limited.app, undefined);
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.get('/api/health')).status);
      expect(statuses.slice(-1)).toEqual([429]);
      const res = await client.get('/api/health');
      expect((res.body as { error: { code: string } }).error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe.each(testDatabases)('sign-in limits, on $name', (database) => {
  let limited: Harness;
  let csrf: { cookie: string; token: string };
  beforeAll(async () => {
    limited = await harness({ database });
    const res = await limited.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const cookie = cookieOf(res.headers, 'tulay_csrf')?.split(';')[0]?.split('=')[1] ?? '';
    csrf = { cookie, token: res.json<{ token: string }>().token };
  }, 60_000);
  afterAll(async () => {
    await limited.close();
  });

  /** A sign-in from `address`, as one person of an office behind it. */
  const attempt = async (address: string, body: Record<string, unknown>) => {
    const res = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      cookies: { tulay_csrf: csrf.cookie },
      headers: { 'x-csrf-token': csrf.token },
      payload: body,
    });
    const error = res.statusCode >= 400 ? res.json<{ error: ErrorBody }>().error : undefined;
    return { status: res.statusCode, error, retryAfter: res.headers['retry-after'] };
  };

  it('refuse the eleventh attempt in a minute on one email, from any address', async () => {
    const email = 'partner@example.org';
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT; i++) {
      const ok = await attempt('10.1.0.1', { email, password: PASSWORD });
      expect(ok.status, ok.error?.message).toBe(200);
    }
    // The right password does not help; nor does another address; nor capitals.
    for (const [address, as] of [
      ['10.1.0.1', email],
      ['10.1.0.2', 'Partner@Example.org'],
    ] as const) {
      const refused = await attempt(address, { email: as, password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(refused.error?.code).toBe('rate_limited');
      expect(refused.error?.message).toMatch(
        /^too many sign-in attempts for this email: try again in \d+ seconds?$/,
      );
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    }
    // Someone else at the same address signs in.
    const colleague = await attempt('10.1.0.1', {
      email: 'member@example.org',
      password: PASSWORD,
    });
    expect(colleague.status, colleague.error?.message).toBe(200);
  });

  it('let eleven people behind one address sign in, each to their own account', async () => {
    const { password_hash } =
      (await limited.store.repos.accounts.userByEmail('member@example.org')) ?? {};
    const now = limited.clock.now().toISOString();
    const emails = Array.from({ length: 11 }, (_, i) => `office-${i}@example.org`);
    for (const email of emails)
      await limited.store.repos.accounts.addUser({
        id: crypto.randomUUID(),
        email,
        display_name: email,
        role: 'partner',
        password_hash: password_hash ?? '',
        person_id: null,
        is_verified: 0,
        totp_secret: null,
        created_at: now,
        updated_at: now,
        disabled_at: null,
      });
    for (const email of emails) {
      const res = await attempt('10.2.0.1', { email, password: PASSWORD });
      expect(res.status, `${email}: ${res.error?.message ?? ''}`).toBe(200);
    }
  });

  it(`hold ${SIGN_IN_PER_ADDRESS} attempts a minute from one address, whatever the emails`, async () => {
    // Bodies without a password are refused as invalid (400) without a password check or a
    // recorded failure, so they count toward the ceiling and nothing else.
    for (let i = 0; i < SIGN_IN_PER_ADDRESS; i++) {
      const res = await attempt('10.3.0.1', { email: `spray-${i}@example.org` });
      expect(res.status).toBe(400);
    }
    const refused = await attempt('10.3.0.1', { email: 'member@example.org', password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.error?.code).toBe('rate_limited');
    expect(refused.error?.message).toMatch(
      /^too many sign-in attempts from your address: try again in \d+ seconds?$/,
    );
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The same account from another address is still let in.
    const elsewhere = await attempt('10.3.0.2', {
      email: 'member@example.org',
      password: PASSWORD,
    });
    expect(elsewhere.status, elsewhere.error?.message).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a content security policy and the usual hardening headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});
