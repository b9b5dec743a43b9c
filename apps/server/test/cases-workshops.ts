// Endpoint cases for strategy workshops (see cases.ts): one valid and one invalid request per
// route, and who may make it. The workshop they act on is set up once per harness, in the
// store, on the test programme (where the test member is a participant), open for picking.
import type { Case } from './cases.ts';
import type { Harness, Who } from './harness.ts';
import { T0 } from './harness.ts';

const SECRETARIAT: Who[] = ['secretariat', 'admin'];
export const TEST_WORKSHOP = 'test_workshop';

const ready = new WeakSet<Harness>();

/** A workshop on the test programme with a group, a question, an answer and three priorities. */
export async function testWorkshop(h: Harness): Promise<string> {
  if (ready.has(h)) return TEST_WORKSHOP;
  ready.add(h);
  const w = h.store.repos.workshops;
  if (await w.exists(TEST_WORKSHOP)) return TEST_WORKSHOP;
  const now = T0.toISOString();
  const stamps = { extra: '{}', created_at: now, updated_at: now, workshop_id: TEST_WORKSHOP };
  await w.insert({
    id: TEST_WORKSHOP,
    programme_id: 'test_programme',
    session_id: null,
    title: 'Test workshop',
    date: '2026-02',
    description: null,
    status: 'picking',
    picks_recorded: 1,
    extra: '{}',
    visibility: 'public',
    created_at: now,
    updated_at: now,
  });
  await w.insertPart('workshop_groups', {
    id: 'test_group',
    name: 'Group A',
    position: 1,
    ...stamps,
  });
  await w.insertPart('workshop_questions', {
    id: 'test_question',
    text: 'What should parliamentarians do?',
    position: 1,
    ...stamps,
  });
  await w.insertPart('workshop_answers', {
    id: 'test_answer',
    group_id: 'test_group',
    question_id: 'test_question',
    text: 'Exchange visits',
    position: 1,
    ...stamps,
  });
  for (const [i, id] of ['test_priority_1', 'test_priority_2', 'test_priority_3'].entries()) {
    await w.insertPart('workshop_priorities', {
      id,
      answer_id: i === 0 ? 'test_answer' : null,
      text: `Priority ${i + 1}`,
      position: i + 1,
      ...stamps,
    });
  }
  return TEST_WORKSHOP;
}

const url = async (h: Harness, rest = '') => `/api/workshops/${await testWorkshop(h)}${rest}`;

export const WORKSHOP_CASES: Case[] = [
  {
    route: 'GET /api/workshops',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/workshops?programme_id=phnom_penh_2011' }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/workshops?programme_id=Not%20An%20Id' },
      field: 'query.programme_id',
    },
  },
  {
    route: 'POST /api/workshops',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: '/api/workshops',
      body: { programme_id: 'test_programme', title: 'Planning', date: '2026-03' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/workshops',
        body: { programme_id: 'test_programme', title: 'Planning', date: 'March' },
      },
      field: 'body.date',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/workshops/:id',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/workshops/strategy_workshop_2011' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/workshops/Bad!' }, field: 'params.id' },
  },
  {
    route: 'PATCH /api/workshops/:id',
    who: 'secretariat',
    valid: async (h) => ({ method: 'PATCH', url: await url(h), body: { title: 'Renamed' } }),
    status: 200,
    invalid: {
      call: { method: 'PATCH', url: `/api/workshops/${TEST_WORKSHOP}`, body: { status: 'done' } },
      field: 'body.status',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/workshops/:id/results',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/workshops/strategy_workshop_2011/results' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/workshops/Bad!/results' }, field: 'params.id' },
  },
  {
    route: 'POST /api/workshops/:id/groups',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/groups'),
      body: { name: 'Group B' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/groups`,
        body: { name: 'Group C', member_ids: ['Not An Id'] },
      },
      field: 'body.member_ids.0',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'PATCH /api/workshops/:id/groups/:part_id',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'PATCH',
      url: await url(h, '/groups/test_group'),
      body: { name: 'Group A (renamed)' },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: `/api/workshops/${TEST_WORKSHOP}/groups/test_group`,
        body: { position: -1 },
      },
      field: 'body.position',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/workshops/:id/questions',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/questions'),
      body: { text: 'How can we advance social security?' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/questions`,
        body: { text: '' },
      },
      field: 'body.text',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'PATCH /api/workshops/:id/questions/:part_id',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'PATCH',
      url: await url(h, '/questions/test_question'),
      body: { position: 2 },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: `/api/workshops/${TEST_WORKSHOP}/questions/test_question`,
        body: {},
      },
      field: 'body',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/workshops/:id/answers',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/answers'),
      body: { group_id: 'test_group', question_id: 'test_question', text: 'Study tours' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/answers`,
        body: { group_id: 'test_group', text: 'Study tours' },
      },
      field: 'body.question_id',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'PATCH /api/workshops/:id/answers/:part_id',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'PATCH',
      url: await url(h, '/answers/test_answer'),
      body: { text: 'Exchange visits with the media' },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: `/api/workshops/${TEST_WORKSHOP}/answers/test_answer`,
        body: { group_id: 'test_group' },
      },
      field: 'body.group_id',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/workshops/:id/priorities',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/priorities'),
      body: { answer_id: 'test_answer' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/priorities`,
        body: { text: 'x'.repeat(2001) },
      },
      field: 'body.text',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'PATCH /api/workshops/:id/priorities/:part_id',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'PATCH',
      url: await url(h, '/priorities/test_priority_2'),
      body: { text: 'National caucuses' },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: `/api/workshops/${TEST_WORKSHOP}/priorities/test_priority_2`,
        body: { position: 'first' },
      },
      field: 'body.position',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/workshops/:id/condensation',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/condensation'),
      body: { areas: [{ topic_id: 'test_topic', priority_ids: ['test_priority_1'] }] },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/condensation`,
        body: { areas: [{ priority_ids: [] }] },
      },
      field: 'body.areas.0.topic_id',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/workshops/:id/picks/mine',
    who: 'member',
    valid: async (h) => ({ method: 'GET', url: await url(h, '/picks/mine') }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/workshops/Bad!/picks/mine' }, field: 'params.id' },
    allowed: ['member'],
  },
  {
    route: 'POST /api/workshops/:id/picks/mine',
    who: 'member',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/picks/mine'),
      body: { priority_ids: ['test_priority_2', 'test_priority_1'] },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/picks/mine`,
        body: { priority_ids: ['a', 'b', 'c', 'd'] },
      },
      field: 'body.priority_ids',
    },
    allowed: ['member'],
  },
  {
    route: 'GET /api/workshops/:id/picks',
    who: 'secretariat',
    valid: async (h) => ({ method: 'GET', url: await url(h, '/picks') }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/workshops/Bad!/picks' }, field: 'params.id' },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/workshops/:id/picks',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: await url(h, '/picks'),
      body: { person_id: 'test_member_mp', priority_ids: ['test_priority_3'] },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/workshops/${TEST_WORKSHOP}/picks`,
        body: { priority_ids: ['test_priority_3'] },
      },
      field: 'body.person_id',
    },
    allowed: SECRETARIAT,
  },
];
