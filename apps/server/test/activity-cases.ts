// The endpoint and authorization cases of the caucus's activities (visits, national caucuses,
// bills, bodies' meetings, engagements, collaborations, the corridor view, the calendar feed).
import type { Case } from './cases.ts';
import type { Harness, Who } from './harness.ts';
import { MEMBER_PERSON } from './harness.ts';

const SECRETARIAT: Who[] = ['secretariat', 'admin'];
/** A member, and staff for them, record their own visits, bills and engagements. */
const RECORDERS: Who[] = ['member', 'staff', 'secretariat', 'admin'];
const RECORDED_BY_MEMBERS = new Set(['visits', 'bills', 'engagements']);

/** Fixtures the cases read or change, made once per harness by the secretariat. */
export const FIXTURES: Record<string, { path: string; body: Record<string, unknown> }> = {
  case_visit: {
    path: 'visits',
    body: {
      id: 'case_visit',
      title: 'Study tour of Cambodian MPs to Thailand',
      host_country: 'TH',
      visiting_countries: ['KH'],
      delegation_person_ids: [MEMBER_PERSON],
      recommendations: ['Ask for a bilateral social security agreement', 'Fund interpreters'],
    },
  },
  case_bill: {
    path: 'bills',
    body: {
      id: 'case_bill',
      organization_id: 'test_parliament',
      identifier: 'CASE 1',
      title: 'Migrant Workers Social Protection Bill',
      sponsors: [{ person_id: MEMBER_PERSON, classification: 'primary' }],
      actions: [{ date: '2026-01-10', classification: 'introduced' }],
    },
  },
  case_event: {
    path: 'body-events',
    body: {
      id: 'case_event',
      organization_id: 'aipa',
      title: 'AIPA General Assembly (test)',
      start_date: '2026-09-01',
      end_date: '2026-09-05',
    },
  },
  case_engagement: {
    path: 'engagements',
    body: { id: 'case_engagement', organization_id: 'aipa', title: 'Statement to AIPA (test)' },
  },
  case_collaboration: {
    path: 'collaborations',
    body: {
      id: 'case_collaboration',
      organization_id: 'mfa',
      topic_id: 'cso_trade_union_collaboration',
      title: 'Joint hearing (test)',
    },
  },
};

async function fixture(h: Harness, id: string): Promise<string> {
  const spec = FIXTURES[id];
  if (!spec) throw new Error(`no fixture ${id}`);
  const secretariat = await h.as('secretariat');
  if ((await secretariat.get(`/api/${spec.path}/${id}`)).status === 404) {
    const res = await secretariat.request('POST', `/api/${spec.path}`, spec.body);
    if (res.status !== 201) throw new Error(`fixture ${id}: ${res.text}`);
  }
  return id;
}

async function caucus(h: Harness): Promise<string> {
  const secretariat = await h.as('secretariat');
  const id = 'case_caucus';
  if ((await secretariat.get(`/api/national-caucuses/${id}`)).status === 404) {
    const res = await secretariat.request('POST', '/api/national-caucuses', {
      id,
      country: 'TH',
      parliament_id: 'test_parliament',
      name: 'Test caucus on labour migration',
      status: 'informal_group',
      status_date: '2026-01',
    });
    if (res.status !== 201) throw new Error(`caucus fixture: ${res.text}`);
  }
  return id;
}

/** A new entry of the test caucus's history (for the secretariat to change or remove). */
async function caucusStatus(h: Harness): Promise<string> {
  const secretariat = await h.as('secretariat');
  const id = await caucus(h);
  const res = await secretariat.request('POST', `/api/national-caucuses/${id}/status`, {
    status: 'formal_caucus',
    status_date: '2026-03',
  });
  if (res.status !== 201) throw new Error(`caucus status fixture: ${res.text}`);
  const history = (res.body as { history: { id: string }[] }).history;
  const entry = history.at(-1)?.id;
  if (entry === undefined) throw new Error('caucus status fixture: no history');
  return entry;
}

interface Resource {
  path: string;
  fixture: string;
  create: Record<string, unknown>;
  createInvalid: unknown;
  field: string;
  patch: unknown;
}

const RESOURCES: Resource[] = [
  {
    path: 'visits',
    fixture: 'case_visit',
    create: { title: 'Exchange visit', host_country: 'MY', visiting_countries: ['ID', 'NP'] },
    createInvalid: {
      title: 'Exchange visit',
      host_country: 'Thailand',
      visiting_countries: ['KH'],
    },
    field: 'body.host_country',
    patch: { findings: 'Workers lack access to the social security fund.' },
  },
  {
    path: 'bills',
    fixture: 'case_bill',
    create: {
      organization_id: 'test_parliament',
      identifier: `NEW ${Math.floor(Math.random() * 1e9)}`,
      title: 'Domestic Workers Bill',
    },
    createInvalid: {
      organization_id: 'test_parliament',
      identifier: 'X 1',
      title: 'Bad bill',
      actions: [{ date: '2026-01-01', classification: 'signed_by_king' }],
    },
    field: 'body.actions.0.classification',
    patch: { summary: 'Extends the social security fund to migrant workers.' },
  },
  {
    path: 'body-events',
    fixture: 'case_event',
    create: { organization_id: 'un_cmw', title: 'CMW session', start_date: '2027-04-01' },
    createInvalid: { organization_id: 'un_cmw', title: 'CMW session', recurrence: 'every year' },
    field: 'body.recurrence',
    patch: { place: 'Geneva' },
  },
  {
    path: 'engagements',
    fixture: 'case_engagement',
    create: { organization_id: 'gfmd', title: 'Question to the GFMD chair', asked: 'What?' },
    createInvalid: { organization_id: 'gfmd', title: 'X', engagement_date: 'last week' },
    field: 'body.engagement_date',
    patch: { response: 'The chair answered in writing.' },
  },
  {
    path: 'collaborations',
    fixture: 'case_collaboration',
    create: { organization_id: 'sntuc', title: 'Union outreach' },
    createInvalid: { organization_id: 'fes', title: 'Not a CSO' },
    field: 'body.organization_id',
    patch: { description: 'Held together in Singapore.' },
  },
];

export const ACTIVITY_CASES: Case[] = [
  ...RESOURCES.flatMap((r): Case[] => [
    {
      route: `GET /api/${r.path}`,
      who: 'public',
      valid: () => ({ method: 'GET', url: `/api/${r.path}?limit=5` }),
      status: 200,
      invalid: { call: { method: 'GET', url: `/api/${r.path}?limit=-1` }, field: 'query.limit' },
    },
    {
      route: `GET /api/${r.path}/:id`,
      who: 'public',
      valid: async (h) => ({ method: 'GET', url: `/api/${r.path}/${await fixture(h, r.fixture)}` }),
      status: 200,
      invalid: { call: { method: 'GET', url: `/api/${r.path}/Bad%20Id` }, field: 'params.id' },
    },
    {
      route: `POST /api/${r.path}`,
      who: 'secretariat',
      valid: () => ({
        method: 'POST',
        url: `/api/${r.path}`,
        body:
          r.path === 'bills'
            ? { ...r.create, identifier: `NEW ${crypto.randomUUID().slice(0, 8)}` }
            : r.create,
      }),
      status: 201,
      invalid: {
        call: { method: 'POST', url: `/api/${r.path}`, body: r.createInvalid },
        field: r.field,
      },
      allowed: RECORDED_BY_MEMBERS.has(r.path) ? RECORDERS : SECRETARIAT,
    },
    {
      route: `PATCH /api/${r.path}/:id`,
      who: 'secretariat',
      valid: async (h) => ({
        method: 'PATCH',
        url: `/api/${r.path}/${await fixture(h, r.fixture)}`,
        body: r.patch,
      }),
      status: 200,
      invalid: {
        call: {
          method: 'PATCH',
          url: `/api/${r.path}/${r.fixture}`,
          body: { visibility: 'everyone' },
        },
        field: 'body.visibility',
      },
      // The fixtures are the secretariat's and public: not the member's to change, even the
      // bill they sponsor, once published (member-activities.test.ts covers their own).
      allowed: SECRETARIAT,
    },
  ]),
  {
    route: 'POST /api/visits/:id/recommendations/:n/commitment',
    who: 'secretariat',
    valid: async (h) => {
      // A fresh visit each time, so every role allowed can turn its recommendation 0.
      const secretariat = await h.as('secretariat');
      const res = await secretariat.request('POST', '/api/visits', {
        title: 'Visit for a commitment',
        host_country: 'TH',
        visiting_countries: ['MM'],
        recommendations: ['Open a help desk for Myanmar workers'],
      });
      const id = (res.body as { id: string }).id;
      return {
        method: 'POST',
        url: `/api/visits/${id}/recommendations/0/commitment`,
        body: { owners: [{ type: 'country', id: 'ocd-division/country:th' }] },
      };
    },
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/visits/case_visit/recommendations/0/commitment',
        body: { status: 'imagined' },
      },
      field: 'body.status',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/bills/:id/actions',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: `/api/bills/${await fixture(h, 'case_bill')}/actions`,
      body: { date: '2026-02-01', classification: 'referred_to_committee' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/bills/case_bill/actions',
        body: { date: '2026-02-01', classification: 'shelved' },
      },
      field: 'body.classification',
    },
    // The member sponsors the fixture bill: they record what happens to it, published or not.
    allowed: RECORDERS,
  },
  {
    route: 'GET /api/activities/mine',
    who: 'member',
    valid: () => ({ method: 'GET', url: '/api/activities/mine' }),
    status: 200,
    invalid: null,
    allowed: ['member', 'staff'],
  },
  {
    route: 'GET /api/activities/from-members',
    who: 'secretariat',
    valid: () => ({ method: 'GET', url: '/api/activities/from-members' }),
    status: 200,
    invalid: null,
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/national-caucuses',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/national-caucuses?country=TH' }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/national-caucuses?country=Thailand' },
      field: 'query.country',
    },
  },
  {
    route: 'GET /api/national-caucuses/:id',
    who: 'public',
    valid: async (h) => ({ method: 'GET', url: `/api/national-caucuses/${await caucus(h)}` }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/national-caucuses/BAD!' }, field: 'params.id' },
  },
  {
    route: 'POST /api/national-caucuses',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: '/api/national-caucuses',
      body: {
        country: 'TH',
        parliament_id: 'test_parliament',
        name: 'Thai caucus on labour migration',
        status: 'formal_caucus',
        status_date: '2026-02-01',
      },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/national-caucuses',
        body: {
          country: 'TH',
          parliament_id: 'test_parliament',
          name: 'X',
          status: 'secret_society',
          status_date: '2026',
        },
      },
      field: 'body.status',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/national-caucuses/:id/status',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: `/api/national-caucuses/${await caucus(h)}/status`,
      body: { status: 'formal_caucus', status_date: '2026-02' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/national-caucuses/case_caucus/status',
        body: { status: 'formal_caucus', status_date: 'next year' },
      },
      field: 'body.status_date',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'PATCH /api/national-caucuses/:id/status/:status_id',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'PATCH',
      url: `/api/national-caucuses/case_caucus/status/${await caucusStatus(h)}`,
      body: { visibility: 'caucus', note: 'Corrected' },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: '/api/national-caucuses/case_caucus/status/any_entry',
        body: { status: 'secret_society' },
      },
      field: 'body.status',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'DELETE /api/national-caucuses/:id/status/:status_id',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'DELETE',
      url: `/api/national-caucuses/case_caucus/status/${await caucusStatus(h)}`,
    }),
    status: 200,
    invalid: {
      call: { method: 'DELETE', url: '/api/national-caucuses/case_caucus/status/BAD!' },
      field: 'params.status_id',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/corridors/:origin/:destination',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/corridors/KH/TH?at=2016-01' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/corridors/KH/QQ' }, field: 'params.destination' },
  },
  {
    route: 'GET /api/engagements.ics',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/engagements.ics?body=aipa' }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/engagements.ics?body=no_such_body' },
      field: 'query.body',
    },
  },
];
