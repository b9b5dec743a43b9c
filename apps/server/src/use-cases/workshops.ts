// Strategy workshops, as the founding report's was run: groups answer questions, the answers
// form a matrix (groups × questions), each participant picks their top three priorities, and the
// secretariat condenses the priorities into areas for action. The secretariat runs a workshop; a
// participant with a verified account picks their own three. Everyone who may see a workshop
// sees its matrix and areas; the counts are published when it closes (so that running counts do
// not sway those still picking), and who picked what is for the secretariat alone. A change to
// any part of a workshop marks the workshop changed (its `updated_at`), so that the open data's
// "last change" sees it; picks do not, so that the time of someone's pick is not published.
import type { Repositories, Visibility, Workshop, WorkshopPartTable } from '@tulay/store';
import { VISIBILITIES } from '@tulay/store/vocabulary';
import type { Actor } from '../access.ts';
import { authorise, can, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import type { FieldError } from '../errors.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';
import { present } from './present.ts';

type Status = 'preparing' | 'picking' | 'closed';

/** Points a pick earns by rank, for the optional weighted view: 3, 2, 1 (a Borda count). */
export const RANK_WEIGHTS = { rank_1: 3, rank_2: 2, rank_3: 1 } as const;

const EVERY_SCOPE = VISIBILITIES;

const invalid = (message: string, fields: FieldError[]): ApiError =>
  new ApiError('invalid_request', message, fields);

/** A workshop row as the API shows it. */
export function presentWorkshop(row: Workshop) {
  return {
    ...present(row),
    id: row.id,
    programme_id: row.programme_id,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    picks_recorded: row.picks_recorded === 1,
  };
}

/** A workshop part (group, question, answer, priority) as the API shows it. */
function presentPart(row: Record<string, unknown> & { id: string; workshop_id: string }) {
  const out = present(row);
  delete out.created_at;
  delete out.updated_at;
  return { ...out, workshop_id: row.workshop_id };
}

async function visibleWorkshop(repos: Repositories, actor: Actor, id: string): Promise<Workshop> {
  const row = await repos.workshops.get(id, scopeOf(actor));
  if (!row) throw notFound('workshop');
  return row;
}

async function isParticipant(
  repos: Repositories,
  programmeId: string,
  personId: string,
): Promise<boolean> {
  const rows = await repos.records.list('participants', EVERY_SCOPE, {
    where: { programme_id: programmeId, person_id: personId },
    limit: 1,
  });
  return rows.length > 0;
}

async function nextPosition(
  repos: Repositories,
  table: WorkshopPartTable,
  workshopId: string,
): Promise<number> {
  const rows = (await repos.workshops.parts(table as 'workshop_groups', workshopId)) as {
    position: number;
  }[];
  return rows.reduce((max, r) => Math.max(max, r.position), 0) + 1;
}

export async function listWorkshops(
  ctx: Context,
  options: { programme_id?: string | undefined; limit: number; offset: number },
) {
  const scope = scopeOf(ctx.actor);
  const filter = options.programme_id !== undefined ? { programme_id: options.programme_id } : {};
  const [rows, total] = await Promise.all([
    ctx.store.repos.workshops.list(scope, {
      ...filter,
      limit: options.limit,
      offset: options.offset,
    }),
    ctx.store.repos.workshops.count(scope, filter),
  ]);
  return { items: rows.map(presentWorkshop), total };
}

/** The parts of a workshop the viewer may see: groups with members, questions, answers… */
async function parts(repos: Repositories, actor: Actor, workshop: Workshop) {
  const scope = scopeOf(actor);
  const [groups, members, questions, answers, priorities, areas, condensation] = await Promise.all([
    repos.workshops.parts('workshop_groups', workshop.id),
    repos.workshops.members(workshop.id, scope),
    repos.workshops.parts('workshop_questions', workshop.id),
    repos.workshops.parts('workshop_answers', workshop.id),
    repos.workshops.parts('workshop_priorities', workshop.id),
    repos.workshops.areas(workshop.id, scope),
    repos.workshops.condensation(workshop.id),
  ]);
  return {
    groups: groups.map((g) => ({
      ...presentPart(g),
      name: g.name,
      position: g.position,
      members: members
        .filter((m) => m.group_id === g.id)
        .map((m) => ({ person_id: m.person_id, name: m.name })),
    })),
    questions: questions.map((q) => ({ ...presentPart(q), text: q.text, position: q.position })),
    answers: answers.map((a) => ({
      ...presentPart(a),
      group_id: a.group_id,
      question_id: a.question_id,
      text: a.text,
      position: a.position,
    })),
    priorities: priorities.map((p) => ({
      ...presentPart(p),
      text: p.text,
      position: p.position,
      answer_id: p.answer_id,
    })),
    areas: areas.map((a) => ({
      ...(JSON.parse(a.extra) as Record<string, unknown>),
      topic_id: a.topic_id,
      name: a.name,
      ...(a.description !== null ? { description: a.description } : {}),
      position: a.position,
      priority_ids: condensation.filter((c) => c.topic_id === a.topic_id).map((c) => c.priority_id),
    })),
  };
}

export async function getWorkshop(ctx: Context, id: string) {
  const workshop = await visibleWorkshop(ctx.store.repos, ctx.actor, id);
  const detail = await parts(ctx.store.repos, ctx.actor, workshop);
  return {
    ...presentWorkshop(workshop),
    ...detail,
  };
}

async function checkSession(
  repos: Repositories,
  programmeId: string,
  sessionId: string | null | undefined,
): Promise<void> {
  if (sessionId === null || sessionId === undefined) return;
  const session = await repos.records.getAny('programme_sessions', sessionId);
  if (session?.programme_id !== programmeId) {
    throw invalid('the session is not one of the programme', [
      { path: 'body.session_id', message: `no session "${sessionId}" in programme ${programmeId}` },
    ]);
  }
}

export async function createWorkshop(
  ctx: Context,
  input: {
    id?: string | undefined;
    programme_id: string;
    session_id?: string | undefined;
    title: string;
    date?: string | undefined;
    description?: string | undefined;
    status?: Status | undefined;
    visibility?: Visibility | undefined;
  },
) {
  authorise(ctx.actor, 'workshop.run');
  const id = input.id ?? newId();
  await change(ctx, async ({ repos, now, audit }) => {
    if (!(await repos.records.exists('programmes', input.programme_id))) {
      throw invalid('a referenced record does not exist', [
        { path: 'body.programme_id', message: `no programme with id "${input.programme_id}"` },
      ]);
    }
    await checkSession(repos, input.programme_id, input.session_id);
    if (await repos.workshops.exists(id)) {
      throw new ApiError('conflict', `a workshop with id "${id}" already exists`, [
        { path: 'body.id', message: 'already taken' },
      ]);
    }
    const row = {
      id,
      programme_id: input.programme_id,
      session_id: input.session_id ?? null,
      title: input.title,
      date: input.date ?? null,
      description: input.description ?? null,
      status: input.status ?? ('preparing' as const),
      picks_recorded: 1 as const,
      extra: '{}',
      visibility: input.visibility ?? ('public' as const),
      created_at: now,
      updated_at: now,
    };
    await repos.workshops.insert(row);
    await audit('create', 'workshops', id, null, row);
  });
  return getWorkshop(ctx, id);
}

export async function updateWorkshop(
  ctx: Context,
  id: string,
  patch: {
    session_id?: string | null | undefined;
    title?: string | undefined;
    date?: string | null | undefined;
    description?: string | null | undefined;
    status?: Status | undefined;
    picks_recorded?: boolean | undefined;
    visibility?: Visibility | undefined;
  },
) {
  authorise(ctx.actor, 'workshop.run');
  await change(ctx, async ({ repos, now, audit }) => {
    const before = await visibleWorkshop(repos, ctx.actor, id);
    await checkSession(repos, before.programme_id, patch.session_id);
    const { picks_recorded, ...rest } = patch;
    const set: Record<string, unknown> = { updated_at: now };
    for (const [key, value] of Object.entries(rest as Record<string, unknown>))
      if (value !== undefined) set[key] = value;
    if (picks_recorded !== undefined) set.picks_recorded = picks_recorded ? 1 : 0;
    await repos.workshops.update(id, set);
    await audit('update', 'workshops', id, before, await repos.workshops.getAny(id));
  });
  return getWorkshop(ctx, id);
}

/** Checks group members: participants of the programme, in no other group, none twice. */
async function checkMembers(
  repos: Repositories,
  workshop: Workshop,
  groupId: string | null,
  memberIds: readonly string[],
): Promise<void> {
  const fields: FieldError[] = [];
  const others = (await repos.workshops.allMembers(workshop.id)).filter(
    (m) => m.group_id !== groupId,
  );
  for (const [i, personId] of memberIds.entries()) {
    const path = `body.member_ids.${i}`;
    if (memberIds.indexOf(personId) !== i)
      fields.push({ path, message: `"${personId}" is listed twice` });
    else if (!(await isParticipant(repos, workshop.programme_id, personId)))
      fields.push({
        path,
        message: `"${personId}" is not a participant of programme ${workshop.programme_id}`,
      });
    else {
      const other = others.find((m) => m.person_id === personId);
      if (other)
        fields.push({ path, message: `"${personId}" is already in group ${other.group_id}` });
    }
  }
  if (fields.length > 0) throw invalid('a group member is not allowed', fields);
}

async function partIdFree(repos: Repositories, table: WorkshopPartTable, id: string) {
  if (await repos.workshops.partExists(table, id)) {
    throw new ApiError('conflict', `id "${id}" is already taken`, [
      { path: 'body.id', message: 'already taken' },
    ]);
  }
}

async function partOrNotFound(
  repos: Repositories,
  table: WorkshopPartTable,
  workshopId: string,
  id: string,
  noun: string,
) {
  const row = await repos.workshops.part(table, workshopId, id);
  if (!row) throw notFound(noun);
  return row as Record<string, unknown> & { id: string; workshop_id: string };
}

export async function addGroup(
  ctx: Context,
  workshopId: string,
  input: {
    id?: string | undefined;
    name: string;
    position?: number | undefined;
    member_ids?: string[] | undefined;
  },
) {
  authorise(ctx.actor, 'workshop.run');
  const id = input.id ?? newId();
  return change(ctx, async ({ repos, now, audit }) => {
    const workshop = await visibleWorkshop(repos, ctx.actor, workshopId);
    await partIdFree(repos, 'workshop_groups', id);
    const members = input.member_ids ?? [];
    await checkMembers(repos, workshop, null, members);
    const row = {
      id,
      workshop_id: workshopId,
      name: input.name,
      position: input.position ?? (await nextPosition(repos, 'workshop_groups', workshopId)),
      extra: '{}',
      created_at: now,
      updated_at: now,
    };
    await repos.workshops.insertPart('workshop_groups', row);
    await repos.workshops.setMembers(
      workshopId,
      id,
      members.map((person_id) => ({ id: newId(), person_id })),
    );
    await audit('create', 'workshop_groups', id, null, { ...row, member_ids: members });
    await repos.workshops.update(workshopId, { updated_at: now });
    return { ...presentPart(row), member_ids: members };
  });
}

export async function updateGroup(
  ctx: Context,
  workshopId: string,
  groupId: string,
  patch: {
    name?: string | undefined;
    position?: number | undefined;
    member_ids?: string[] | undefined;
  },
) {
  authorise(ctx.actor, 'workshop.run');
  return change(ctx, async ({ repos, now, audit }) => {
    const workshop = await visibleWorkshop(repos, ctx.actor, workshopId);
    const before = await partOrNotFound(repos, 'workshop_groups', workshopId, groupId, 'group');
    const membersBefore = (await repos.workshops.allMembers(workshopId))
      .filter((m) => m.group_id === groupId)
      .map((m) => m.person_id);
    const { member_ids: memberIds, ...rest } = patch;
    if (memberIds !== undefined) {
      await checkMembers(repos, workshop, groupId, memberIds);
      await repos.workshops.setMembers(
        workshopId,
        groupId,
        memberIds.map((person_id) => ({ id: newId(), person_id })),
      );
    }
    await repos.workshops.updatePart('workshop_groups', groupId, { ...rest, updated_at: now });
    const after = await partOrNotFound(repos, 'workshop_groups', workshopId, groupId, 'group');
    const members = memberIds ?? membersBefore;
    await audit(
      'update',
      'workshop_groups',
      groupId,
      { ...before, member_ids: membersBefore },
      { ...after, member_ids: members },
    );
    await repos.workshops.update(workshopId, { updated_at: now });
    return { ...presentPart(after), member_ids: members };
  });
}

export async function addQuestion(
  ctx: Context,
  workshopId: string,
  input: { id?: string | undefined; text: string; position?: number | undefined },
) {
  authorise(ctx.actor, 'workshop.run');
  const id = input.id ?? newId();
  return change(ctx, async ({ repos, now, audit }) => {
    await visibleWorkshop(repos, ctx.actor, workshopId);
    await partIdFree(repos, 'workshop_questions', id);
    const row = {
      id,
      workshop_id: workshopId,
      text: input.text,
      position: input.position ?? (await nextPosition(repos, 'workshop_questions', workshopId)),
      extra: '{}',
      created_at: now,
      updated_at: now,
    };
    await repos.workshops.insertPart('workshop_questions', row);
    await audit('create', 'workshop_questions', id, null, row);
    await repos.workshops.update(workshopId, { updated_at: now });
    return presentPart(row);
  });
}

/** Changes a group's, question's, answer's or priority's text and position. */
export async function updatePart(
  ctx: Context,
  table: 'workshop_questions' | 'workshop_answers' | 'workshop_priorities',
  workshopId: string,
  id: string,
  patch: { text?: string | undefined; position?: number | undefined },
) {
  authorise(ctx.actor, 'workshop.run');
  const noun = table.replace('workshop_', '').replace(/ies$/, 'y').replace(/s$/, '');
  return change(ctx, async ({ repos, now, audit }) => {
    await visibleWorkshop(repos, ctx.actor, workshopId);
    const before = await partOrNotFound(repos, table, workshopId, id, noun);
    const set: Record<string, unknown> = { updated_at: now };
    for (const [key, value] of Object.entries(patch as Record<string, unknown>))
      if (value !== undefined) set[key] = value;
    await repos.workshops.updatePart(table, id, set);
    const after = await partOrNotFound(repos, table, workshopId, id, noun);
    await audit('update', table, id, before, after);
    await repos.workshops.update(workshopId, { updated_at: now });
    return presentPart(after);
  });
}

export async function addAnswer(
  ctx: Context,
  workshopId: string,
  input: {
    id?: string | undefined;
    group_id: string;
    question_id: string;
    text: string;
    position?: number | undefined;
  },
) {
  authorise(ctx.actor, 'workshop.run');
  const id = input.id ?? newId();
  return change(ctx, async ({ repos, now, audit }) => {
    await visibleWorkshop(repos, ctx.actor, workshopId);
    const fields: FieldError[] = [];
    if (!(await repos.workshops.part('workshop_groups', workshopId, input.group_id)))
      fields.push({
        path: 'body.group_id',
        message: `no group "${input.group_id}" in this workshop`,
      });
    if (!(await repos.workshops.part('workshop_questions', workshopId, input.question_id)))
      fields.push({
        path: 'body.question_id',
        message: `no question "${input.question_id}" in this workshop`,
      });
    if (fields.length > 0) throw invalid('the answer must be a group’s, to a question', fields);
    await partIdFree(repos, 'workshop_answers', id);
    const cell = (await repos.workshops.parts('workshop_answers', workshopId)).filter(
      (a) => a.group_id === input.group_id && a.question_id === input.question_id,
    );
    const row = {
      id,
      workshop_id: workshopId,
      group_id: input.group_id,
      question_id: input.question_id,
      text: input.text,
      position: input.position ?? cell.reduce((max, a) => Math.max(max, a.position), 0) + 1,
      extra: '{}',
      created_at: now,
      updated_at: now,
    };
    await repos.workshops.insertPart('workshop_answers', row);
    await audit('create', 'workshop_answers', id, null, row);
    await repos.workshops.update(workshopId, { updated_at: now });
    return presentPart(row);
  });
}

export async function addPriority(
  ctx: Context,
  workshopId: string,
  input: {
    id?: string | undefined;
    answer_id?: string | undefined;
    text?: string | undefined;
    position?: number | undefined;
  },
) {
  authorise(ctx.actor, 'workshop.run');
  const id = input.id ?? newId();
  return change(ctx, async ({ repos, now, audit }) => {
    await visibleWorkshop(repos, ctx.actor, workshopId);
    let text = input.text;
    if (input.answer_id !== undefined) {
      const answer = await repos.workshops.part('workshop_answers', workshopId, input.answer_id);
      if (!answer) {
        throw invalid('no such answer', [
          { path: 'body.answer_id', message: `no answer "${input.answer_id}" in this workshop` },
        ]);
      }
      text ??= String(answer.text);
    }
    if (text === undefined) {
      throw invalid('a priority needs a text, or an answer to draw it from', [
        { path: 'body.text', message: 'give a text, or an answer_id to take it from' },
      ]);
    }
    await partIdFree(repos, 'workshop_priorities', id);
    const row = {
      id,
      workshop_id: workshopId,
      answer_id: input.answer_id ?? null,
      text,
      position: input.position ?? (await nextPosition(repos, 'workshop_priorities', workshopId)),
      extra: '{}',
      created_at: now,
      updated_at: now,
    };
    await repos.workshops.insertPart('workshop_priorities', row);
    await audit('create', 'workshop_priorities', id, null, row);
    await repos.workshops.update(workshopId, { updated_at: now });
    return { ...presentPart(row), answer_id: row.answer_id };
  });
}

/** Replaces the areas for action and which priorities fed each. */
export async function setCondensation(
  ctx: Context,
  workshopId: string,
  input: { areas: { topic_id: string; priority_ids: string[] }[] },
) {
  authorise(ctx.actor, 'workshop.run');
  await change(ctx, async ({ repos, now, audit }) => {
    await visibleWorkshop(repos, ctx.actor, workshopId);
    const priorities = new Set(
      (await repos.workshops.parts('workshop_priorities', workshopId)).map((p) => p.id),
    );
    const fields: FieldError[] = [];
    const topics: string[] = [];
    for (const [i, area] of input.areas.entries()) {
      const topic = await repos.records.getAny('topics', area.topic_id);
      if (!topic) {
        fields.push({ path: `body.areas.${i}.topic_id`, message: `no topic "${area.topic_id}"` });
      } else if (topic.kind !== 'area_for_action') {
        fields.push({
          path: `body.areas.${i}.topic_id`,
          message: `topic "${area.topic_id}" is a ${topic.kind}, not an area_for_action`,
        });
      } else if (topics.includes(area.topic_id)) {
        fields.push({ path: `body.areas.${i}.topic_id`, message: 'listed twice' });
      }
      topics.push(area.topic_id);
      for (const [j, priorityId] of area.priority_ids.entries()) {
        const path = `body.areas.${i}.priority_ids.${j}`;
        if (!priorities.has(priorityId))
          fields.push({ path, message: `no priority "${priorityId}" in this workshop` });
        else if (area.priority_ids.indexOf(priorityId) !== j)
          fields.push({ path, message: 'listed twice for this area' });
      }
    }
    if (fields.length > 0) throw invalid('the condensation names what is not there', fields);
    const before = {
      areas: await repos.workshops.areas(workshopId, EVERY_SCOPE),
      condensation: await repos.workshops.condensation(workshopId),
    };
    await repos.workshops.setCondensation(
      workshopId,
      input.areas.map((area, i) => ({
        id: newId(),
        topic_id: area.topic_id,
        position: i + 1,
        extra: '{}',
        links: area.priority_ids.map((priority_id) => ({ id: newId(), priority_id })),
      })),
    );
    await audit('update', 'workshop_condensation', workshopId, before, input);
    await repos.workshops.update(workshopId, { updated_at: now });
  });
  return getWorkshop(ctx, workshopId);
}

/** Checks and stores a participant's picks (rank = position in the list). */
async function storePicks(
  ctx: Context,
  workshopId: string,
  personId: string,
  priorityIds: readonly string[],
  personPath: string | null,
) {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new ApiError('unauthenticated', 'sign in first');
  return change(ctx, async ({ repos, now, audit }) => {
    const workshop = await visibleWorkshop(repos, actor, workshopId);
    if (workshop.picks_recorded === 0) {
      throw new ApiError('conflict', 'this workshop does not record individual picks');
    }
    if (workshop.status !== 'picking') {
      throw new ApiError(
        'conflict',
        `picking is not open on this workshop: it is ${workshop.status}`,
      );
    }
    if (!(await isParticipant(repos, workshop.programme_id, personId))) {
      if (personPath === null)
        throw forbidden(`you are not a participant of programme ${workshop.programme_id}`);
      throw invalid('only participants of the programme pick', [
        {
          path: personPath,
          message: `"${personId}" is not a participant of programme ${workshop.programme_id}`,
        },
      ]);
    }
    const priorities = await repos.workshops.parts('workshop_priorities', workshopId);
    const fields: FieldError[] = [];
    for (const [i, id] of priorityIds.entries()) {
      const path = `body.priority_ids.${i}`;
      const first = priorityIds.indexOf(id);
      if (first !== i)
        fields.push({ path, message: `"${id}" is already picked at rank ${first + 1}` });
      else if (!priorities.some((p) => p.id === id))
        fields.push({ path, message: `no priority "${id}" in this workshop` });
    }
    if (fields.length > 0) throw invalid('the picks are not valid', fields);
    const before = await repos.workshops.picksOf(workshopId, personId);
    await repos.workshops.setPicks(
      workshopId,
      personId,
      priorityIds.map((priority_id, i) => ({
        id: newId(),
        priority_id,
        rank: i + 1,
        entered_by: actor.userId,
        created_at: now,
      })),
    );
    const after = await repos.workshops.picksOf(workshopId, personId);
    await audit('pick', 'workshop_picks', `${workshopId}/${personId}`, before, after);
    return {
      workshop_id: workshopId,
      person_id: personId,
      picks: after.map((p) => ({
        rank: p.rank,
        priority_id: p.priority_id,
        text: priorities.find((x) => x.id === p.priority_id)?.text ?? '',
      })),
    };
  });
}

function pickerOf(actor: Actor): string {
  authorise(actor, 'workshop.pick');
  if (!actor.isVerified || actor.personId === null) {
    throw forbidden(
      'only verified participants pick: ask the secretariat to tie your account to your person',
    );
  }
  return actor.personId;
}

/** The signed-in participant picks their top three (ranked; replaces earlier picks). */
export async function pickMine(ctx: Context, workshopId: string, priorityIds: string[]) {
  return storePicks(ctx, workshopId, pickerOf(ctx.actor), priorityIds, null);
}

/** The secretariat enters a participant's picks (from a paper form, say). */
export async function pickFor(
  ctx: Context,
  workshopId: string,
  input: { person_id: string; priority_ids: string[] },
) {
  authorise(ctx.actor, 'workshop.run');
  return storePicks(ctx, workshopId, input.person_id, input.priority_ids, 'body.person_id');
}

/** The signed-in participant's own picks. */
export async function myPicks(ctx: Context, workshopId: string) {
  const personId = pickerOf(ctx.actor);
  const { repos } = ctx.store;
  await visibleWorkshop(repos, ctx.actor, workshopId);
  const priorities = await repos.workshops.parts('workshop_priorities', workshopId);
  const picks = await repos.workshops.picksOf(workshopId, personId);
  return {
    workshop_id: workshopId,
    person_id: personId,
    picks: picks.map((p) => ({
      rank: p.rank,
      priority_id: p.priority_id,
      text: priorities.find((x) => x.id === p.priority_id)?.text ?? '',
    })),
  };
}

/** Who picked what: the secretariat only. */
export async function allPicks(ctx: Context, workshopId: string) {
  authorise(ctx.actor, 'workshop.run');
  const { repos } = ctx.store;
  await visibleWorkshop(repos, ctx.actor, workshopId);
  const priorities = await repos.workshops.parts('workshop_priorities', workshopId);
  const picks = await repos.workshops.picks(workshopId);
  const people = [...new Set(picks.map((p) => p.person_id))];
  const items = [];
  for (const personId of people) {
    const person = await repos.records.getAny('people', personId);
    items.push({
      workshop_id: workshopId,
      person_id: personId,
      name: person?.name ?? personId,
      picks: picks
        .filter((p) => p.person_id === personId)
        .map((p) => ({
          rank: p.rank,
          priority_id: p.priority_id,
          text: priorities.find((x) => x.id === p.priority_id)?.text ?? '',
        })),
    });
  }
  return { items };
}

/** The matrix (groups × questions) and, per area for action, the priorities that fed it and their counts. */
export async function workshopResults(ctx: Context, workshopId: string) {
  const { repos } = ctx.store;
  const workshop = await visibleWorkshop(repos, ctx.actor, workshopId);
  return resultsOf(repos, ctx.actor, workshop);
}

/** The results of a workshop the viewer may see (also used by the open-data export). */
export async function resultsOf(repos: Repositories, actor: Actor, workshop: Workshop) {
  const detail = await parts(repos, actor, workshop);
  const state =
    workshop.picks_recorded === 0
      ? ('not_recorded' as const)
      : workshop.status === 'closed' || can(actor, 'workshop.run')
        ? ('published' as const)
        : ('until_closed' as const);
  const known = state === 'published';
  const tally = known ? await repos.workshops.tally(workshop.id) : [];
  const people = known
    ? await repos.workshops.peoplePerArea(workshop.id)
    : new Map<string, number>();
  const counted = (p: { id: string; text: string; answer_id: string | null }) => {
    const t = tally.find((x) => x.priority_id === p.id);
    return {
      id: p.id,
      text: p.text,
      answer_id: p.answer_id,
      picks: known ? (t?.picks ?? 0) : null,
      first_choices: known ? (t?.first_choices ?? 0) : null,
      points: known ? (t?.points ?? 0) : null,
    };
  };
  const sum = (xs: { picks: number | null }[], key: 'picks' | 'points') =>
    known ? xs.reduce((n, x) => n + ((x as Record<string, number | null>)[key] ?? 0), 0) : null;
  const assigned = new Set(detail.areas.flatMap((a) => a.priority_ids));
  const notes = {
    published: 'Counts of the participants’ picks; who picked what is kept to the secretariat.',
    until_closed: 'The counts are published when the workshop closes.',
    not_recorded:
      'The individual picks of this workshop were not recorded: the counts are unknown, not zero.',
  };
  return {
    workshop: presentWorkshop(workshop),
    matrix: {
      questions: detail.questions,
      rows: detail.groups.map((group) => ({
        group,
        cells: detail.questions.map((q) => ({
          question_id: q.id,
          answers: detail.answers.filter((a) => a.group_id === group.id && a.question_id === q.id),
        })),
      })),
    },
    tally: {
      state,
      note: notes[state],
      participants_who_picked: known ? await repos.workshops.pickers(workshop.id) : null,
      weights: RANK_WEIGHTS,
    },
    areas: detail.areas.map(({ priority_ids, ...area }) => {
      const fed = detail.priorities.filter((p) => priority_ids.includes(p.id)).map(counted);
      return {
        ...area,
        picks: sum(fed, 'picks'),
        people: known ? (people.get(area.topic_id) ?? 0) : null,
        points: sum(fed, 'points'),
        priorities: fed,
      };
    }),
    unassigned_priorities: detail.priorities.filter((p) => !assigned.has(p.id)).map(counted),
  };
}
