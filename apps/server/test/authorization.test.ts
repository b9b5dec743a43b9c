// The authorization matrix: each role × each mutating or restricted endpoint → allowed or
// denied (401 for a visitor, 403 for a signed-in user without the right). Then: records kept to
// the caucus or the secretariat never leak to those who may not see them, through any list,
// search, count or export.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './cases.ts';
import type { Client, Harness, Who } from './harness.ts';
import { ROLES_AND_PUBLIC, harness } from './harness.ts';

const GUARDED = CASES.filter((c) => c.allowed !== undefined);

describe.each(ROLES_AND_PUBLIC)('as %s', (who) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(GUARDED)(`$route`, async (c) => {
    const client = await h.as(who);
    const call = await c.valid(h);
    const res = await client.request(call.method, call.url, call.body, call.headers);
    if (c.allowed?.includes(who) === true) {
      expect(res.status, res.text).toBe(c.status);
    } else {
      expect(res.status, res.text).toBe(who === 'public' ? 401 : 403);
    }
  });
});

describe.each(testDatabases)('no leak of private records, on $name', (database) => {
  let h: Harness;
  const CAUCUS = 'zqcaucusmarker';
  const SECRET = 'zqsecretmarker';

  beforeAll(async () => {
    h = await harness({ database });
    const secretariat = await h.as('secretariat');
    const post = async (url: string, body: unknown) => {
      const res = await secretariat.request('POST', url, body);
      expect(res.status, res.text).toBe(201);
    };
    for (const [marker, visibility] of [
      [CAUCUS, 'caucus'],
      [SECRET, 'secretariat'],
    ] as const) {
      await post('/api/people', { id: `${marker}_person`, name: `${marker} person`, visibility });
      await post('/api/organizations', {
        id: `${marker}_org`,
        name: `${marker} org`,
        classification: 'cso',
        visibility,
      });
      // A public membership pointing at a hidden person must not reveal them either.
      await post('/api/memberships', {
        id: `${marker}_link`,
        person_id: `${marker}_person`,
        organization_id: 'test_parliament',
        label: `${marker} seat`,
      });
      await post('/api/programmes', {
        id: `${marker}_prog`,
        name: `${marker} programme`,
        classification: 'meeting',
        visibility,
      });
      await post('/api/participants', {
        programme_id: 'test_programme',
        person_id: `${marker}_person`,
        role: 'observer',
      });
      await post('/api/texts', {
        id: `${marker}_text`,
        kind: 'statement',
        authoritative_language: 'en',
        title: `${marker} text`,
        body: marker,
        status: 'open',
        visibility,
      });
      await post('/api/commitments', {
        id: `${marker}_com`,
        title: `${marker} commitment`,
        visibility,
      });
      await post('/api/follow-ups', {
        title: `${marker} task`,
        due_date: '2026-04-01',
        visibility,
      });
      await post('/api/topics', { kind: 'other', name: `${marker} topic`, visibility });
      await post('/api/commitments/test_commitment/evidence', {
        description: `${marker} evidence`,
        visibility,
      });
    }
    // The member signs, keeping the name to the caucus; the count stays public.
    const member = await h.as('member');
    expect(
      (
        await member.request('POST', '/api/texts/test_resolution/endorsements', {
          visibility: 'caucus',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await h.close();
  });

  const READS = [
    '/api/people?limit=500',
    '/api/organizations?limit=500',
    '/api/memberships?limit=500',
    '/api/posts?limit=500',
    '/api/programmes?limit=500',
    '/api/sessions?limit=500',
    '/api/participants?limit=500',
    '/api/commitments?limit=500',
    '/api/follow-ups?limit=500',
    '/api/follow-ups/due?by=2099-12-31',
    '/api/topics?limit=500',
    '/api/texts?limit=100',
    '/api/programmes/test_programme',
    '/api/people/test_member_mp',
    '/api/commitments/test_commitment',
    '/api/texts/test_resolution/endorsements',
    '/api/texts/test_resolution/endorsements.csv',
    '/api/search?q=zq&limit=100',
    '/api/export/popolo.json',
    '/api/stats',
  ];

  const sees = (who: Who): { caucus: boolean; secret: boolean } => ({
    caucus: who !== 'public',
    secret: who === 'secretariat' || who === 'admin',
  });

  it.each(ROLES_AND_PUBLIC)('%s sees exactly what their role allows', async (who) => {
    const client: Client = await h.as(who);
    let all = '';
    for (const url of READS) {
      const res = await client.get(url);
      expect(res.status, `${url}: ${res.text}`).toBe(200);
      all += res.text;
    }
    const { caucus, secret } = sees(who);
    expect(all.includes(CAUCUS), 'caucus marker').toBe(caucus);
    expect(all.includes(SECRET), 'secretariat marker').toBe(secret);
    for (const id of [
      `${CAUCUS}_person`,
      `${CAUCUS}_org`,
      `${CAUCUS}_prog`,
      `${CAUCUS}_text`,
      `${CAUCUS}_com`,
      `${CAUCUS}_link`,
    ]) {
      const path = id.endsWith('_person')
        ? 'people'
        : id.endsWith('_org')
          ? 'organizations'
          : id.endsWith('_prog')
            ? 'programmes'
            : id.endsWith('_text')
              ? 'texts'
              : id.endsWith('_link')
                ? 'memberships'
                : 'commitments';
      expect((await client.get(`/api/${path}/${id}`)).status).toBe(caucus ? 200 : 404);
      const secretId = id.replace(CAUCUS, SECRET);
      expect((await client.get(`/api/${path}/${secretId}`)).status).toBe(secret ? 200 : 404);
    }
    const endorsements = (await client.get('/api/texts/test_resolution/endorsements')).body as {
      count: number;
      items: unknown[];
    };
    expect(endorsements.count).toBe(1);
    expect(endorsements.items).toHaveLength(caucus ? 1 : 0);
  });

  it('counts only what the viewer may see', async () => {
    const stats = async (who: Who) =>
      (await (await h.as(who)).get('/api/stats')).body as Record<string, number>;
    const [pub, member, secretariat] = [
      await stats('public'),
      await stats('member'),
      await stats('secretariat'),
    ];
    expect(member.people).toBe((pub.people ?? 0) + 1);
    expect(secretariat.people).toBe((pub.people ?? 0) + 2);
    expect(secretariat.texts).toBe((pub.texts ?? 0) + 2);
  });
});
