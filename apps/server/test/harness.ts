// A real app over a real SQLite store with the founding report loaded, one signed-in user per
// role, and a client that sends the session cookie and CSRF token like a browser would.
import type { Role, Store } from '@tulay/store';
import { loadSeed } from '@tulay/store';
import type { TestDatabase } from '@tulay/store/testing';
import { testDatabases } from '@tulay/store/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { RegisteredRoute } from '../src/http/route.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { newToken, tokenHash } from '../src/auth/tokens.ts';
import { newTotpSecret } from '../src/auth/totp.ts';
import { fixedClock } from '../src/clock.ts';

export type Who = Role | 'public' | 'unverified';
export const ROLES_AND_PUBLIC: Who[] = [
  'public',
  'member',
  'staff',
  'partner',
  'secretariat',
  'admin',
];

export const T0 = new Date('2026-03-01T09:00:00.000Z');
export const PASSWORD = 'correct horse battery staple';
/** The test member: a person with a seat in a parliament, tied to the member's account. */
export const MEMBER_PERSON = 'test_member_mp';

let passwordHash: Promise<string> | undefined;

export interface Response {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface Client {
  request(
    method: string,
    url: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<Response>;
  get(url: string): Promise<Response>;
}

export interface Harness {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  users: Record<Who, { id: string; email: string; totpSecret: string | null }>;
  as(who: Who): Promise<Client>;
  close(): Promise<void>;
}

const csrfCache = new WeakMap<FastifyInstance, { cookie: string; token: string }>();

/** A client that sends `sessionToken` (if any) and a CSRF token. */
export async function clientFor(
  app: FastifyInstance,
  sessionToken: string | undefined,
): Promise<Client> {
  let csrf = csrfCache.get(app);
  if (!csrf) {
    const res = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const setCookie = [res.headers['set-cookie'] ?? []]
      .flat()
      .find((c) => c.startsWith('tulay_csrf='));
    const cookie = setCookie?.split(';')[0]?.slice('tulay_csrf='.length) ?? '';
    csrf = { cookie, token: res.json<{ token: string }>().token };
    csrfCache.set(app, csrf);
  }
  const { cookie, token } = csrf;
  const request: Client['request'] = async (method, url, body, extraHeaders = {}) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      cookies: {
        tulay_csrf: cookie,
        ...(sessionToken !== undefined ? { tulay_session: sessionToken } : {}),
      },
      headers: { 'x-csrf-token': token, ...extraHeaders },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, body: parsed, text: res.body, headers: res.headers };
  };
  return { request, get: (url) => request('GET', url) };
}

/** Builds a fresh harness: its own database file, the seed, and a user per role. */
export async function harness(
  options: { rateLimitPerMinute?: number | false; database?: TestDatabase } = {},
): Promise<Harness> {
  const database = options.database ?? testDatabases[0];
  if (!database) throw new Error('no test database');
  const { store, dispose } = await database.open();
  await store.migrate();
  await loadSeed(store, { now: T0.toISOString() });
  const clock = fixedClock(T0);
  const { app, routes } = await buildApp({
    store,
    clock,
    logLevel: 'silent',
    validateResponses: true,
    rateLimitPerMinute: options.rateLimitPerMinute ?? false,
  });
  const now = T0.toISOString();
  const { records, accounts } = store.repos;
  const recorded = { visibility: 'public' as const, created_at: now, updated_at: now, extra: '{}' };
  await records.insert('people', {
    id: MEMBER_PERSON,
    name: 'Test Member',
    sort_name: null,
    honorific_prefix: 'Hon.',
    national_identity: null,
    area_id: 'ocd-division/country:th',
    summary: null,
    ...recorded,
  });
  await records.insert('organizations', {
    id: 'test_parliament',
    name: 'Test Parliament',
    classification: 'parliament',
    parent_id: null,
    area_id: 'ocd-division/country:th',
    founding_date: null,
    dissolution_date: null,
    description: null,
    ...recorded,
  });
  await records.insert('texts', {
    id: 'test_resolution',
    kind: 'resolution',
    programme_id: null,
    authoritative_language: 'en',
    status: 'open',
    is_endorsable: 1,
    ...recorded,
  });
  await store.repos.texts.add({
    id: 'test_resolution_v1',
    text_id: 'test_resolution',
    version: 1,
    language: 'en',
    title: 'Test resolution',
    body: 'Resolved, for testing.',
    note: null,
    created_at: now,
    created_by: null,
  });
  await records.insert('commitments', {
    id: 'test_commitment',
    programme_id: null,
    title: 'Table a bill on portability of benefits',
    description: null,
    status: 'in_progress',
    review_date: '2026-06',
    ...recorded,
  });
  await store.repos.commitments.addOwner({
    id: 'test_owner',
    commitment_id: 'test_commitment',
    owner_type: 'person',
    owner_id: MEMBER_PERSON,
  });
  await records.insert('texts', {
    id: 'test_statement',
    kind: 'statement',
    programme_id: null,
    authoritative_language: 'en',
    status: 'draft',
    is_endorsable: 1,
    ...recorded,
  });
  await store.repos.texts.add({
    id: 'test_statement_v1',
    text_id: 'test_statement',
    version: 1,
    language: 'en',
    title: 'Test statement',
    body: 'We call for portability.',
    note: null,
    created_at: now,
    created_by: null,
  });
  await records.insert('posts', {
    id: 'test_post',
    organization_id: 'test_parliament',
    label: 'Chair of the Labour Committee',
    role: 'chair',
    area_id: null,
    start_date: null,
    end_date: null,
    ...recorded,
  });
  await records.insert('programmes', {
    id: 'test_programme',
    name: 'Test exchange visit',
    classification: 'exchange_visit',
    series_number: null,
    start_date: '2026-02',
    end_date: null,
    city: 'Bangkok',
    area_id: 'ocd-division/country:th',
    description: null,
    organization_ids: '[]',
    ...recorded,
  });
  await records.insert('programme_sessions', {
    id: 'test_session',
    programme_id: 'test_programme',
    name: 'Site visit',
    position: 1,
    start_date: null,
    description: null,
    ...recorded,
  });
  await records.insert('participants', {
    id: 'test_participant',
    programme_id: 'test_programme',
    person_id: MEMBER_PERSON,
    role: 'participant',
    organization_id: null,
    ...recorded,
  });
  await records.insert('follow_ups', {
    id: 'test_follow_up',
    commitment_id: 'test_commitment',
    title: 'Ask for a progress report',
    description: null,
    due_date: '2026-04-01',
    status: 'open',
    ...recorded,
  });
  await records.insert('topics', {
    id: 'test_topic',
    kind: 'area_for_action',
    name: 'Test area',
    description: null,
    position: 99,
    ...recorded,
  });
  await records.insert('memberships', {
    id: 'test_member_seat',
    person_id: MEMBER_PERSON,
    organization_id: 'test_parliament',
    post_id: null,
    on_behalf_of_id: null,
    role: 'member',
    label: 'Member of the House of Representatives',
    area_id: null,
    start_date: '2023-05',
    end_date: null,
    status: 'current',
    ...recorded,
  });
  // The rows above went straight to the tables: index them as the use cases would.
  const { search } = store.repos;
  await search.refresh('person', MEMBER_PERSON);
  await search.refresh('organization', 'test_parliament');
  await search.refresh('programme', 'test_programme');
  await search.refresh('text', 'test_resolution');
  await search.refresh('text', 'test_statement');
  await search.refresh('commitment', 'test_commitment');
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const users = {} as Harness['users'];
  const tokens = {} as Record<Who, string | undefined>;
  const everyone: Who[] = [...ROLES_AND_PUBLIC, 'unverified'];
  for (const who of everyone) {
    if (who === 'public') {
      users.public = { id: 'public', email: '', totpSecret: null };
      continue;
    }
    const role: Role = who === 'unverified' ? 'member' : who;
    const id = crypto.randomUUID();
    const email = `${who}@example.org`;
    const totpSecret = role === 'secretariat' || role === 'admin' ? newTotpSecret() : null;
    await accounts.addUser({
      id,
      email,
      display_name: `Test ${who}`,
      role,
      password_hash: hash,
      person_id: who === 'member' || who === 'staff' ? MEMBER_PERSON : null,
      is_verified: who === 'member' ? 1 : 0,
      totp_secret: totpSecret,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    });
    const token = newToken();
    await accounts.addSession({
      id: tokenHash(token),
      user_id: id,
      created_at: now,
      expires_at: '2099-01-01T00:00:00.000Z',
    });
    users[who] = { id, email, totpSecret };
    tokens[who] = token;
  }
  return {
    app,
    routes,
    store,
    clock,
    users,
    as: (who) => clientFor(app, tokens[who]),
    async close() {
      await app.close();
      await dispose();
    },
  };
}
