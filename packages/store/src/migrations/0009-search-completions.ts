// A query word's completions are capped to its most frequent ones (docs/storage.md, "Search"),
// and "most frequent" must count only what the viewer's statistics count, or which completions a
// visitor gets would tell them about records they may not see. So each posting carries its
// entry's `counted_visibility`, and the covering index ends with it: picking a prefix's most
// frequent completions for a viewer reads that index range alone, never the entries.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_postings').addColumn('counted_visibility', 'text').execute();
  // Existing postings, as `reindex` would write them (the index is derived data).
  await sql`update search_postings set counted_visibility = (
    select e.counted_visibility from search_entries e where e.id = search_postings.entry_id)`.execute(
    db,
  );
  await db.schema.dropIndex('search_postings_cover').execute();
  await db.schema
    .createIndex('search_postings_cover')
    .on('search_postings')
    .columns(['term', 'form', 'field', 'tf', 'entry_id', 'counted_visibility'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('search_postings_cover').execute();
  await db.schema
    .createIndex('search_postings_cover')
    .on('search_postings')
    .columns(['term', 'form', 'field', 'tf', 'entry_id'])
    .execute();
  await db.schema.alterTable('search_postings').dropColumn('counted_visibility').execute();
}
