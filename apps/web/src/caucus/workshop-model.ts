// Strategy workshops as the pages use them (docs/api.md, Strategy workshops), worked out apart
// from the pages: the results read per area for action, a participant's ranked picks and the
// fields the API's errors name, the refusals of a pick in words, the status a workshop may move
// to, who may join a group, and the condensation the secretariat sends.
import type { Visibility } from './api.ts';
import { ApiError } from './api.ts';

export const WORKSHOP_STATUSES = ['preparing', 'picking', 'closed'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** Where a workshop's facts come from: the founding report's section, or a cited source. */
export interface WorkshopSource {
  readonly section?: string;
  readonly quote?: string;
  readonly note?: string;
  readonly title?: string;
  readonly url?: string;
}

/** A workshop as the list and the results give it (`GET /api/workshops`). */
export interface Workshop {
  readonly id: string;
  readonly programme_id: string;
  readonly session_id?: string | null;
  readonly title: string;
  readonly date?: string | null;
  readonly description?: string | null;
  readonly status: WorkshopStatus;
  readonly picks_recorded: boolean;
  readonly visibility: Visibility;
  /** The seed's notes on what the founding report does not record. */
  readonly results_matrix_note?: string;
  readonly picks_note?: string;
  readonly source?: WorkshopSource;
}

export interface WorkshopGroup {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly members: readonly { readonly person_id: string; readonly name: string }[];
  readonly source?: WorkshopSource;
}

export interface WorkshopQuestion {
  readonly id: string;
  readonly text: string;
  readonly position: number;
}

export interface WorkshopAnswer {
  readonly id: string;
  readonly group_id: string;
  readonly question_id: string;
  readonly text: string;
  readonly position: number;
}

export interface WorkshopPriority {
  readonly id: string;
  readonly text: string;
  readonly position: number;
  readonly answer_id: string | null;
}

/** A workshop with its parts (`GET /api/workshops/:id`). */
export interface WorkshopDetail extends Workshop {
  readonly groups: readonly WorkshopGroup[];
  readonly questions: readonly WorkshopQuestion[];
  readonly answers: readonly WorkshopAnswer[];
  readonly priorities: readonly WorkshopPriority[];
  readonly areas: readonly {
    readonly topic_id: string;
    readonly name: string;
    readonly description?: string;
    readonly position: number;
    readonly priority_ids: readonly string[];
  }[];
}

/** One participant's picks, ranked (`…/picks/mine`; `…/picks` adds the name). */
export interface Picks {
  readonly workshop_id: string;
  readonly person_id: string;
  readonly name?: string;
  readonly picks: readonly {
    readonly rank: number;
    readonly priority_id: string;
    readonly text: string;
  }[];
}

/** How many picked a priority; null when the counts are not shown (or were never recorded). */
export interface CountedPriority {
  readonly id: string;
  readonly text: string;
  readonly answer_id: string | null;
  readonly picks: number | null;
  readonly first_choices: number | null;
  readonly points: number | null;
}

export type TallyState = 'published' | 'until_closed' | 'not_recorded';

/** `GET /api/workshops/:id/results`. */
export interface WorkshopResults {
  readonly workshop: Workshop;
  readonly matrix: {
    readonly questions: readonly WorkshopQuestion[];
    readonly rows: readonly {
      readonly group: WorkshopGroup;
      readonly cells: readonly {
        readonly question_id: string;
        readonly answers: readonly WorkshopAnswer[];
      }[];
    }[];
  };
  readonly tally: {
    readonly state: TallyState;
    readonly note: string;
    readonly participants_who_picked: number | null;
    readonly weights: { readonly rank_1: number; readonly rank_2: number; readonly rank_3: number };
  };
  readonly areas: readonly {
    readonly topic_id: string;
    readonly name: string;
    readonly description?: string;
    readonly position: number;
    readonly picks: number | null;
    readonly people: number | null;
    readonly points: number | null;
    readonly priorities: readonly CountedPriority[];
  }[];
  readonly unassigned_priorities: readonly CountedPriority[];
}

/** A priority as the results page shows it: its counts, and its share of those who picked. */
export interface PriorityView {
  readonly id: string;
  readonly text: string;
  readonly answerId: string | null;
  readonly picks: number | null;
  readonly firstChoices: number | null;
  readonly points: number | null;
  /** picks ÷ participants who picked (0–1), for a bar; null when the counts are not shown. */
  readonly share: number | null;
}

/** An area for action as the results page shows it. */
export interface AreaView {
  readonly topicId: string;
  readonly name: string;
  readonly description: string | null;
  readonly picks: number | null;
  readonly people: number | null;
  readonly points: number | null;
  readonly priorities: readonly PriorityView[];
}

/** The results read per area for action, and the priorities fed into none. */
export interface ResultsView {
  readonly state: TallyState;
  readonly participantsWhoPicked: number | null;
  readonly areas: readonly AreaView[];
  readonly unassigned: readonly PriorityView[];
}

function priorityView(p: CountedPriority, pickers: number | null): PriorityView {
  return {
    id: p.id,
    text: p.text,
    answerId: p.answer_id,
    picks: p.picks,
    firstChoices: p.first_choices,
    points: p.points,
    share: p.picks !== null && pickers !== null && pickers > 0 ? p.picks / pickers : null,
  };
}

/**
 * Most picked first, then most often first choice, then the secretariat's order; the order of
 * the priorities as given when there are no counts to rank them by.
 */
function byCounts(priorities: readonly PriorityView[]): PriorityView[] {
  return priorities
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (b.p.picks ?? 0) - (a.p.picks ?? 0) ||
        (b.p.firstChoices ?? 0) - (a.p.firstChoices ?? 0) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

/** The results as the page shows them: the areas in the condensation's order, each with the priorities that fed it. */
export function resultsView(results: WorkshopResults): ResultsView {
  const state = results.tally.state;
  const pickers = state === 'published' ? results.tally.participants_who_picked : null;
  const view = (list: readonly CountedPriority[]) => {
    const views = list.map((p) => priorityView(p, pickers));
    return state === 'published' ? byCounts(views) : views;
  };
  return {
    state,
    participantsWhoPicked: pickers,
    areas: [...results.areas]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        topicId: a.topic_id,
        name: a.name,
        description: a.description ?? null,
        picks: a.picks,
        people: a.people,
        points: a.points,
        priorities: view(a.priorities),
      })),
    unassigned: view(results.unassigned_priorities),
  };
}

/** Where a priority drawn from an answer comes from: the group, and the question's number (from 1). */
export function answerOrigin(
  detail: Pick<WorkshopDetail, 'groups' | 'questions' | 'answers'>,
  answerId: string | null,
): { readonly group: string; readonly question: number } | null {
  if (answerId === null) return null;
  const answer = detail.answers.find((a) => a.id === answerId);
  if (!answer) return null;
  const group = detail.groups.find((g) => g.id === answer.group_id);
  const question = detail.questions.findIndex((q) => q.id === answer.question_id);
  if (!group || question < 0) return null;
  return { group: group.name, question: question + 1 };
}

/** The message of the API's error at `path` or a field under it (`body.areas.0` → `body.areas.0.topic_id`). */
export function errorAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
}

/** The three ranks of a pick form, first to third; "" is a rank left empty. */
export type Ranks = readonly [string, string, string];

export const NO_RANKS: Ranks = ['', '', ''];

/** A participant's picks in the form's three ranks. */
export function ranksOf(picks: Picks['picks']): Ranks {
  const at = (rank: number) => picks.find((p) => p.rank === rank)?.priority_id ?? '';
  return [at(1), at(2), at(3)];
}

/**
 * What a pick form sends: the chosen priorities in rank order, empty ranks left out (so a second
 * choice alone is the first), and for each one sent, the form's rank it came from.
 */
export function picksBody(ranks: Ranks): {
  readonly priority_ids: string[];
  readonly fromRank: number[];
} {
  const priority_ids: string[] = [];
  const fromRank: number[] = [];
  ranks.forEach((id, rank) => {
    if (id === '') return;
    priority_ids.push(id);
    fromRank.push(rank);
  });
  return { priority_ids, fromRank };
}

/**
 * The API's errors on picks, at the form's ranks: `body.priority_ids.1` is the second priority
 * sent, shown at the rank it came from; an error on the whole list (none picked, too many) at the
 * first rank.
 */
export function rankErrors(
  error: unknown,
  fromRank: readonly number[],
): readonly [string | undefined, string | undefined, string | undefined] {
  const out: [string | undefined, string | undefined, string | undefined] = [
    undefined,
    undefined,
    undefined,
  ];
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    const m = /^body\.priority_ids(?:\.(\d+))?$/.exec(f.path);
    if (!m) continue;
    const rank = m[1] === undefined ? 0 : (fromRank[Number(m[1])] ?? 0);
    out[rank] ??= f.message;
  }
  return out;
}

/** Why the API refused someone's own picks, in the terms the page words it. */
export type PickRefusal = 'not_verified' | 'not_participant' | 'not_open' | 'not_recorded';

/**
 * The refusal behind an error of `POST …/picks/mine`, from its code and what the page knows: a
 * 403 is an account not tied to a person (known from the account) or someone who is not a
 * participant of the programme; a 409 is a workshop not open for picking, or one that records no
 * picks. Anything else is no refusal of these (the page shows the error as it is).
 */
export function pickRefusal(
  error: unknown,
  user: { readonly is_verified: boolean; readonly person_id: string | null },
  workshop: Pick<Workshop, 'picks_recorded'>,
): PickRefusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'forbidden')
    return !user.is_verified || user.person_id === null ? 'not_verified' : 'not_participant';
  if (error.code === 'conflict') return workshop.picks_recorded ? 'not_open' : 'not_recorded';
  return null;
}

/** The statuses the secretariat may move a workshop to: on to the next step, or back one. */
export function statusMoves(
  status: WorkshopStatus,
): readonly { readonly to: WorkshopStatus; readonly isForward: boolean }[] {
  switch (status) {
    case 'preparing':
      return [{ to: 'picking', isForward: true }];
    case 'picking':
      return [
        { to: 'closed', isForward: true },
        { to: 'preparing', isForward: false },
      ];
    case 'closed':
      return [{ to: 'picking', isForward: false }];
  }
}

/** A participant a group may take: a person of the programme, and the other group they are in. */
export interface MemberChoice {
  readonly personId: string;
  readonly name: string;
  readonly otherGroup: string | null;
}

/**
 * Who may be a member of group `groupId` (null for a new group): each participant of the
 * programme once, by name, with the group of this workshop they are already in, if another.
 */
export function memberChoices(
  participants: readonly { readonly person_id: string }[],
  names: ReadonlyMap<string, string>,
  groups: readonly WorkshopGroup[],
  groupId: string | null,
): MemberChoice[] {
  const seen = new Set<string>();
  const out: MemberChoice[] = [];
  for (const { person_id } of participants) {
    if (seen.has(person_id)) continue;
    seen.add(person_id);
    const other = groups.find(
      (g) => g.id !== groupId && g.members.some((m) => m.person_id === person_id),
    );
    out.push({
      personId: person_id,
      name: names.get(person_id) ?? person_id,
      otherGroup: other?.name ?? null,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** One area for action in the condensation form: whether the workshop condensed into it, and what fed it. */
export interface CondensationRow {
  readonly topicId: string;
  readonly name: string;
  readonly isChosen: boolean;
  readonly priorityIds: readonly string[];
}

/**
 * The condensation form's rows: the workshop's areas in their order, then every other area for
 * action the viewer may see, in the topics' order.
 */
export function condensationRows(
  detail: Pick<WorkshopDetail, 'areas'>,
  topics: readonly { readonly id: string; readonly name: string }[],
): CondensationRow[] {
  const chosen = [...detail.areas]
    .sort((a, b) => a.position - b.position)
    .map((a) => ({
      topicId: a.topic_id,
      name: a.name,
      isChosen: true,
      priorityIds: [...a.priority_ids],
    }));
  const others = topics
    .filter((x) => !detail.areas.some((a) => a.topic_id === x.id))
    .map((x) => ({ topicId: x.id, name: x.name, isChosen: false, priorityIds: [] }));
  return [...chosen, ...others];
}

/** What the condensation form sends: the chosen areas in the form's order, each with what fed it. */
export function condensationBody(rows: readonly CondensationRow[]): {
  readonly areas: { topic_id: string; priority_ids: string[] }[];
} {
  return {
    areas: rows
      .filter((r) => r.isChosen)
      .map((r) => ({ topic_id: r.topicId, priority_ids: [...r.priorityIds] })),
  };
}

/** The API's error on the condensation for each area (`body.areas.2…` is the third area sent). */
export function condensationErrors(
  error: unknown,
  rows: readonly CondensationRow[],
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (!(error instanceof ApiError)) return out;
  const sent = rows.filter((r) => r.isChosen);
  for (const f of error.fields) {
    const m = /^body\.areas\.(\d+)(?:\.|$)/.exec(f.path);
    const row = m ? sent[Number(m[1])] : undefined;
    if (row && !out.has(row.topicId)) out.set(row.topicId, f.message);
  }
  return out;
}

/**
 * The names of what a workshop's errors may name by id: its groups, answers and priorities, the
 * people in its groups, and any others given (the programme's participants, the programme).
 */
export function workshopNames(
  detail: Pick<WorkshopDetail, 'groups' | 'answers' | 'priorities'>,
  others: Iterable<readonly [string, string]> = [],
): Map<string, string> {
  const names = new Map<string, string>(others);
  for (const g of detail.groups) {
    names.set(g.id, g.name);
    for (const m of g.members) names.set(m.person_id, m.name);
  }
  for (const a of detail.answers) names.set(a.id, a.text);
  for (const p of detail.priorities) names.set(p.id, p.text);
  return names;
}

/**
 * An API message with the ids it names replaced by their names: `"p1" is already picked at rank
 * 1` → `“Exchange visits” is already picked at rank 1`. An id counts only as a whole word.
 */
export function withNames(message: string, names: ReadonlyMap<string, string>): string {
  let out = message;
  // Longest first, so that an id that is the start of another is not replaced inside it.
  for (const [id, name] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    if (id === '' || !out.includes(id)) continue;
    const bare = new RegExp(
      `(?<![A-Za-z0-9_-])${id.replace(/[^A-Za-z0-9_-]/g, '\\$&')}(?![A-Za-z0-9_-])`,
      'g',
    );
    out = out
      .split(`"${id}"`)
      .join(`“${name}”`)
      .replace(bare, () => name);
  }
  return out;
}
