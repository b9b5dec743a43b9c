// The caucus's activities, on every database: a visit's recommendation becomes a commitment once,
// a national caucus keeps its status history, a bill's status follows its latest action and the
// vocabulary is enforced, the corridor view joins both ends, the calendar feed is RFC 5545 — and
// nothing kept to the caucus reaches the public through any of them.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness, Response } from './harness.ts';
import { MEMBER_PERSON, ROLES_AND_PUBLIC, clientFor, harness } from './harness.ts';

type Body = Record<string, unknown>;
type ErrorBody = { error: { code: string; message: string; fields: { path: string }[] } };

const fieldsOf = (res: Response) => (res.body as ErrorBody).error.fields.map((f) => f.path);

describe.each(testDatabases)('activities, on $name', (database) => {
  let h: Harness;
  let secretariat: Client;
  let visitor: Client;
  beforeAll(async () => {
    h = await harness({ database });
    secretariat = await h.as('secretariat');
    visitor = await clientFor(h.app, undefined);
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const post = async (url: string, body: unknown, status = 201) => {
    const res = await secretariat.request('POST', url, body);
    expect(res.status, res.text).toBe(status);
    return res;
  };

  describe("the founding report's activities, loaded on first start", () => {
    it('has the bodies’ meetings with their sources, the statement to AIPA and the co-organisers', async () => {
      const aipa = (await visitor.get('/api/body-events?organization_id=aipa')).body as {
        items: Body[];
      };
      const assembly = aipa.items.find((e) => e.id === 'aipa_general_assembly_43');
      expect(assembly).toMatchObject({
        start_date: '2022-11-20',
        end_date: '2022-11-25',
        is_verified: true,
        source: { url: 'https://aipa43.nac.org.kh/' },
      });
      expect(aipa.items.find((e) => e.id === 'aipa_general_assembly_cycle')).toMatchObject({
        cycle: { frequency: 'yearly' },
      });
      const cmw = (await visitor.get('/api/body-events/un_cmw_session_17')).body as Body;
      expect(cmw.is_verified).toBe(false);
      const statement = (await visitor.get('/api/engagements/statement_to_aipa_2011')).body as Body;
      expect(statement).toMatchObject({
        organization_id: 'aipa_committee_social_matters',
        source: { section: 'Statement & Resolution' },
      });
      expect(statement.response).toBeUndefined();
      const collaborations = (
        await visitor.get('/api/collaborations?topic_id=cso_trade_union_collaboration&limit=50')
      ).body as { items: Body[] };
      expect(collaborations.items.map((c) => c.organization_id)).toEqual(
        expect.arrayContaining(['mfa', 'cma', 'caram_cambodia', 'lscw', 'cwpd']),
      );
      const feed = (await h.app.inject({ method: 'GET', url: '/api/engagements.ics?body=aipa' }))
        .body;
      expect(feed).toContain('DTSTART;VALUE=DATE:20221120');
      // Meetings known only to the year stay out of the feed.
      expect(feed).not.toContain('2007, Manila');
      expect(((await visitor.get('/api/visits')).body as { total: number }).total).toBe(0);
      expect(((await visitor.get('/api/bills')).body as { total: number }).total).toBe(0);
    });
  });

  describe('exchange visits', () => {
    it('turn a recommendation into a commitment linked back to the visit, once', async () => {
      await post('/api/visits', {
        id: 'visit_rec',
        title: 'Study tour to Malaysia',
        host_country: 'MY',
        visiting_countries: ['ID', 'PH'],
        delegation_person_ids: [MEMBER_PERSON],
        sites: [{ name: 'Plantation workers’ quarters', kind: 'migrant_community' }],
        start_date: '2026-01-12',
        end_date: '2026-01-15',
        report_document_id: 'caucus_report_phnom_penh_2011',
        recommendations: ['Publish the findings', 'Table a portability bill'],
      });
      const made = await post('/api/visits/visit_rec/recommendations/1/commitment', {
        owners: [{ type: 'country', id: 'ocd-division/country:my' }],
      });
      const commitment = made.body as Body;
      expect(commitment).toMatchObject({
        title: 'Table a portability bill',
        visit_id: 'visit_rec',
        visit_recommendation: 1,
        owners: [{ type: 'country', id: 'ocd-division/country:my' }],
      });
      const visit = (await visitor.get('/api/visits/visit_rec')).body as Body;
      expect(visit.recommendations).toEqual([
        { n: 0, text: 'Publish the findings', commitment_id: null },
        { n: 1, text: 'Table a portability bill', commitment_id: commitment.id },
      ]);
      expect(visit.report_document_id).toBe('caucus_report_phnom_penh_2011');
      const again = await secretariat.request(
        'POST',
        '/api/visits/visit_rec/recommendations/1/commitment',
        {},
      );
      expect(again.status).toBe(409);
      const missing = await secretariat.request(
        'POST',
        '/api/visits/visit_rec/recommendations/5/commitment',
        {},
      );
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing)).toEqual(['params.n']);
    });

    it('refuse a delegate who does not exist and an end before the start, naming the field', async () => {
      const res = await secretariat.request('POST', '/api/visits', {
        title: 'Bad visit',
        host_country: 'TH',
        visiting_countries: ['KH'],
        delegation_person_ids: ['nobody_at_all'],
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toContain('body.delegation_person_ids.0');
      const dates = await secretariat.request('POST', '/api/visits', {
        title: 'Bad visit',
        host_country: 'TH',
        visiting_countries: ['KH'],
        start_date: '2026-05-10',
        end_date: '2026-05-01',
      });
      expect(fieldsOf(dates)).toEqual(['body.end_date']);
      const self = await secretariat.request('POST', '/api/visits', {
        title: 'Home visit',
        host_country: 'TH',
        visiting_countries: ['TH'],
      });
      expect(fieldsOf(self)).toEqual(['body.visiting_countries']);
    });
  });

  describe('national caucuses', () => {
    it('keep every status change; the latest is current', async () => {
      await post('/api/national-caucuses', {
        id: 'th_caucus',
        country: 'TH',
        parliament_id: 'test_parliament',
        name: 'Thai parliamentarians on labour migration',
        status: 'none',
        status_date: '2025',
      });
      await post('/api/national-caucuses/th_caucus/status', {
        status: 'informal_group',
        status_date: '2025-06',
        note: 'Six MPs meet monthly',
      });
      await post('/api/national-caucuses/th_caucus/status', {
        status: 'standing_committee',
        status_date: '2026-02-01',
      });
      await post('/api/memberships', {
        person_id: MEMBER_PERSON,
        organization_id: 'th_caucus',
        role: 'chair',
      });
      const caucus = (await visitor.get('/api/national-caucuses/th_caucus')).body as Body;
      expect(caucus).toMatchObject({
        classification: 'national_caucus',
        country: 'TH',
        parliament_id: 'test_parliament',
        status: 'standing_committee',
        status_date: '2026-02-01',
      });
      expect((caucus.history as Body[]).map((s) => s.status)).toEqual([
        'none',
        'informal_group',
        'standing_committee',
      ]);
      expect((caucus.members as Body[]).map((m) => m.person_id)).toEqual([MEMBER_PERSON]);
      const listed = (await visitor.get('/api/national-caucuses?status=standing_committee'))
        .body as { items: Body[] };
      expect(listed.items.map((c) => c.id)).toContain('th_caucus');
      const other = (await visitor.get('/api/national-caucuses?status=informal_group')).body as {
        items: Body[];
      };
      expect(other.items.map((c) => c.id)).not.toContain('th_caucus');
    });

    it('publish, correct and remove an entry of the history, the first one included', async () => {
      type Entry = { id: string; status: string; visibility: string; note?: string };
      type Caucus = Body & { status: string | null; history: Entry[] };
      const read = async (client: Client) => {
        const res = await client.get('/api/national-caucuses/kh_caucus');
        expect(res.status, res.text).toBe(200);
        return res.body as Caucus;
      };
      await post('/api/national-caucuses', {
        id: 'kh_caucus',
        country: 'TH',
        parliament_id: 'test_parliament',
        name: 'A caucus recorded before it is published',
        status: 'informal_group',
        status_date: '2025-03',
        note: 'Met twice',
        source: 'Minutes of the March meeting',
        visibility: 'caucus',
      });
      const [first] = (await read(secretariat)).history;
      expect(first).toMatchObject({
        status: 'informal_group',
        note: 'Met twice',
        source: 'Minutes of the March meeting',
        visibility: 'caucus',
      });
      const firstId = first?.id ?? '';
      // Published as an organisation, the caucus still shows no status to the public: its first
      // entry kept the visibility it was recorded with.
      const published = await secretariat.request('PATCH', '/api/organizations/kh_caucus', {
        visibility: 'public',
      });
      expect(published.status, published.text).toBe(200);
      expect(await read(visitor)).toMatchObject({ status: null, history: [] });
      const url = `/api/national-caucuses/kh_caucus/status/${firstId}`;
      const shown = await secretariat.request('PATCH', url, { visibility: 'public' });
      expect(shown.status, shown.text).toBe(200);
      expect((shown.body as Caucus).history[0]).toMatchObject({
        id: firstId,
        visibility: 'public',
      });
      const seen = await read(visitor);
      expect(seen.status).toBe('informal_group');
      expect(seen.history.map((e) => e.id)).toEqual([firstId]);

      // A correction: the date moves the entry, null clears the note, the audit log keeps both.
      await post('/api/national-caucuses/kh_caucus/status', {
        status: 'formal_caucus',
        status_date: '2025-06',
      });
      const corrected = await secretariat.request('PATCH', url, {
        status_date: '2025-09',
        note: null,
      });
      expect(corrected.status, corrected.text).toBe(200);
      const history = (corrected.body as Caucus).history;
      expect(history.map((e) => e.status)).toEqual(['formal_caucus', 'informal_group']);
      expect(history[1]).not.toHaveProperty('note');
      expect((corrected.body as Caucus).status).toBe('informal_group');
      const audit = (
        await secretariat.get(`/api/audit?entity_type=caucus_statuses&entity_id=${firstId}`)
      ).body as { items: { action: string; before: Body; after: Body }[] };
      // The test's clock stands still, so the two updates share an instant: found, not indexed.
      expect(audit.items).toContainEqual(
        expect.objectContaining({
          action: 'update',
          before: expect.objectContaining({ status_date: '2025-03', note: 'Met twice' }) as Body,
          after: expect.objectContaining({ status_date: '2025-09', note: null }) as Body,
        }),
      );

      // Bad input names the field; an entry of another caucus, or none, is not found.
      const bad = await secretariat.request('PATCH', url, { visibility: 'everyone' });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['body.visibility']);
      const empty = await secretariat.request('PATCH', url, {});
      expect(empty.status).toBe(400);
      const elsewhere = (await secretariat.get('/api/national-caucuses/th_caucus')).body as Caucus;
      const otherEntry = elsewhere.history[0]?.id ?? '';
      expect(otherEntry).not.toBe('');
      for (const wrong of [
        `/api/national-caucuses/kh_caucus/status/${otherEntry}`,
        '/api/national-caucuses/kh_caucus/status/no_such_entry',
        `/api/national-caucuses/no_such_caucus/status/${firstId}`,
      ]) {
        expect((await secretariat.request('PATCH', wrong, { note: 'x' })).status).toBe(404);
        expect((await secretariat.request('DELETE', wrong)).status).toBe(404);
      }

      // An entry recorded by mistake is removed; the only one left is not.
      const second = history[0]?.id ?? '';
      const removed = await secretariat.request(
        'DELETE',
        `/api/national-caucuses/kh_caucus/status/${second}`,
      );
      expect(removed.status, removed.text).toBe(200);
      expect((removed.body as Caucus).history.map((e) => e.id)).toEqual([firstId]);
      const last = await secretariat.request('DELETE', url);
      expect(last.status).toBe(409);
      expect(fieldsOf(last)).toEqual(['params.status_id']);
      expect((await read(secretariat)).history.map((e) => e.id)).toEqual([firstId]);
    });

    it.each(ROLES_AND_PUBLIC)(
      'let only the secretariat and admins change the history (as %s)',
      async (who) => {
        const client = who === 'public' ? visitor : await h.as(who);
        const created = await secretariat.request('POST', '/api/national-caucuses', {
          country: 'TH',
          parliament_id: 'test_parliament',
          name: `A caucus for ${who}`,
          status: 'none',
          status_date: '2024',
          visibility: 'caucus',
        });
        expect(created.status, created.text).toBe(201);
        const caucusId = (created.body as { id: string }).id;
        const added = await post(`/api/national-caucuses/${caucusId}/status`, {
          status: 'informal_group',
          status_date: '2025',
        });
        const [first, next] = (added.body as { history: { id: string }[] }).history;
        const entry = (e: { id: string } | undefined) =>
          `/api/national-caucuses/${caucusId}/status/${e?.id ?? ''}`;
        const allowed = who === 'secretariat' || who === 'admin';
        const refused = who === 'public' ? 401 : 403;
        const patched = await client.request('PATCH', entry(first), { visibility: 'public' });
        expect(patched.status, patched.text).toBe(allowed ? 200 : refused);
        const removed = await client.request('DELETE', entry(next));
        expect(removed.status, removed.text).toBe(allowed ? 200 : refused);
        const after = (await secretariat.get(`/api/national-caucuses/${caucusId}`)).body as {
          history: { id: string; visibility: string }[];
        };
        expect(after.history.map((e) => e.id)).toEqual(
          allowed ? [first?.id] : [first?.id, next?.id],
        );
        expect(after.history[0]?.visibility).toBe(allowed ? 'public' : 'caucus');
      },
    );

    it('refuse a parliament of another country, naming it', async () => {
      const res = await secretariat.request('POST', '/api/national-caucuses', {
        country: 'KH',
        parliament_id: 'test_parliament',
        name: 'Wrong parliament',
        status: 'informal_group',
        status_date: '2026',
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['body.parliament_id']);
      const notParliament = await secretariat.request('POST', '/api/national-caucuses', {
        country: 'PH',
        parliament_id: 'mfa',
        name: 'Not a parliament',
        status: 'informal_group',
        status_date: '2026',
      });
      expect(fieldsOf(notParliament)).toEqual(['body.parliament_id']);
    });
  });

  describe('bills', () => {
    it('take their status from the latest action, whatever order actions come in', async () => {
      const created = await post('/api/bills', {
        id: 'bill_status',
        organization_id: 'test_parliament',
        identifier: 'HB 101',
        title: 'Portability of Benefits Bill',
        sponsors: [
          { person_id: MEMBER_PERSON, classification: 'primary' },
          { person_id: 'ellene_sana', classification: 'cosponsor' },
        ],
        versions: [{ date: '2026-01-10', note: 'As introduced', url: 'https://example.org/hb101' }],
        actions: [
          { date: '2026-02-01', classification: 'referred_to_committee' },
          { date: '2026-01-10', classification: 'introduced' },
        ],
        commitment_ids: ['test_commitment'],
        topic_ids: ['social_protection_legislation'],
      });
      expect(created.body).toMatchObject({
        status: 'referred_to_committee',
        status_date: '2026-02-01',
      });
      const after = await post('/api/bills/bill_status/actions', {
        date: '2026-03-01',
        classification: 'passed_lower',
        description: 'Third reading',
      });
      const bill = after.body as Body;
      expect(bill.status).toBe('passed_lower');
      expect((bill.actions as Body[]).map((a) => a.classification)).toEqual([
        'introduced',
        'referred_to_committee',
        'passed_lower',
      ]);
      expect(bill.sponsors).toEqual([
        { person_id: MEMBER_PERSON, classification: 'primary' },
        { person_id: 'ellene_sana', classification: 'cosponsor' },
      ]);
      expect(bill.commitment_ids).toEqual(['test_commitment']);
      expect(bill.topic_ids).toEqual(['social_protection_legislation']);
      const listed = (await visitor.get('/api/bills?status=passed_lower')).body as {
        items: Body[];
      };
      expect(listed.items.map((b) => b.id)).toEqual(['bill_status']);
      // Sponsors can be replaced through PATCH.
      const patched = await secretariat.request('PATCH', '/api/bills/bill_status', {
        sponsors: [{ person_id: 'ellene_sana', classification: 'primary' }],
      });
      expect(patched.status, patched.text).toBe(200);
      expect((patched.body as Body).sponsors).toEqual([
        { person_id: 'ellene_sana', classification: 'primary' },
      ]);
    });

    it('refuse an action outside the vocabulary, naming it', async () => {
      const res = await secretariat.request('POST', '/api/bills/case_bill_missing/actions', {
        date: '2026-01-01',
        classification: 'tabled_in_senate',
      });
      expect(res.status).toBe(400);
      const error = (res.body as ErrorBody).error;
      expect(error.fields.map((f) => f.path)).toEqual(['body.classification']);
      expect(JSON.stringify(error)).toContain('tabled_in_senate');
    });

    it('refuse a non-parliament, a topic that is not an area for action, and a second identifier', async () => {
      const notParliament = await secretariat.request('POST', '/api/bills', {
        organization_id: 'mfa',
        identifier: 'X 1',
        title: 'A CSO cannot pass bills',
      });
      expect(fieldsOf(notParliament)).toEqual(['body.organization_id']);
      const topic = await secretariat.request('POST', '/api/bills', {
        organization_id: 'test_parliament',
        identifier: 'X 2',
        title: 'Topic',
        topic_ids: ['space_aipa'],
      });
      expect(fieldsOf(topic)).toEqual(['body.topic_ids.0']);
      await post('/api/bills', {
        organization_id: 'test_parliament',
        identifier: 'DUP 1',
        title: 'First',
      });
      const twice = await secretariat.request('POST', '/api/bills', {
        organization_id: 'test_parliament',
        identifier: 'DUP 1',
        title: 'Second',
      });
      expect(twice.status).toBe(409);
      expect(fieldsOf(twice)).toEqual(['body.identifier']);
    });
  });

  describe('engagements and collaborations', () => {
    it('keep what was asked and what came back, at a meeting of the same body', async () => {
      await post('/api/body-events', {
        id: 'gfmd_meeting',
        organization_id: 'gfmd',
        title: 'GFMD summit (test)',
        start_date: '2026-06-01',
      });
      const engagement = await post('/api/engagements', {
        organization_id: 'gfmd',
        event_id: 'gfmd_meeting',
        title: 'Question on commitments',
        asked: 'Which commitments on portability have governments made?',
        response: 'None yet.',
        commitment_ids: ['test_commitment'],
      });
      expect(engagement.body).toMatchObject({ response: 'None yet.', event_id: 'gfmd_meeting' });
      const wrong = await secretariat.request('POST', '/api/engagements', {
        organization_id: 'aipa',
        event_id: 'gfmd_meeting',
        title: 'Mismatch',
      });
      expect(fieldsOf(wrong)).toEqual(['body.event_id']);
    });

    it('are with a CSO or a trade union, for an area for action', async () => {
      const ok = await post('/api/collaborations', {
        organization_id: 'sntuc',
        topic_id: 'cso_trade_union_collaboration',
        title: 'Union dialogue',
        start_date: '2026-01',
        commitment_ids: ['test_commitment'],
      });
      expect(ok.body).toMatchObject({ organization_id: 'sntuc' });
      const topic = await secretariat.request('POST', '/api/collaborations', {
        organization_id: 'mfa',
        topic_id: 'space_aipa',
        title: 'Wrong topic',
      });
      expect(fieldsOf(topic)).toEqual(['body.topic_id']);
    });
  });

  describe('the corridor view', () => {
    it('joins both ends: bills, agreements in force at a date, commitments, visits', async () => {
      await post('/api/bills', {
        organization_id: 'test_parliament',
        identifier: 'TH-KH 1',
        title: 'Cross-border workers bill',
      });
      await post('/api/commitments', {
        id: 'kh_commitment',
        title: 'Cambodia commits to pre-departure briefings',
        owners: [{ type: 'country', id: 'ocd-division/country:kh' }],
      });
      await post('/api/visits', {
        id: 'kh_to_th',
        title: 'Cambodian MPs visit Thai workplaces',
        host_country: 'TH',
        visiting_countries: ['KH'],
      });
      const at2016 = (await visitor.get('/api/corridors/KH/TH?at=2016-01')).body as {
        origin: { country: string; bills: Body[]; commitments: Body[] };
        destination: { country: string; name: string; bills: Body[] };
        agreements: { id: string; is_in_force: boolean }[];
        visits: Body[];
        documents: unknown[];
        at: string;
      };
      expect(at2016.origin.country).toBe('KH');
      expect(at2016.destination.name).toBe('Thailand');
      expect(at2016.destination.bills.map((b) => b.identifier)).toContain('TH-KH 1');
      expect(at2016.origin.bills).toEqual([]);
      expect(at2016.origin.commitments.map((c) => c.id)).toEqual(['kh_commitment']);
      expect(at2016.visits.map((v) => v.id)).toContain('kh_to_th');
      // The seeded founding report names both countries.
      expect((at2016.documents as { id: string }[]).map((d) => d.id)).toContain(
        'caucus_report_phnom_penh_2011',
      );
      const mou = (list: { id: string; is_in_force: boolean }[]) =>
        list.find((a) => a.id === 'th-kh-mou-2015')?.is_in_force;
      expect(mou(at2016.agreements)).toBe(true);
      const at2014 = (await visitor.get('/api/corridors/KH/TH?at=2014')).body as {
        agreements: { id: string; is_in_force: boolean }[];
      };
      expect(mou(at2014.agreements)).toBe(false);
      // Either way round, the same visits and agreements.
      const reverse = (await visitor.get('/api/corridors/TH/KH?at=2016-01')).body as {
        visits: Body[];
        agreements: unknown[];
      };
      expect(reverse.visits.map((v) => v.id)).toContain('kh_to_th');
      expect(reverse.agreements).toHaveLength(at2016.agreements.length);
      // The first corridor request loads the knowledge base.
    }, 60_000);

    it("counts a chamber's bills for its parliament's country", async () => {
      await post('/api/bills', {
        organization_id: 'ph_house',
        identifier: 'HB 9999',
        title: 'A House bill on portability',
      });
      const view = (await visitor.get('/api/corridors/PH/JP?at=2019-01')).body as {
        origin: { bills: Body[] };
        agreements: { id: string; is_in_force: boolean }[];
      };
      expect(view.origin.bills.map((b) => b.identifier)).toEqual(['HB 9999']);
      expect(view.agreements.find((a) => a.id === 'ph-jp-ssa')?.is_in_force).toBe(true);
    }, 60_000);

    it('answers 400 naming the parameter for an unknown or repeated country', async () => {
      const unknown = await visitor.get('/api/corridors/XX1/TH');
      expect(fieldsOf(unknown)).toEqual(['params.origin']);
      const notIso = await visitor.get('/api/corridors/KH/ZZ');
      expect(fieldsOf(notIso)).toEqual(['params.destination']);
      const same = await visitor.get('/api/corridors/TH/TH');
      expect(fieldsOf(same)).toEqual(['params.destination']);
      const at = await visitor.get('/api/corridors/KH/TH?at=soon');
      expect(fieldsOf(at)).toEqual(['query.at']);
    });
  });
});
