// Logical backups: every table's rows as JSON, in a stable order. The same file restores into
// SQLite or PostgreSQL, because every column is text or integer in both (see schema.ts).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { TableName } from './schema.ts';
import { Search } from './repositories/search.ts';
import { TABLES } from './schema.ts';
import type { Store } from './store.ts';
import { StoreError } from './store.ts';

/** The format of a backup file. */
export interface Backup {
  format: 'tulay-backup';
  version: 1;
  /** The migrations the database had: a restore needs the same schema. */
  migrations: string[];
  tables: Record<TableName, Record<string, unknown>[]>;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const keyOf = (table: TableName): string => (table === 'meta' ? 'key' : 'id');

/** Reads every row of every table. */
export async function backup(store: Store): Promise<Backup> {
  const db = store.db as unknown as AnyDb;
  const tables = {} as Backup['tables'];
  for (const table of TABLES) {
    tables[table] = await db
      .selectFrom(table)
      .selectAll()
      .orderBy(sql.ref(keyOf(table)))
      .execute();
  }
  return {
    format: 'tulay-backup',
    version: 1,
    migrations: await store.appliedMigrations(),
    tables,
  };
}

/** Checks that `value` is a backup this version can restore, with a message naming what is wrong. */
export function parseBackup(value: unknown): Backup {
  const fail = (why: string): never => {
    throw new StoreError('backup_invalid', `not a Tulay backup: ${why}`);
  };
  if (typeof value !== 'object' || value === null) return fail('expected a JSON object');
  const record = value as Record<string, unknown>;
  if (record.format !== 'tulay-backup') return fail('"format" must be "tulay-backup"');
  if (record.version !== 1) return fail(`unsupported version ${JSON.stringify(record.version)}`);
  if (!Array.isArray(record.migrations)) return fail('"migrations" must be a list');
  const tables = record.tables;
  if (typeof tables !== 'object' || tables === null) return fail('"tables" must be an object');
  for (const table of TABLES) {
    if (!Array.isArray((tables as Record<string, unknown>)[table]))
      return fail(`table "${table}" is missing`);
  }
  return value as Backup;
}

/** Orders rows so that a row's parent (organizations.parent_id) is inserted before it. */
function parentsFirst(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const done = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const visit = (row: Record<string, unknown>, depth: number): void => {
    const id = String(row.id);
    if (done.has(id) || depth > rows.length) return;
    const parent = typeof row.parent_id === 'string' ? byId.get(row.parent_id) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(id);
    out.push(row);
  };
  for (const row of rows) visit(row, 0);
  return out;
}

/**
 * Replaces the database's content with the backup's, in one transaction. The database is first
 * migrated; the backup must have been taken at the same migrations.
 */
export async function restore(store: Store, data: Backup): Promise<void> {
  await store.migrate();
  const applied = await store.appliedMigrations();
  if (JSON.stringify(applied) !== JSON.stringify(data.migrations)) {
    throw new StoreError(
      'backup_invalid',
      `the backup was taken at migrations [${data.migrations.join(', ')}] but this database is at [${applied.join(', ')}]`,
    );
  }
  await store.db.transaction().execute(async (trx) => {
    const db = trx as unknown as AnyDb;
    for (const table of [...TABLES].reverse()) await db.deleteFrom(table).execute();
    for (const table of TABLES) {
      const rows =
        table === 'organizations' ? parentsFirst(data.tables[table]) : data.tables[table];
      // A document's bytes may be tens of megabytes: one per statement keeps each small.
      const batch = table === 'document_files' ? 1 : 100;
      for (let i = 0; i < rows.length; i += batch) {
        await db
          .insertInto(table)
          .values(rows.slice(i, i + batch))
          .execute();
      }
    }
    // The search index is not in backups: it is rebuilt from what was restored.
    await new Search(trx).reindex();
  });
}
