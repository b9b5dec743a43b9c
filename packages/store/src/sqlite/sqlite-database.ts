import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseAdapter } from '../adapter.ts';
import type { Database } from '../schema.ts';

/** Opens (creating if needed) a SQLite database file, or `:memory:`. */
export function openSqlite(path: string): DatabaseAdapter {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new SQLite(path);
  // WAL lets readers run beside the writer; synchronous=FULL makes every committed transaction
  // durable before the commit returns, so an acknowledged endorsement survives a crash.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // Kysely prepares every query it runs; preparing is most of the cost of a small query, so the
  // statements are kept by their SQL text (bounded: lists of varying length make new texts).
  const statements = new Map<string, SQLite.Statement>();
  const database = {
    close: () => connection.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement === undefined) {
        if (statements.size >= 500) statements.clear();
        statement = connection.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    dialect: 'sqlite',
    db,
    location: path,
    isUniqueViolation: (error) =>
      error instanceof Error &&
      'code' in error &&
      (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
    close: () => db.destroy(),
  };
}
