import type { Repositories, Store } from '@tulay/store';
import type { Actor } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import type { Clock } from '../clock.ts';

/** What every use case receives: the store, the clock, and who is acting. */
export interface Context {
  store: Store;
  clock: Clock;
  actor: Actor;
}

/** Who to name in the audit log. */
export function actorName(actor: Actor): string {
  return actor.kind === 'public' ? 'public' : `user:${actor.userId}`;
}

/** Inside a change: the repositories of one transaction, and the audit log. */
export interface Change {
  repos: Repositories;
  now: string;
  audit: (
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) => Promise<void>;
}

/** Runs `work` in one transaction, with every change it makes written to the audit log. */
export function change<T>(ctx: Context, work: (c: Change) => Promise<T>): Promise<T> {
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction((repos) =>
    work({
      repos,
      now,
      audit: (action, entityType, entityId, before, after) =>
        repos.audit.record({
          id: newId(),
          at: now,
          actor: actorName(ctx.actor),
          action,
          entityType,
          entityId,
          before,
          after,
        }),
    }),
  );
}
