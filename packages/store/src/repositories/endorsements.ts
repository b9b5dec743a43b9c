import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  DriveTable,
  EndorsementTable,
  InvitationTable,
  Visibility,
} from '../schema.ts';

export type Endorsement = Selectable<EndorsementTable>;
export type Drive = Selectable<DriveTable>;

/** Endorsements of texts and the drives that solicit them. */
export class Endorsements {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records an endorsement; the database refuses a second live one by the same person. */
  async add(row: Insertable<EndorsementTable>): Promise<void> {
    await this.db.insertInto('endorsements').values(row).execute();
  }

  async byId(id: string): Promise<Endorsement | undefined> {
    return this.db.selectFrom('endorsements').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async live(textId: string, personId: string): Promise<Endorsement | undefined> {
    return this.db
      .selectFrom('endorsements')
      .selectAll()
      .where('text_id', '=', textId)
      .where('person_id', '=', personId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
  }

  async withdraw(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('endorsements')
      .set({ withdrawn_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** Live endorsements of a text: the public count includes every one of them. */
  async count(textId: string): Promise<number> {
    const row = await this.db
      .selectFrom('endorsements')
      .select(sql<number | string>`cast(count(*) as integer)`.as('n'))
      .where('text_id', '=', textId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Live endorsements whose endorser's name the viewer may see, oldest first. */
  async list(
    textId: string,
    scope: readonly Visibility[],
  ): Promise<(Endorsement & { person_name: string })[]> {
    return (
      this.db
        .selectFrom('endorsements')
        .innerJoin('people', 'people.id', 'endorsements.person_id')
        .selectAll('endorsements')
        .select('people.name as person_name')
        .where('endorsements.text_id', '=', textId)
        .where('endorsements.withdrawn_at', 'is', null)
        .where('endorsements.visibility', 'in', [...scope])
        // A name is shown only where both the signature and the person's record may be seen.
        .where('people.visibility', 'in', [...scope])
        .orderBy('endorsements.created_at')
        .orderBy('endorsements.id')
        .execute()
    );
  }

  /** Every endorsement of a text by these people, live or withdrawn (for a drive's responses). */
  async byPeople(textId: string, personIds: readonly string[]): Promise<Endorsement[]> {
    if (personIds.length === 0) return [];
    return this.db
      .selectFrom('endorsements')
      .selectAll()
      .where('text_id', '=', textId)
      .where('person_id', 'in', [...personIds])
      .orderBy('created_at')
      .execute();
  }

  async addDrive(row: Insertable<DriveTable>): Promise<void> {
    await this.db.insertInto('drives').values(row).execute();
  }

  async drive(id: string): Promise<Drive | undefined> {
    return this.db.selectFrom('drives').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async drives(): Promise<Drive[]> {
    return this.db.selectFrom('drives').selectAll().orderBy('created_at', 'desc').execute();
  }

  /**
   * Drive invitations for a text that can still be accepted at `now` (unused, not expired):
   * a later drive for the same text must not send those people a second link.
   */
  async openDriveInvitations(textId: string, now: string): Promise<Selectable<InvitationTable>[]> {
    return this.db
      .selectFrom('invitations')
      .innerJoin('drives', 'drives.id', 'invitations.drive_id')
      .selectAll('invitations')
      .where('drives.text_id', '=', textId)
      .where('invitations.used_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .orderBy('invitations.created_at')
      .execute();
  }
}
