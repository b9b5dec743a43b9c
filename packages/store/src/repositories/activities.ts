// The parts of the caucus's activities that are not records of their own (a bill's sponsors and
// actions, a national caucus's status history) and the reads that cross tables (a country's bills,
// the visits between two countries, the commitments a country owns). Every read is filtered by
// the viewer's visibility scope in SQL, as in records.ts.
import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  BillActionTable,
  BillSponsorTable,
  CaucusStatusTable,
  Database,
  Visibility,
} from '../schema.ts';
import type { RecordTable, Row } from './records.ts';
import { linksVisible } from './records.ts';

/** A sponsor with the visibility of their person, so one read tells what a viewer may see. */
export type BillSponsor = Selectable<BillSponsorTable> & { person_visibility: Visibility };
export type BillAction = Selectable<BillActionTable>;
export type CaucusStatusChange = Selectable<CaucusStatusTable>;

/** SQL that holds when the organisation, or the body it is part of, is in `division`. */
function ofCountry(table: 'organizations', division: string) {
  const area = sql.ref(`${table}.area_id`);
  const parent = sql.ref(`${table}.parent_id`);
  return sql<boolean>`(${area} = ${division} or (${area} is null and exists (select 1 from organizations as parent_body where parent_body.id = ${parent} and parent_body.area_id = ${division})))`;
}

/** The activities a member or their staff may record themselves (docs/api.md). */
export type MemberActivityTable = 'visits' | 'bills' | 'engagements';

/** SQL that holds when `table`'s row was recorded by an account tied to `personId`. */
function recordedByPerson(table: MemberActivityTable, personId: string) {
  return sql<boolean>`${sql.ref(`${table}.created_by`)} in (select users.id from users where users.person_id = ${personId})`;
}

/** SQL that holds when `personId` sponsors the bill. */
function sponsoredBy(personId: string) {
  return sql<boolean>`exists (select 1 from bill_sponsors where bill_sponsors.bill_id = bills.id and bill_sponsors.person_id = ${personId})`;
}

/** A row with the name and role of the account that recorded it. */
export type RecordedRow<T extends MemberActivityTable> = Row<T> & {
  recorder_name: string;
  recorder_role: string;
};

export class Activities {
  constructor(private readonly db: Kysely<Database>) {}

  /** Which of `ids` name rows of `table` within `scope`: for lists of ids kept in JSON. */
  async visibleIds(
    table: RecordTable,
    ids: readonly string[],
    scope: readonly Visibility[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const any = this.db as unknown as Kysely<Record<string, { id: string; visibility: string }>>;
    const rows = await any
      .selectFrom(table)
      .select('id')
      .where('id', 'in', [...new Set(ids)])
      .where('visibility', 'in', [...scope])
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async addSponsor(row: Insertable<BillSponsorTable>): Promise<void> {
    await this.db.insertInto('bill_sponsors').values(row).execute();
  }

  async removeSponsors(billId: string): Promise<void> {
    await this.db.deleteFrom('bill_sponsors').where('bill_id', '=', billId).execute();
  }

  /** Sponsors of the bills, only those whose person is within `scope`. */
  async sponsors(billIds: readonly string[], scope: readonly Visibility[]): Promise<BillSponsor[]> {
    if (billIds.length === 0) return [];
    return this.db
      .selectFrom('bill_sponsors')
      .innerJoin('people', 'people.id', 'bill_sponsors.person_id')
      .selectAll('bill_sponsors')
      .select('people.visibility as person_visibility')
      .where('bill_sponsors.bill_id', 'in', [...billIds])
      .where('people.visibility', 'in', [...scope])
      .orderBy('bill_sponsors.bill_id')
      .orderBy('bill_sponsors.position')
      .execute();
  }

  async addAction(row: Insertable<BillActionTable>): Promise<void> {
    await this.db.insertInto('bill_actions').values(row).execute();
  }

  /** A bill's actions, oldest first; among those of one date, in the order they were recorded. */
  async actions(billId: string): Promise<BillAction[]> {
    return this.db
      .selectFrom('bill_actions')
      .selectAll()
      .where('bill_id', '=', billId)
      .orderBy('action_date')
      .orderBy('position')
      .execute();
  }

  async addCaucusStatus(row: Insertable<CaucusStatusTable>): Promise<void> {
    await this.db.insertInto('caucus_statuses').values(row).execute();
  }

  /** One entry of a caucus's status history, whatever its visibility (callers check the caucus's). */
  async caucusStatus(organizationId: string, id: string): Promise<CaucusStatusChange | undefined> {
    return this.db
      .selectFrom('caucus_statuses')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async updateCaucusStatus(
    id: string,
    patch: Partial<
      Pick<CaucusStatusChange, 'status' | 'status_date' | 'note' | 'source' | 'visibility'>
    >,
  ): Promise<void> {
    await this.db.updateTable('caucus_statuses').set(patch).where('id', '=', id).execute();
  }

  async removeCaucusStatus(id: string): Promise<void> {
    await this.db.deleteFrom('caucus_statuses').where('id', '=', id).execute();
  }

  /** How many entries a caucus's history has, whatever their visibility. */
  async countCaucusStatuses(organizationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('caucus_statuses')
      .select(sql<number | string>`cast(count(*) as integer)`.as('n'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Status changes of the caucuses, oldest first, within `scope`. */
  async caucusStatuses(
    organizationIds: readonly string[],
    scope: readonly Visibility[],
  ): Promise<CaucusStatusChange[]> {
    if (organizationIds.length === 0) return [];
    return this.db
      .selectFrom('caucus_statuses')
      .selectAll()
      .where('organization_id', 'in', [...organizationIds])
      .where('visibility', 'in', [...scope])
      .orderBy('organization_id')
      .orderBy('status_date')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /**
   * Bills before the parliaments of a country: organisations whose area is `division`, or
   * chambers of one (the seed's chambers carry no area of their own, their parliament does).
   */
  async billsOfCountry(division: string, scope: readonly Visibility[]): Promise<Row<'bills'>[]> {
    return this.db
      .selectFrom('bills')
      .innerJoin('organizations', 'organizations.id', 'bills.organization_id')
      .selectAll('bills')
      .where(ofCountry('organizations', division))
      .where('organizations.visibility', 'in', [...scope])
      .where('bills.visibility', 'in', [...scope])
      .orderBy('bills.organization_id')
      .orderBy('bills.identifier')
      .execute();
  }

  /** Visits hosted by one country with the other among the visitors, either way round. */
  async visitsBetween(
    a: string,
    b: string,
    scope: readonly Visibility[],
  ): Promise<Row<'visits'>[]> {
    const pattern = (code: string) => `%"${code}"%`;
    return this.db
      .selectFrom('visits')
      .selectAll()
      .where('visibility', 'in', [...scope])
      .where((eb) =>
        eb.or([
          eb.and([eb('host_country', '=', a), eb('visiting_countries', 'like', pattern(b))]),
          eb.and([eb('host_country', '=', b), eb('visiting_countries', 'like', pattern(a))]),
        ]),
      )
      .orderBy('start_date')
      .orderBy('id')
      .execute();
  }

  /**
   * Commitments owned by a country: by the country itself, or by an organisation of it (its
   * parliament, a delegation) that the viewer may see.
   */
  async commitmentsOfCountry(
    division: string,
    scope: readonly Visibility[],
  ): Promise<Row<'commitments'>[]> {
    const inScope = [...scope];
    return this.db
      .selectFrom('commitments')
      .selectAll()
      .where('visibility', 'in', inScope)
      .where(
        sql<boolean>`(commitments.programme_id is null or exists (select 1 from programmes where programmes.id = commitments.programme_id and programmes.visibility in (${sql.join(inScope)})))`,
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('commitment_owners')
            .select('commitment_owners.id')
            .whereRef('commitment_owners.commitment_id', '=', 'commitments.id')
            .where((o) =>
              o.or([
                o.and([
                  o('commitment_owners.owner_type', '=', 'country'),
                  o('commitment_owners.owner_id', '=', division),
                ]),
                o.and([
                  o('commitment_owners.owner_type', '=', 'organization'),
                  o(
                    'commitment_owners.owner_id',
                    'in',
                    o
                      .selectFrom('organizations')
                      .select('organizations.id')
                      .where(ofCountry('organizations', division))
                      .where('organizations.visibility', 'in', inScope),
                  ),
                ]),
              ]),
            ),
        ),
      )
      .orderBy('id')
      .execute();
  }

  /**
   * A member's own activities within `scope`: rows an account of theirs recorded (a member and
   * their staff share the person), and for bills also those the person sponsors. Newest first.
   */
  async recordedFor<T extends MemberActivityTable>(
    table: T,
    personId: string,
    scope: readonly Visibility[],
  ): Promise<Row<T>[]> {
    const any = this.db as unknown as Kysely<
      Record<string, Record<string, unknown> & { id: string; visibility: Visibility }>
    >;
    const own =
      table === 'bills'
        ? sql<boolean>`(${recordedByPerson(table, personId)} or ${sponsoredBy(personId)})`
        : recordedByPerson(table, personId);
    const rows = await any
      .selectFrom(table as string)
      .selectAll()
      .where('visibility', 'in', [...scope])
      .where(linksVisible(table, scope))
      .where(own)
      .orderBy(sql.ref('updated_at'), 'desc')
      .orderBy('id')
      .execute();
    return rows as unknown as Row<T>[];
  }

  /** Whether the row is the person's own, as `recordedFor` counts it, whatever its visibility. */
  async isRecordedFor(table: MemberActivityTable, id: string, personId: string): Promise<boolean> {
    const any = this.db as unknown as Kysely<Record<string, { id: string }>>;
    const own =
      table === 'bills'
        ? sql<boolean>`(${recordedByPerson(table, personId)} or ${sponsoredBy(personId)})`
        : recordedByPerson(table, personId);
    const row = await any
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where(own)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Rows recorded by member and staff accounts within `scope`, with who recorded them, the
   * unpublished first and the newest first within each: what the secretariat reviews.
   */
  async recordedByMembers<T extends MemberActivityTable>(
    table: T,
    scope: readonly Visibility[],
  ): Promise<RecordedRow<T>[]> {
    const rows = await sql<
      RecordedRow<T>
    >`select ${sql.table(table)}.*, users.display_name as recorder_name, users.role as recorder_role
      from ${sql.table(table)} inner join users on users.id = ${sql.ref(`${table}.created_by`)}
      where ${sql.ref(`${table}.visibility`)} in (${sql.join([...scope])})
        and users.role in ('member', 'staff')
        and ${linksVisible(table, scope)}
      order by case when ${sql.ref(`${table}.visibility`)} = 'public' then 1 else 0 end,
        ${sql.ref(`${table}.updated_at`)} desc, ${sql.ref(`${table}.id`)}`.execute(this.db);
    return rows.rows;
  }
}
