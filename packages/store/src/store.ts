import type { Kysely, MigrationResultSet } from 'kysely';
import { Migrator } from 'kysely';
import type { DatabaseAdapter } from './adapter.ts';
import { migrationProvider } from './migrations/index.ts';
import { Accounts } from './repositories/accounts.ts';
import { Activities } from './repositories/activities.ts';
import { AuditLog } from './repositories/audit-log.ts';
import { Commitments } from './repositories/commitments.ts';
import { Documents } from './repositories/documents.ts';
import { Endorsements } from './repositories/endorsements.ts';
import { Meta } from './repositories/meta.ts';
import { Records } from './repositories/records.ts';
import { Search } from './repositories/search.ts';
import { TextVersions } from './repositories/texts.ts';
import { Workshops } from './repositories/workshops.ts';
import type { Database } from './schema.ts';

/** The repositories, bound to the database or to one transaction. */
export interface Repositories {
  readonly records: Records;
  readonly texts: TextVersions;
  readonly endorsements: Endorsements;
  readonly commitments: Commitments;
  readonly documents: Documents;
  readonly activities: Activities;
  readonly accounts: Accounts;
  readonly audit: AuditLog;
  readonly meta: Meta;
  readonly workshops: Workshops;
  readonly search: Search;
}

function repositories(db: Kysely<Database>): Repositories {
  return {
    records: new Records(db),
    texts: new TextVersions(db),
    endorsements: new Endorsements(db),
    commitments: new Commitments(db),
    documents: new Documents(db),
    activities: new Activities(db),
    accounts: new Accounts(db),
    audit: new AuditLog(db),
    meta: new Meta(db),
    workshops: new Workshops(db),
    search: new Search(db),
  };
}

/** A problem the store reports as a value with a code, never a raw driver error. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: 'migration_failed' | 'backup_invalid' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

/** The caucus workspace's database: migrations, transactions and repositories over one adapter. */
export class Store {
  readonly repos: Repositories;

  constructor(private readonly adapter: DatabaseAdapter) {
    this.repos = repositories(adapter.db);
  }

  get dialect(): DatabaseAdapter['dialect'] {
    return this.adapter.dialect;
  }

  get location(): string {
    return this.adapter.location;
  }

  /** The query builder, for the backup and for tests; use cases go through `repos`. */
  get db(): Kysely<Database> {
    return this.adapter.db;
  }

  isUniqueViolation(error: unknown): boolean {
    return this.adapter.isUniqueViolation(error);
  }

  /** Applies every committed migration not yet applied; returns the names applied now. */
  async migrate(): Promise<string[]> {
    const migrator = new Migrator({ db: this.adapter.db, provider: migrationProvider });
    const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
    if (error !== undefined) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new StoreError(
        'migration_failed',
        `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      );
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  /** Names of the migrations applied to this database, in order. */
  async appliedMigrations(): Promise<string[]> {
    const migrator = new Migrator({ db: this.adapter.db, provider: migrationProvider });
    const all = await migrator.getMigrations();
    return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  }

  /** Runs `work` in one transaction: all of its writes commit together or none do. */
  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.adapter.db.transaction().execute((trx) => work(repositories(trx)));
  }

  async close(): Promise<void> {
    await this.adapter.close();
  }
}
