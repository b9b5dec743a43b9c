// The composition root of the store: the one place that knows both adapters.
import { join, resolve } from 'node:path';
import { openPostgres } from './postgres/postgres-database.ts';
import { openSqlite } from './sqlite/sqlite-database.ts';
import { Store } from './store.ts';

export interface StoreOptions {
  /** A `postgres://` URL; when absent, SQLite is used. */
  databaseUrl?: string | undefined;
  /** The SQLite file, or `:memory:`; defaults to `data/tulay.sqlite` under `root`. */
  sqlitePath?: string | undefined;
  /** The repository root, for the default SQLite file (default: this repository's root). */
  root?: string | undefined;
}

/** The root of the repository this package is in. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The default SQLite file: `data/tulay.sqlite` under the repository root. */
export function defaultSqlitePath(root: string): string {
  return join(root, 'data', 'tulay.sqlite');
}

/** Opens the store: PostgreSQL when a URL is given, otherwise SQLite. Does not migrate. */
export function openStore(options: StoreOptions): Store {
  const url = options.databaseUrl;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0] ?? ''}:…")`,
      );
    }
    return new Store(openPostgres(url));
  }
  return new Store(openSqlite(options.sqlitePath ?? defaultSqlitePath(options.root ?? REPO_ROOT)));
}
