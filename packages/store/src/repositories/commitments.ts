import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CommitmentOwnerTable, Database, EvidenceTable, Visibility } from '../schema.ts';

export type CommitmentOwner = Selectable<CommitmentOwnerTable>;
export type Evidence = Selectable<EvidenceTable>;

/** Owners and evidence of commitments (the commitments themselves are records). */
export class Commitments {
  constructor(private readonly db: Kysely<Database>) {}

  async addOwner(row: Insertable<CommitmentOwnerTable>): Promise<void> {
    await this.db.insertInto('commitment_owners').values(row).execute();
  }

  async owners(commitmentIds: readonly string[]): Promise<CommitmentOwner[]> {
    if (commitmentIds.length === 0) return [];
    return this.db
      .selectFrom('commitment_owners')
      .selectAll()
      .where('commitment_id', 'in', [...commitmentIds])
      .orderBy('id')
      .execute();
  }

  async addEvidence(row: Insertable<EvidenceTable>): Promise<void> {
    await this.db.insertInto('evidence').values(row).execute();
  }

  async evidence(commitmentId: string, scope: readonly Visibility[]): Promise<Evidence[]> {
    return this.db
      .selectFrom('evidence')
      .selectAll()
      .where('commitment_id', '=', commitmentId)
      .where('visibility', 'in', [...scope])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
}
