// The databases the contract suite runs on: SQLite always, PostgreSQL when
// TULAY_TEST_POSTGRES_URL points at a server we may create databases on (CI sets it).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../open-store.ts';
import type { Store } from '../store.ts';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store of its own; `dispose` closes and deletes it. */
  open(): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  open() {
    const dir = mkdtempSync(join(tmpdir(), 'tulay-store-'));
    const store = openStore({ sqlitePath: join(dir, 'test.sqlite') });
    return Promise.resolve({
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};

/** A database of its own on the test server, dropped afterwards, so runs never collide. */
function postgres(serverUrl: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const name = `tulay_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const store = openStore({ databaseUrl: url.toString() });
      return {
        store,
        async dispose() {
          await store.close();
          const client = new pg.Client({ connectionString: serverUrl });
          await client.connect();
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
        },
      };
    },
  };
}

const postgresUrl = process.env.TULAY_TEST_POSTGRES_URL;

/** Every database the suite can reach here. */
export const testDatabases: TestDatabase[] =
  postgresUrl !== undefined && postgresUrl !== '' ? [sqlite, postgres(postgresUrl)] : [sqlite];
