// The search index, faster and fairer: a covering index on the postings (a query reads its terms'
// postings from the index alone, without a row lookup per posting), and a second visibility per
// entry for BM25's collection statistics, so that a result's score does not depend on records the
// viewer may not see or that are not published (docs/storage.md, "Search").
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** The tables each kind's records point to, as search/sources.ts's `links` were at this migration. */
const LINKS: readonly { kind: string; table: string; column: string; target: string }[] = [
  { kind: 'text', table: 'texts', column: 'programme_id', target: 'programmes' },
  { kind: 'commitment', table: 'commitments', column: 'programme_id', target: 'programmes' },
  { kind: 'document', table: 'documents', column: 'programme_id', target: 'programmes' },
  { kind: 'bill', table: 'bills', column: 'organization_id', target: 'organizations' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // The narrowest visibility of the record and of the records it points to; null while the
  // record is not published (a document under moderation): such an entry counts in no one's
  // statistics, though its submitter and the secretariat still find it.
  await db.schema.alterTable('search_entries').addColumn('counted_visibility', 'text').execute();
  // Existing entries, as `reindex` would write them (the index is derived data).
  await sql`update search_entries set counted_visibility = visibility`.execute(db);
  await sql`update search_entries set counted_visibility = null
    where kind = 'document'
      and not exists (select 1 from documents d where d.id = search_entries.record_id and d.status = 'published')`.execute(
    db,
  );
  for (const narrower of ['caucus', 'secretariat'] as const) {
    const wider = narrower === 'caucus' ? ['public'] : ['public', 'caucus'];
    for (const link of LINKS) {
      const table = sql.table(link.table);
      const column = sql.ref(`r.${link.column}`);
      await sql`update search_entries set counted_visibility = ${narrower}
        where kind = ${link.kind} and counted_visibility in (${sql.join(wider)})
          and exists (
            select 1 from ${table} r join ${sql.table(link.target)} l on l.id = ${column}
            where r.id = search_entries.record_id and l.visibility = ${narrower}
          )`.execute(db);
    }
  }
  await db.schema
    .createIndex('search_entries_counted')
    .on('search_entries')
    .columns(['counted_visibility', 'length'])
    .execute();

  // Every column a query reads from a posting, term first: the prefix range is one index range,
  // read without touching the table (PostgreSQL: once the table is vacuumed). It serves every
  // lookup the (term, entry_id) index did.
  await db.schema
    .createIndex('search_postings_cover')
    .on('search_postings')
    .columns(['term', 'form', 'field', 'tf', 'entry_id'])
    .execute();
  await db.schema.dropIndex('search_postings_term').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('search_postings_term')
    .on('search_postings')
    .columns(['term', 'entry_id'])
    .execute();
  await db.schema.dropIndex('search_postings_cover').execute();
  await db.schema.dropIndex('search_entries_counted').execute();
  await db.schema.alterTable('search_entries').dropColumn('counted_visibility').execute();
}
