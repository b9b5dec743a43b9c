// Creating, changing, reading and listing the caucus's records, the same way for every kind:
// references are checked (400 naming the field), visibility filters every read, and every write
// is audited with the record before and after.
import type { RecordTable, Repositories, SearchKind, Visibility } from '@tulay/store';
import type { Permission } from '../access.ts';
import { authorise, can, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';
import type { Presented } from './present.ts';
import { present, split, withoutHiddenReferences } from './present.ts';

/** One kind of record: where it is stored and who may write it. */
export interface RecordKind {
  table: RecordTable;
  /** Singular, for messages. */
  noun: string;
  permission: Permission;
  /** Columns of the table that inputs may set; other input fields go to `extra`. */
  columns: readonly string[];
  /** Input fields that name another record, and the table it must exist in. */
  references: Record<string, RecordTable>;
  /** Values a new record takes when the input leaves them out. */
  defaults: Record<string, unknown>;
  /** Fields stored as JSON text. */
  jsonColumns?: readonly string[];
  /** The search index's kind for these records, when they are searchable. */
  search?: SearchKind;
}

/** A record kind; `defaults` may be left out. */
export const recordKind = (
  kind: Omit<RecordKind, 'defaults'> & { defaults?: Record<string, unknown> },
): RecordKind => ({
  defaults: {},
  ...kind,
});

export const KINDS = {
  people: recordKind({
    table: 'people',
    search: 'person',
    noun: 'person',
    permission: 'directory.write',
    columns: ['name', 'sort_name', 'honorific_prefix', 'national_identity', 'area_id', 'summary'],
    references: {},
  }),
  organizations: recordKind({
    table: 'organizations',
    search: 'organization',
    noun: 'organisation',
    permission: 'directory.write',
    columns: [
      'name',
      'classification',
      'parent_id',
      'area_id',
      'founding_date',
      'dissolution_date',
      'description',
    ],
    references: { parent_id: 'organizations' },
  }),
  posts: recordKind({
    table: 'posts',
    noun: 'post',
    permission: 'directory.write',
    columns: ['organization_id', 'label', 'role', 'area_id', 'start_date', 'end_date'],
    references: { organization_id: 'organizations' },
  }),
  memberships: recordKind({
    table: 'memberships',
    noun: 'membership',
    permission: 'directory.write',
    columns: [
      'person_id',
      'organization_id',
      'post_id',
      'on_behalf_of_id',
      'role',
      'label',
      'area_id',
      'start_date',
      'end_date',
      'status',
    ],
    references: {
      person_id: 'people',
      organization_id: 'organizations',
      post_id: 'posts',
      on_behalf_of_id: 'organizations',
    },
  }),
  programmes: recordKind({
    table: 'programmes',
    search: 'programme',
    noun: 'programme',
    permission: 'programme.write',
    columns: [
      'name',
      'classification',
      'series_number',
      'start_date',
      'end_date',
      'city',
      'area_id',
      'description',
      'organization_ids',
    ],
    references: {},
    defaults: { organization_ids: [] },
    jsonColumns: ['organization_ids'],
  }),
  sessions: recordKind({
    table: 'programme_sessions',
    noun: 'session',
    permission: 'programme.write',
    columns: ['programme_id', 'name', 'position', 'start_date', 'description'],
    references: { programme_id: 'programmes' },
  }),
  participants: recordKind({
    table: 'participants',
    noun: 'participant',
    permission: 'programme.write',
    columns: ['programme_id', 'person_id', 'role', 'organization_id'],
    references: {
      programme_id: 'programmes',
      person_id: 'people',
      organization_id: 'organizations',
    },
  }),
  commitments: recordKind({
    table: 'commitments',
    search: 'commitment',
    noun: 'commitment',
    permission: 'commitment.write',
    columns: ['programme_id', 'title', 'description', 'status', 'review_date'],
    references: { programme_id: 'programmes' },
    defaults: { status: 'proposed' },
  }),
  followUps: recordKind({
    table: 'follow_ups',
    noun: 'follow-up',
    permission: 'followup.write',
    columns: ['commitment_id', 'title', 'description', 'due_date', 'status'],
    references: { commitment_id: 'commitments' },
    defaults: { status: 'open' },
  }),
  topics: recordKind({
    table: 'topics',
    noun: 'topic',
    permission: 'directory.write',
    columns: ['kind', 'name', 'description', 'position'],
    references: {},
    defaults: { position: 0 },
  }),
} satisfies Record<string, RecordKind>;

/** Checks that every referenced record exists; 400 naming the field when one does not. */
async function checkReferences(
  repos: Repositories,
  kind: RecordKind,
  input: Record<string, unknown>,
): Promise<void> {
  const fields = [];
  for (const [field, table] of Object.entries(kind.references)) {
    const value = input[field];
    if (typeof value === 'string' && !(await repos.records.exists(table, value))) {
      fields.push({ path: `body.${field}`, message: `no ${table} record with id "${value}"` });
    }
    // A list of ids (kept as JSON): each must exist.
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        if (typeof item === 'string' && !(await repos.records.exists(table, item)))
          fields.push({
            path: `body.${field}.${i}`,
            message: `no ${table} record with id "${item}"`,
          });
      }
    }
  }
  if (fields.length > 0)
    throw new ApiError('invalid_request', 'a referenced record does not exist', fields);
}

function toColumns(kind: RecordKind, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  for (const column of kind.jsonColumns ?? []) {
    if (out[column] !== undefined) out[column] = JSON.stringify(out[column]);
  }
  return out;
}

/**
 * Keeps the search index current in the change's own transaction. Records that point to this
 * one (a programme's texts, commitments and documents take their country and date from it; an
 * organisation's bills) are re-read too.
 */
async function refreshSearch(repos: Repositories, kind: RecordKind, id: string): Promise<void> {
  if (kind.search !== undefined) await repos.search.refresh(kind.search, id);
  await repos.search.refreshLinked(kind.table, id);
}

/** One stored row as this viewer sees it. */
async function presentFor(
  repos: Repositories,
  ctx: Context,
  kind: RecordKind,
  row: { id: string },
): Promise<Presented> {
  const [out] = await withoutHiddenReferences(repos, ctx.actor, kind.table, [present(row)]);
  return out ?? present(row);
}

/** Creates a record; the id is the input's or a new one. */
export async function createRecord(
  ctx: Context,
  kind: RecordKind,
  input: Record<string, unknown> & { id?: string | undefined },
  extraWork?: (repos: Repositories, id: string) => Promise<void>,
): Promise<Presented> {
  authorise(ctx.actor, kind.permission);
  const id = input.id ?? newId();
  const { columns, extra } = split({ ...kind.defaults, ...input }, kind.columns);
  delete extra.id;
  const visibility = (extra.visibility ?? 'public') as Visibility;
  delete extra.visibility;
  return change(ctx, async ({ repos, now, audit }) => {
    await checkReferences(repos, kind, input);
    if (await repos.records.exists(kind.table, id)) {
      throw new ApiError('conflict', `a ${kind.noun} with id "${id}" already exists`, [
        { path: 'body.id', message: 'already taken' },
      ]);
    }
    const row = {
      id,
      ...toColumns(kind, columns),
      extra: JSON.stringify(extra),
      visibility,
      created_at: now,
      updated_at: now,
    };
    await repos.records.insert(kind.table, row);
    if (extraWork) await extraWork(repos, id);
    await refreshSearch(repos, kind, id);
    const stored = await repos.records.getAny(kind.table, id);
    await audit('create', kind.table, id, null, stored);
    return presentFor(repos, ctx, kind, stored ?? row);
  });
}

/** Changes some fields of a record the actor can see. */
export async function updateRecord(
  ctx: Context,
  kind: RecordKind,
  id: string,
  patch: Record<string, unknown>,
  extraWork?: (repos: Repositories, id: string) => Promise<void>,
): Promise<Presented> {
  authorise(ctx.actor, kind.permission);
  return change(ctx, async ({ repos, now, audit }) => {
    const before = await repos.records.get(kind.table, id, scopeOf(ctx.actor));
    if (!before) throw notFound(kind.noun);
    await checkReferences(repos, kind, patch);
    const { columns, extra } = split(patch, [...kind.columns, 'visibility']);
    const mergedExtra = { ...(JSON.parse(before.extra) as Record<string, unknown>), ...extra };
    await repos.records.update(kind.table, id, {
      ...toColumns(kind, columns),
      extra: JSON.stringify(mergedExtra),
      updated_at: now,
    });
    if (extraWork) await extraWork(repos, id);
    await refreshSearch(repos, kind, id);
    const after = await repos.records.getAny(kind.table, id);
    await audit('update', kind.table, id, before, after);
    return presentFor(repos, ctx, kind, after ?? before);
  });
}

/** One record, if the actor may see it. */
export async function getRecord(ctx: Context, kind: RecordKind, id: string): Promise<Presented> {
  const row = await ctx.store.repos.records.get(kind.table, id, scopeOf(ctx.actor));
  if (!row) throw notFound(kind.noun);
  return presentFor(ctx.store.repos, ctx, kind, row);
}

/** A page of the records the actor may see, and how many there are in all. */
export async function listRecords(
  ctx: Context,
  kind: RecordKind,
  options: {
    q?: string | undefined;
    limit: number;
    offset: number;
    where?: Record<string, string | number>;
  },
): Promise<{ items: Presented[]; total: number }> {
  const scope = scopeOf(ctx.actor);
  const filter = {
    ...(options.q !== undefined ? { q: options.q } : {}),
    ...(options.where ? { where: options.where } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.store.repos.records.list(kind.table, scope, {
      ...filter,
      limit: options.limit,
      offset: options.offset,
    }),
    ctx.store.repos.records.count(kind.table, scope, filter),
  ]);
  return {
    items: await withoutHiddenReferences(ctx.store.repos, ctx.actor, kind.table, rows.map(present)),
    total,
  };
}

/** Whether the actor may write records of this kind (for presenting edit controls). */
export function mayWrite(ctx: Context, kind: RecordKind): boolean {
  return can(ctx.actor, kind.permission);
}
