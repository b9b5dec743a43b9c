// Strategy workshops: the founding report's workshop as loaded; a workshop run end to end
// (groups of participants, the matrix, priorities, condensation, ranked picks, results); the
// rules of picking with errors that name what is wrong; who may see the counts and the picks.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness } from './harness.ts';
import { MEMBER_PERSON, harness } from './harness.ts';

interface Results {
  workshop: { status: string; picks_recorded: boolean };
  matrix: {
    questions: { id: string; text: string }[];
    rows: {
      group: { id: string; name: string; members: { person_id: string }[] };
      cells: { question_id: string; answers: { text: string }[] }[];
    }[];
  };
  tally: { state: string; participants_who_picked: number | null };
  areas: {
    topic_id: string;
    name: string;
    picks: number | null;
    people: number | null;
    points: number | null;
    priorities: { id: string; picks: number | null; first_choices: number | null }[];
  }[];
  unassigned_priorities: { id: string; picks: number | null }[];
}

interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

const fieldsOf = (body: unknown) => (body as ErrorBody).error.fields;

describe.each(testDatabases)('strategy workshops, on $name', (database) => {
  let h: Harness;
  let secretariat: Client;
  let member: Client;
  let visitor: Client;
  const W = '/api/workshops/ws';

  beforeAll(async () => {
    h = await harness({ database });
    secretariat = await h.as('secretariat');
    member = await h.as('member');
    visitor = await h.as('public');
    const ok = async (method: string, url: string, body?: unknown, status = 201) => {
      const res = await secretariat.request(method, url, body);
      expect(res.status, `${method} ${url}: ${res.text}`).toBe(status);
      return res.body;
    };
    // Two more participants of the test programme: one in a group, one who only picks.
    await ok('POST', '/api/participants', {
      programme_id: 'test_programme',
      person_id: 'ellene_sana',
      role: 'participant',
    });
    await ok('POST', '/api/participants', {
      programme_id: 'test_programme',
      person_id: 'andy_hall',
      role: 'participant',
    });
    await ok('POST', '/api/topics', { id: 'area_visits', kind: 'area_for_action', name: 'Visits' });
    await ok('POST', '/api/topics', { id: 'area_laws', kind: 'area_for_action', name: 'Laws' });
    await ok('POST', '/api/workshops', {
      id: 'ws',
      programme_id: 'test_programme',
      session_id: 'test_session',
      title: 'Strategy building',
      date: '2026-02',
    });
    await ok('POST', `${W}/groups`, { id: 'g1', name: 'Group 1', member_ids: [MEMBER_PERSON] });
    await ok('POST', `${W}/groups`, { id: 'g2', name: 'Group 2', member_ids: ['ellene_sana'] });
    await ok('POST', `${W}/questions`, { id: 'q1', text: 'What strategies?' });
    await ok('POST', `${W}/questions`, { id: 'q2', text: 'What role for parliamentarians?' });
    await ok('POST', `${W}/answers`, {
      id: 'a1',
      group_id: 'g1',
      question_id: 'q1',
      text: 'Visits',
    });
    await ok('POST', `${W}/answers`, {
      id: 'a2',
      group_id: 'g1',
      question_id: 'q1',
      text: 'Media',
    });
    await ok('POST', `${W}/answers`, {
      id: 'a3',
      group_id: 'g2',
      question_id: 'q2',
      text: 'Bills',
    });
    await ok('POST', `${W}/priorities`, { id: 'p1', answer_id: 'a1' });
    await ok('POST', `${W}/priorities`, { id: 'p2', answer_id: 'a2', text: 'Publicise visits' });
    await ok('POST', `${W}/priorities`, { id: 'p3', answer_id: 'a3' });
    await ok('POST', `${W}/priorities`, { id: 'p4', text: 'National committees' });
    await ok(
      'POST',
      `${W}/condensation`,
      {
        areas: [
          { topic_id: 'area_visits', priority_ids: ['p1', 'p2'] },
          { topic_id: 'area_laws', priority_ids: ['p3'] },
        ],
      },
      200,
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it("loads the report's workshop: three groups × three questions, five areas, no invented answers or counts", async () => {
    const res = await visitor.get('/api/workshops/strategy_workshop_2011/results');
    expect(res.status, res.text).toBe(200);
    const r = res.body as Results;
    expect(r.matrix.rows.map((row) => row.group.name)).toEqual(['Group 1', 'Group 2', 'Group 3']);
    expect(r.matrix.questions.map((q) => q.id)).toEqual([
      'q1_strategies',
      'q2_social_security',
      'q3_role_of_parliamentarians',
    ]);
    for (const row of r.matrix.rows) {
      expect(row.group.members).toEqual([]);
      expect(row.cells).toHaveLength(3);
      for (const cell of row.cells) expect(cell.answers).toEqual([]);
    }
    expect(r.areas.map((a) => a.topic_id)).toEqual([
      'exchange_visits',
      'national_caucuses',
      'engage_appropriate_bodies',
      'cso_trade_union_collaboration',
      'social_protection_legislation',
    ]);
    expect(r.areas[0]?.name).toBe('Parliamentarian Exchange Visits / Study Tours');
    for (const a of r.areas) {
      expect(a.priorities).toEqual([]);
      expect([a.picks, a.people, a.points]).toEqual([null, null, null]);
    }
    expect(r.tally).toMatchObject({ state: 'not_recorded', participants_who_picked: null });
    expect(r.workshop).toMatchObject({ status: 'closed', picks_recorded: false });
    const detail = (await visitor.get('/api/workshops/strategy_workshop_2011')).body as {
      source: { section: string };
      programme_id: string;
    };
    expect(detail.programme_id).toBe('phnom_penh_2011');
    expect(detail.source.section).toBe('Strategy Building');
  });

  it('lays the answers out as a matrix, several points per cell, empty cells kept', async () => {
    const r = (await visitor.get(`${W}/results`)).body as Results;
    expect(r.matrix.rows.map((row) => row.cells.map((c) => c.answers.map((a) => a.text)))).toEqual([
      [['Visits', 'Media'], []],
      [[], ['Bills']],
    ]);
    expect(r.matrix.rows[0]?.group.members.map((m) => m.person_id)).toEqual([MEMBER_PERSON]);
    expect(r.unassigned_priorities.map((p) => p.id)).toEqual(['p4']);
  });

  it('refuses group members who are not participants, or are already in a group', async () => {
    const res = await secretariat.request('POST', `${W}/groups`, {
      name: 'Group 3',
      member_ids: ['andy_hall', 'mu_sochua', 'ellene_sana', 'andy_hall'],
    });
    expect(res.status, res.text).toBe(400);
    expect(fieldsOf(res.body)).toEqual([
      {
        path: 'body.member_ids.1',
        message: '"mu_sochua" is not a participant of programme test_programme',
      },
      { path: 'body.member_ids.2', message: '"ellene_sana" is already in group g2' },
      { path: 'body.member_ids.3', message: '"andy_hall" is listed twice' },
    ]);
  });

  it('refuses answers and condensations that name what is not in the workshop', async () => {
    const answer = await secretariat.request('POST', `${W}/answers`, {
      group_id: 'g9',
      question_id: 'q1',
      text: 'X',
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body).map((f) => f.path)).toEqual(['body.group_id']);
    const condensation = await secretariat.request('POST', `${W}/condensation`, {
      areas: [
        { topic_id: 'test_topic', priority_ids: ['p1', 'nope'] },
        { topic_id: 'equality_of_treatment', priority_ids: [] },
      ],
    });
    expect(condensation.status).toBe(400);
    expect(fieldsOf(condensation.body)).toEqual([
      { path: 'body.areas.0.priority_ids.1', message: 'no priority "nope" in this workshop' },
      {
        path: 'body.areas.1.topic_id',
        message: 'topic "equality_of_treatment" is a principle, not an area_for_action',
      },
    ]);
    const priority = await secretariat.request('POST', `${W}/priorities`, {});
    expect(fieldsOf(priority.body).map((f) => f.path)).toEqual(['body.text']);
  });

  it('takes picks only while picking is open', async () => {
    const res = await member.request('POST', `${W}/picks/mine`, { priority_ids: ['p1'] });
    expect(res.status, res.text).toBe(409);
    expect(res.text).toContain('preparing');
    const open = await secretariat.request('PATCH', W, { status: 'picking' });
    expect(open.status, open.text).toBe(200);
  });

  it('lets a participant pick up to three distinct priorities of the workshop, ranked', async () => {
    const tooMany = await member.request('POST', `${W}/picks/mine`, {
      priority_ids: ['p1', 'p2', 'p3', 'p4'],
    });
    expect(tooMany.status).toBe(400);
    expect(fieldsOf(tooMany.body)).toEqual([
      { path: 'body.priority_ids', message: 'pick at most three priorities' },
    ]);
    const wrong = await member.request('POST', `${W}/picks/mine`, {
      priority_ids: ['p1', 'p1', 'test_priority_1'],
    });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual([
      { path: 'body.priority_ids.1', message: '"p1" is already picked at rank 1' },
      { path: 'body.priority_ids.2', message: 'no priority "test_priority_1" in this workshop' },
    ]);
    const none = await member.request('POST', `${W}/picks/mine`, { priority_ids: [] });
    expect(fieldsOf(none.body)).toEqual([
      { path: 'body.priority_ids', message: 'pick at least one priority' },
    ]);

    const first = await member.request('POST', `${W}/picks/mine`, {
      priority_ids: ['p4', 'p1', 'p3'],
    });
    expect(first.status, first.text).toBe(200);
    // Picking again replaces: never more than three.
    const again = await member.request('POST', `${W}/picks/mine`, {
      priority_ids: ['p1', 'p2', 'p3'],
    });
    expect(again.status, again.text).toBe(200);
    const mine = (await member.get(`${W}/picks/mine`)).body as {
      picks: { rank: number; priority_id: string }[];
    };
    expect(mine.picks).toEqual([
      { rank: 1, priority_id: 'p1', text: 'Visits' },
      { rank: 2, priority_id: 'p2', text: 'Publicise visits' },
      { rank: 3, priority_id: 'p3', text: 'Bills' },
    ]);
  });

  it('lets the secretariat enter a participant’s picks, and only a participant’s', async () => {
    const res = await secretariat.request('POST', `${W}/picks`, {
      person_id: 'andy_hall',
      priority_ids: ['p3', 'p2'],
    });
    expect(res.status, res.text).toBe(200);
    const outsider = await secretariat.request('POST', `${W}/picks`, {
      person_id: 'mu_sochua',
      priority_ids: ['p1'],
    });
    expect(outsider.status).toBe(400);
    expect(fieldsOf(outsider.body)).toEqual([
      {
        path: 'body.person_id',
        message: '"mu_sochua" is not a participant of programme test_programme',
      },
    ]);
  });

  it('refuses picks from those who are not verified participants', async () => {
    for (const who of ['partner', 'unverified'] as const) {
      const res = await (
        await h.as(who)
      ).request('POST', `${W}/picks/mine`, {
        priority_ids: ['p1'],
      });
      expect(res.status, `${who}: ${res.text}`).toBe(403);
    }
    for (const who of ['staff', 'secretariat'] as const) {
      const res = await (
        await h.as(who)
      ).request('POST', `${W}/picks/mine`, {
        priority_ids: ['p1'],
      });
      expect(res.status, who).toBe(403);
    }
    expect(
      (await visitor.request('POST', `${W}/picks/mine`, { priority_ids: ['p1'] })).status,
    ).toBe(401);
    // A workshop of a programme the member did not take part in.
    await secretariat.request('POST', '/api/workshops', {
      id: 'ws_other',
      programme_id: 'phnom_penh_2011',
      title: 'Other',
      status: 'picking',
    });
    await secretariat.request('POST', '/api/workshops/ws_other/priorities', {
      id: 'other_p',
      text: 'X',
    });
    const res = await member.request('POST', '/api/workshops/ws_other/picks/mine', {
      priority_ids: ['other_p'],
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('not a participant of programme phnom_penh_2011');
    // The report's workshop recorded no picks: none can be added to it.
    const report = await secretariat.request(
      'POST',
      '/api/workshops/strategy_workshop_2011/picks',
      {
        person_id: 'ellene_sana',
        priority_ids: ['p1'],
      },
    );
    expect(report.status).toBe(409);
  });

  it('publishes counts when the workshop closes; the secretariat sees them all along', async () => {
    const during = (await visitor.get(`${W}/results`)).body as Results;
    expect(during.tally.state).toBe('until_closed');
    expect(during.areas.map((a) => a.picks)).toEqual([null, null]);
    const staff = (await secretariat.get(`${W}/results`)).body as Results;
    expect(staff.tally.state).toBe('published');

    expect((await secretariat.request('PATCH', W, { status: 'closed' })).status).toBe(200);
    const r = (await visitor.get(`${W}/results`)).body as Results;
    expect(r.tally).toMatchObject({ state: 'published', participants_who_picked: 2 });
    // The member picked p1, p2, p3 (ranks 1–3); Andy Hall picked p3, p2 (ranks 1–2).
    const visits = r.areas.find((a) => a.topic_id === 'area_visits');
    const laws = r.areas.find((a) => a.topic_id === 'area_laws');
    expect(visits?.priorities).toEqual([
      { id: 'p1', text: 'Visits', answer_id: 'a1', picks: 1, first_choices: 1, points: 3 },
      {
        id: 'p2',
        text: 'Publicise visits',
        answer_id: 'a2',
        picks: 2,
        first_choices: 0,
        points: 4,
      },
    ]);
    expect([visits?.picks, visits?.people, visits?.points]).toEqual([3, 2, 7]);
    expect(laws?.priorities).toEqual([
      { id: 'p3', text: 'Bills', answer_id: 'a3', picks: 2, first_choices: 1, points: 4 },
    ]);
    expect([laws?.picks, laws?.people, laws?.points]).toEqual([2, 2, 4]);
    expect(r.unassigned_priorities).toEqual([
      {
        id: 'p4',
        text: 'National committees',
        answer_id: null,
        picks: 0,
        first_choices: 0,
        points: 0,
      },
    ]);
  });

  it('keeps who picked what to the secretariat', async () => {
    const all = await secretariat.get(`${W}/picks`);
    expect(all.status).toBe(200);
    const items = (all.body as { items: { person_id: string; picks: unknown[] }[] }).items;
    expect(items.map((i) => [i.person_id, i.picks.length])).toEqual([
      ['andy_hall', 2],
      [MEMBER_PERSON, 3],
    ]);
    expect((await member.get(`${W}/picks`)).status).toBe(403);
    expect((await visitor.get(`${W}/picks`)).status).toBe(401);
    // Andy Hall picked but is in no group: the public results never name him.
    for (const who of ['public', 'member', 'partner'] as const) {
      const client = await h.as(who);
      expect((await client.get(`${W}/results`)).text, who).not.toContain('andy_hall');
      expect((await client.get(W)).text, who).not.toContain('andy_hall');
    }
  });

  it('shows a workshop only to those who may see it and its programme', async () => {
    await secretariat.request('POST', '/api/workshops', {
      id: 'ws_caucus',
      programme_id: 'test_programme',
      title: 'zqcaucus workshop',
      visibility: 'caucus',
    });
    await secretariat.request('POST', '/api/programmes', {
      id: 'secret_programme',
      name: 'Secret',
      classification: 'meeting',
      visibility: 'secretariat',
    });
    await secretariat.request('POST', '/api/workshops', {
      id: 'ws_secret',
      programme_id: 'secret_programme',
      title: 'zqsecret workshop',
    });
    const seen = async (who: 'public' | 'member' | 'secretariat') => {
      const client = await h.as(who);
      const list = (await client.get('/api/workshops?limit=500')).text;
      return {
        caucus:
          list.includes('zqcaucus') &&
          (await client.get('/api/workshops/ws_caucus')).status === 200,
        secret:
          list.includes('zqsecret') &&
          (await client.get('/api/workshops/ws_secret/results')).status === 200,
      };
    };
    expect(await seen('public')).toEqual({ caucus: false, secret: false });
    expect(await seen('member')).toEqual({ caucus: true, secret: false });
    expect(await seen('secretariat')).toEqual({ caucus: true, secret: true });
    expect((await visitor.get('/api/workshops/ws_caucus/results')).status).toBe(404);
  });

  it('audits every change, picks included', async () => {
    const audit = (await secretariat.get('/api/audit?limit=500')).body as {
      items: { action: string; entity_type: string; entity_id: string }[];
    };
    const types = new Set(audit.items.map((a) => `${a.action} ${a.entity_type}`));
    for (const t of [
      'create workshops',
      'update workshops',
      'create workshop_groups',
      'create workshop_questions',
      'create workshop_answers',
      'create workshop_priorities',
      'update workshop_condensation',
      'pick workshop_picks',
    ])
      expect(types, t).toContain(t);
  });
});
