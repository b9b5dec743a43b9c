// Strategy workshops: groups answer questions, the answers form a matrix (groups × questions),
// participants pick their top three priorities and the secretariat condenses the priorities
// into areas for action (topics). Only portable column types (text, integer); see schema.ts.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('session_id', 'text', (c) => c.references('programme_sessions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // 0 for a workshop whose individual picks were never recorded (one loaded from a report):
    // its counts are unknown, not zero.
    .addColumn('picks_recorded', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workshop_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workshop_group_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('workshop_groups.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // One group per person per workshop, whatever the requests race.
    .addUniqueConstraint('workshop_group_members_once', ['workshop_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('workshop_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workshop_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('workshop_groups.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('workshop_questions.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workshop_priorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('answer_id', 'text', (c) => c.references('workshop_answers.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workshop_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('workshop_areas_once', ['workshop_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('workshop_condensation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('priority_id', 'text', (c) => c.notNull().references('workshop_priorities.id'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id'))
    .addUniqueConstraint('workshop_condensation_once', ['priority_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('workshop_picks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('priority_id', 'text', (c) => c.notNull().references('workshop_priorities.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Three ranks and no priority twice: with rank in 1–3 (checked by the API), the database
    // itself keeps a participant to at most three distinct picks.
    .addUniqueConstraint('workshop_picks_rank_once', ['workshop_id', 'person_id', 'rank'])
    .addUniqueConstraint('workshop_picks_priority_once', [
      'workshop_id',
      'person_id',
      'priority_id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'workshop_picks',
    'workshop_condensation',
    'workshop_areas',
    'workshop_priorities',
    'workshop_answers',
    'workshop_questions',
    'workshop_group_members',
    'workshop_groups',
    'workshops',
  ])
    await db.schema.dropTable(table).execute();
}
