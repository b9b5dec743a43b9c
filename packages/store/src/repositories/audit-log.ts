import type { Kysely, Selectable } from 'kysely';
import type { AuditTable, Database } from '../schema.ts';

export type AuditEntry = Selectable<AuditTable>;

/** One change: who did what to which record, when, and the record before and after. */
export interface Change {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The append-only log of every change. */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(change: Change): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: change.id,
        at: change.at,
        actor: change.actor,
        action: change.action,
        entity_type: change.entityType,
        entity_id: change.entityId,
        before:
          change.before === undefined || change.before === null
            ? null
            : JSON.stringify(change.before),
        after:
          change.after === undefined || change.after === null ? null : JSON.stringify(change.after),
      })
      .execute();
  }

  /** Newest first, optionally for one record. */
  async list(options: {
    entityType?: string;
    entityId?: string;
    limit: number;
    offset: number;
  }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (options.entityType !== undefined)
      query = query.where('entity_type', '=', options.entityType);
    if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
    return query
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
  }
}
