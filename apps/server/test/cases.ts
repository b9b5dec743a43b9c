// One valid and one invalid request for every route, shared by the endpoint tests and the
// authorization matrix. `allowed` lists the roles that may make the request (mutations and
// restricted reads); a route without it is open to everyone.
import { ACTIVITY_CASES } from './activity-cases.ts';
import { OPEN_DATA_CASES } from './cases-open-data.ts';
import { WORKSHOP_CASES } from './cases-workshops.ts';
import type { Harness, Who } from './harness.ts';
import { MEMBER_PERSON, PASSWORD } from './harness.ts';
import { RESEARCH, upload, uploadCall } from './documents/files.ts';
import { SIMULATION_CASES } from './simulation-cases.ts';

export interface Call {
  method: string;
  url: string;
  body?: unknown;
  /** Extra headers, e.g. a multipart body's content type. */
  headers?: Record<string, string>;
}

export interface Case {
  /** `METHOD /url/:pattern` as registered. */
  route: string;
  /** Who makes the valid request in the endpoint tests. */
  who: Who;
  valid: (h: Harness) => Promise<Call> | Call;
  status: number;
  /** An invalid request and the field the 400 must name; null where the route takes no input. */
  invalid: { call: Call; field: string } | null;
  allowed?: Who[];
}

const SECRETARIAT: Who[] = ['secretariat', 'admin'];

async function invitationToken(h: Harness): Promise<string> {
  const admin = await h.as('admin');
  const res = await admin.request('POST', '/api/invitations', {
    role: 'partner',
    expires_in_hours: 24,
  });
  return (res.body as { token: string }).token;
}

async function driveId(h: Harness): Promise<string> {
  const secretariat = await h.as('secretariat');
  const res = await secretariat.request('POST', '/api/drives', {
    text_id: 'test_resolution',
    programme_ids: ['test_programme'],
  });
  return (res.body as { id: string }).id;
}

/** A live endorsement of the test resolution by the test member (signed for the test if none). */
async function endorsementId(h: Harness): Promise<string> {
  const member = await h.as('member');
  const list = (await member.get('/api/texts/test_resolution/endorsements')).body as {
    items: { id: string; person_id: string }[];
  };
  const live = list.items.find((e) => e.person_id === MEMBER_PERSON);
  if (live) return live.id;
  const res = await member.request('POST', '/api/texts/test_resolution/endorsements', {});
  return (res.body as { id: string }).id;
}

interface Resource {
  path: string;
  id: string;
  create: unknown;
  createInvalid: unknown;
  field: string;
  patch: unknown;
}

const RESOURCES: Resource[] = [
  {
    path: 'people',
    id: MEMBER_PERSON,
    create: { name: 'New Person', area_id: 'ocd-division/country:ph' },
    createInvalid: { name: 'X', area_id: 'thailand' },
    field: 'body.area_id',
    patch: { summary: 'Updated' },
  },
  {
    path: 'organizations',
    id: 'test_parliament',
    create: { name: 'New CSO', classification: 'cso' },
    createInvalid: { name: 'X', classification: 'Bad Class' },
    field: 'body.classification',
    patch: { description: 'Updated' },
  },
  {
    path: 'posts',
    id: 'test_post',
    create: { organization_id: 'test_parliament', label: 'Speaker' },
    createInvalid: { label: 'Speaker' },
    field: 'body.organization_id',
    patch: { label: 'Deputy Chair' },
  },
  {
    path: 'memberships',
    id: 'test_member_seat',
    create: {
      person_id: MEMBER_PERSON,
      organization_id: 'test_parliament',
      role: 'member',
      start_date: '2024-01',
    },
    createInvalid: {
      person_id: MEMBER_PERSON,
      organization_id: 'test_parliament',
      start_date: '2024-13',
    },
    field: 'body.start_date',
    patch: { label: 'Member (updated)' },
  },
  {
    path: 'programmes',
    id: 'test_programme',
    create: { name: 'Exchange visit', classification: 'exchange_visit', start_date: '2026-05' },
    createInvalid: { name: 'X', classification: 'exchange_visit', series_number: 'five' },
    field: 'body.series_number',
    patch: { city: 'Manila' },
  },
  {
    path: 'sessions',
    id: 'test_session',
    create: { programme_id: 'test_programme', name: 'Opening', position: 2 },
    createInvalid: { programme_id: 'test_programme', name: 'Opening', position: -1 },
    field: 'body.position',
    patch: { name: 'Opening plenary' },
  },
  {
    path: 'participants',
    id: 'test_participant',
    create: { programme_id: 'test_programme', person_id: 'ellene_sana', role: 'speaker' },
    createInvalid: { programme_id: 'test_programme', person_id: MEMBER_PERSON, role: 'boss' },
    field: 'body.role',
    patch: { role: 'speaker' },
  },
  {
    path: 'commitments',
    id: 'test_commitment',
    create: { title: 'Ratify C189', owners: [{ type: 'country', id: 'ocd-division/country:ph' }] },
    createInvalid: { title: 'Ratify C189', owners: [{ type: 'planet', id: 'x' }] },
    field: 'body.owners.0.type',
    patch: { review_date: '2026-09' },
  },
  {
    path: 'follow-ups',
    id: 'test_follow_up',
    create: { title: 'Send the report', due_date: '2026-04-01' },
    createInvalid: { title: 'Send the report', due_date: 'soon' },
    field: 'body.due_date',
    patch: { status: 'done' },
  },
  {
    path: 'topics',
    id: 'test_topic',
    create: { kind: 'area_for_action', name: 'Exchange visits' },
    createInvalid: { kind: 'Bad Kind', name: 'X' },
    field: 'body.kind',
    patch: { description: 'Updated' },
  },
];

export const CASES: Case[] = [
  {
    route: 'GET /api/auth/csrf',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/auth/csrf' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'POST /api/auth/login',
    who: 'public',
    valid: () => ({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: 'partner@example.org', password: PASSWORD },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/auth/login',
        body: { email: 'not-an-email', password: 'x' },
      },
      field: 'body.email',
    },
  },
  {
    route: 'GET /api/auth/me',
    who: 'member',
    valid: () => ({ method: 'GET', url: '/api/auth/me' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'POST /api/invitations',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: '/api/invitations',
      body: { role: 'member', person_id: 'ellene_sana' },
    }),
    status: 201,
    invalid: {
      call: { method: 'POST', url: '/api/invitations', body: { role: 'king' } },
      field: 'body.role',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/invitations/:token',
    who: 'public',
    valid: async (h) => ({ method: 'GET', url: `/api/invitations/${await invitationToken(h)}` }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/invitations/short' }, field: 'params.token' },
  },
  {
    route: 'POST /api/invitations/:token/accept',
    who: 'public',
    valid: async (h) => ({
      method: 'POST',
      url: `/api/invitations/${await invitationToken(h)}/accept`,
      body: {
        email: `new-${crypto.randomUUID()}@example.org`,
        display_name: 'New Partner',
        password: PASSWORD,
      },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/invitations/${'x'.repeat(43)}/accept`,
        body: { display_name: 'New', password: 'short' },
      },
      field: 'body.password',
    },
  },
  {
    route: 'GET /api/users',
    who: 'admin',
    valid: () => ({ method: 'GET', url: '/api/users' }),
    status: 200,
    invalid: null,
    allowed: ['admin'],
  },
  {
    route: 'PATCH /api/users/:id',
    who: 'admin',
    valid: (h) => ({
      method: 'PATCH',
      url: `/api/users/${h.users.unverified.id}`,
      body: { is_verified: true },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: `/api/users/${crypto.randomUUID()}`,
        body: { role: 'emperor' },
      },
      field: 'body.role',
    },
    allowed: ['admin'],
  },
  {
    route: 'GET /api/audit',
    who: 'secretariat',
    valid: () => ({ method: 'GET', url: '/api/audit?limit=5' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/audit?limit=0' }, field: 'query.limit' },
    allowed: SECRETARIAT,
  },
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
      valid: () => ({ method: 'GET', url: `/api/${r.path}/${r.id}` }),
      status: 200,
      invalid: { call: { method: 'GET', url: `/api/${r.path}/Bad%20Id` }, field: 'params.id' },
    },
    {
      route: `POST /api/${r.path}`,
      who: 'secretariat',
      valid: () => ({ method: 'POST', url: `/api/${r.path}`, body: r.create }),
      status: 201,
      invalid: {
        call: { method: 'POST', url: `/api/${r.path}`, body: r.createInvalid },
        field: r.field,
      },
      allowed: SECRETARIAT,
    },
    {
      route: `PATCH /api/${r.path}/:id`,
      who: 'secretariat',
      valid: () => ({ method: 'PATCH', url: `/api/${r.path}/${r.id}`, body: r.patch }),
      status: 200,
      invalid: {
        call: { method: 'PATCH', url: `/api/${r.path}/${r.id}`, body: { visibility: 'everyone' } },
        field: 'body.visibility',
      },
      allowed: SECRETARIAT,
    },
  ]),
  {
    route: 'POST /api/commitments/:id/evidence',
    who: 'member',
    valid: () => ({
      method: 'POST',
      url: '/api/commitments/test_commitment/evidence',
      body: { description: 'Bill tabled', url: 'https://example.org/bill' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/commitments/test_commitment/evidence',
        body: { description: 'X', url: 'not a url' },
      },
      field: 'body.url',
    },
    allowed: ['member', 'staff', 'secretariat', 'admin'],
  },
  {
    route: 'GET /api/follow-ups/due',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/follow-ups/due?by=2026-12-31' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/follow-ups/due?by=tomorrow' }, field: 'query.by' },
  },
  {
    route: 'GET /api/texts',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/texts?kind=resolution' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/texts?kind=poem' }, field: 'query.kind' },
  },
  {
    route: 'GET /api/texts/:id',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/texts/test_resolution' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/texts/Bad!' }, field: 'params.id' },
  },
  {
    route: 'GET /api/texts/:id/versions',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/texts/test_resolution/versions' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/texts/Bad!/versions' }, field: 'params.id' },
  },
  {
    route: 'POST /api/texts',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: '/api/texts',
      body: { kind: 'statement', authoritative_language: 'en', title: 'T', body: 'B' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/texts',
        body: { kind: 'statement', authoritative_language: 'English', title: 'T', body: 'B' },
      },
      field: 'body.authoritative_language',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/texts/:id/versions',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: '/api/texts/test_statement/versions',
      body: { language: 'th', title: 'แถลงการณ์', body: 'ข้อความ' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/texts/test_statement/versions',
        body: { language: 'th', title: '', body: 'x' },
      },
      field: 'body.title',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'PATCH /api/texts/:id',
    who: 'secretariat',
    valid: () => ({ method: 'PATCH', url: '/api/texts/test_statement', body: { status: 'open' } }),
    status: 200,
    invalid: {
      call: { method: 'PATCH', url: '/api/texts/test_statement', body: { status: 'published' } },
      field: 'body.status',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/texts/:id/endorsements',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/texts/test_resolution/endorsements' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/texts/BAD/endorsements' }, field: 'params.id' },
  },
  {
    route: 'GET /api/texts/:id/endorsements.csv',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/texts/test_resolution/endorsements.csv' }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/texts/BAD/endorsements.csv' },
      field: 'params.id',
    },
  },
  {
    route: 'POST /api/texts/:id/endorsements',
    who: 'member',
    valid: () => ({ method: 'POST', url: '/api/texts/test_resolution/endorsements', body: {} }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/texts/test_resolution/endorsements',
        body: { visibility: 'secret' },
      },
      field: 'body.visibility',
    },
    allowed: ['member'],
  },
  {
    route: 'DELETE /api/texts/:id/endorsements/mine',
    who: 'member',
    valid: () => ({ method: 'DELETE', url: '/api/texts/test_resolution/endorsements/mine' }),
    status: 200,
    invalid: {
      call: { method: 'DELETE', url: '/api/texts/BAD/endorsements/mine' },
      field: 'params.id',
    },
    allowed: ['member'],
  },
  {
    route: 'POST /api/drives',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: '/api/drives',
      body: { text_id: 'test_resolution', programme_ids: ['test_programme'] },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/drives',
        body: { text_id: 'test_resolution', programme_ids: [] },
      },
      field: 'body.programme_ids',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/endorsements/:id/void',
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: `/api/endorsements/${await endorsementId(h)}/void`,
      body: { reason: 'Signed by mistake (test)' },
    }),
    status: 200,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/endorsements/00000000-0000-4000-8000-000000000000/void',
        body: { reason: '' },
      },
      field: 'body.reason',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/drives',
    who: 'secretariat',
    valid: () => ({ method: 'GET', url: '/api/drives' }),
    status: 200,
    invalid: null,
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/drives/:id',
    who: 'secretariat',
    valid: async (h) => ({ method: 'GET', url: `/api/drives/${await driveId(h)}` }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/drives/not-a-uuid' }, field: 'params.id' },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/health',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/health' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'GET /api/search',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/search?q=test' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/search?q=' }, field: 'query.q' },
  },
  {
    route: 'GET /api/stats',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/stats' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'GET /api/export/popolo.json',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/export/popolo.json' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'POST /api/documents',
    who: 'member',
    valid: () => uploadCall(),
    status: 201,
    invalid: {
      call: uploadCall({ countries: ['TH', 'thailand'] }),
      field: 'metadata.countries[1]',
    },
    allowed: ['member', 'staff', 'partner', 'secretariat', 'admin', 'unverified'],
  },
  {
    route: 'GET /api/documents',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/documents?type=report&country=KH' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/documents?country=kh' }, field: 'query.country' },
  },
  {
    route: 'GET /api/documents/mine',
    who: 'member',
    valid: () => ({ method: 'GET', url: '/api/documents/mine' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/documents/mine?limit=0' }, field: 'query.limit' },
    allowed: ['member', 'staff', 'partner', 'secretariat', 'admin', 'unverified'],
  },
  {
    route: 'GET /api/documents/:id',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/documents/caucus_report_phnom_penh_2011' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/documents/BAD' }, field: 'params.id' },
  },
  {
    route: 'GET /api/documents/:id/file',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/documents/caucus_report_phnom_penh_2011/file' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/documents/BAD/file' }, field: 'params.id' },
  },
  {
    route: 'GET /api/documents/:id/text',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/documents/caucus_report_phnom_penh_2011/text' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/documents/BAD/text' }, field: 'params.id' },
  },
  {
    // Only the submitter or the secretariat; others cannot see the submission at all (404), so
    // this route's matrix is in documents.test.ts.
    route: 'PATCH /api/documents/:id',
    who: 'member',
    valid: async (h) => ({
      method: 'PATCH',
      url: `/api/documents/${await upload(h, 'member')}`,
      body: { title: 'A better title' },
    }),
    status: 200,
    invalid: {
      call: { method: 'PATCH', url: '/api/documents/any', body: { date: '2011-13' } },
      field: 'body.date',
    },
  },
  {
    route: 'GET /api/moderation/documents',
    who: 'secretariat',
    valid: () => ({ method: 'GET', url: '/api/moderation/documents' }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/moderation/documents?offset=-1' },
      field: 'query.offset',
    },
    allowed: SECRETARIAT,
  },
  ...(['publish', 'return', 'reject'] as const).map((decision): Case => ({
    route: `POST /api/documents/:id/${decision}`,
    who: 'secretariat',
    valid: async (h) => ({
      method: 'POST',
      url: `/api/documents/${await upload(h, 'member')}/${decision}`,
      body: { comment: 'Thank you' },
    }),
    status: 200,
    invalid: {
      call: { method: 'POST', url: `/api/documents/any/${decision}`, body: { comment: '' } },
      field: 'body.comment',
    },
    allowed: SECRETARIAT,
  })),
  {
    // Only the submitter of a returned document: see documents.test.ts for who else is refused.
    route: 'POST /api/documents/:id/resubmit',
    who: 'member',
    valid: async (h) => {
      const id = await upload(h, 'member');
      await (
        await h.as('secretariat')
      ).request('POST', `/api/documents/${id}/return`, {
        comment: 'Please add the source',
      });
      return uploadCall({ source: 'Synthetic test file' }, `/api/documents/${id}/resubmit`, {
        isPartial: true,
      });
    },
    status: 200,
    invalid: {
      call: uploadCall({ date: '2011-13' }, '/api/documents/any/resubmit', { isPartial: true }),
      field: 'metadata.date',
    },
  },
  {
    route: 'GET /api/documents/:id/sections',
    who: 'member',
    valid: () => ({ method: 'GET', url: `/api/documents/${RESEARCH}/sections` }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/documents/BAD/sections' }, field: 'params.id' },
  },
  {
    route: 'POST /api/documents/:id/sections',
    who: 'secretariat',
    valid: () => ({
      method: 'POST',
      url: `/api/documents/${RESEARCH}/sections`,
      body: { heading: 'Annex: methods' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/documents/${RESEARCH}/sections`,
        body: { heading: 'x', position: 0 },
      },
      field: 'body.position',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'GET /api/documents/:id/inputs',
    who: 'member',
    valid: () => ({ method: 'GET', url: `/api/documents/${RESEARCH}/inputs` }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: `/api/documents/${RESEARCH}/inputs?section_id=BAD` },
      field: 'query.section_id',
    },
    allowed: ['member', 'staff', 'partner', 'secretariat', 'admin', 'unverified'],
  },
  {
    route: 'POST /api/documents/:id/inputs',
    who: 'member',
    valid: () => ({
      method: 'POST',
      url: `/api/documents/${RESEARCH}/inputs`,
      body: { section_id: `${RESEARCH}__s01`, body: 'Add the 2011 figures.' },
    }),
    status: 201,
    invalid: {
      call: {
        method: 'POST',
        url: `/api/documents/${RESEARCH}/inputs`,
        body: { section_id: `${RESEARCH}__s01`, body: '  ' },
      },
      field: 'body.body',
    },
    allowed: ['member', 'staff', 'partner', 'secretariat', 'admin', 'unverified'],
  },
  {
    route: 'PATCH /api/inputs/:id',
    who: 'secretariat',
    valid: async (h) => {
      const res = await (
        await h.as('member')
      ).request('POST', `/api/documents/${RESEARCH}/inputs`, {
        section_id: `${RESEARCH}__s02`,
        body: 'Name the agreements.',
      });
      return {
        method: 'PATCH',
        url: `/api/inputs/${(res.body as { id: string }).id}`,
        body: { status: 'accepted', reply: 'Added to the next draft.' },
      };
    },
    status: 200,
    invalid: {
      call: {
        method: 'PATCH',
        url: '/api/inputs/00000000-0000-4000-8000-000000000000',
        body: { status: 'done' },
      },
      field: 'body.status',
    },
    allowed: SECRETARIAT,
  },
  {
    route: 'POST /api/auth/logout',
    who: 'partner',
    valid: () => ({ method: 'POST', url: '/api/auth/logout' }),
    status: 200,
    invalid: null,
  },
  ...ACTIVITY_CASES,
  ...WORKSHOP_CASES,
  ...OPEN_DATA_CASES,
  ...SIMULATION_CASES,
];
