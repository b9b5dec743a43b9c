// Full-text search: one entry per searchable record (per language for texts), and its postings
// (term, field, form, frequency). The index is derived data: `reindex` rebuilds it from the
// records, so it is neither backed up nor restored.
import type { Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text')
    .addColumn('date', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    // Last, so that reading the other columns of a row never reads a long body (SQLite keeps a
    // long value in overflow pages that are only read when the column is).
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  // Covers the collection statistics (count and average length within a visibility scope)
  // without reading the entries' bodies.
  await db.schema
    .createIndex('search_entries_stats')
    .on('search_entries')
    .columns(['visibility', 'length'])
    .execute();
  await db.schema
    .createIndex('search_entries_record')
    .on('search_entries')
    .columns(['kind', 'record_id'])
    .execute();

  // Prefix matching compares terms by code point (`term >= 'กรุงเทพ' and term < …`): SQLite's
  // default collation does; PostgreSQL's depends on the database's locale unless told "C".
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_postings')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('search_entries.id'))
    .addColumn('term', 'text', (c) =>
      isPostgres ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull(),
    )
    // 1: the title, 0: the body.
    .addColumn('field', 'integer', (c) => c.notNull())
    // 0: the word as written (NFKC, lower case); 1: its diacritic-folded form.
    .addColumn('form', 'integer', (c) => c.notNull())
    .addColumn('tf', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_postings_term')
    .on('search_postings')
    .columns(['term', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('search_postings_entry')
    .on('search_postings')
    .column('entry_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_postings').execute();
  await db.schema.dropTable('search_entries').execute();
}
