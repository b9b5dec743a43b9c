// The caucus's activities for the report's five areas for action. Visits, bills, bodies' meetings,
// engagements and collaborations are record kinds (records.ts does their storage, references,
// visibility and audit); what is specific is here: the rules a kind's references must meet, a
// visit's recommendation becoming a commitment, a bill's sponsors and actions with its status
// derived from the latest, and a national caucus's status history. Members, and staff for their
// member, record their own visits, bills and engagements (`Writer` below; docs/api.md).
import type {
  MemberActivityTable,
  RecordTable,
  RecordedRow,
  Repositories,
  Row,
  Visibility,
} from '@tulay/store';
import { VISIBILITIES } from '@tulay/store';
import type { z } from 'zod';
import { authorise, can, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import type { FieldError } from '../errors.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type {
  BillActionIn,
  CaucusStatusIn,
  CaucusStatusPatch,
  NationalCaucusIn,
} from '../schemas/activities.ts';
import { createCommitment } from './caucus.ts';
import type { Context } from './context.ts';
import { actorName, change } from './context.ts';
import type { Presented } from './present.ts';
import { present, withoutHiddenReferences } from './present.ts';
import type { RecordKind } from './records.ts';
import {
  KINDS,
  createRecord,
  getRecord,
  listRecords,
  recordKind,
  updateRecord,
} from './records.ts';

export const ACTIVITY_KINDS = {
  visits: recordKind({
    table: 'visits',
    noun: 'visit',
    permission: 'activity.write',
    columns: [
      'title',
      'host_country',
      'visiting_countries',
      'delegation_person_ids',
      'sites',
      'start_date',
      'end_date',
      'findings',
      'report_document_id',
      'recommendations',
      'created_by',
    ],
    references: { delegation_person_ids: 'people' },
    jsonColumns: ['visiting_countries', 'delegation_person_ids', 'sites', 'recommendations'],
  }),
  bills: recordKind({
    table: 'bills',
    noun: 'bill',
    search: 'bill',
    permission: 'activity.write',
    columns: [
      'organization_id',
      'identifier',
      'title',
      'summary',
      'versions',
      'commitment_ids',
      'topic_ids',
      'created_by',
    ],
    references: {
      organization_id: 'organizations',
      commitment_ids: 'commitments',
      topic_ids: 'topics',
    },
    jsonColumns: ['versions', 'commitment_ids', 'topic_ids'],
  }),
  bodyEvents: recordKind({
    table: 'body_events',
    noun: 'meeting',
    permission: 'activity.write',
    columns: [
      'organization_id',
      'title',
      'start_date',
      'end_date',
      'place',
      'recurrence',
      'description',
      'is_verified',
    ],
    references: { organization_id: 'organizations' },
  }),
  engagements: recordKind({
    table: 'engagements',
    noun: 'engagement',
    permission: 'activity.write',
    columns: [
      'organization_id',
      'event_id',
      'title',
      'engagement_date',
      'asked',
      'response',
      'commitment_ids',
      'created_by',
    ],
    references: {
      organization_id: 'organizations',
      event_id: 'body_events',
      commitment_ids: 'commitments',
    },
    jsonColumns: ['commitment_ids'],
  }),
  collaborations: recordKind({
    table: 'collaborations',
    noun: 'collaboration',
    permission: 'activity.write',
    columns: [
      'organization_id',
      'topic_id',
      'title',
      'description',
      'start_date',
      'end_date',
      'commitment_ids',
    ],
    references: {
      organization_id: 'organizations',
      topic_id: 'topics',
      commitment_ids: 'commitments',
    },
    jsonColumns: ['commitment_ids'],
  }),
} satisfies Record<string, RecordKind>;

export type ActivityKind = (typeof ACTIVITY_KINDS)[keyof typeof ACTIVITY_KINDS];

/** The kinds a member records themselves, and their tables (which carry `created_by`). */
const MEMBER_TABLES = new Map<ActivityKind, MemberActivityTable>([
  [ACTIVITY_KINDS.visits, 'visits'],
  [ACTIVITY_KINDS.bills, 'bills'],
  [ACTIVITY_KINDS.engagements, 'engagements'],
]);

type Input = Record<string, unknown>;

const invalid = (message: string, fields: FieldError[]): ApiError =>
  new ApiError('invalid_request', message, fields);

/** Throws 400 with every field error found, if any. */
function refuse(fields: FieldError[], message: string): void {
  if (fields.length > 0) throw invalid(message, fields);
}

/** A date range whose end comes before its start is refused, naming the end. */
function checkRange(input: Input, from: string, to: string): FieldError[] {
  const start = input[from];
  const end = input[to];
  if (typeof start === 'string' && typeof end === 'string' && end < start.slice(0, end.length))
    return [{ path: `body.${to}`, message: `is before ${from} (${start})` }];
  return [];
}

const classificationOf = async (repos: Repositories, id: unknown) =>
  typeof id === 'string' ? (await repos.records.getAny('organizations', id))?.classification : null;

/**
 * The rules a kind's fields must meet beyond their shape, on the record as it will be (a patch
 * merged over the stored row). References that do not exist are left to records.ts.
 */
async function checkRules(repos: Repositories, kind: ActivityKind, value: Input): Promise<void> {
  const fields: FieldError[] = [];
  if (kind === ACTIVITY_KINDS.bills) {
    const classification = await classificationOf(repos, value.organization_id);
    if (classification !== undefined && classification !== null && classification !== 'parliament')
      fields.push({
        path: 'body.organization_id',
        message: `a bill is before a parliament; this organisation is a ${classification}`,
      });
    const topics = Array.isArray(value.topic_ids) ? (value.topic_ids as string[]) : [];
    for (const [i, id] of topics.entries()) {
      const topic = await repos.records.getAny('topics', id);
      if (topic && topic.kind !== 'area_for_action')
        fields.push({
          path: `body.topic_ids.${i}`,
          message: `must be an area for action; "${id}" is a ${topic.kind}`,
        });
    }
  }
  if (kind === ACTIVITY_KINDS.collaborations) {
    const classification = await classificationOf(repos, value.organization_id);
    if (
      classification !== undefined &&
      classification !== null &&
      classification !== 'cso' &&
      classification !== 'trade_union'
    )
      fields.push({
        path: 'body.organization_id',
        message: `must be a CSO or a trade union; this organisation is a ${classification}`,
      });
    if (typeof value.topic_id === 'string') {
      const topic = await repos.records.getAny('topics', value.topic_id);
      if (topic && topic.kind !== 'area_for_action')
        fields.push({
          path: 'body.topic_id',
          message: `must be an area for action; "${value.topic_id}" is a ${topic.kind}`,
        });
    }
  }
  if (kind === ACTIVITY_KINDS.engagements && typeof value.event_id === 'string') {
    const event = await repos.records.getAny('body_events', value.event_id);
    if (event && event.organization_id !== value.organization_id)
      fields.push({
        path: 'body.event_id',
        message: `is a meeting of ${event.organization_id}, not of ${String(value.organization_id)}`,
      });
  }
  if (kind === ACTIVITY_KINDS.visits) {
    if (
      typeof value.report_document_id === 'string' &&
      !(await repos.documents.exists(value.report_document_id))
    )
      fields.push({
        path: 'body.report_document_id',
        message: `no document with id "${value.report_document_id}" in the library`,
      });
    const host = value.host_country;
    const visitors = Array.isArray(value.visiting_countries) ? value.visiting_countries : [];
    if (visitors.length > 0 && visitors.every((c) => c === host))
      fields.push({
        path: 'body.visiting_countries',
        message: 'a visit brings MPs from another country than the host',
      });
    const recommendations = Array.isArray(value.recommendations) ? value.recommendations : [];
    for (const [i, r] of recommendations.entries()) {
      const id = (r as { commitment_id?: unknown }).commitment_id;
      if (typeof id === 'string' && !(await repos.records.exists('commitments', id)))
        fields.push({
          path: `body.recommendations.${i}.commitment_id`,
          message: `no commitments record with id "${id}"`,
        });
    }
  }
  fields.push(...checkRange(value, 'start_date', 'end_date'));
  refuse(fields, 'the record breaks a rule of its kind');
}

/** What a kind's input becomes as columns: recommendations as objects, the flag as 0/1. */
function normalise(kind: ActivityKind, input: Input): Input {
  const out = { ...input };
  if (kind === ACTIVITY_KINDS.visits && Array.isArray(out.recommendations)) {
    out.recommendations = out.recommendations.map((r: unknown) =>
      typeof r === 'string'
        ? { text: r, commitment_id: null }
        : { commitment_id: null, ...(r as object) },
    );
  }
  if (kind === ACTIVITY_KINDS.bodyEvents && typeof out.is_verified === 'boolean')
    out.is_verified = out.is_verified ? 1 : 0;
  return out;
}

const ID_LISTS: Record<string, RecordTable> = {
  delegation_person_ids: 'people',
  commitment_ids: 'commitments',
  topic_ids: 'topics',
};

/**
 * Records as the API shows them, with the ids they list narrowed to what the viewer may see: a
 * public bill must not reveal a commitment kept to the caucus, nor a visit a hidden delegate.
 * `rows` have been through `withoutHiddenReferences` (records.ts's reads do it; rows read here
 * come through `presentActivityRows`), which takes out the rest: a visit's report the viewer may
 * not read, among others.
 */
async function presentActivities(ctx: Context, rows: readonly Presented[]): Promise<Presented[]> {
  const scope = scopeOf(ctx.actor);
  const visible = new Map<string, Set<string>>();
  for (const [field, table] of Object.entries(ID_LISTS)) {
    const ids = rows.flatMap((r) => (Array.isArray(r[field]) ? (r[field] as string[]) : []));
    visible.set(field, await ctx.store.repos.activities.visibleIds(table, ids, scope));
  }
  const recommendationCommitments = rows.flatMap((r) =>
    Array.isArray(r.recommendations)
      ? (r.recommendations as { commitment_id?: string | null }[]).flatMap((x) =>
          typeof x.commitment_id === 'string' ? [x.commitment_id] : [],
        )
      : [],
  );
  const visibleCommitments = await ctx.store.repos.activities.visibleIds(
    'commitments',
    recommendationCommitments,
    scope,
  );
  return rows.map((row) => {
    const out: Presented = { ...row };
    for (const field of Object.keys(ID_LISTS)) {
      const list = out[field];
      if (Array.isArray(list))
        out[field] = (list as string[]).filter((id) => visible.get(field)?.has(id) === true);
    }
    if (Array.isArray(out.recommendations)) {
      out.recommendations = (
        out.recommendations as { text: string; commitment_id?: string | null }[]
      ).map((r, n) => ({
        n,
        text: r.text,
        commitment_id:
          typeof r.commitment_id === 'string' && visibleCommitments.has(r.commitment_id)
            ? r.commitment_id
            : null,
      }));
    }
    if (typeof out.is_verified === 'number') out.is_verified = out.is_verified === 1;
    // An account id is no one's business but the secretariat's (membersActivities names them).
    delete out.created_by;
    return out;
  });
}

/** Activity rows read apart from records.ts (a corridor's visits, a member's own, the open data). */
export async function presentActivityRows(
  ctx: Context,
  table: RecordTable,
  rows: readonly Presented[],
): Promise<Presented[]> {
  return presentActivities(
    ctx,
    await withoutHiddenReferences(ctx.store.repos, ctx.actor, table, rows),
  );
}

async function presentOne(ctx: Context, row: Presented): Promise<Presented> {
  const [out] = await presentActivities(ctx, [row]);
  return out ?? row;
}

/** A page of a kind's records the viewer may see. */
export async function listActivities(
  ctx: Context,
  kind: ActivityKind,
  options: Parameters<typeof listRecords>[2],
) {
  const { items, total } = await listRecords(ctx, kind, options);
  return { items: await presentActivities(ctx, items), total };
}

export async function getActivity(ctx: Context, kind: ActivityKind, id: string) {
  if (kind === ACTIVITY_KINDS.bills) return billDetail(ctx, id);
  return presentOne(ctx, await getRecord(ctx, kind, id));
}

/** Bills take their sponsors and actions apart from their columns. */
function splitBill(input: Input): { rest: Input; sponsors?: Sponsor[]; actions?: ActionInput[] } {
  const { sponsors, actions, ...rest } = input;
  return {
    rest,
    ...(sponsors !== undefined ? { sponsors: sponsors as Sponsor[] } : {}),
    ...(actions !== undefined ? { actions: actions as ActionInput[] } : {}),
  };
}

type Sponsor = { person_id: string; classification: 'primary' | 'cosponsor' };
type ActionInput = z.output<typeof BillActionIn>;

async function writeSponsors(repos: Repositories, billId: string, sponsors: Sponsor[]) {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, s] of sponsors.entries()) {
    if (!(await repos.records.exists('people', s.person_id)))
      fields.push({
        path: `body.sponsors.${i}.person_id`,
        message: `no people record with id "${s.person_id}"`,
      });
    if (seen.has(s.person_id))
      fields.push({ path: `body.sponsors.${i}.person_id`, message: 'is listed twice' });
    seen.add(s.person_id);
  }
  refuse(fields, 'a sponsor does not exist');
  await repos.activities.removeSponsors(billId);
  for (const [position, s] of sponsors.entries()) {
    await repos.activities.addSponsor({
      id: newId(),
      bill_id: billId,
      person_id: s.person_id,
      classification: s.classification,
      position,
    });
  }
}

/** Records actions and sets the bill's status to its latest action's. */
async function writeActions(
  repos: Repositories,
  billId: string,
  actions: readonly ActionInput[],
  by: string,
  now: string,
) {
  const existing = await repos.activities.actions(billId);
  let position = existing.length;
  for (const a of actions) {
    await repos.activities.addAction({
      id: newId(),
      bill_id: billId,
      action_date: a.date,
      classification: a.classification,
      description: a.description ?? null,
      position: position++,
      created_by: by,
      created_at: now,
    });
  }
  const all = await repos.activities.actions(billId);
  const latest = all.at(-1);
  await repos.records.update('bills', billId, {
    status: latest?.classification ?? null,
    status_date: latest?.action_date ?? null,
  });
}

/**
 * Who is writing: the secretariat, which writes any activity at any visibility, or a member (or
 * staff for their member) recording their own, as the member's person. 401 for a visitor; 403 for
 * a partner, for a member on another kind, and for an account tied to no person.
 */
type Writer =
  | { as: 'secretariat'; userId: string }
  | {
      as: 'member';
      userId: string;
      personId: string;
      table: MemberActivityTable;
      scope: Visibility[];
    };

function writerOf(ctx: Context, kind: ActivityKind): Writer {
  const actor = ctx.actor;
  const table = MEMBER_TABLES.get(kind);
  if (table === undefined || can(actor, 'activity.write')) {
    authorise(actor, 'activity.write');
    return { as: 'secretariat', userId: actor.userId };
  }
  authorise(actor, 'activity.record');
  if (actor.personId === null)
    throw forbidden(
      "this account is not tied to a member's person: ask the secretariat to tie it before recording activities",
    );
  return {
    as: 'member',
    userId: actor.userId,
    personId: actor.personId,
    table,
    scope: scopeOf(actor),
  };
}

/** The kind as records.ts should authorise it: a member's write was authorised by `writerOf`. */
const storedAs = (kind: ActivityKind, writer: Writer): ActivityKind =>
  writer.as === 'member' ? { ...kind, permission: 'activity.record' } : kind;

/**
 * What a member may not set, refused together naming each field: making a record public (the
 * secretariat reviews and publishes), choosing its id (an id taken by a record they cannot see
 * would tell them it exists), and tying a visit's recommendation to a commitment.
 */
function refuseMemberFields(input: Input): void {
  const fields: FieldError[] = [];
  if (input.visibility === 'public')
    fields.push({
      path: 'body.visibility',
      message: 'may be caucus or secretariat: only the secretariat makes an activity public',
    });
  if (input.id !== undefined)
    fields.push({ path: 'body.id', message: "is given by the server to a member's records" });
  const recommendations = Array.isArray(input.recommendations) ? input.recommendations : [];
  for (const [i, r] of recommendations.entries())
    if (typeof r === 'object' && r !== null && (r as { commitment_id?: unknown }).commitment_id)
      fields.push({
        path: `body.recommendations.${i}.commitment_id`,
        message: 'only the secretariat turns a recommendation into a commitment',
      });
  if (fields.length > 0)
    throw new ApiError(
      'forbidden',
      "a member may not set these; the secretariat reviews and publishes members' activities",
      fields,
    );
}

/**
 * A member may point only at records they can see: a reference to a hidden one is answered as
 * if it did not exist, so that writes do not reveal what reads would not.
 */
async function checkVisibleReferences(
  repos: Repositories,
  kind: ActivityKind,
  input: Input,
  scope: Visibility[],
): Promise<void> {
  const fields: FieldError[] = [];
  const check = async (table: RecordTable, ids: [string, string][]) => {
    const visible = await repos.activities.visibleIds(
      table,
      ids.map(([, id]) => id),
      scope,
    );
    for (const [path, id] of ids)
      if (!visible.has(id)) fields.push({ path, message: `no ${table} record with id "${id}"` });
  };
  for (const [field, table] of Object.entries(kind.references)) {
    const value = input[field];
    if (typeof value === 'string') await check(table, [[`body.${field}`, value]]);
    if (Array.isArray(value))
      await check(
        table,
        value.flatMap((id, i): [string, string][] =>
          typeof id === 'string' ? [[`body.${field}.${i}`, id]] : [],
        ),
      );
  }
  if (Array.isArray(input.sponsors))
    await check(
      'people',
      (input.sponsors as Sponsor[]).map((s, i): [string, string] => [
        `body.sponsors.${i}.person_id`,
        s.person_id,
      ]),
    );
  // A member's visit may name as its report only a document the member may read.
  if (typeof input.report_document_id === 'string') {
    const readable = await repos.documents.visibleIds([input.report_document_id], {
      kind: 'scoped',
      scope,
      userId: null,
    });
    if (!readable.has(input.report_document_id))
      fields.push({
        path: 'body.report_document_id',
        message: `no document with id "${input.report_document_id}" in the library`,
      });
  }
  refuse(fields, 'a referenced record does not exist');
}

/** A bill a member records has them as a sponsor; a visit, in its delegation. */
function withMember(kind: ActivityKind, input: Input, personId: string): Input {
  if (kind === ACTIVITY_KINDS.bills) {
    const sponsors = Array.isArray(input.sponsors) ? (input.sponsors as Sponsor[]) : [];
    if (sponsors.some((s) => s.person_id === personId)) return input;
    return {
      ...input,
      sponsors: [{ person_id: personId, classification: 'primary' }, ...sponsors],
    };
  }
  if (kind === ACTIVITY_KINDS.visits) {
    const delegation = Array.isArray(input.delegation_person_ids)
      ? (input.delegation_person_ids as string[])
      : [];
    if (delegation.includes(personId)) return input;
    return { ...input, delegation_person_ids: [personId, ...delegation] };
  }
  return input;
}

/**
 * What a member may not see is not theirs to remove: a list they replace (a bill's sponsors, a
 * visit's delegation or any other list of records) keeps, after theirs, the entries hidden from
 * them — which they were never shown, so could not have meant to drop.
 */
async function keepHidden(
  repos: Repositories,
  kind: ActivityKind,
  id: string,
  current: Presented,
  patch: Input,
  scope: Visibility[],
): Promise<Input> {
  const kept: Input = {};
  if (kind === ACTIVITY_KINDS.bills && Array.isArray(patch.sponsors)) {
    // One read of every sponsor, each with their person's visibility, tells the hidden apart.
    const hidden = (await repos.activities.sponsors([id], VISIBILITIES))
      .filter((s) => !scope.includes(s.person_visibility))
      .map((s): Sponsor => ({ person_id: s.person_id, classification: s.classification }));
    if (hidden.length > 0) kept.sponsors = [...(patch.sponsors as Sponsor[]), ...hidden];
  }
  for (const [field, table] of Object.entries(kind.references)) {
    const before = current[field];
    const after = patch[field];
    if (!Array.isArray(before) || !Array.isArray(after)) continue;
    const ids = before.filter((x): x is string => typeof x === 'string');
    const visible = await repos.activities.visibleIds(table, ids, scope);
    const hidden = ids.filter((x) => !visible.has(x) && !after.includes(x));
    if (hidden.length > 0) kept[field] = [...(after as unknown[]), ...hidden];
  }
  return kept;
}

/** A member's change may not take them out of their own bill's sponsors or visit's delegation. */
function refuseLeaving(kind: ActivityKind, patch: Input, personId: string): void {
  const fields: FieldError[] = [];
  if (
    kind === ACTIVITY_KINDS.bills &&
    Array.isArray(patch.sponsors) &&
    !(patch.sponsors as Sponsor[]).some((s) => s.person_id === personId)
  )
    fields.push({
      path: 'body.sponsors',
      message: `must include you (${personId}): a member keeps the bills they sponsor`,
    });
  if (
    kind === ACTIVITY_KINDS.visits &&
    Array.isArray(patch.delegation_person_ids) &&
    !(patch.delegation_person_ids as string[]).includes(personId)
  )
    fields.push({
      path: 'body.delegation_person_ids',
      message: `must include you (${personId}): a member records visits they were part of`,
    });
  refuse(fields, 'a member records only their own activities');
}

/** 403 unless the record is the member's own and not yet published. */
async function refuseNotOwn(
  repos: Repositories,
  writer: Extract<Writer, { as: 'member' }>,
  row: { id: string; visibility: Visibility },
  noun: string,
): Promise<void> {
  if (!(await repos.activities.isRecordedFor(writer.table, row.id, writer.personId)))
    throw forbidden(
      `a member may change only what they or their staff recorded, and bills they sponsor; this ${noun} is not theirs`,
    );
  if (row.visibility === 'public')
    throw forbidden(`the secretariat has published this ${noun}: ask the secretariat to change it`);
}

export async function createActivity(ctx: Context, kind: ActivityKind, input: Input) {
  const writer = writerOf(ctx, kind);
  let normal = normalise(kind, input);
  if (writer.as === 'member') {
    refuseMemberFields(normal);
    // Unpublished until the secretariat reviews it.
    normal = withMember(
      kind,
      { ...normal, visibility: normal.visibility ?? 'caucus' },
      writer.personId,
    );
    await checkVisibleReferences(ctx.store.repos, kind, normal, writer.scope);
  }
  if (MEMBER_TABLES.has(kind)) normal.created_by = writer.userId;
  const stored = storedAs(kind, writer);
  if (kind === ACTIVITY_KINDS.bills) {
    const { rest, sponsors = [], actions = [] } = splitBill(normal);
    await checkRules(ctx.store.repos, kind, rest);
    const created = await createBill(ctx, stored, rest, async (repos, id) => {
      await writeSponsors(repos, id, sponsors);
      await writeActions(repos, id, actions, writer.userId, ctx.clock.now().toISOString());
    });
    return billDetail(ctx, created.id);
  }
  await checkRules(ctx.store.repos, kind, normal);
  return presentOne(ctx, await createRecord(ctx, stored, normal));
}

/** A second bill with the same identifier before the same parliament is a conflict. */
async function createBill(
  ctx: Context,
  kind: ActivityKind,
  input: Input,
  extraWork: (repos: Repositories, id: string) => Promise<void>,
) {
  try {
    return await createRecord(ctx, kind, input, extraWork);
  } catch (error) {
    if (ctx.store.isUniqueViolation(error))
      throw new ApiError(
        'conflict',
        `${String(input.organization_id)} already has a bill ${String(input.identifier)}`,
        [{ path: 'body.identifier', message: 'already taken in this parliament' }],
      );
    throw error;
  }
}

export async function updateActivity(ctx: Context, kind: ActivityKind, id: string, patch: Input) {
  const writer = writerOf(ctx, kind);
  const repos = ctx.store.repos;
  const before = await repos.records.get(kind.table, id, scopeOf(ctx.actor));
  if (!before) throw notFound(kind.noun);
  const normal = normalise(kind, patch);
  const current = present(before);
  if (writer.as === 'member') {
    await refuseNotOwn(repos, writer, before, kind.noun);
    refuseMemberFields(normal);
    refuseLeaving(kind, normal, writer.personId);
    await checkVisibleReferences(repos, kind, normal, writer.scope);
    Object.assign(normal, await keepHidden(repos, kind, id, current, normal, writer.scope));
  }
  const { rest, sponsors } =
    kind === ACTIVITY_KINDS.bills ? splitBill(normal) : { rest: normal, sponsors: undefined };
  await checkRules(ctx.store.repos, kind, { ...current, ...rest });
  try {
    const updated = await updateRecord(ctx, storedAs(kind, writer), id, rest, async (repos) => {
      if (sponsors !== undefined) await writeSponsors(repos, id, sponsors);
    });
    if (kind === ACTIVITY_KINDS.bills) return await billDetail(ctx, id);
    return await presentOne(ctx, updated);
  } catch (error) {
    if (ctx.store.isUniqueViolation(error))
      throw new ApiError('conflict', 'the parliament already has a bill with this identifier', [
        { path: 'body.identifier', message: 'already taken in this parliament' },
      ]);
    throw error;
  }
}

/** A bill with its sponsors (whom the viewer may see), its actions, and its parliament. */
export async function billDetail(ctx: Context, id: string) {
  const scope = scopeOf(ctx.actor);
  const bill = await presentOne(ctx, await getRecord(ctx, ACTIVITY_KINDS.bills, id));
  const [sponsors, actions] = await Promise.all([
    ctx.store.repos.activities.sponsors([id], scope),
    ctx.store.repos.activities.actions(id),
  ]);
  return {
    ...bill,
    sponsors: sponsors.map((s) => ({ person_id: s.person_id, classification: s.classification })),
    actions: actions.map((a) => ({
      date: a.action_date,
      classification: a.classification,
      ...(a.description !== null ? { description: a.description } : {}),
    })),
  };
}

/** Records an action on a bill; its status becomes the latest action's. */
export async function addBillAction(ctx: Context, billId: string, input: ActionInput) {
  const writer = writerOf(ctx, ACTIVITY_KINDS.bills);
  await change(ctx, async ({ repos, now, audit }) => {
    const bill = await repos.records.get('bills', billId, scopeOf(ctx.actor));
    if (!bill) throw notFound('bill');
    // A sponsor records what happens to their bill even once it is published: an action is a
    // dated fact, audited with who recorded it, and the bill's own text stays as published.
    if (
      writer.as === 'member' &&
      !(await repos.activities.isRecordedFor('bills', billId, writer.personId))
    )
      throw forbidden('a member records actions only on the bills they sponsor or recorded');
    await writeActions(repos, billId, [input], writer.userId, now);
    await repos.search.refresh('bill', billId);
    await audit('create', 'bill_actions', billId, null, input);
  });
  return billDetail(ctx, billId);
}

/** The member's own visits, bills (with sponsors and actions) and engagements, newest first. */
export async function myActivities(ctx: Context) {
  authorise(ctx.actor, 'activity.record');
  const { personId } = ctx.actor;
  if (personId === null)
    throw forbidden("this account is not tied to a member's person: it has no activities");
  const scope = scopeOf(ctx.actor);
  const activities = ctx.store.repos.activities;
  const [bills, visits, engagements] = await Promise.all([
    activities.recordedFor('bills', personId, scope),
    activities.recordedFor('visits', personId, scope),
    activities.recordedFor('engagements', personId, scope),
  ]);
  return {
    bills: await Promise.all(bills.map((b) => billDetail(ctx, b.id))),
    visits: await presentActivityRows(ctx, 'visits', visits.map(present)),
    engagements: await presentActivityRows(ctx, 'engagements', engagements.map(present)),
  };
}

/** A row with who recorded it as the secretariat reads it, not as two loose columns. */
function withRecorder(
  row: Record<string, unknown> & { id: string; recorder_name: string; recorder_role: string },
) {
  const { recorder_name, recorder_role, ...rest } = row;
  return {
    row: present({ ...rest, id: row.id }),
    recorded_by: { name: recorder_name, role: recorder_role },
  };
}

/**
 * What members and their staff recorded, for the secretariat to review and publish (with the
 * change route, `visibility: "public"`): the unpublished first, then the newest.
 */
export async function membersActivities(ctx: Context) {
  authorise(ctx.actor, 'activity.write');
  const scope = scopeOf(ctx.actor);
  const activities = ctx.store.repos.activities;
  const [bills, visits, engagements] = await Promise.all([
    activities.recordedByMembers('bills', scope),
    activities.recordedByMembers('visits', scope),
    activities.recordedByMembers('engagements', scope),
  ]);
  const presentAll = async (
    table: 'visits' | 'engagements',
    rows: RecordedRow<'visits'>[] | RecordedRow<'engagements'>[],
  ) => {
    const parts = rows.map(withRecorder);
    const presented = await presentActivityRows(
      ctx,
      table,
      parts.map((p) => p.row),
    );
    return presented.map((row, i) => ({ ...row, recorded_by: parts[i]?.recorded_by }));
  };
  return {
    bills: await Promise.all(
      bills.map(async (b) => ({
        ...(await billDetail(ctx, b.id)),
        recorded_by: withRecorder(b).recorded_by,
      })),
    ),
    visits: await presentAll('visits', visits),
    engagements: await presentAll('engagements', engagements),
  };
}

/**
 * Turns a visit's recommendation `n` into a commitment linked back to the visit. The commitment
 * takes the recommendation's text as its title unless one is given, and the visit's visibility.
 */
export async function recommendationToCommitment(
  ctx: Context,
  visitId: string,
  n: number,
  input: Input & { owners?: { type: 'person' | 'organization' | 'country'; id: string }[] },
) {
  authorise(ctx.actor, 'commitment.write');
  const scope = scopeOf(ctx.actor);
  const visit = await ctx.store.repos.records.get('visits', visitId, scope);
  if (!visit) throw notFound('visit');
  const recommendations = JSON.parse(visit.recommendations) as {
    text: string;
    commitment_id: string | null;
  }[];
  const recommendation = recommendations[n];
  if (!recommendation)
    throw invalid(`the visit has ${recommendations.length} recommendations`, [
      { path: 'params.n', message: `no recommendation ${n} (they are numbered from 0)` },
    ]);
  if (recommendation.commitment_id !== null)
    throw new ApiError(
      'conflict',
      `recommendation ${n} is already commitment ${recommendation.commitment_id}`,
      [{ path: 'params.n', message: 'already a commitment' }],
    );
  const commitment = await createCommitment(
    ctx,
    {
      title: recommendation.text.slice(0, 1000),
      description: `A recommendation of the visit "${visit.title}".`,
      visibility: visit.visibility,
      ...input,
      visit_id: visitId,
      visit_recommendation: n,
    },
    // In the commitment's own transaction: a second request for the same recommendation finds
    // it taken and rolls back, so one recommendation never becomes two commitments.
    async (repos, commitmentId) => {
      const current = await repos.records.getAny('visits', visitId);
      const list = JSON.parse(current?.recommendations ?? '[]') as typeof recommendations;
      if (list[n]?.commitment_id != null)
        throw new ApiError('conflict', `recommendation ${n} is already a commitment`, [
          { path: 'params.n', message: 'already a commitment' },
        ]);
      const next = list.map((r, i) => (i === n ? { ...r, commitment_id: commitmentId } : r));
      const now = ctx.clock.now().toISOString();
      await repos.records.update('visits', visitId, {
        recommendations: JSON.stringify(next),
        updated_at: now,
      });
      await repos.audit.record({
        id: newId(),
        at: now,
        actor: actorName(ctx.actor),
        action: 'update',
        entityType: 'visits',
        entityId: visitId,
        before: current,
        after: await repos.records.getAny('visits', visitId),
      });
    },
  );
  return commitment;
}

// National caucuses and committees: Popolo Organizations (classification `national_caucus`, the
// parliament as parent, the country as area) with Memberships for their members, and a status
// history in caucus_statuses.

const NATIONAL_CAUCUS = 'national_caucus';
const division = (country: string) => `ocd-division/country:${country.toLowerCase()}`;
const countryOf = (areaId: string | null) =>
  areaId?.startsWith('ocd-division/country:') === true ? areaId.slice(21, 23).toUpperCase() : null;

async function caucusesWithStatus(ctx: Context, rows: Row<'organizations'>[]) {
  const scope = scopeOf(ctx.actor);
  const history = await ctx.store.repos.activities.caucusStatuses(
    rows.map((r) => r.id),
    scope,
  );
  // A caucus the viewer may see must not name a parliament they may not (as organisations' lists
  // drop a hidden parent).
  const parliaments = await ctx.store.repos.activities.visibleIds(
    'organizations',
    rows.flatMap((r) => (r.parent_id !== null ? [r.parent_id] : [])),
    scope,
  );
  return rows.map((row) => {
    const own = history.filter((h) => h.organization_id === row.id);
    const latest = own.at(-1);
    const parliamentId =
      row.parent_id !== null && parliaments.has(row.parent_id) ? row.parent_id : null;
    const shown: Row<'organizations'> = { ...row, parent_id: parliamentId };
    return {
      ...present(shown),
      country: countryOf(row.area_id),
      parliament_id: parliamentId,
      status: latest?.status ?? null,
      status_date: latest?.status_date ?? null,
      history: own.map((h) => ({
        // The id addresses the entry for the secretariat to correct, publish or remove it.
        id: h.id,
        status: h.status,
        status_date: h.status_date,
        ...(h.note !== null ? { note: h.note } : {}),
        ...(h.source !== null ? { source: h.source } : {}),
        recorded_at: h.created_at,
        visibility: h.visibility,
      })),
    };
  });
}

export async function listNationalCaucuses(
  ctx: Context,
  options: { country?: string | undefined; status?: string | undefined },
) {
  const scope = scopeOf(ctx.actor);
  const rows = await ctx.store.repos.records.list('organizations', scope, {
    where: {
      classification: NATIONAL_CAUCUS,
      ...(options.country !== undefined ? { area_id: division(options.country) } : {}),
    },
  });
  const items = (await caucusesWithStatus(ctx, rows)).filter(
    (c) => options.status === undefined || c.status === options.status,
  );
  return { items, total: items.length };
}

export async function nationalCaucusDetail(ctx: Context, id: string) {
  const scope = scopeOf(ctx.actor);
  const row = await ctx.store.repos.records.get('organizations', id, scope);
  if (row?.classification !== NATIONAL_CAUCUS) throw notFound('national caucus');
  const [caucus] = await caucusesWithStatus(ctx, [row]);
  if (!caucus) throw notFound('national caucus');
  // Memberships are visible only with their person (records.ts checks the links in SQL).
  const members = await ctx.store.repos.records.list('memberships', scope, {
    where: { organization_id: id },
  });
  return { ...caucus, members: members.map(present) };
}

export async function createNationalCaucus(ctx: Context, input: z.output<typeof NationalCaucusIn>) {
  authorise(ctx.actor, 'activity.write');
  const actor = ctx.actor;
  const parliament = await ctx.store.repos.records.getAny('organizations', input.parliament_id);
  const fields: FieldError[] = [];
  if (!parliament)
    fields.push({
      path: 'body.parliament_id',
      message: `no organizations record with id "${input.parliament_id}"`,
    });
  else if (parliament.classification !== 'parliament')
    fields.push({
      path: 'body.parliament_id',
      message: `must be a parliament; this organisation is a ${parliament.classification}`,
    });
  else if (parliament.area_id !== null && parliament.area_id !== division(input.country))
    fields.push({
      path: 'body.parliament_id',
      message: `is the parliament of ${countryOf(parliament.area_id) ?? parliament.area_id}, not of ${input.country}`,
    });
  refuse(fields, 'the parliament does not fit');
  const visibility: Visibility = input.visibility ?? 'public';
  const created = await createRecord(
    ctx,
    KINDS.organizations,
    {
      ...(input.id !== undefined ? { id: input.id } : {}),
      name: input.name,
      classification: NATIONAL_CAUCUS,
      parent_id: input.parliament_id,
      area_id: division(input.country),
      ...(input.founding_date !== undefined ? { founding_date: input.founding_date } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      visibility,
    },
    async (repos, id) => {
      await repos.activities.addCaucusStatus({
        id: newId(),
        organization_id: id,
        status: input.status,
        status_date: input.status_date,
        note: input.note ?? null,
        source: input.source ?? null,
        created_by: actor.userId,
        created_at: ctx.clock.now().toISOString(),
        visibility,
      });
    },
  );
  return nationalCaucusDetail(ctx, created.id);
}

/** Records a change of status; the history keeps every earlier one. */
export async function changeCaucusStatus(
  ctx: Context,
  id: string,
  input: z.output<typeof CaucusStatusIn>,
) {
  authorise(ctx.actor, 'activity.write');
  const actor = ctx.actor;
  await change(ctx, async ({ repos, now, audit }) => {
    const row = await repos.records.get('organizations', id, scopeOf(actor));
    if (row?.classification !== NATIONAL_CAUCUS) throw notFound('national caucus');
    const entry = {
      id: newId(),
      organization_id: id,
      status: input.status,
      status_date: input.status_date,
      note: input.note ?? null,
      source: input.source ?? null,
      created_by: actor.userId,
      created_at: now,
      visibility: input.visibility ?? row.visibility,
    };
    await repos.activities.addCaucusStatus(entry);
    await audit('create', 'caucus_statuses', entry.id, null, entry);
  });
  return nationalCaucusDetail(ctx, id);
}

/** One entry of a caucus's history: 404 unless the actor may see the caucus and it has the entry. */
async function statusEntry(
  repos: Repositories,
  actor: Context['actor'],
  id: string,
  statusId: string,
) {
  const row = await repos.records.get('organizations', id, scopeOf(actor));
  if (row?.classification !== NATIONAL_CAUCUS) throw notFound('national caucus');
  const entry = await repos.activities.caucusStatus(id, statusId);
  if (!entry) throw notFound('status entry of this caucus');
  return entry;
}

/**
 * Corrects an entry of the history, or changes who may see it: the first one is recorded with
 * the caucus and takes its visibility, so publishing a caucus recorded within the caucus means
 * publishing its entries too. The history stays ordered by date, so a corrected date moves it.
 */
export async function changeCaucusStatusEntry(
  ctx: Context,
  id: string,
  statusId: string,
  input: z.output<typeof CaucusStatusPatch>,
) {
  authorise(ctx.actor, 'activity.write');
  const actor = ctx.actor;
  await change(ctx, async ({ repos, audit }) => {
    const before = await statusEntry(repos, actor, id, statusId);
    const patch = {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.status_date !== undefined ? { status_date: input.status_date } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
    };
    await repos.activities.updateCaucusStatus(statusId, patch);
    await audit('update', 'caucus_statuses', statusId, before, { ...before, ...patch });
  });
  return nationalCaucusDetail(ctx, id);
}

/**
 * Removes an entry recorded by mistake (a duplicate, a change of another caucus); the audit log
 * keeps it. The last entry stays: a caucus always has a status, `none` when it has not formed.
 */
export async function removeCaucusStatusEntry(ctx: Context, id: string, statusId: string) {
  authorise(ctx.actor, 'activity.write');
  const actor = ctx.actor;
  await change(ctx, async ({ repos, audit }) => {
    const before = await statusEntry(repos, actor, id, statusId);
    if ((await repos.activities.countCaucusStatuses(id)) <= 1)
      throw new ApiError(
        'conflict',
        "this is the caucus's only status: correct it with PATCH instead of removing it",
        [{ path: 'params.status_id', message: 'the only entry of the history' }],
      );
    await repos.activities.removeCaucusStatus(statusId);
    await audit('delete', 'caucus_statuses', statusId, before, null);
  });
  return nationalCaucusDetail(ctx, id);
}
