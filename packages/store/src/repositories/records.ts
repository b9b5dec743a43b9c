// Reading and writing the visible records (people, organisations, programmes, texts…) the same
// way for every table: every read is filtered by the viewer's visibility scope in SQL, so lists,
// searches, counts and exports cannot return what the viewer may not see.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Visibility } from '../schema.ts';

/** The tables whose rows carry a `visibility`. */
export type RecordTable =
  | 'people'
  | 'organizations'
  | 'posts'
  | 'memberships'
  | 'programmes'
  | 'programme_sessions'
  | 'participants'
  | 'texts'
  | 'commitments'
  | 'follow_ups'
  | 'topics'
  | 'visits'
  | 'bills'
  | 'body_events'
  | 'engagements'
  | 'collaborations';

/** The column a text search looks in, per table. */
const SEARCHED: Record<RecordTable, string> = {
  people: 'name',
  organizations: 'name',
  posts: 'label',
  memberships: 'label',
  programmes: 'name',
  programme_sessions: 'name',
  participants: 'role',
  texts: 'id',
  commitments: 'title',
  follow_ups: 'title',
  topics: 'name',
  visits: 'title',
  bills: 'title',
  body_events: 'title',
  engagements: 'title',
  collaborations: 'title',
};

/** How rows are ordered in lists: stable, so pages never overlap. */
const ORDER: Record<RecordTable, string> = {
  people: 'name',
  organizations: 'name',
  posts: 'label',
  memberships: 'id',
  programmes: 'start_date',
  programme_sessions: 'position',
  participants: 'id',
  texts: 'id',
  commitments: 'id',
  follow_ups: 'due_date',
  topics: 'position',
  visits: 'start_date',
  bills: 'identifier',
  body_events: 'start_date',
  engagements: 'engagement_date',
  collaborations: 'start_date',
};

/**
 * The records a row of each table points to. A row is visible only when every record it points
 * to is visible too: a public membership must not reveal a person kept to the caucus.
 */
const LINKS: Partial<Record<RecordTable, Record<string, RecordTable>>> = {
  posts: { organization_id: 'organizations' },
  memberships: {
    person_id: 'people',
    organization_id: 'organizations',
    post_id: 'posts',
    on_behalf_of_id: 'organizations',
  },
  programme_sessions: { programme_id: 'programmes' },
  participants: {
    programme_id: 'programmes',
    person_id: 'people',
    organization_id: 'organizations',
  },
  texts: { programme_id: 'programmes' },
  commitments: { programme_id: 'programmes' },
  follow_ups: { commitment_id: 'commitments' },
  bills: { organization_id: 'organizations' },
  body_events: { organization_id: 'organizations' },
  engagements: { organization_id: 'organizations', event_id: 'body_events' },
  collaborations: { organization_id: 'organizations', topic_id: 'topics' },
};

/**
 * SQL that holds when every record `table`'s row points to is within `scope`. `links` defaults
 * to the table's own; the search index passes those of tables it reads (documents, bills).
 */
export function linksVisible(
  table: string,
  scope: readonly Visibility[],
  links: Record<string, string> = LINKS[table as RecordTable] ?? {},
) {
  const conditions = Object.entries(links).map(([column, target]) => {
    const ref = sql.ref(`${table}.${column}`);
    return sql`(${ref} is null or exists (select 1 from ${sql.table(target)} as linked where linked.id = ${ref} and linked.visibility in (${sql.join([...scope])})))`;
  });
  return conditions.length === 0
    ? sql<boolean>`1 = 1`
    : sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

export type Row<T extends RecordTable> = Selectable<Database[T]>;

export interface ListOptions {
  /** Equality filters on columns, e.g. `{ programme_id: 'phnom_penh_2011' }`. */
  where?: Record<string, string | number>;
  /** Case-insensitive substring match on the table's name column. */
  q?: string;
  limit?: number;
  offset?: number;
}

// One untyped view of the database for the table-generic helpers below; each helper returns
// the row type of the table it was asked for.
type AnyRow = Record<string, unknown> & { id: string; visibility: Visibility };
type AnyDb = Kysely<Record<string, AnyRow>>;

/** Escapes `%`, `_` and `\` so a user's query is matched literally by LIKE. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Table-generic reads and writes over the visible records. */
export class Records {
  private readonly any: AnyDb;

  constructor(db: Kysely<Database>) {
    this.any = db as unknown as AnyDb;
  }

  async get<T extends RecordTable>(
    table: T,
    id: string,
    scope: readonly Visibility[],
  ): Promise<Row<T> | undefined> {
    const row = await this.any
      .selectFrom(table)
      .selectAll()
      .where('id', '=', id)
      .where('visibility', 'in', [...scope])
      .where(linksVisible(table, scope))
      .executeTakeFirst();
    return row as Row<T> | undefined;
  }

  /** The row whatever its visibility: for writes and audit, never for presenting. */
  async getAny<T extends RecordTable>(table: T, id: string): Promise<Row<T> | undefined> {
    const row = await this.any
      .selectFrom(table)
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row as Row<T> | undefined;
  }

  async list<T extends RecordTable>(
    table: T,
    scope: readonly Visibility[],
    options: ListOptions = {},
  ): Promise<Row<T>[]> {
    let query = this.filtered(table, scope, options).selectAll();
    query = query.orderBy(sql.ref(ORDER[table])).orderBy('id');
    if (options.limit !== undefined) query = query.limit(options.limit);
    if (options.offset !== undefined) query = query.offset(options.offset);
    return (await query.execute()) as Row<T>[];
  }

  async count(
    table: RecordTable,
    scope: readonly Visibility[],
    options: ListOptions = {},
  ): Promise<number> {
    const row = await this.filtered(table, scope, options)
      .select(sql<number | string>`cast(count(*) as integer)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert<T extends RecordTable>(table: T, row: Insertable<Database[T]>): Promise<void> {
    await this.any.insertInto(table).values(row).execute();
  }

  async update<T extends RecordTable>(
    table: T,
    id: string,
    patch: Updateable<Database[T]>,
  ): Promise<void> {
    await this.any
      .updateTable(table as string)
      .set(patch as Partial<AnyRow>)
      .where('id', '=', id)
      .execute();
  }

  async exists(table: RecordTable, id: string): Promise<boolean> {
    const row = await this.any
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  private filtered(table: RecordTable, scope: readonly Visibility[], options: ListOptions) {
    let query = this.any
      .selectFrom(table)
      .where('visibility', 'in', [...scope])
      .where(linksVisible(table, scope));
    for (const [column, value] of Object.entries(options.where ?? {})) {
      query = query.where(sql.ref(column), '=', value);
    }
    if (options.q !== undefined && options.q !== '') {
      query = query.where(
        sql`lower(${sql.ref(SEARCHED[table])})`,
        'like',
        sql`${likePattern(options.q)} escape '\\'`,
      );
    }
    return query;
  }
}
