// GET /api/search over the seeded workspace, on every database: the founding resolution is
// found in English, Thai and Khmer; changes made through the API are searchable at once; bad
// parameters are named; and each role finds exactly the records it may see.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness, Who } from './harness.ts';
import { ROLES_AND_PUBLIC, harness } from './harness.ts';

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: { text: string; match: boolean }[];
  score: number;
  language: string | null;
  date: string | null;
  countries: string[];
  type: string | null;
}
interface Results {
  items: Hit[];
  total: number;
}

const RESOLUTION = 'resolution_caucus_2011';

describe.each(testDatabases)('GET /api/search on $name', (database) => {
  let h: Harness;
  let visitor: Client;
  let secretariat: Client;

  const search = async (client: Client, query: string): Promise<Results> => {
    const res = await client.get(`/api/search?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body as Results;
  };
  const q = (text: string, more = '') => `q=${encodeURIComponent(text)}${more}`;

  beforeAll(async () => {
    h = await harness({ database });
    visitor = await h.as('public');
    secretariat = await h.as('secretariat');
  });
  afterAll(async () => {
    await h.close();
  });

  describe('finds the seeded resolution in English, Thai and Khmer', () => {
    it.each([
      ['en', 'caucus on labour migration resolution'],
      ['en', 'resolution to establish the caucus'],
      // "Migrant workers" and "national parliaments", in the middle of unspaced sentences.
      ['th', 'แรงงานข้ามชาติ'],
      ['th', 'รัฐสภา'],
      ['km', 'ពលករចំណាកស្រុក'],
      ['km', 'សភាជាតិ'],
    ])('%s: %s', async (language, text) => {
      const results = await search(visitor, q(text));
      const [first] = results.items;
      expect(first?.kind).toBe('text');
      expect(first?.id).toBe(RESOLUTION);
      expect(first?.language).toBe(language);
      expect(first?.type).toBe('resolution');
      expect(first?.date).toBe('2011-09');
      expect(first?.countries).toEqual(['KH']);
      expect(first?.snippet.some((s) => s.match)).toBe(true);
      // Each text once, however many of its language versions match.
      expect(results.items.filter((i) => i.id === RESOLUTION)).toHaveLength(1);
    });

    it('narrows to one language version with `language`', async () => {
      const th = await search(visitor, q('Asian Inter-Parliamentary Caucus', '&language=th'));
      expect(th.items.map((i) => [i.id, i.language])).toEqual([[RESOLUTION, 'th']]);
      const km = await search(visitor, q('Asian Inter-Parliamentary Caucus', '&language=km'));
      expect(km.items.map((i) => [i.id, i.language])).toEqual([[RESOLUTION, 'km']]);
    });
  });

  it('answers the contract shape, ranked, with snippet segments in plain text', async () => {
    const results = await search(visitor, q('Migrant Forum in Asia', '&limit=5'));
    expect(results.items.length).toBeGreaterThan(1);
    expect(results.total).toBeGreaterThanOrEqual(results.items.length);
    const scores = results.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(results.items[0]).toMatchObject({ kind: 'organization', id: 'mfa' });
    for (const item of results.items) {
      expect(Object.keys(item).sort()).toEqual(
        ['countries', 'date', 'id', 'kind', 'language', 'score', 'snippet', 'title', 'type'].sort(),
      );
    }
  });

  it('filters by kind, country, type and date, and pages', async () => {
    const people = await search(visitor, q('Cambodia', '&kind=person&limit=100'));
    expect(people.items.length).toBeGreaterThan(0);
    expect(people.items.every((i) => i.kind === 'person')).toBe(true);
    const kh = await search(visitor, q('caucus', '&country=KH&limit=100'));
    expect(kh.items.every((i) => i.countries.includes('KH'))).toBe(true);
    expect(kh.items.map((i) => i.id)).toContain(RESOLUTION);
    const statements = await search(visitor, q('ASEAN', '&type=statement'));
    expect(statements.items.map((i) => i.id)).toEqual(['statement_cambodia_aipa_2011']);
    const in2011 = await search(visitor, q('resolution', '&from=2011-01&to=2011-12&kind=text'));
    expect(in2011.items.map((i) => i.id)).toEqual([RESOLUTION]);
    const later = await search(visitor, q('resolution', '&from=2012&kind=text'));
    expect(later.items.map((i) => i.id)).not.toContain(RESOLUTION);
    const all = await search(visitor, q('migrant', '&limit=100'));
    const page = await search(visitor, q('migrant', '&limit=3&offset=3'));
    expect(page.total).toBe(all.total);
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
  });

  it('refuses bad parameters, naming each', async () => {
    const cases: [string, string][] = [
      ['q=', 'query.q'],
      ['', 'query.q'],
      [`q=${'x'.repeat(201)}`, 'query.q'],
      ['q=x&kind=topic', 'query.kind'],
      ['q=x&country=th', 'query.country'],
      ['q=x&country=THA', 'query.country'],
      ['q=x&language=Thai', 'query.language'],
      ['q=x&from=2011-13', 'query.from'],
      ['q=x&to=11', 'query.to'],
      ['q=x&from=2012&to=2011-12', 'query.to'],
      ['q=x&limit=0', 'query.limit'],
      ['q=x&limit=101', 'query.limit'],
      ['q=x&offset=-1', 'query.offset'],
      ['q=x&sort=date', 'query.sort'],
    ];
    for (const [query, field] of cases) {
      const res = await visitor.get(`/api/search?${query}`);
      expect(res.status, query).toBe(400);
      const body = res.body as { error: { code: string; fields: { path: string }[] } };
      expect(body.error.code).toBe('invalid_request');
      expect(
        body.error.fields.map((f) => f.path),
        query,
      ).toContain(field);
    }
  });

  it('finds what is created and changed through the API at once', async () => {
    const created = await secretariat.request('POST', '/api/texts', {
      id: 'search_new_text',
      kind: 'statement',
      authoritative_language: 'en',
      title: 'Statement on seafarers',
      body: 'Seafarers on distant-water fishing vessels need portable benefits.',
      visibility: 'caucus',
    });
    expect(created.status, created.text).toBe(201);
    expect((await search(visitor, q('seafarers', '&kind=text'))).items).toEqual([]);
    expect(
      (await search(secretariat, q('seafarers', '&kind=text'))).items.map((i) => i.id),
    ).toEqual(['search_new_text']);

    const opened = await secretariat.request('PATCH', '/api/texts/search_new_text', {
      visibility: 'public',
    });
    expect(opened.status, opened.text).toBe(200);
    expect((await search(visitor, q('seafarers', '&kind=text'))).items.map((i) => i.id)).toEqual([
      'search_new_text',
    ]);

    const translated = await secretariat.request('POST', '/api/texts/search_new_text/versions', {
      language: 'th',
      title: 'แถลงการณ์เรื่องคนประจำเรือ',
      body: 'คนประจำเรือประมงน้ำลึกต้องได้รับสิทธิประโยชน์ที่โอนย้ายได้',
      is_new_version: false,
    });
    expect(translated.status, translated.text).toBe(201);
    const thai = await search(visitor, q('ประมง'));
    expect(thai.items.map((i) => [i.id, i.language])).toEqual([['search_new_text', 'th']]);

    const person = await secretariat.request('POST', '/api/people', {
      id: 'search_person',
      name: 'Nguyễn Thị Hương',
      area_id: 'ocd-division/country:vn',
    });
    expect(person.status, person.text).toBe(201);
    const found = await search(visitor, q('nguyen thi huong'));
    expect(found.items[0]).toMatchObject({
      kind: 'person',
      id: 'search_person',
      countries: ['VN'],
    });
    const renamed = await secretariat.request('PATCH', '/api/people/search_person', {
      name: 'Trần Thị Hương',
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await search(visitor, q('nguyen'))).items.map((i) => i.id)).not.toContain(
      'search_person',
    );
    expect((await search(visitor, q('tran huong'))).items[0]?.id).toBe('search_person');

    const commitment = await secretariat.request('POST', '/api/commitments', {
      id: 'search_commitment',
      title: 'Ratify the seafarers convention',
      owners: [{ type: 'country', id: 'ocd-division/country:ph' }],
    });
    expect(commitment.status, commitment.text).toBe(201);
    const ph = await search(visitor, q('seafarers', '&country=PH&kind=commitment'));
    expect(ph.items.map((i) => i.id)).toEqual(['search_commitment']);

    // A bill takes its parliament's country; an action changes its status (the result's type).
    const bill = await secretariat.request('POST', '/api/bills', {
      id: 'search_bill',
      organization_id: 'test_parliament',
      identifier: 'HB 77',
      title: 'Seafarers Social Security Portability Bill',
      actions: [{ date: '2026-03-02', classification: 'introduced' }],
    });
    expect(bill.status, bill.text).toBe(201);
    const bills = await search(visitor, q('portability', '&kind=bill'));
    expect(bills.items.map((i) => [i.id, i.type])).toEqual([['search_bill', 'introduced']]);
    const acted = await secretariat.request('POST', '/api/bills/search_bill/actions', {
      date: '2026-05-04',
      classification: 'referred_to_committee',
    });
    expect(acted.status, acted.text).toBe(201);
    expect((await search(visitor, q('HB 77', '&kind=bill'))).items[0]).toMatchObject({
      id: 'search_bill',
      type: 'referred_to_committee',
    });
  });

  describe('finds, for each role, exactly the records that role may see', () => {
    const CAUCUS = 'quokkacaucus';
    const SECRET = 'quokkasecret';
    beforeAll(async () => {
      for (const [marker, visibility] of [
        [CAUCUS, 'caucus'],
        [SECRET, 'secretariat'],
      ] as const) {
        const posts: [string, unknown][] = [
          ['/api/people', { id: `${marker}_person`, name: `${marker} person`, visibility }],
          [
            '/api/organizations',
            { id: `${marker}_org`, name: `${marker} org`, classification: 'cso', visibility },
          ],
          [
            '/api/programmes',
            {
              id: `${marker}_prog`,
              name: `${marker} programme`,
              classification: 'meeting',
              visibility,
            },
          ],
          [
            '/api/texts',
            {
              id: `${marker}_text`,
              kind: 'statement',
              authoritative_language: 'en',
              title: `${marker} text`,
              body: marker,
              visibility,
            },
          ],
          ['/api/commitments', { id: `${marker}_com`, title: `${marker} commitment`, visibility }],
          // Public records that point at a hidden programme stay hidden with it.
          [
            '/api/texts',
            {
              id: `${marker}_linked_text`,
              kind: 'statement',
              programme_id: `${marker}_prog`,
              authoritative_language: 'en',
              title: `quokkalinked ${marker}`,
              body: 'public text of a hidden programme',
              visibility: 'public',
            },
          ],
          [
            '/api/commitments',
            {
              id: `${marker}_linked_com`,
              programme_id: `${marker}_prog`,
              title: `quokkalinked commitment ${marker}`,
              visibility: 'public',
            },
          ],
        ];
        for (const [url, body] of posts) {
          const res = await secretariat.request('POST', url, body);
          expect(res.status, res.text).toBe(201);
        }
      }
    });

    const expected = (who: Who): string[] => {
      const sees = (marker: string) =>
        ['person', 'org', 'prog', 'text', 'com', 'linked_text', 'linked_com'].map(
          (suffix) => `${marker}_${suffix}`,
        );
      if (who === 'public') return [];
      if (who === 'secretariat' || who === 'admin') return [...sees(CAUCUS), ...sees(SECRET)];
      return sees(CAUCUS);
    };

    it.each(ROLES_AND_PUBLIC)('%s', async (who) => {
      const client = await h.as(who);
      const results = await search(client, q('quokka', '&limit=100'));
      expect(results.items.map((i) => i.id).sort()).toEqual(expected(who).sort());
      expect(results.total).toBe(expected(who).length);
      const linked = await search(client, q('quokkalinked', '&limit=100'));
      expect(linked.items.map((i) => i.id).sort()).toEqual(
        expected(who)
          .filter((id) => id.includes('linked'))
          .sort(),
      );
    });
  });
});
