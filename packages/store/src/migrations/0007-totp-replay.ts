// A six-digit code is good for one sign-in only (RFC 6238 §5.2): the last time step a user's code
// was accepted for is kept, and a code of that step or an earlier one is refused.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
