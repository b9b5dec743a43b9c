import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  InvitationTable,
  LoginFailureTable,
  SessionTable,
  UserTable,
} from '../schema.ts';

export type User = Selectable<UserTable>;
export type Invitation = Selectable<InvitationTable>;
export type Session = Selectable<SessionTable>;

/** Users, their sessions, invitations and failed sign-ins. */
export class Accounts {
  constructor(private readonly db: Kysely<Database>) {}

  async addUser(row: Insertable<UserTable>): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  async updateUser(id: string, patch: Updateable<UserTable>): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  async user(id: string): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async userByEmail(email: string): Promise<User | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async userByPerson(personId: string): Promise<User | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirst();
  }

  async users(): Promise<User[]> {
    return this.db.selectFrom('users').selectAll().orderBy('email').execute();
  }

  async addSession(row: Insertable<SessionTable>): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** The live session with this id and its user, if the user is not disabled. */
  async session(id: string, now: string): Promise<{ session: Session; user: User } | undefined> {
    const session = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!session) return undefined;
    const user = await this.user(session.user_id);
    if (!user || user.disabled_at !== null) return undefined;
    return { session, user };
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async addInvitation(row: Insertable<InvitationTable>): Promise<void> {
    await this.db.insertInto('invitations').values(row).execute();
  }

  async invitationByToken(tokenHash: string): Promise<Invitation | undefined> {
    return this.db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async invitationsOfDrive(driveId: string): Promise<Invitation[]> {
    return this.db
      .selectFrom('invitations')
      .selectAll()
      .where('drive_id', '=', driveId)
      .orderBy('id')
      .execute();
  }

  /** Marks an invitation used; false when it was already used (a second use of a one-time link). */
  async useInvitation(id: string, at: string, userId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ used_at: at, used_by: userId })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Records that a code of time step `step` was accepted; false when a code of this step or a
   * later one already was (a replayed code). One statement, so two concurrent sign-ins with the
   * same code cannot both pass.
   */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addLoginFailure(row: Insertable<LoginFailureTable>): Promise<void> {
    await this.db.insertInto('login_failures').values(row).execute();
  }

  /** Failed sign-ins for this email, or from this address, since `since`. */
  async loginFailures(
    email: string,
    ip: string,
    since: string,
  ): Promise<{ byEmail: number; byIp: number }> {
    const row = await this.db
      .selectFrom('login_failures')
      .select([
        sql<
          number | string
        >`cast(coalesce(sum(case when email = ${email} then 1 else 0 end), 0) as integer)`.as(
          'by_email',
        ),
        sql<
          number | string
        >`cast(coalesce(sum(case when ip = ${ip} then 1 else 0 end), 0) as integer)`.as('by_ip'),
      ])
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return { byEmail: Number(row.by_email), byIp: Number(row.by_ip) };
  }

  /** Forgets what no longer matters: failed sign-ins before `before`, sessions expired by `now`. */
  async prune(before: string, now: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('at', '<', before).execute();
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  async clearLoginFailures(email: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('email', '=', email).execute();
  }
}
