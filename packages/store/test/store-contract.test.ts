// One contract for every database: each test runs on SQLite and, when reachable, PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backup, parseBackup, restore } from '../src/backup.ts';
import type { Store } from '../src/store.ts';
import type { Visibility } from '../src/schema.ts';
import { testDatabases } from '../src/testing/test-databases.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const everyone: Visibility[] = ['public'];
const caucus: Visibility[] = ['public', 'caucus'];
const secretariat: Visibility[] = ['public', 'caucus', 'secretariat'];

async function person(
  store: Store,
  id: string,
  name: string,
  visibility: Visibility = 'public',
): Promise<void> {
  await store.repos.records.insert('people', {
    id,
    name,
    sort_name: null,
    honorific_prefix: null,
    national_identity: null,
    area_id: 'ocd-division/country:th',
    summary: null,
    extra: '{}',
    visibility,
    created_at: T0,
    updated_at: T0,
  });
}

async function user(store: Store, id: string, personId: string | null): Promise<void> {
  await store.repos.accounts.addUser({
    id,
    email: `${id}@example.org`,
    display_name: id,
    role: 'member',
    password_hash: 'x',
    person_id: personId,
    is_verified: 1,
    totp_secret: null,
    created_at: T0,
    updated_at: T0,
    disabled_at: null,
  });
}

async function text(store: Store, id: string, visibility: Visibility = 'public'): Promise<void> {
  await store.repos.records.insert('texts', {
    id,
    kind: 'resolution',
    programme_id: null,
    authoritative_language: 'en',
    status: 'open',
    is_endorsable: 1,
    extra: '{}',
    visibility,
    created_at: T0,
    updated_at: T0,
  });
  await store.repos.texts.add({
    id: `${id}-v1-en`,
    text_id: id,
    version: 1,
    language: 'en',
    title: `Resolution ${id}`,
    body: 'Resolved.',
    note: null,
    created_at: T0,
    created_by: null,
  });
}

const endorsement = (id: string, textId: string, personId: string, userId: string) => ({
  id,
  text_id: textId,
  text_version: 1,
  person_id: personId,
  user_id: userId,
  office: '[]',
  signed_on: '2026-01-01',
  created_at: T0,
  withdrawn_at: null,
  drive_id: null,
  visibility: 'public' as const,
});

describe.each(testDatabases)('store contract on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await database.open());
    await store.migrate();
  });
  afterEach(async () => {
    await dispose();
  });

  it('migrates once: a second run applies nothing', async () => {
    expect(await store.migrate()).toEqual([]);
    expect(await store.appliedMigrations()).toEqual(['0001-caucus-workspace', '0003-search']);
  });

  it('filters every read by visibility: get, list, count and search', async () => {
    await person(store, 'p-public', 'Ana Public');
    await person(store, 'p-caucus', 'Ana Caucus', 'caucus');
    await person(store, 'p-secret', 'Ana Secret', 'secretariat');
    const { records } = store.repos;
    expect(await records.get('people', 'p-caucus', everyone)).toBeUndefined();
    expect((await records.get('people', 'p-caucus', caucus))?.name).toBe('Ana Caucus');
    expect((await records.list('people', everyone)).map((p) => p.id)).toEqual(['p-public']);
    expect(await records.count('people', caucus)).toBe(2);
    expect(await records.count('people', secretariat)).toBe(3);
    expect((await records.list('people', everyone, { q: 'ana' })).map((p) => p.id)).toEqual([
      'p-public',
    ]);
    expect((await records.list('people', secretariat, { q: 'SECRET' })).map((p) => p.id)).toEqual([
      'p-secret',
    ]);
  });

  it('matches search terms literally, including LIKE wildcards and Thai script', async () => {
    await person(store, 'p1', '100% Ana');
    await person(store, 'p2', '100 Ana');
    await person(store, 'p3', 'สมชาย ใจดี');
    const ids = async (q: string) =>
      (await store.repos.records.list('people', everyone, { q })).map((p) => p.id);
    expect(await ids('100%')).toEqual(['p1']);
    expect(await ids('_')).toEqual([]);
    expect(await ids('ใจดี')).toEqual(['p3']);
  });

  it('pages lists in a stable order', async () => {
    for (const n of [3, 1, 2]) await person(store, `p${n}`, `Person ${n}`);
    const page1 = await store.repos.records.list('people', everyone, { limit: 2, offset: 0 });
    const page2 = await store.repos.records.list('people', everyone, { limit: 2, offset: 2 });
    expect([...page1, ...page2].map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses a second live endorsement of a text by the same person, and allows one after withdrawal', async () => {
    await person(store, 'p1', 'Member One');
    await user(store, 'u1', 'p1');
    await text(store, 't1');
    const { endorsements } = store.repos;
    await endorsements.add(endorsement('e1', 't1', 'p1', 'u1'));
    const second = endorsements.add(endorsement('e2', 't1', 'p1', 'u1'));
    const error = await second.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(store.isUniqueViolation(error)).toBe(true);
    expect(await endorsements.count('t1')).toBe(1);
    await endorsements.withdraw('e1', T0);
    expect(await endorsements.count('t1')).toBe(0);
    await endorsements.add(endorsement('e3', 't1', 'p1', 'u1'));
    expect(await endorsements.count('t1')).toBe(1);
    expect((await endorsements.byPeople('t1', ['p1'])).map((e) => e.id).sort()).toEqual([
      'e1',
      'e3',
    ]);
  });

  it('rolls a transaction back whole when any write fails', async () => {
    await person(store, 'p1', 'Kept');
    const failing = store.transaction(async (repos) => {
      await repos.records.update('people', 'p1', { name: 'Changed' });
      await repos.records.insert('people', {
        id: 'p1',
        name: 'Duplicate',
        sort_name: null,
        honorific_prefix: null,
        national_identity: null,
        area_id: null,
        summary: null,
        extra: '{}',
        visibility: 'public',
        created_at: T0,
        updated_at: T0,
      });
    });
    await expect(failing).rejects.toThrow();
    expect((await store.repos.records.getAny('people', 'p1'))?.name).toBe('Kept');
  });

  it('marks a one-time invitation used only once', async () => {
    await user(store, 'admin', null);
    await store.repos.accounts.addInvitation({
      id: 'i1',
      token_hash: 'h1',
      email: null,
      role: 'member',
      person_id: null,
      drive_id: null,
      totp_secret: null,
      created_by: 'admin',
      created_at: T0,
      expires_at: '2026-02-01T00:00:00.000Z',
      used_at: null,
      used_by: null,
    });
    expect(await store.repos.accounts.useInvitation('i1', T0, 'admin')).toBe(true);
    expect(await store.repos.accounts.useInvitation('i1', T0, 'admin')).toBe(false);
  });

  it('counts failed sign-ins by email and by address within a window', async () => {
    const { accounts } = store.repos;
    await accounts.addLoginFailure({
      id: 'f1',
      email: 'a@x.org',
      ip: '1.1.1.1',
      at: '2026-01-01T00:00:00.000Z',
    });
    await accounts.addLoginFailure({
      id: 'f2',
      email: 'a@x.org',
      ip: '2.2.2.2',
      at: '2026-01-01T00:10:00.000Z',
    });
    await accounts.addLoginFailure({
      id: 'f3',
      email: 'b@x.org',
      ip: '1.1.1.1',
      at: '2026-01-01T00:20:00.000Z',
    });
    expect(await accounts.loginFailures('a@x.org', '1.1.1.1', '2025-12-31T00:00:00.000Z')).toEqual({
      byEmail: 2,
      byIp: 2,
    });
    expect(await accounts.loginFailures('a@x.org', '1.1.1.1', '2026-01-01T00:05:00.000Z')).toEqual({
      byEmail: 1,
      byIp: 1,
    });
    await accounts.prune('2026-01-01T00:15:00.000Z', '2026-01-01T00:15:00.000Z');
    expect(await accounts.loginFailures('a@x.org', '1.1.1.1', '2025-12-31T00:00:00.000Z')).toEqual({
      byEmail: 0,
      byIp: 1,
    });
  });

  it('keeps an audit trail with the record before and after', async () => {
    await store.repos.audit.record({
      id: 'a1',
      at: T0,
      actor: 'user:u1',
      action: 'update',
      entityType: 'people',
      entityId: 'p1',
      before: { name: 'Old' },
      after: { name: 'New' },
    });
    const [entry] = await store.repos.audit.list({ entityId: 'p1', limit: 10, offset: 0 });
    expect(entry?.actor).toBe('user:u1');
    expect(JSON.parse(entry?.before ?? 'null')).toEqual({ name: 'Old' });
    expect(JSON.parse(entry?.after ?? 'null')).toEqual({ name: 'New' });
  });

  it('restores a backup to an identical database', async () => {
    await person(store, 'p1', 'Ana', 'caucus');
    await person(store, 'p2', 'สมชาย');
    await user(store, 'u1', 'p1');
    await text(store, 't1');
    await store.repos.endorsements.add(endorsement('e1', 't1', 'p1', 'u1'));
    await store.repos.records.insert('organizations', {
      id: 'child',
      name: 'Child',
      classification: 'party',
      parent_id: null,
      area_id: null,
      founding_date: null,
      dissolution_date: null,
      description: null,
      extra: '{}',
      visibility: 'public',
      created_at: T0,
      updated_at: T0,
    });
    await store.repos.records.insert('organizations', {
      id: 'a-parent',
      name: 'Parent',
      classification: 'parliament',
      parent_id: null,
      area_id: null,
      founding_date: '2011-09',
      dissolution_date: null,
      description: null,
      extra: '{"other_names":[{"name":"P"}]}',
      visibility: 'public',
      created_at: T0,
      updated_at: T0,
    });
    await store.repos.records.update('organizations', 'a-parent', { parent_id: 'child' });
    await store.repos.records.update('organizations', 'child', { parent_id: null });
    await store.repos.meta.set('seed', 'loaded');
    const before = await backup(store);
    const file = JSON.parse(JSON.stringify(before)) as unknown;

    const other = await database.open();
    try {
      await restore(other.store, parseBackup(file));
      expect(await backup(other.store)).toEqual(before);
      // Restoring over existing data replaces it rather than merging.
      await person(other.store, 'p3', 'Extra');
      await restore(other.store, parseBackup(file));
      expect(await backup(other.store)).toEqual(before);
    } finally {
      await other.dispose();
    }
  });

  it('rejects a file that is not a backup, naming what is wrong', () => {
    expect(() => parseBackup({ format: 'other' })).toThrow('"format" must be "tulay-backup"');
    expect(() =>
      parseBackup({ format: 'tulay-backup', version: 1, migrations: [], tables: {} }),
    ).toThrow('table "people" is missing');
  });
});
