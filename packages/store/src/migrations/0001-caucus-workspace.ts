// The first schema of the caucus workspace. Committed migrations are never edited once released:
// a change is a new file. Only portable column types (text, integer) are used; see schema.ts.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';

type Table = CreateTableBuilder<string, string>;

/** Columns every visible record carries. */
function recorded(t: Table): Table {
  return t
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const json = (t: Table, name: string): Table =>
    t.addColumn(name, 'text', (c) => c.notNull().defaultTo('{}'));

  await recorded(
    json(
      db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort_name', 'text')
        .addColumn('honorific_prefix', 'text')
        .addColumn('national_identity', 'text')
        .addColumn('area_id', 'text')
        .addColumn('summary', 'text'),
      'extra',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('classification', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('area_id', 'text')
        .addColumn('founding_date', 'text')
        .addColumn('dissolution_date', 'text')
        .addColumn('description', 'text'),
      'extra',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('posts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('area_id', 'text')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text'),
      'extra',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('memberships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('post_id', 'text', (c) => c.references('posts.id'))
        .addColumn('on_behalf_of_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('role', 'text')
        .addColumn('label', 'text')
        .addColumn('area_id', 'text')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .addColumn('status', 'text'),
      'extra',
    ),
  ).execute();
  await db.schema.createIndex('memberships_person').on('memberships').column('person_id').execute();

  await recorded(
    json(
      json(
        db.schema
          .createTable('programmes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('classification', 'text', (c) => c.notNull())
          .addColumn('series_number', 'integer')
          .addColumn('start_date', 'text')
          .addColumn('end_date', 'text')
          .addColumn('city', 'text')
          .addColumn('area_id', 'text')
          .addColumn('description', 'text'),
        'organization_ids',
      ),
      'extra',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('programme_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('start_date', 'text')
        .addColumn('description', 'text'),
      'extra',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text', (c) => c.references('organizations.id')),
      'extra',
    ).addUniqueConstraint('participants_once', ['programme_id', 'person_id']),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('texts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
        .addColumn('authoritative_language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('is_endorsable', 'integer', (c) => c.notNull().defaultTo(0)),
      'extra',
    ),
  ).execute();

  await db.schema
    .createTable('text_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text_id', 'text', (c) => c.notNull().references('texts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('text_versions_once', ['text_id', 'version', 'language'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('is_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('totp_secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('drives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text_id', 'text', (c) => c.notNull().references('texts.id'))
    .addColumn('programme_ids', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('drive_id', 'text', (c) => c.references('drives.id'))
    .addColumn('totp_secret', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .execute();

  await db.schema
    .createTable('endorsements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text_id', 'text', (c) => c.notNull().references('texts.id'))
    .addColumn('text_version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('drive_id', 'text', (c) => c.references('drives.id'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .execute();
  // Once per member per text: the database itself refuses a second live endorsement.
  await db.schema
    .createIndex('endorsements_live_once')
    .unique()
    .on('endorsements')
    .columns(['text_id', 'person_id'])
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();

  await recorded(
    json(
      db.schema
        .createTable('commitments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('review_date', 'text'),
      'extra',
    ),
  ).execute();

  await db.schema
    .createTable('commitment_owners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('commitment_owners_once', ['commitment_id', 'owner_type', 'owner_id'])
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('evidence_date', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .execute();

  await recorded(
    json(
      db.schema
        .createTable('follow_ups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('commitment_id', 'text', (c) => c.references('commitments.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull()),
      'extra',
    ),
  ).execute();

  await recorded(
    json(
      db.schema
        .createTable('topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull()),
      'extra',
    ),
  ).execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failures_email')
    .on('login_failures')
    .columns(['email', 'at'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'meta',
    'audit_log',
    'login_failures',
    'topics',
    'follow_ups',
    'evidence',
    'commitment_owners',
    'commitments',
    'endorsements',
    'invitations',
    'drives',
    'sessions',
    'users',
    'text_versions',
    'texts',
    'participants',
    'programme_sessions',
    'programmes',
    'memberships',
    'posts',
    'organizations',
    'people',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
