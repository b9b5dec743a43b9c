// `tulay db` and `tulay admin create` end to end, on SQLite files of their own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, loadSeed, openStore } from '@tulay/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../io.ts';
import { main } from '../main.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tulay-cli-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function capture(): Io & { out: (t: string) => void; text: () => string; errors: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    text: () => out.join('\n'),
    errors: () => err.join('\n'),
  };
}

describe('tulay db', () => {
  it('migrates, backs up, and restores to an identical database', async () => {
    const source = join(dir, 'source.sqlite');
    const target = join(dir, 'target.sqlite');
    const file = join(dir, 'backup.json');
    const io = capture();
    expect(await main(['db', 'migrate', '--sqlite', source], io)).toBe(0);
    expect(io.text()).toMatch(/applied 0001-caucus-workspace/);
    const store = openStore({ sqlitePath: source });
    await loadSeed(store);
    const before = await backup(store);
    await store.close();

    expect(await main(['db', 'backup', file, '--sqlite', source], io)).toBe(0);
    expect(await main(['db', 'restore', file, '--sqlite', target], io)).toBe(2);
    expect(await main(['db', 'restore', file, '--yes', '--sqlite', target], io)).toBe(0);
    const restored = openStore({ sqlitePath: target });
    try {
      expect(await backup(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(before);
  });

  it('rebuilds the search index: a record written behind the index is found after reindex', async () => {
    const sqlite = join(dir, 'reindex.sqlite');
    const store = openStore({ sqlitePath: sqlite });
    await store.migrate();
    await loadSeed(store);
    const everyone = { scope: ['public' as const], userId: null };
    const find = async () =>
      (await store.repos.search.search({ q: 'Nakhon Ratchasima', limit: 10, offset: 0 }, everyone))
        .items;
    // Written straight to the table, as an import or an older version of Tulay would.
    await store.repos.records.insert('people', {
      id: 'p_reindex',
      name: 'Somchai Nakhon Ratchasima',
      sort_name: null,
      honorific_prefix: null,
      national_identity: null,
      area_id: null,
      summary: null,
      extra: '{}',
      visibility: 'public',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    expect(await find()).toEqual([]);
    await store.close();

    const io = capture();
    expect(await main(['db', 'reindex', '--sqlite', sqlite], io)).toBe(0);
    expect(io.text()).toMatch(/indexed \d+ records \(\d+ entries\)/);
    const reopened = openStore({ sqlitePath: sqlite });
    try {
      const items = (
        await reopened.repos.search.search(
          { q: 'Nakhon Ratchasima', limit: 10, offset: 0 },
          { scope: ['public'], userId: null },
        )
      ).items;
      expect(items.map((i) => [i.kind, i.id])).toEqual([['person', 'p_reindex']]);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a file that is not a backup, saying why', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"format":"something else"}');
    const io = capture();
    expect(
      await main(['db', 'restore', file, '--yes', '--sqlite', join(dir, 'x.sqlite')], io),
    ).toBe(2);
    expect(io.errors()).toMatch(/"format" must be "tulay-backup"/);
  });
});

describe('tulay admin create', () => {
  it('creates an admin with a TOTP secret, once per email', async () => {
    const sqlite = join(dir, 'admin.sqlite');
    const io = capture();
    expect(
      await main(
        [
          'admin',
          'create',
          '--email',
          'Admin@Example.org',
          '--name',
          'First Admin',
          '--sqlite',
          sqlite,
        ],
        io,
      ),
    ).toBe(0);
    expect(io.text()).toMatch(/Password \(shown once\): \S{20,}/);
    expect(io.text()).toMatch(/otpauth:\/\/totp\//);
    const again = capture();
    expect(
      await main(
        ['admin', 'create', '--email', 'admin@example.org', '--name', 'Again', '--sqlite', sqlite],
        again,
      ),
    ).toBe(1);
    expect(again.errors()).toMatch(/already exists/);
    const store = openStore({ sqlitePath: sqlite });
    try {
      const user = await store.repos.accounts.userByEmail('admin@example.org');
      expect(user?.role).toBe('admin');
      expect(user?.totp_secret).not.toBeNull();
      expect(user?.password_hash.startsWith('$argon2id$')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('needs an email and a name', async () => {
    const io = capture();
    expect(
      await main(['admin', 'create', '--name', 'X', '--sqlite', join(dir, 'a.sqlite')], io),
    ).toBe(2);
    expect(io.errors()).toMatch(/--email/);
  });
});
