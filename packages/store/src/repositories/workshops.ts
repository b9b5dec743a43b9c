// Strategy workshops and their parts. A workshop is read only through the viewer's scope, in SQL:
// it is visible when its own visibility, its programme's and its session's are all in scope.
// Its parts (groups, questions, answers, priorities, areas) follow the workshop; group members
// and areas are also filtered by the visibility of the person or topic they name. Who picked
// what is read only by `picks`, which use cases reserve to the secretariat.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  Visibility,
  WorkshopAnswerTable,
  WorkshopGroupTable,
  WorkshopPickTable,
  WorkshopPriorityTable,
  WorkshopQuestionTable,
  WorkshopTable,
} from '../schema.ts';

export type Workshop = Selectable<WorkshopTable>;
export type WorkshopGroup = Selectable<WorkshopGroupTable>;
export type WorkshopQuestion = Selectable<WorkshopQuestionTable>;
export type WorkshopAnswer = Selectable<WorkshopAnswerTable>;
export type WorkshopPriority = Selectable<WorkshopPriorityTable>;
export type WorkshopPick = Selectable<WorkshopPickTable>;

/** The parts of a workshop that have their own id, text and position. */
export type WorkshopPartTable =
  'workshop_groups' | 'workshop_questions' | 'workshop_answers' | 'workshop_priorities';

/** A group member the viewer may see, with the person's name. */
export interface WorkshopMember {
  group_id: string;
  person_id: string;
  name: string;
}

/** An area for action of a workshop, with its topic. */
export interface WorkshopArea {
  topic_id: string;
  position: number;
  name: string;
  description: string | null;
  extra: string;
}

/** How a priority was picked: how many picked it, at rank 1, and its points (3, 2, 1 by rank). */
export interface PriorityTally {
  priority_id: string;
  picks: number;
  first_choices: number;
  points: number;
}

const num = (v: unknown): number => Number(v ?? 0);

export class Workshops {
  constructor(private readonly db: Kysely<Database>) {}

  /** SQL that holds when `workshops` (the row in the query) is visible within `scope`. */
  private visible(scope: readonly Visibility[]) {
    const within = sql.join([...scope]);
    return sql<boolean>`workshops.visibility in (${within})
      and exists (select 1 from programmes as p where p.id = workshops.programme_id and p.visibility in (${within}))
      and (workshops.session_id is null or exists (select 1 from programme_sessions as s where s.id = workshops.session_id and s.visibility in (${within})))`;
  }

  async get(id: string, scope: readonly Visibility[]): Promise<Workshop | undefined> {
    return this.db
      .selectFrom('workshops')
      .selectAll()
      .where('id', '=', id)
      .where(this.visible(scope))
      .executeTakeFirst();
  }

  /** The workshop whatever its visibility: for writes and audit, never for presenting. */
  async getAny(id: string): Promise<Workshop | undefined> {
    return this.db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(
    scope: readonly Visibility[],
    options: { programme_id?: string; limit?: number; offset?: number } = {},
  ): Promise<Workshop[]> {
    let query = this.db.selectFrom('workshops').selectAll().where(this.visible(scope));
    if (options.programme_id !== undefined)
      query = query.where('programme_id', '=', options.programme_id);
    query = query.orderBy('date').orderBy('id');
    if (options.limit !== undefined) query = query.limit(options.limit);
    if (options.offset !== undefined) query = query.offset(options.offset);
    return query.execute();
  }

  async count(scope: readonly Visibility[], options: { programme_id?: string } = {}) {
    let query = this.db
      .selectFrom('workshops')
      .select(sql<number | string>`cast(count(*) as integer)`.as('n'))
      .where(this.visible(scope));
    if (options.programme_id !== undefined)
      query = query.where('programme_id', '=', options.programme_id);
    return num((await query.executeTakeFirstOrThrow()).n);
  }

  async insert(row: Insertable<WorkshopTable>): Promise<void> {
    await this.db.insertInto('workshops').values(row).execute();
  }

  async update(id: string, patch: Updateable<WorkshopTable>): Promise<void> {
    await this.db.updateTable('workshops').set(patch).where('id', '=', id).execute();
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('workshops')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  // Parts. Callers check the workshop's visibility first; parts carry none of their own.

  async parts(table: 'workshop_groups', workshopId: string): Promise<WorkshopGroup[]>;
  async parts(table: 'workshop_questions', workshopId: string): Promise<WorkshopQuestion[]>;
  async parts(table: 'workshop_answers', workshopId: string): Promise<WorkshopAnswer[]>;
  async parts(table: 'workshop_priorities', workshopId: string): Promise<WorkshopPriority[]>;
  async parts(table: WorkshopPartTable, workshopId: string): Promise<unknown[]> {
    return this.db
      .selectFrom(table)
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** One part of a workshop, or undefined when it is not a part of that workshop. */
  async part(
    table: WorkshopPartTable,
    workshopId: string,
    id: string,
  ): Promise<Record<string, unknown> | undefined> {
    return this.db
      .selectFrom(table)
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async partExists(table: WorkshopPartTable, id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertPart(table: 'workshop_groups', row: Insertable<WorkshopGroupTable>): Promise<void>;
  async insertPart(
    table: 'workshop_questions',
    row: Insertable<WorkshopQuestionTable>,
  ): Promise<void>;
  async insertPart(table: 'workshop_answers', row: Insertable<WorkshopAnswerTable>): Promise<void>;
  async insertPart(
    table: 'workshop_priorities',
    row: Insertable<WorkshopPriorityTable>,
  ): Promise<void>;
  async insertPart(table: WorkshopPartTable, row: Record<string, unknown>): Promise<void> {
    await (this.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(table)
      .values(row)
      .execute();
  }

  async updatePart(
    table: WorkshopPartTable,
    id: string,
    patch: Record<string, unknown>,
  ): Promise<void> {
    await (this.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .updateTable(table)
      .set(patch)
      .where('id', '=', id)
      .execute();
  }

  /** Group members whose person the viewer may see. */
  async members(workshopId: string, scope: readonly Visibility[]): Promise<WorkshopMember[]> {
    return this.db
      .selectFrom('workshop_group_members as m')
      .innerJoin('people', 'people.id', 'm.person_id')
      .select(['m.group_id', 'm.person_id', 'people.name'])
      .where('m.workshop_id', '=', workshopId)
      .where('people.visibility', 'in', [...scope])
      .orderBy('people.name')
      .orderBy('m.person_id')
      .execute();
  }

  /** Every member of every group, whatever the person's visibility: for checks, never for presenting. */
  async allMembers(workshopId: string) {
    return this.db
      .selectFrom('workshop_group_members')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .execute();
  }

  /** Replaces a group's members. */
  async setMembers(
    workshopId: string,
    groupId: string,
    rows: { id: string; person_id: string }[],
  ): Promise<void> {
    await this.db.deleteFrom('workshop_group_members').where('group_id', '=', groupId).execute();
    for (const row of rows) {
      await this.db
        .insertInto('workshop_group_members')
        .values({ ...row, workshop_id: workshopId, group_id: groupId })
        .execute();
    }
  }

  /** The areas for action of a workshop whose topic the viewer may see. */
  async areas(workshopId: string, scope: readonly Visibility[]): Promise<WorkshopArea[]> {
    return this.db
      .selectFrom('workshop_areas as a')
      .innerJoin('topics', 'topics.id', 'a.topic_id')
      .select(['a.topic_id', 'a.position', 'topics.name', 'topics.description', 'a.extra'])
      .where('a.workshop_id', '=', workshopId)
      .where('topics.visibility', 'in', [...scope])
      .orderBy('a.position')
      .orderBy('a.topic_id')
      .execute();
  }

  /** Which priority fed which area (topic). */
  async condensation(workshopId: string) {
    return this.db
      .selectFrom('workshop_condensation')
      .select(['priority_id', 'topic_id'])
      .where('workshop_id', '=', workshopId)
      .orderBy('topic_id')
      .orderBy('priority_id')
      .execute();
  }

  /** Replaces the areas for action and which priorities fed each. */
  async setCondensation(
    workshopId: string,
    areas: {
      id: string;
      topic_id: string;
      position: number;
      extra: string;
      links: { id: string; priority_id: string }[];
    }[],
  ): Promise<void> {
    await this.db
      .deleteFrom('workshop_condensation')
      .where('workshop_id', '=', workshopId)
      .execute();
    await this.db.deleteFrom('workshop_areas').where('workshop_id', '=', workshopId).execute();
    for (const { links, ...area } of areas) {
      await this.db
        .insertInto('workshop_areas')
        .values({ ...area, workshop_id: workshopId })
        .execute();
      for (const link of links) {
        await this.db
          .insertInto('workshop_condensation')
          .values({ ...link, workshop_id: workshopId, topic_id: area.topic_id })
          .execute();
      }
    }
  }

  async addArea(row: {
    id: string;
    workshop_id: string;
    topic_id: string;
    position: number;
    extra: string;
  }): Promise<void> {
    await this.db.insertInto('workshop_areas').values(row).execute();
  }

  async areaExists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('workshop_areas')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async addCondensation(row: {
    id: string;
    workshop_id: string;
    priority_id: string;
    topic_id: string;
  }): Promise<void> {
    await this.db.insertInto('workshop_condensation').values(row).execute();
  }

  /** Every pick, with who made it: the secretariat's view. */
  async picks(workshopId: string): Promise<WorkshopPick[]> {
    return this.db
      .selectFrom('workshop_picks')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('person_id')
      .orderBy('rank')
      .execute();
  }

  async picksOf(workshopId: string, personId: string): Promise<WorkshopPick[]> {
    return this.db
      .selectFrom('workshop_picks')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('person_id', '=', personId)
      .orderBy('rank')
      .execute();
  }

  /** Replaces a participant's picks. */
  async setPicks(
    workshopId: string,
    personId: string,
    rows: Omit<Insertable<WorkshopPickTable>, 'workshop_id' | 'person_id'>[],
  ): Promise<void> {
    await this.db
      .deleteFrom('workshop_picks')
      .where('workshop_id', '=', workshopId)
      .where('person_id', '=', personId)
      .execute();
    for (const row of rows) {
      await this.db
        .insertInto('workshop_picks')
        .values({ ...row, workshop_id: workshopId, person_id: personId })
        .execute();
    }
  }

  /** Counts per priority, computed in the database: no individual pick leaves it. */
  async tally(workshopId: string): Promise<PriorityTally[]> {
    const rows = await this.db
      .selectFrom('workshop_picks')
      .select([
        'priority_id',
        sql<number | string>`cast(count(*) as integer)`.as('picks'),
        sql<
          number | string
        >`cast(sum(case when ${sql.ref('rank')} = 1 then 1 else 0 end) as integer)`.as(
          'first_choices',
        ),
        sql<number | string>`cast(sum(4 - ${sql.ref('rank')}) as integer)`.as('points'),
      ])
      .where('workshop_id', '=', workshopId)
      .groupBy('priority_id')
      .execute();
    return rows.map((r) => ({
      priority_id: r.priority_id,
      picks: num(r.picks),
      first_choices: num(r.first_choices),
      points: num(r.points),
    }));
  }

  /** How many distinct participants picked at least one priority that fed each area. */
  async peoplePerArea(workshopId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('workshop_picks as p')
      .innerJoin('workshop_condensation as c', 'c.priority_id', 'p.priority_id')
      .select([
        'c.topic_id',
        sql<number | string>`cast(count(distinct p.person_id) as integer)`.as('people'),
      ])
      .where('p.workshop_id', '=', workshopId)
      .groupBy('c.topic_id')
      .execute();
    return new Map(rows.map((r) => [r.topic_id, num(r.people)]));
  }

  /** How many distinct participants picked anything. */
  async pickers(workshopId: string): Promise<number> {
    const row = await this.db
      .selectFrom('workshop_picks')
      .select(sql<number | string>`cast(count(distinct person_id) as integer)`.as('n'))
      .where('workshop_id', '=', workshopId)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }
}
