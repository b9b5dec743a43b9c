// `GET /api/stats` counts every kind the workspace keeps, each as its own list filters it, and
// a record never names, in a reference, a record the viewer may not see (a public organisation
// under a parent kept to the caucus shows no parent). On every database. Records are synthetic.
import type { Visibility } from '@tulay/store';
import { testDatabases } from '@tulay/store/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Who } from './harness.ts';
import { ROLES_AND_PUBLIC, harness } from './harness.ts';

const T = '2026-03-01T09:00:00.000Z';
const VISIBILITY: Visibility[] = ['public', 'caucus', 'secretariat'];
/** How many of one public, one caucus and one secretariat record each viewer may see. */
const SEES: Record<Who, number> = {
  public: 1,
  unverified: 1,
  member: 2,
  staff: 2,
  partner: 2,
  secretariat: 3,
  admin: 3,
};

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const stamps = (visibility: Visibility) => ({ visibility, created_at: T, updated_at: T });

const organization = (id: string, visibility: Visibility, more: Record<string, unknown> = {}) => ({
  id,
  name: `Organisation ${id}`,
  classification: 'parliament',
  parent_id: null,
  area_id: 'ocd-division/country:th',
  founding_date: null,
  dissolution_date: null,
  description: null,
  extra: '{}',
  ...stamps(visibility),
  ...more,
});

describe.each(testDatabases)('stats and references on $name', (database) => {
  let h: Harness;
  let db: AnyDb;
  const stats = async (who: Who) =>
    (await (await h.as(who)).get('/api/stats')).body as Record<string, number>;
  let before: Record<string, Record<string, number>>;

  beforeAll(async () => {
    h = await harness({ database });
    db = h.store.db as unknown as AnyDb;
    before = {};
    for (const who of ROLES_AND_PUBLIC) before[who] = await stats(who);

    await db.insertInto('organizations').values(organization('zz_body', 'public')).execute();
    await db
      .insertInto('organizations')
      .values(organization('zz_hidden_body', 'secretariat'))
      .execute();
    for (const v of VISIBILITY) {
      await db
        .insertInto('visits')
        .values({
          id: `zz_visit_${v}`,
          title: `Visit ${v}`,
          host_country: 'TH',
          visiting_countries: '["KH"]',
          delegation_person_ids: '[]',
          sites: '[]',
          start_date: '2026-02',
          end_date: null,
          findings: null,
          report_document_id: null,
          recommendations: '[]',
          extra: '{}',
          ...stamps(v),
        })
        .execute();
      const bill = (id: string, organizationId: string) => ({
        id,
        organization_id: organizationId,
        identifier: id,
        title: `Bill ${id}`,
        summary: null,
        status: null,
        status_date: null,
        versions: '[]',
        commitment_ids: '[]',
        topic_ids: '[]',
        extra: '{}',
        ...stamps(v),
      });
      await db
        .insertInto('bills')
        .values(bill(`zz_bill_${v}`, 'zz_body'))
        .execute();
      // Counted by no one but the secretariat: its parliament is kept to the secretariat.
      await db
        .insertInto('bills')
        .values(bill(`zz_bill_hidden_parliament_${v}`, 'zz_hidden_body'))
        .execute();
      await db
        .insertInto('engagements')
        .values({
          id: `zz_engagement_${v}`,
          organization_id: 'zz_body',
          event_id: null,
          title: `Engagement ${v}`,
          engagement_date: null,
          asked: null,
          response: null,
          commitment_ids: '[]',
          extra: '{}',
          ...stamps(v),
        })
        .execute();
      await db
        .insertInto('collaborations')
        .values({
          id: `zz_collaboration_${v}`,
          organization_id: 'zz_body',
          topic_id: null,
          title: `Collaboration ${v}`,
          description: null,
          start_date: null,
          end_date: null,
          commitment_ids: '[]',
          extra: '{}',
          ...stamps(v),
        })
        .execute();
      await db
        .insertInto('organizations')
        .values(
          organization(`zz_caucus_${v}`, v, {
            classification: 'national_caucus',
            parent_id: 'zz_body',
          }),
        )
        .execute();
      await db
        .insertInto('workshops')
        .values({
          id: `zz_workshop_${v}`,
          programme_id: 'phnom_penh_2011',
          session_id: null,
          title: `Workshop ${v}`,
          date: null,
          description: null,
          status: 'preparing',
          picks_recorded: 1,
          extra: '{}',
          ...stamps(v),
        })
        .execute();
      for (const status of ['published', 'submitted'] as const)
        await db
          .insertInto('documents')
          .values({
            id: `zz_document_${v}_${status}`,
            title: `Document ${v} ${status}`,
            language: 'en',
            countries: '[]',
            corridor_origin: null,
            corridor_destination: null,
            type: 'report',
            programme_id: null,
            date: '2026',
            source: null,
            status,
            moderation_comment: null,
            submitted_by: null,
            file_name: 'report.txt',
            media_type: 'text/plain',
            size: 4,
            sha256: '0'.repeat(64),
            text: 'text',
            published_at: status === 'published' ? T : null,
            ...stamps(v),
          })
          .execute();
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(ROLES_AND_PUBLIC)(
    'counts the later kinds as their lists filter them, for %s',
    async (who) => {
      const after = await stats(who);
      const delta = (key: string) => (after[key] ?? NaN) - (before[who]?.[key] ?? NaN);
      const sees = SEES[who];
      const secretariat = sees === 3 ? 1 : 0;
      expect(delta('visits')).toBe(sees);
      // Its own bills, and those of the hidden parliament for the secretariat alone.
      expect(delta('bills')).toBe(sees + secretariat * 3);
      expect(delta('engagements')).toBe(sees);
      expect(delta('collaborations')).toBe(sees);
      expect(delta('national_caucuses')).toBe(sees);
      expect(delta('organizations')).toBe(sees + 1 + secretariat);
      expect(delta('workshops')).toBe(sees);
      // Published ones only, even for the secretariat (the queue is not the library).
      expect(delta('documents')).toBe(sees);
      // The same numbers the lists give.
      const client = await h.as(who);
      for (const [key, url] of [
        ['visits', '/api/visits'],
        ['bills', '/api/bills'],
        ['engagements', '/api/engagements'],
        ['collaborations', '/api/collaborations'],
      ] as const) {
        const list = await client.get(`${url}?limit=1`);
        expect(list.status, `${url} ${list.text}`).toBe(200);
        expect((list.body as { total: number }).total, url).toBe(after[key]);
      }
    },
  );

  describe('references to records the viewer may not see', () => {
    beforeAll(async () => {
      await db
        .insertInto('organizations')
        .values([
          organization('zz_secret_parent', 'secretariat'),
          organization('zz_caucus_parent', 'caucus'),
          organization('zz_child_of_secret', 'public', { parent_id: 'zz_secret_parent' }),
          organization('zz_child_of_caucus', 'public', { parent_id: 'zz_caucus_parent' }),
        ])
        .execute();
      await db
        .insertInto('programmes')
        .values({
          id: 'zz_programme',
          name: 'Programme with partners',
          classification: 'programme',
          series_number: null,
          start_date: '2026-01-01',
          end_date: null,
          city: null,
          area_id: null,
          description: null,
          organization_ids: JSON.stringify(['zz_body', 'zz_caucus_parent', 'zz_secret_parent']),
          extra: '{}',
          ...stamps('public'),
        })
        .execute();
    });

    const parentsSeen = async (who: Who) => {
      const client = await h.as(who);
      const list = await client.get('/api/organizations?limit=500');
      expect(list.status, list.text).toBe(200);
      const items = (list.body as { items: { id: string; parent_id?: string }[] }).items;
      const one = async (id: string) => {
        const res = await client.get(`/api/organizations/${id}`);
        expect(res.status, res.text).toBe(200);
        return (res.body as { parent_id?: string }).parent_id;
      };
      return {
        list: Object.fromEntries(
          items.filter((o) => o.id.startsWith('zz_child_of_')).map((o) => [o.id, o.parent_id]),
        ),
        secret: await one('zz_child_of_secret'),
        caucus: await one('zz_child_of_caucus'),
        json: list.text,
      };
    };

    it('a public visitor sees the organisations but not their hidden parents', async () => {
      const seen = await parentsSeen('public');
      expect(seen.list).toEqual({ zz_child_of_secret: undefined, zz_child_of_caucus: undefined });
      expect(seen.secret).toBeUndefined();
      expect(seen.caucus).toBeUndefined();
      expect(seen.json).not.toContain('zz_secret_parent');
      expect(seen.json).not.toContain('zz_caucus_parent');
    });

    it('a caucus member sees the parent kept to the caucus, not the secretariat’s', async () => {
      const seen = await parentsSeen('member');
      expect(seen.list).toEqual({
        zz_child_of_secret: undefined,
        zz_child_of_caucus: 'zz_caucus_parent',
      });
      expect(seen.secret).toBeUndefined();
      expect(seen.caucus).toBe('zz_caucus_parent');
      expect(seen.json).not.toContain('zz_secret_parent');
    });

    it('the secretariat sees every parent', async () => {
      const seen = await parentsSeen('secretariat');
      expect(seen.secret).toBe('zz_secret_parent');
      expect(seen.caucus).toBe('zz_caucus_parent');
    });

    it.each([
      ['public', ['zz_body']],
      ['member', ['zz_body', 'zz_caucus_parent']],
      ['secretariat', ['zz_body', 'zz_caucus_parent', 'zz_secret_parent']],
    ] as const)(
      "a programme's organisations, in the list and the detail, for %s",
      async (who, expected) => {
        const client = await h.as(who);
        const one = await client.get('/api/programmes/zz_programme');
        expect(one.status, one.text).toBe(200);
        expect((one.body as { organization_ids: string[] }).organization_ids).toEqual(expected);
        const list = await client.get('/api/programmes?limit=500');
        const item = (
          list.body as { items: { id: string; organization_ids: string[] }[] }
        ).items.find((p) => p.id === 'zz_programme');
        expect(item?.organization_ids).toEqual(expected);
      },
    );

    it("a commitment's owners the viewer may not see are left out", async () => {
      const secretariat = await h.as('secretariat');
      const created = await secretariat.request('POST', '/api/commitments', {
        id: 'zz_commitment',
        title: 'A commitment with owners',
        owners: [
          { type: 'organization', id: 'zz_body' },
          { type: 'organization', id: 'zz_caucus_parent' },
          { type: 'organization', id: 'zz_secret_parent' },
          { type: 'country', id: 'ocd-division/country:th' },
        ],
      });
      expect(created.status, created.text).toBe(201);
      const owners = async (who: Who) =>
        (
          (await (await h.as(who)).get('/api/commitments/zz_commitment')).body as {
            owners: { id: string }[];
          }
        ).owners
          .map((o) => o.id)
          .sort();
      expect(await owners('public')).toEqual(['ocd-division/country:th', 'zz_body']);
      expect(await owners('member')).toEqual([
        'ocd-division/country:th',
        'zz_body',
        'zz_caucus_parent',
      ]);
      expect(await owners('secretariat')).toHaveLength(4);
    });
  });
});
