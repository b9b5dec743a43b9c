import { readFileSync, writeFileSync } from 'node:fs';
import type { Store } from '@tulay/store';
import { StoreError, backup, openStore, parseBackup, restore } from '@tulay/store';
import type { Io } from '../io.ts';
import { EXIT, UsageError } from '../io.ts';

/** Where the database is: an SQLite file (the default file when neither is given), or a PostgreSQL URL. */
export interface DbTarget {
  sqlite?: string | undefined;
  databaseUrl?: string | undefined;
}

/** Opens the target's store (not migrated). */
export function openTarget(target: DbTarget): Store {
  return openStore(
    target.sqlite !== undefined
      ? { sqlitePath: target.sqlite }
      : { databaseUrl: target.databaseUrl },
  );
}

async function withStore(
  target: DbTarget,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  const store = openTarget(target);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `tulay db migrate`: applies the committed migrations not yet applied. */
export function dbMigrate(io: Io, target: DbTarget): Promise<number> {
  return withStore(target, async (store) => {
    const applied = await store.migrate();
    io.out(
      applied.length === 0
        ? `${store.location}: up to date.`
        : `${store.location}: applied ${applied.join(', ')}.`,
    );
    return EXIT.ok;
  });
}

/** `tulay db reindex`: rebuilds the search index from the records, in one transaction. */
export function dbReindex(io: Io, target: DbTarget): Promise<number> {
  return withStore(target, async (store) => {
    await store.migrate();
    const started = Date.now();
    const { records, entries } = await store.transaction((repos) => repos.search.reindex());
    io.out(
      `${store.location}: indexed ${records} records (${entries} entries) in ${Date.now() - started} ms.`,
    );
    return EXIT.ok;
  });
}

/** `tulay db backup FILE`: writes every table's rows as JSON (restorable into SQLite or PostgreSQL). */
export function dbBackup(io: Io, target: DbTarget, file: string): Promise<number> {
  return withStore(target, async (store) => {
    await store.migrate();
    const data = await backup(store);
    writeFileSync(file, `${JSON.stringify(data)}\n`);
    const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
    io.out(`Backed up ${rows} rows from ${store.location} to ${file}.`);
    return EXIT.ok;
  });
}

/** `tulay db restore FILE --yes`: replaces the database's content with the backup's. */
export function dbRestore(
  io: Io,
  target: DbTarget,
  file: string,
  isConfirmed: boolean,
): Promise<number> {
  if (!isConfirmed)
    throw new UsageError('restore replaces everything in the database: add --yes to confirm');
  let data;
  try {
    data = parseBackup(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (e) {
    io.err(`tulay: ${file}: ${(e as Error).message}`);
    return Promise.resolve(EXIT.invalidInput);
  }
  return withStore(target, async (store) => {
    try {
      await restore(store, data);
    } catch (e) {
      if (e instanceof StoreError) {
        io.err(`tulay: ${e.message}`);
        return EXIT.problems;
      }
      throw e;
    }
    io.out(`Restored ${file} into ${store.location}.`);
    return EXIT.ok;
  });
}
