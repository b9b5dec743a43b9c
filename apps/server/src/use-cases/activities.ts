// The caucus's activities for the report's five areas for action. Visits, bills, bodies' meetings,
// engagements and collaborations are record kinds (records.ts does their storage, references,
// visibility and audit); what is specific is here: the rules a kind's references must meet, a
// visit's recommendation becoming a commitment, a bill's sponsors and actions with its status
// derived from the latest, and a national caucus's status history.
import type { RecordTable, Repositories, Row, Visibility } from '@tulay/store';
import type { z } from 'zod';
import { authorise, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import type { FieldError } from '../errors.ts';
import { ApiError, notFound } from '../errors.ts';
import type { BillActionIn, NationalCaucusIn, CaucusStatusIn } from '../schemas/activities.ts';
import { createCommitment } from './caucus.ts';
import type { Context } from './context.ts';
import { actorName, change } from './context.ts';
import type { Presented } from './present.ts';
import { present } from './present.ts';
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
 */
export async function presentActivities(
  ctx: Context,
  rows: readonly Presented[],
): Promise<Presented[]> {
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
    return out;
  });
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

export async function createActivity(ctx: Context, kind: ActivityKind, input: Input) {
  authorise(ctx.actor, kind.permission);
  const actor = ctx.actor;
  const normal = normalise(kind, input);
  if (kind === ACTIVITY_KINDS.bills) {
    const { rest, sponsors = [], actions = [] } = splitBill(normal);
    await checkRules(ctx.store.repos, kind, rest);
    const created = await createBill(ctx, rest, async (repos, id) => {
      await writeSponsors(repos, id, sponsors);
      await writeActions(repos, id, actions, actor.userId, ctx.clock.now().toISOString());
    });
    return billDetail(ctx, created.id);
  }
  await checkRules(ctx.store.repos, kind, normal);
  return presentOne(ctx, await createRecord(ctx, kind, normal));
}

/** A second bill with the same identifier before the same parliament is a conflict. */
async function createBill(
  ctx: Context,
  input: Input,
  extraWork: (repos: Repositories, id: string) => Promise<void>,
) {
  try {
    return await createRecord(ctx, ACTIVITY_KINDS.bills, input, extraWork);
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
  authorise(ctx.actor, kind.permission);
  const before = await ctx.store.repos.records.get(kind.table, id, scopeOf(ctx.actor));
  if (!before) throw notFound(kind.noun);
  const normal = normalise(kind, patch);
  const { rest, sponsors } =
    kind === ACTIVITY_KINDS.bills ? splitBill(normal) : { rest: normal, sponsors: undefined };
  const current = present(before);
  await checkRules(ctx.store.repos, kind, { ...current, ...rest });
  try {
    const updated = await updateRecord(ctx, kind, id, rest, async (repos) => {
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
  authorise(ctx.actor, 'activity.write');
  const actor = ctx.actor;
  await change(ctx, async ({ repos, now, audit }) => {
    const bill = await repos.records.get('bills', billId, scopeOf(actor));
    if (!bill) throw notFound('bill');
    await writeActions(repos, billId, [input], actor.userId, now);
    await repos.search.refresh('bill', billId);
    await audit('create', 'bill_actions', billId, null, input);
  });
  return billDetail(ctx, billId);
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
  return rows.map((row) => {
    const own = history.filter((h) => h.organization_id === row.id);
    const latest = own.at(-1);
    return {
      ...present(row),
      country: countryOf(row.area_id),
      parliament_id: row.parent_id,
      status: latest?.status ?? null,
      status_date: latest?.status_date ?? null,
      history: own.map((h) => ({
        status: h.status,
        status_date: h.status_date,
        ...(h.note !== null ? { note: h.note } : {}),
        ...(h.source !== null ? { source: h.source } : {}),
        recorded_at: h.created_at,
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
        source: null,
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
