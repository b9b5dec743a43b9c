import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** What each database adapter provides; `sqlite/` and `postgres/` implement the same shape. */
export interface DatabaseAdapter {
  readonly dialect: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Where the data lives, safe to log (no password). */
  readonly location: string;
  /** Whether an error is the database refusing a duplicate under a unique constraint. */
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}
