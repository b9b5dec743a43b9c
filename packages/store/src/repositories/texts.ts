import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, TextVersionTable } from '../schema.ts';

export type TextVersion = Selectable<TextVersionTable>;

/** The versions of resolutions and statements, in every language. */
export class TextVersions {
  constructor(private readonly db: Kysely<Database>) {}

  async add(row: Insertable<TextVersionTable>): Promise<void> {
    await this.db.insertInto('text_versions').values(row).execute();
  }

  /** Every version of a text, newest first, then by language. */
  async all(textId: string): Promise<TextVersion[]> {
    return this.db
      .selectFrom('text_versions')
      .selectAll()
      .where('text_id', '=', textId)
      .orderBy('version', 'desc')
      .orderBy('language')
      .execute();
  }

  /** The highest version number of a text (0 when it has none yet). */
  async latestVersion(textId: string): Promise<number> {
    const row = await this.db
      .selectFrom('text_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('text_id', '=', textId)
      .executeTakeFirst();
    return row?.v ?? 0;
  }
}
