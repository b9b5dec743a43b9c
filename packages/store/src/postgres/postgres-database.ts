import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DatabaseAdapter } from '../adapter.ts';
import type { Database } from '../schema.ts';

/** Connects to PostgreSQL at `url` (a `postgres://` connection string). */
export function openPostgres(url: string): DatabaseAdapter {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (a restart, or a test database dropped with FORCE)
  // is reported here; pg then discards it and the next query opens a new one, and a query that
  // cannot connect fails with its own error. Without a listener, pg's event would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    location: redact(url),
    // 23505: unique_violation (PostgreSQL error codes, appendix A).
    isUniqueViolation: (error) =>
      error instanceof Error && 'code' in error && error.code === '23505',
    close: () => db.destroy(),
  };
}

/** The URL without its password, for logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}
