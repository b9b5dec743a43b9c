// Kill the server (SIGKILL, no shutdown) while members are endorsing: every endorsement the
// server acknowledged with 201 is in the database afterwards, once, and the file is intact.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '@tulay/store';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addSignedInMember } from './signed-in-member.ts';

const MEMBERS = 400;
const NOW = '2026-03-01T09:00:00.000Z';

async function prepare(file: string): Promise<string[]> {
  const store = openStore({ sqlitePath: file });
  await store.migrate();
  const recorded = { visibility: 'public' as const, created_at: NOW, updated_at: NOW, extra: '{}' };
  await store.repos.records.insert('texts', {
    id: 'crash_text',
    kind: 'resolution',
    programme_id: null,
    authoritative_language: 'en',
    status: 'open',
    is_endorsable: 1,
    ...recorded,
  });
  await store.repos.texts.add({
    id: 'crash_v1',
    text_id: 'crash_text',
    version: 1,
    language: 'en',
    title: 'T',
    body: 'B',
    note: null,
    created_at: NOW,
    created_by: null,
  });
  const tokens: string[] = [];
  await store.transaction(async (repos) => {
    for (let i = 0; i < MEMBERS; i++) {
      tokens.push(
        await addSignedInMember(repos, {
          personId: `crash_person_${i}`,
          userId: `u${i}`,
          email: `m${i}@example.org`,
          name: `Member ${i}`,
          now: NOW,
        }),
      );
    }
  });
  await store.close();
  return tokens;
}

describe('a crash in the middle of writes', () => {
  it('loses no acknowledged endorsement', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tulay-crash-'));
    const file = join(dir, 'crash.sqlite');
    try {
      const tokens = await prepare(file);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'crash-server.fixture.ts'), file],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: child.stdout }).once('line', resolve),
      );
      const { address } = JSON.parse(line) as { address: string };
      const csrf = await fetch(`${address}/api/auth/csrf`);
      const csrfCookie = (csrf.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { token: csrfToken } = (await csrf.json()) as { token: string };

      const acknowledged: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < tokens.length) {
          const i = next++;
          try {
            const res = await fetch(`${address}/api/texts/crash_text/endorsements`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-csrf-token': csrfToken,
                cookie: `${csrfCookie}; tulay_session=${tokens[i] ?? ''}`,
              },
              body: '{}',
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          } catch {
            return; // the server is gone
          }
          if (acknowledged.length >= MEMBERS / 4) child.kill('SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      child.kill('SIGKILL');
      await exited;
      expect(acknowledged.length).toBeGreaterThanOrEqual(MEMBERS / 4);
      expect(acknowledged.length).toBeLessThan(MEMBERS);

      const store = openStore({ sqlitePath: file });
      try {
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
          store.db,
        );
        expect(integrity.rows[0]?.integrity_check).toBe('ok');
        const stored = await store.db
          .selectFrom('endorsements')
          .select(['id', 'person_id'])
          .execute();
        const ids = new Set(stored.map((e) => e.id));
        expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
        expect(new Set(stored.map((e) => e.person_id)).size).toBe(stored.length);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
