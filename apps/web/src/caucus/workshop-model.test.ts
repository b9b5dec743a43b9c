import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import type { CondensationRow, Ranks, WorkshopDetail, WorkshopResults } from './workshop-model.ts';
import {
  answerOrigin,
  condensationBody,
  condensationErrors,
  condensationRows,
  errorAt,
  memberChoices,
  pickRefusal,
  picksBody,
  rankErrors,
  ranksOf,
  resultsView,
  statusMoves,
  withNames,
  workshopNames,
} from './workshop-model.ts';

const invalid = (...fields: [string, string][]) =>
  new ApiError(
    400,
    'invalid_request',
    'invalid',
    fields.map(([path, message]) => ({ path, message })),
  );

const workshop = {
  id: 'ws',
  programme_id: 'prog',
  title: 'Strategy building',
  status: 'closed' as const,
  picks_recorded: true,
  visibility: 'public' as const,
};

const priority = (
  id: string,
  picks: number | null,
  first: number | null = picks === null ? null : 0,
  points: number | null = picks,
) => ({ id, text: `Priority ${id}`, answer_id: null, picks, first_choices: first, points });

function results(
  state: WorkshopResults['tally']['state'],
  pickers: number | null,
  areas: WorkshopResults['areas'],
  unassigned: WorkshopResults['unassigned_priorities'] = [],
): WorkshopResults {
  return {
    workshop,
    matrix: { questions: [], rows: [] },
    tally: {
      state,
      note: '',
      participants_who_picked: pickers,
      weights: { rank_1: 3, rank_2: 2, rank_3: 1 },
    },
    areas,
    unassigned_priorities: unassigned,
  };
}

const area = (
  topic_id: string,
  position: number,
  priorities: WorkshopResults['areas'][number]['priorities'],
  known = priorities.every((p) => p.picks !== null),
) => {
  return {
    topic_id,
    name: `Area ${topic_id}`,
    position,
    picks: known ? priorities.reduce((n, p) => n + (p.picks ?? 0), 0) : null,
    people: known ? 2 : null,
    points: known ? priorities.reduce((n, p) => n + (p.points ?? 0), 0) : null,
    priorities,
  };
};

describe('resultsView: the results per area for action', () => {
  it('keeps the areas in the condensation order and ranks their priorities by picks, then first choices', () => {
    const view = resultsView(
      results('published', 4, [
        area('laws', 2, [priority('a', 1, 1), priority('b', 3, 0), priority('c', 3, 2)]),
        area('visits', 1, [priority('d', 0)]),
      ]),
    );
    expect(view.areas.map((a) => a.topicId)).toEqual(['visits', 'laws']);
    const laws = view.areas[1];
    expect(laws?.priorities.map((p) => [p.id, p.picks, p.firstChoices])).toEqual([
      ['c', 3, 2],
      ['b', 3, 0],
      ['a', 1, 1],
    ]);
    // A priority's share is of the participants who picked: 3 of 4.
    expect(laws?.priorities.map((p) => p.share)).toEqual([0.75, 0.75, 0.25]);
    expect([laws?.picks, laws?.people]).toEqual([7, 2]);
  });

  it('keeps the order given and shows no counts or shares until the workshop closes', () => {
    const view = resultsView(
      results(
        'until_closed',
        null,
        [area('laws', 1, [priority('a', null), priority('b', null)])],
        [priority('c', null)],
      ),
    );
    expect(view.state).toBe('until_closed');
    expect(view.participantsWhoPicked).toBeNull();
    expect(view.areas[0]?.priorities.map((p) => [p.id, p.picks, p.share])).toEqual([
      ['a', null, null],
      ['b', null, null],
    ]);
    expect(view.areas[0]?.picks).toBeNull();
    expect(view.unassigned.map((p) => p.id)).toEqual(['c']);
  });

  it('gives no share when no one picked (no division by zero)', () => {
    const view = resultsView(results('published', 0, [area('laws', 1, [priority('a', 0)])]));
    expect(view.areas[0]?.priorities[0]?.share).toBeNull();
  });

  it('reads the founding workshop: five areas, no priorities, counts unknown', () => {
    const view = resultsView(
      results(
        'not_recorded',
        null,
        [1, 2, 3, 4, 5].map((n) => area(`area_${n}`, n, [], false)),
      ),
    );
    expect(view.areas.map((a) => [a.topicId, a.picks, a.priorities.length])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`area_${n}`, null, 0]),
    );
  });
});

const detail: Pick<WorkshopDetail, 'groups' | 'questions' | 'answers' | 'priorities' | 'areas'> = {
  groups: [
    { id: 'g1', name: 'Group 1', position: 1, members: [{ person_id: 'ana', name: 'Ana' }] },
    { id: 'g2', name: 'Group 2', position: 2, members: [{ person_id: 'ben', name: 'Ben' }] },
  ],
  questions: [
    { id: 'q1', text: 'What strategies?', position: 1 },
    { id: 'q2', text: 'What role?', position: 2 },
  ],
  answers: [{ id: 'a1', group_id: 'g2', question_id: 'q2', text: 'Exchange visits', position: 1 }],
  priorities: [
    { id: 'p1', text: 'Exchange visits', position: 1, answer_id: 'a1' },
    { id: 'p10', text: 'A bill', position: 2, answer_id: null },
  ],
  areas: [
    { topic_id: 'laws', name: 'Laws', position: 2, priority_ids: ['p10'] },
    { topic_id: 'visits', name: 'Visits', position: 1, priority_ids: ['p1', 'p10'] },
  ],
};

describe('answerOrigin', () => {
  it.each([
    ['a1', { group: 'Group 2', question: 2 }],
    [null, null],
    ['gone', null],
  ] as const)('%s', (answerId, origin) => {
    expect(answerOrigin(detail, answerId)).toEqual(origin);
  });
});

describe('picks: the ranks of the form and what is sent', () => {
  it.each<[Ranks, string[], number[]]>([
    [
      ['p1', 'p2', 'p3'],
      ['p1', 'p2', 'p3'],
      [0, 1, 2],
    ],
    [['', 'p2', ''], ['p2'], [1]],
    [
      ['p1', '', 'p3'],
      ['p1', 'p3'],
      [0, 2],
    ],
    [['', '', ''], [], []],
  ])('%j sends %j', (ranks, ids, fromRank) => {
    expect(picksBody(ranks)).toEqual({ priority_ids: ids, fromRank });
  });

  it('reads picks back into the ranks they hold', () => {
    expect(
      ranksOf([
        { rank: 2, priority_id: 'b', text: '' },
        { rank: 1, priority_id: 'a', text: '' },
      ]),
    ).toEqual(['a', 'b', '']);
  });

  it("shows the API's error at the rank the priority came from", () => {
    // Sent from the first and third ranks: the API's second priority is the form's third rank.
    const { fromRank } = picksBody(['p1', '', 'p1']);
    expect(
      rankErrors(invalid(['body.priority_ids.1', '"p1" is already picked at rank 1']), fromRank),
    ).toEqual([undefined, undefined, '"p1" is already picked at rank 1']);
    expect(rankErrors(invalid(['body.priority_ids', 'pick at least one priority']), [])).toEqual([
      'pick at least one priority',
      undefined,
      undefined,
    ]);
    expect(rankErrors(invalid(['body.person_id', 'not a participant']), [0])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(rankErrors(new Error('no'), [0])).toEqual([undefined, undefined, undefined]);
  });

  it('sends every chosen priority once, in rank order, and maps each back to its rank', () => {
    const id = fc.constantFrom('', 'p1', 'p2', 'p3');
    fc.assert(
      fc.property(fc.tuple(id, id, id), (ranks) => {
        const { priority_ids, fromRank } = picksBody(ranks);
        expect(priority_ids).toEqual(ranks.filter((x) => x !== ''));
        expect(fromRank.map((r) => ranks[r])).toEqual(priority_ids);
        expect([...fromRank].sort()).toEqual(fromRank);
      }),
    );
  });
});

describe('pickRefusal: a refused pick in words', () => {
  const verified = { is_verified: true, person_id: 'ana' };
  it.each([
    [
      new ApiError(403, 'forbidden', 'you are not a participant'),
      verified,
      true,
      'not_participant',
    ],
    [
      new ApiError(403, 'forbidden', 'only verified'),
      { is_verified: false, person_id: 'ana' },
      true,
      'not_verified',
    ],
    [
      new ApiError(403, 'forbidden', 'only verified'),
      { is_verified: true, person_id: null },
      true,
      'not_verified',
    ],
    [new ApiError(409, 'conflict', 'picking is not open'), verified, true, 'not_open'],
    [new ApiError(409, 'conflict', 'does not record'), verified, false, 'not_recorded'],
    [invalid(['body.priority_ids', 'pick at most three priorities']), verified, true, null],
    [new Error('network'), verified, true, null],
  ] as const)('%s → %s', (error, user, isRecorded, refusal) => {
    expect(pickRefusal(error, user, { picks_recorded: isRecorded })).toBe(refusal);
  });
});

describe('statusMoves', () => {
  it.each([
    ['preparing', [{ to: 'picking', isForward: true }]],
    [
      'picking',
      [
        { to: 'closed', isForward: true },
        { to: 'preparing', isForward: false },
      ],
    ],
    ['closed', [{ to: 'picking', isForward: false }]],
  ] as const)('%s', (status, moves) => {
    expect(statusMoves(status)).toEqual(moves);
  });
});

describe('memberChoices', () => {
  const names = new Map([
    ['ana', 'Ana'],
    ['ben', 'Ben'],
    ['cy', 'Cy'],
  ]);
  const participants = [
    { person_id: 'cy' },
    { person_id: 'ben' },
    { person_id: 'ana' },
    { person_id: 'cy' },
  ];

  it('offers each participant once, by name, with the other group they are in', () => {
    expect(memberChoices(participants, names, detail.groups, 'g1')).toEqual([
      { personId: 'ana', name: 'Ana', otherGroup: null },
      { personId: 'ben', name: 'Ben', otherGroup: 'Group 2' },
      { personId: 'cy', name: 'Cy', otherGroup: null },
    ]);
    expect(memberChoices(participants, names, detail.groups, null)[0]).toEqual({
      personId: 'ana',
      name: 'Ana',
      otherGroup: 'Group 1',
    });
  });
});

describe('condensation', () => {
  const topics = [
    { id: 'visits', name: 'Visits' },
    { id: 'caucuses', name: 'Caucuses' },
    { id: 'laws', name: 'Laws' },
  ];

  it('lists the workshop’s areas in their order, then the other areas for action', () => {
    expect(condensationRows(detail, topics)).toEqual([
      { topicId: 'visits', name: 'Visits', isChosen: true, priorityIds: ['p1', 'p10'] },
      { topicId: 'laws', name: 'Laws', isChosen: true, priorityIds: ['p10'] },
      { topicId: 'caucuses', name: 'Caucuses', isChosen: false, priorityIds: [] },
    ]);
  });

  it('sends the chosen areas in order, and reads errors back to the area they name', () => {
    const rows: CondensationRow[] = [
      { topicId: 'visits', name: 'Visits', isChosen: false, priorityIds: ['p1'] },
      { topicId: 'laws', name: 'Laws', isChosen: true, priorityIds: ['p10', 'p1'] },
      { topicId: 'caucuses', name: 'Caucuses', isChosen: true, priorityIds: [] },
    ];
    expect(condensationBody(rows)).toEqual({
      areas: [
        { topic_id: 'laws', priority_ids: ['p10', 'p1'] },
        { topic_id: 'caucuses', priority_ids: [] },
      ],
    });
    const errors = condensationErrors(
      invalid(
        ['body.areas.1.topic_id', 'topic "caucuses" is a barrier, not an area_for_action'],
        ['body.areas.0.priority_ids.1', 'no priority "p1" in this workshop'],
        ['body.areas.10.topic_id', 'no topic'],
      ),
      rows,
    );
    expect([...errors]).toEqual([
      ['caucuses', 'topic "caucuses" is a barrier, not an area_for_action'],
      ['laws', 'no priority "p1" in this workshop'],
    ]);
  });
});

describe('errors named in words', () => {
  it('finds the error at a path or under it, not at a path that only starts alike', () => {
    const error = invalid(['body.areas.0.topic_id', 'listed twice'], ['body.title', 'empty']);
    expect(errorAt(error, 'body.areas.0')).toBe('listed twice');
    expect(errorAt(error, 'body.title')).toBe('empty');
    expect(errorAt(error, 'body.tit')).toBeUndefined();
    expect(errorAt(new Error('x'), 'body.title')).toBeUndefined();
  });

  it('replaces the ids an API message names by their names, whole ids only', () => {
    const names = workshopNames(detail, [['prog', 'The 2026 dialogue']]);
    expect(withNames('"p1" is already picked at rank 1', names)).toBe(
      '“Exchange visits” is already picked at rank 1',
    );
    // p10 is not p1 followed by 0; the group's id is bare in the message.
    expect(withNames('"p10" is already picked at rank 2', names)).toBe(
      '“A bill” is already picked at rank 2',
    );
    expect(withNames('"ben" is already in group g2', names)).toBe(
      '“Ben” is already in group Group 2',
    );
    expect(withNames('you are not a participant of programme prog', names)).toBe(
      'you are not a participant of programme The 2026 dialogue',
    );
    expect(withNames('no priority "x" in this workshop', names)).toBe(
      'no priority "x" in this workshop',
    );
    expect(withNames('a group1 and g22 stay', names)).toBe('a group1 and g22 stay');
  });
});
