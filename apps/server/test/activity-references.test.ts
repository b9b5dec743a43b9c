// An activity the viewer may see must not name a record they may not: a visit's report that is
// unpublished or kept to the caucus, a national caucus's parliament kept to the secretariat. The
// reference is dropped from what that viewer is shown, on every route that shows the activity
// (the visit, the list, a corridor, a member's own, the open data); the activity itself stays
// visible.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Who } from './harness.ts';
import { harness } from './harness.ts';

interface Visit {
  id: string;
  report_document_id?: string | null;
}
interface NationalCaucus {
  id: string;
  parliament_id: string | null;
  parent_id?: string;
}

describe.each(testDatabases)('references to hidden records, on $name', (database) => {
  let h: Harness;
  const NOW = '2026-11-01T00:00:00.000Z';

  async function addDocument(id: string, visibility: 'public' | 'caucus', status: string) {
    await h.store.repos.documents.insert(
      {
        id,
        title: `zq ${id}`,
        language: 'en',
        countries: '["TH"]',
        corridor_origin: null,
        corridor_destination: null,
        type: 'report',
        programme_id: null,
        date: '2026-10',
        source: null,
        visibility,
        status: status as 'published',
        moderation_comment: null,
        submitted_by: null,
        file_name: `${id}.txt`,
        media_type: 'text/plain',
        size: 4,
        sha256: '0'.repeat(64),
        text: 'text',
        created_at: NOW,
        updated_at: NOW,
        published_at: status === 'published' ? NOW : null,
      },
      Buffer.from('text').toString('base64'),
    );
  }

  beforeAll(async () => {
    h = await harness({ database });
    await addDocument('zq_report_public', 'public', 'published');
    await addDocument('zq_report_caucus', 'caucus', 'published');
    await addDocument('zq_report_draft', 'public', 'submitted');
    const secretariat = await h.as('secretariat');
    const post = async (url: string, body: unknown) => {
      const res = await secretariat.request('POST', url, body);
      expect(res.status, `${url}: ${res.text}`).toBe(201);
    };
    for (const report of ['zq_report_public', 'zq_report_caucus', 'zq_report_draft'])
      await post('/api/visits', {
        id: `visit_${report}`,
        title: `Visit with ${report}`,
        host_country: 'TH',
        visiting_countries: ['KH'],
        report_document_id: report,
        visibility: 'public',
      });
    await post('/api/organizations', {
      id: 'zq_parliament_secret',
      name: 'zq parliament',
      classification: 'parliament',
      visibility: 'secretariat',
    });
    await post('/api/national-caucuses', {
      id: 'zq_national_caucus',
      country: 'TH',
      parliament_id: 'zq_parliament_secret',
      name: 'zq national caucus',
      status: 'informal_group',
      status_date: '2026-10',
      visibility: 'public',
    });
  });
  afterAll(() => h.close());

  async function visitReports(who: Who | 'public'): Promise<Record<string, unknown>> {
    const client = who === 'public' ? await h.as('public') : await h.as(who);
    const out: Record<string, unknown> = {};
    for (const report of ['zq_report_public', 'zq_report_caucus', 'zq_report_draft']) {
      const res = await client.get(`/api/visits/visit_${report}`);
      expect(res.status, res.text).toBe(200);
      out[report] = (res.body as Visit).report_document_id ?? null;
    }
    return out;
  }

  it('a visit names its report only to those who may read it', async () => {
    expect(await visitReports('public')).toEqual({
      zq_report_public: 'zq_report_public',
      zq_report_caucus: null,
      zq_report_draft: null,
    });
    expect(await visitReports('member')).toEqual({
      zq_report_public: 'zq_report_public',
      zq_report_caucus: 'zq_report_caucus',
      zq_report_draft: null,
    });
    expect(await visitReports('secretariat')).toEqual({
      zq_report_public: 'zq_report_public',
      zq_report_caucus: 'zq_report_caucus',
      zq_report_draft: 'zq_report_draft',
    });
    const list = await (await h.as('public')).get('/api/visits?limit=200');
    const reports = (list.body as { items: Visit[] }).items
      .filter((v) => v.id.startsWith('visit_zq_'))
      .map((v) => v.report_document_id ?? null)
      .sort();
    expect(reports).toEqual([null, null, 'zq_report_public']);
  });

  it('a visit names its report only to those who may read it, on every route showing it', async () => {
    const reportsIn = (visits: Visit[]) =>
      Object.fromEntries(
        visits
          .filter((v) => v.id.startsWith('visit_zq_'))
          .map((v) => [v.id, v.report_document_id ?? null]),
      );
    const all = {
      visit_zq_report_public: 'zq_report_public',
      visit_zq_report_caucus: 'zq_report_caucus',
      visit_zq_report_draft: 'zq_report_draft',
    };
    const expected = {
      public: { ...all, visit_zq_report_caucus: null, visit_zq_report_draft: null },
      member: { ...all, visit_zq_report_draft: null },
      secretariat: all,
    };
    for (const [who, reports] of Object.entries(expected) as [
      keyof typeof expected,
      Record<string, string | null>,
    ][]) {
      const client = await h.as(who);
      const corridor = await client.get('/api/corridors/KH/TH');
      expect(corridor.status, corridor.text).toBe(200);
      expect(reportsIn((corridor.body as { visits: Visit[] }).visits), `${who} corridor`).toEqual(
        reports,
      );
    }
    const open = await (await h.as('public')).get('/api/open-data/visits.json');
    expect(open.status, open.text).toBe(200);
    expect(reportsIn((open.body as { items: Visit[] }).items)).toEqual(expected.public);

    // A member's own visit names a report they may read; once the report is kept to the
    // secretariat, their own list no longer names it.
    await addDocument('zq_report_later_hidden', 'caucus', 'published');
    const member = await h.as('member');
    const own = await member.request('POST', '/api/visits', {
      title: 'Own visit with a report',
      host_country: 'TH',
      visiting_countries: ['KH'],
      report_document_id: 'zq_report_later_hidden',
    });
    expect(own.status, own.text).toBe(201);
    const ownId = (own.body as Visit).id;
    const mine = async () =>
      ((await member.get('/api/activities/mine')).body as { visits: Visit[] }).visits.find(
        (v) => v.id === ownId,
      );
    expect((await mine())?.report_document_id).toBe('zq_report_later_hidden');
    await h.store.repos.documents.update('zq_report_later_hidden', { visibility: 'secretariat' });
    const after = await mine();
    expect(after).toBeDefined();
    expect(after?.report_document_id ?? null).toBeNull();
    const fromMembers = await (await h.as('secretariat')).get('/api/activities/from-members');
    expect(
      (fromMembers.body as { visits: Visit[] }).visits.find((v) => v.id === ownId)
        ?.report_document_id,
    ).toBe('zq_report_later_hidden');
  });

  it('a visit must name a document of the library as its report', async () => {
    const secretariat = await h.as('secretariat');
    const res = await secretariat.request('POST', '/api/visits', {
      title: 'Visit with no such report',
      host_country: 'TH',
      visiting_countries: ['KH'],
      report_document_id: 'zq_no_such_document',
    });
    expect(res.status, res.text).toBe(400);
    expect((res.body as { error: { fields: { path: string }[] } }).error.fields).toEqual([
      expect.objectContaining({ path: 'body.report_document_id' }),
    ]);
  });

  it('a national caucus names its parliament only to those who may see it', async () => {
    for (const who of ['public', 'member'] as const) {
      const client = await h.as(who);
      const one = await client.get('/api/national-caucuses/zq_national_caucus');
      expect(one.status, one.text).toBe(200);
      expect((one.body as NationalCaucus).parliament_id).toBeNull();
      const list = await client.get('/api/national-caucuses');
      expect(list.text).toContain('zq_national_caucus');
      expect(list.text).not.toContain('zq_parliament_secret');
    }
    const one = await (await h.as('secretariat')).get('/api/national-caucuses/zq_national_caucus');
    expect((one.body as NationalCaucus).parliament_id).toBe('zq_parliament_secret');
  });
});
