// Who recorded a visit, a bill or an engagement: members and their staff record their own (see
// docs/api.md, who may write what), and may change only what an account of their person recorded.
// Null for rows recorded before this migration and for the seed. Kept as a user id, not a person,
// so the audit log and this column name the same account.
import type { Kysely } from 'kysely';

const TABLES = ['visits', 'bills', 'engagements'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('created_by', 'text').execute();
    await db.schema.createIndex(`${table}_created_by`).on(table).column('created_by').execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_created_by`).execute();
    await db.schema.alterTable(table).dropColumn('created_by').execute();
  }
}
