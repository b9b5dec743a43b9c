// The caucus's activities for the report's five areas for action: exchange visits, national
// caucuses' status history, bills with sponsors and actions, the meetings of the bodies the caucus
// engages and the engagements themselves, and collaborations with CSOs and trade unions. Same
// portable types and record columns as 0001, so open data, search and backup take them as they are.
import type { CreateTableBuilder, Kysely } from 'kysely';

type Table = CreateTableBuilder<string, string>;

/** Columns every visible record carries (as in 0001). */
function recorded(t: Table): Table {
  return t
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'));
}

const json = (t: Table, name: string): Table =>
  t.addColumn(name, 'text', (c) => c.notNull().defaultTo('[]'));

export async function up(db: Kysely<unknown>): Promise<void> {
  await recorded(
    json(
      json(
        json(
          json(
            db.schema
              .createTable('visits')
              .addColumn('id', 'text', (c) => c.primaryKey())
              .addColumn('title', 'text', (c) => c.notNull())
              .addColumn('host_country', 'text', (c) => c.notNull())
              .addColumn('start_date', 'text')
              .addColumn('end_date', 'text')
              .addColumn('findings', 'text')
              // The documents table is built apart: no foreign key until both are merged.
              .addColumn('report_document_id', 'text'),
            'visiting_countries',
          ),
          'delegation_person_ids',
        ),
        'sites',
      ),
      'recommendations',
    ),
  ).execute();
  await db.schema.createIndex('visits_host').on('visits').column('host_country').execute();

  await db.schema
    .createTable('caucus_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema
    .createIndex('caucus_statuses_organization')
    .on('caucus_statuses')
    .columns(['organization_id', 'status_date'])
    .execute();

  await recorded(
    json(
      json(
        json(
          db.schema
            .createTable('bills')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
            .addColumn('identifier', 'text', (c) => c.notNull())
            .addColumn('title', 'text', (c) => c.notNull())
            .addColumn('summary', 'text')
            // Derived from the latest action; kept as a column so lists can filter on it.
            .addColumn('status', 'text')
            .addColumn('status_date', 'text'),
          'versions',
        ),
        'commitment_ids',
      ),
      'topic_ids',
    ).addUniqueConstraint('bills_identifier_once', ['organization_id', 'identifier']),
  ).execute();

  await db.schema
    .createTable('bill_sponsors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('bill_sponsors_once', ['bill_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('bill_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('action_date', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bill_actions_bill')
    .on('bill_actions')
    .columns(['bill_id', 'action_date'])
    .execute();

  await recorded(
    db.schema
      .createTable('body_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('place', 'text')
      .addColumn('recurrence', 'text')
      .addColumn('description', 'text')
      .addColumn('is_verified', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('engagements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('event_id', 'text', (c) => c.references('body_events.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('engagement_date', 'text')
        .addColumn('asked', 'text')
        .addColumn('response', 'text'),
      'commitment_ids',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('collaborations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('topic_id', 'text', (c) => c.references('topics.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text'),
      'commitment_ids',
    ),
  ).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'collaborations',
    'engagements',
    'body_events',
    'bill_actions',
    'bill_sponsors',
    'bills',
    'caucus_statuses',
    'visits',
  ])
    await db.schema.dropTable(table).execute();
}
