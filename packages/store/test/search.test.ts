// Search relevance and visibility, on every database (SQLite; PostgreSQL when reachable): realistic
// queries in Thai, Khmer, Burmese, Lao, Vietnamese, English, Hindi and Nepali find the record
// they are about first; snippets mark the words; filters narrow; hidden records never come back.
// Every record here is synthetic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchQuery } from '../src/repositories/search.ts';
import { MAX_COMPLETIONS, Search, snippet } from '../src/repositories/search.ts';
import type { Visibility } from '../src/schema.ts';
import { queryTerms } from '../src/search/tokenize.ts';
import type { Store } from '../src/store.ts';
import { testDatabases } from '../src/testing/test-databases.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const PUBLIC: Visibility[] = ['public'];
const CAUCUS: Visibility[] = ['public', 'caucus'];
const SECRETARIAT: Visibility[] = ['public', 'caucus', 'secretariat'];

interface TextFixture {
  id: string;
  language: string;
  title: string;
  body: string;
  visibility?: Visibility;
  programme?: string;
  kind?: 'resolution' | 'statement';
  adopted?: string;
  /** More language versions of the same text. */
  translations?: { language: string; title: string; body: string }[];
}

const TEXTS: TextFixture[] = [
  {
    id: 'th_social_security',
    language: 'th',
    title: 'สิทธิประกันสังคมของแรงงานข้ามชาติ',
    body: 'แรงงานข้ามชาติได้รับสิทธิประกันสังคมเท่าเทียมกับแรงงานไทยในกรุงเทพมหานครและจังหวัดอื่น',
    programme: 'prog_bangkok',
  },
  {
    id: 'th_tourism',
    language: 'th',
    title: 'การท่องเที่ยวในเชียงใหม่',
    body: 'การท่องเที่ยวในเชียงใหม่เติบโตอย่างรวดเร็วในปีที่ผ่านมา',
  },
  {
    id: 'km_migrants',
    language: 'km',
    title: 'ពលករកម្ពុជានៅប្រទេសថៃ',
    body: 'ពលករចំណាកស្រុកកម្ពុជានៅប្រទេសថៃត្រូវការការពារសង្គមនិងសេវាសុខាភិបាល',
    programme: 'prog_phnom_penh',
  },
  {
    id: 'km_education',
    language: 'km',
    title: 'ការអប់រំកុមារ',
    body: 'ការអប់រំកុមារនៅខេត្តសៀមរាបត្រូវបានពង្រីក',
  },
  {
    id: 'my_workers',
    language: 'my',
    title: 'လူမှုဖူလုံရေး',
    body: 'ရွှေ့ပြောင်းအလုပ်သမားများအတွက်လူမှုဖူလုံရေးအစီအစဉ်ကိုတိုးချဲ့ရန်',
  },
  {
    id: 'my_farming',
    language: 'my',
    title: 'စိုက်ပျိုးရေး',
    body: 'မြန်မာနိုင်ငံ၏စိုက်ပျိုးရေးကဏ္ဍတိုးတက်မှု',
  },
  {
    id: 'lo_protection',
    language: 'lo',
    title: 'ແຮງງານເຄື່ອນຍ້າຍ',
    body: 'ແຮງງານເຄື່ອນຍ້າຍໄດ້ຮັບການປົກປ້ອງທາງສັງຄົມຢ່າງເທົ່າທຽມ',
  },
  {
    id: 'vi_pension',
    language: 'vi',
    title: 'Lương hưu cho người lao động di cư',
    body: 'Người lao động di cư được hưởng lương hưu khi trở về nước.',
    kind: 'statement',
  },
  {
    id: 'vi_amount',
    language: 'vi',
    title: 'Số lượng người lao động',
    body: 'Số lượng người lao động ở nước ngoài tăng mỗi năm.',
  },
  {
    id: 'en_portability',
    language: 'en',
    title: 'Portability of pensions',
    body: 'Migrant workers lose pension rights when they return home; agreements keep them.',
    adopted: '2011-09',
  },
  {
    id: 'en_budget',
    language: 'en',
    title: 'Annual budget of the secretariat',
    body: 'The budget covers meetings, travel and the pension fund of the staff.',
    adopted: '2014',
  },
  {
    id: 'hi_security',
    language: 'hi',
    title: 'सामाजिक सुरक्षा',
    body: 'प्रवासी श्रमिकों के लिए सामाजिक सुरक्षा और स्वास्थ्य बीमा',
  },
  {
    id: 'ne_fund',
    language: 'ne',
    title: 'कोष',
    body: 'वैदेशिक रोजगारमा रहेका नेपाली कामदारको सामाजिक सुरक्षा कोष',
  },
  {
    id: 'bilingual',
    language: 'en',
    title: 'Declaration on domestic workers',
    body: 'Domestic workers are workers like any other.',
    translations: [
      {
        language: 'th',
        title: 'ปฏิญญาว่าด้วยลูกจ้างทำงานบ้าน',
        body: 'ลูกจ้างทำงานบ้านเป็นแรงงานเช่นเดียวกับแรงงานอื่น',
      },
    ],
  },
  // Hidden texts: one for the caucus, one for the secretariat, one public but tied to a
  // programme kept to the secretariat.
  {
    id: 'caucus_only',
    language: 'en',
    title: 'Draft strategy on zebrafish',
    body: 'Internal zebrafish strategy for the caucus.',
    visibility: 'caucus',
  },
  {
    id: 'secretariat_only',
    language: 'en',
    title: 'Staff zebrafish notes',
    body: 'Zebrafish notes for the secretariat only.',
    visibility: 'secretariat',
  },
  {
    id: 'public_in_hidden_programme',
    language: 'en',
    title: 'Zebrafish communique',
    body: 'A public zebrafish communique from a closed meeting.',
    programme: 'prog_closed',
  },
];

async function programme(
  store: Store,
  id: string,
  areaId: string,
  startDate: string,
  visibility: Visibility = 'public',
): Promise<void> {
  await store.repos.records.insert('programmes', {
    id,
    name: `Programme ${id}`,
    classification: 'programme',
    series_number: null,
    start_date: startDate,
    end_date: null,
    city: null,
    area_id: areaId,
    description: null,
    organization_ids: '[]',
    extra: '{}',
    visibility,
    created_at: T0,
    updated_at: T0,
  });
}

async function text(store: Store, t: TextFixture): Promise<void> {
  await store.repos.records.insert('texts', {
    id: t.id,
    kind: t.kind ?? 'resolution',
    programme_id: t.programme ?? null,
    authoritative_language: t.language,
    status: 'open',
    is_endorsable: 1,
    extra: JSON.stringify(t.adopted !== undefined ? { adopted_date: t.adopted } : {}),
    visibility: t.visibility ?? 'public',
    created_at: T0,
    updated_at: T0,
  });
  for (const v of [
    { language: t.language, title: t.title, body: t.body },
    ...(t.translations ?? []),
  ]) {
    await store.repos.texts.add({
      id: `${t.id}-v1-${v.language}`,
      text_id: t.id,
      version: 1,
      language: v.language,
      title: v.title,
      body: v.body,
      note: null,
      created_at: T0,
      created_by: null,
    });
  }
}

async function person(
  store: Store,
  id: string,
  name: string,
  summary: string,
  visibility: Visibility = 'public',
) {
  await store.repos.records.insert('people', {
    id,
    name,
    sort_name: null,
    honorific_prefix: 'Hon.',
    national_identity: null,
    area_id: 'ocd-division/country:ph',
    summary,
    extra: '{}',
    visibility,
    created_at: T0,
    updated_at: T0,
  });
}

/** The records every search test starts from, indexed. */
async function seed(store: Store): Promise<void> {
  await store.migrate();
  await programme(store, 'prog_bangkok', 'ocd-division/country:th', '2012-10-01');
  await programme(store, 'prog_phnom_penh', 'ocd-division/country:kh', '2011-09-15');
  await programme(store, 'prog_closed', 'ocd-division/country:my', '2013', 'secretariat');
  for (const t of TEXTS) await text(store, t);
  await person(store, 'p_pension', 'Maria Santos', 'Advocate of pension portability.');
  await person(store, 'p_hidden', 'Zebrafish Keeper', 'Kept to the caucus.', 'caucus');
  await store.repos.records.insert('commitments', {
    id: 'c_hidden_programme',
    programme_id: 'prog_closed',
    title: 'Zebrafish commitment',
    description: null,
    status: 'proposed',
    review_date: null,
    extra: '{}',
    visibility: 'public',
    created_at: T0,
    updated_at: T0,
  });
  await store.repos.search.reindex();
}

/**
 * More completions of `qx` than a query word reads: the `MAX_COMPLETIONS` words `qxfaa`… each in
 * two texts (all but the last in `cap_a` and `cap_b`; the last, first to go when one more frequent
 * word comes, in `cap_d1` and `cap_d2`); rarer ones in one text each (`qxra`… in `cap_r0`…, and
 * `qx` itself in `cap_exact`, a few with Vietnamese marks); and `qxh`, more frequent than all, in
 * three texts kept to the caucus.
 */
const FREQUENT = Array.from(
  { length: MAX_COMPLETIONS },
  (_, i) =>
    `qxf${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`,
);
const RARE = ['qxra', 'qxrb', 'qxrc', 'qxrd', 'qxre'];
const MARKED = ['qxơa', 'qxớb', 'qxđc'];
const CAP_TEXTS: TextFixture[] = [
  { id: 'cap_a', body: FREQUENT.slice(0, -1).join(' ') },
  { id: 'cap_b', body: FREQUENT.slice(0, -1).join(' ') },
  { id: 'cap_d1', body: `Only ${FREQUENT.at(-1)}.` },
  { id: 'cap_d2', body: `Only ${FREQUENT.at(-1)} here.` },
  ...RARE.map((word, i) => ({ id: `cap_r${i}`, body: `Rare ${word}.` })),
  ...MARKED.map((word, i) => ({ id: `cap_m${i}`, language: 'vi', body: `Từ ${word}.` })),
  { id: 'cap_exact', body: 'The word qx itself.' },
  ...[1, 2, 3].map((n) => ({
    id: `cap_h${n}`,
    body: 'Hidden qxh.',
    visibility: 'caucus' as const,
  })),
].map((t) => ({ language: 'en', title: 'Completions', ...t }));

async function capFixture(store: Store): Promise<void> {
  for (const t of CAP_TEXTS) {
    await text(store, t);
    await store.repos.search.refresh('text', t.id);
  }
}

async function removeCapFixture(store: Store): Promise<void> {
  for (const t of CAP_TEXTS) await store.repos.search.remove('text', t.id);
}

describe.each(testDatabases)('search on $name', (database) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await database.open());
    await seed(store);
  });
  afterAll(async () => {
    await dispose();
  });

  const find = (q: string, scope: Visibility[] = PUBLIC, more: Partial<SearchQuery> = {}) =>
    store.repos.search.search({ q, limit: 20, offset: 0, ...more }, { scope, userId: null });
  const ids = async (q: string, scope: Visibility[] = PUBLIC, more: Partial<SearchQuery> = {}) =>
    (await find(q, scope, more)).items.map((i) => i.id);
  const first = async (q: string, more: Partial<SearchQuery> = {}) =>
    (await ids(q, PUBLIC, more))[0];

  describe('finds the record a realistic query is about, first', () => {
    it.each([
      // A word in the middle of an unspaced sentence.
      ['สังคม', 'th_social_security'],
      ['ประกันสังคม', 'th_social_security'],
      // The query keeps a compound the sentence's segmentation kept longer: prefix match.
      ['กรุงเทพ', 'th_social_security'],
      ['ท่องเที่ยว', 'th_tourism'],
      ['ចំណាកស្រុក', 'km_migrants'],
      ['ការពារសង្គម', 'km_migrants'],
      ['កុមារ', 'km_education'],
      ['အလုပ်သမား', 'my_workers'],
      ['စိုက်ပျိုးရေး', 'my_farming'],
      ['ປົກປ້ອງ', 'lo_protection'],
      ['lương hưu', 'vi_pension'],
      ['luong huu', 'vi_pension'],
      ['LUONG HUU', 'vi_pension'],
      ['lượng', 'vi_amount'],
      ['pension', 'en_portability'],
      ['pensions', 'en_portability'],
      ['migrant worker', 'en_portability'],
      ['श्रमिक', 'hi_security'],
      ['कामदार', 'ne_fund'],
      ['ลูกจ้างทำงานบ้าน', 'bilingual'],
      ['domestic workers', 'bilingual'],
    ])('%s → %s', async (q, expected) => {
      expect(await first(q)).toBe(expected);
    });

    it('ranks the exact form above the diacritic-folded one, and both are found', async () => {
      expect(await ids('lương')).toEqual(['vi_pension', 'vi_amount']);
      expect((await ids('luong')).sort()).toEqual(['vi_amount', 'vi_pension']);
    });

    it('ranks an exact word above a longer word it begins', async () => {
      await text(store, {
        id: 'prefix_long',
        language: 'en',
        title: 'Retirees',
        body: 'Pensioners living abroad.',
      });
      await text(store, {
        id: 'exact_short',
        language: 'en',
        title: 'Retirement',
        body: 'Pension living abroad.',
      });
      await store.repos.search.refresh('text', 'prefix_long');
      await store.repos.search.refresh('text', 'exact_short');
      const found = await ids('pension', PUBLIC, { kind: 'text' });
      expect(found).toContain('prefix_long');
      expect(found.indexOf('exact_short')).toBeLessThan(found.indexOf('prefix_long'));
    });

    it('counts a word in the title above the same word in the body', async () => {
      const found = await ids('budget');
      expect(found).toEqual(['en_budget']);
      const pensions = await find('pension');
      const portability = pensions.items.find((i) => i.id === 'en_portability');
      const budget = pensions.items.find((i) => i.id === 'en_budget');
      expect(portability?.score).toBeGreaterThan(budget?.score ?? Infinity);
    });

    it('does not find what is not there', async () => {
      expect(await ids('ornithology')).toEqual([]);
      expect(await ids('เชียงราย')).toEqual([]);
      expect(await ids('!!!')).toEqual([]);
    });
  });

  it('returns a text once, in the language version that matched', async () => {
    const th = await find('ลูกจ้าง');
    const en = await find('domestic');
    expect(th.items.filter((i) => i.id === 'bilingual').map((i) => i.language)).toEqual(['th']);
    expect(en.items.filter((i) => i.id === 'bilingual').map((i) => i.language)).toEqual(['en']);
    const both = await find('workers');
    expect(both.items.filter((i) => i.id === 'bilingual')).toHaveLength(1);
  });

  it('marks the matched words in a plain-text snippet cut from the stored text', async () => {
    const [hit] = (await find('สังคม')).items;
    expect(hit?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['สังคม']);
    const vi = (await find('luong huu')).items.find((i) => i.id === 'vi_pension');
    expect(vi?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['lương', 'hưu']);
    expect(vi?.snippet.map((s) => s.text).join('')).toBe(TEXTS[7]?.body);
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The <b>remittance</b> corridor matters. ${'Consectetur adipiscing elit. '.repeat(20)}`;
    const cut = snippet(long, 'en', queryTerms('remittance'));
    const whole = cut.map((s) => s.text).join('');
    expect(whole.startsWith('…') && whole.endsWith('…')).toBe(true);
    expect(whole.length).toBeLessThan(long.length / 2);
    expect(cut.filter((s) => s.match)).toEqual([{ text: 'remittance', match: true }]);
    // Markup in the stored text stays text: the snippet is segments, never HTML of our own.
    expect(whole).toContain('<b>remittance</b>');
    expect(long).toContain(whole.slice(1, -1));
    // A long extracted text: the window is found without tokenising all of it.
    const huge = `${'Lorem ipsum dolor sit amet. '.repeat(4000)}The remittance corridor. ${'Elit. '.repeat(4000)}`;
    const far = snippet(huge, 'en', queryTerms('remittance'));
    expect(far.filter((s) => s.match)).toEqual([{ text: 'remittance', match: true }]);
    expect(huge).toContain(
      far
        .map((s) => s.text)
        .join('')
        .slice(1, -1),
    );
    // Thai ำ is two characters after NFKC: the words are still cut from the text as stored.
    const thai = snippet('เราทำงานด้านแรงงานข้ามชาติ', 'th', queryTerms('แรงงาน'));
    expect(thai.filter((s) => s.match).map((s) => s.text)).toEqual(['แรงงาน']);
    expect(thai.map((s) => s.text).join('')).toBe('เราทำงานด้านแรงงานข้ามชาติ');
  });

  it('filters by kind, country, language, type and dates', async () => {
    expect(await ids('pension', PUBLIC, { kind: 'person' })).toEqual(['p_pension']);
    expect(await ids('pension', PUBLIC, { kind: 'text' })).not.toContain('p_pension');
    expect(await ids('แรงงาน', PUBLIC, { country: 'TH' })).toEqual(['th_social_security']);
    expect(await ids('ពលករ', PUBLIC, { country: 'KH' })).toEqual(['km_migrants']);
    expect(await ids('ពលករ', PUBLIC, { country: 'TH' })).toEqual([]);
    expect(await ids('workers', PUBLIC, { language: 'th' })).toEqual([]);
    expect(await ids('ลูกจ้าง', PUBLIC, { language: 'th' })).toEqual(['bilingual']);
    expect(await ids('lao động', PUBLIC, { type: 'statement' })).toEqual(['vi_pension']);
    expect(await ids('pension', PUBLIC, { from: '2011', to: '2011' })).toEqual(['en_portability']);
    expect(await ids('pension', PUBLIC, { from: '2011-09-20', to: '2012' })).toEqual([
      'en_portability',
    ]);
    expect(await ids('pension', PUBLIC, { from: '2012' })).toEqual(['en_budget']);
    expect(await ids('pension', PUBLIC, { to: '2011-08' })).toEqual([]);
  });

  it('pages results with a total, without overlap', async () => {
    const all = await find('zebrafish', SECRETARIAT, { limit: 100 });
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBe(5);
    const page1 = await find('zebrafish', SECRETARIAT, { limit: 2, offset: 0 });
    const page2 = await find('zebrafish', SECRETARIAT, { limit: 2, offset: 2 });
    expect(page1.total).toBe(all.total);
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(
      all.items.slice(0, 4).map((i) => i.id),
    );
    const beyond = await find('zebrafish', SECRETARIAT, { limit: 2, offset: 50 });
    expect(beyond).toEqual({ items: [], total: all.total });
  });

  it('never returns a record the viewer may not see, nor one pointing to a hidden record', async () => {
    expect(await ids('zebrafish', PUBLIC)).toEqual([]);
    expect((await ids('zebrafish', CAUCUS)).sort()).toEqual(['caucus_only', 'p_hidden']);
    expect((await ids('zebrafish', SECRETARIAT)).sort()).toEqual([
      'c_hidden_programme',
      'caucus_only',
      'p_hidden',
      'public_in_hidden_programme',
      'secretariat_only',
    ]);
    expect((await find('zebrafish', PUBLIC)).total).toBe(0);
    expect((await find('zebrafish', CAUCUS)).total).toBe(2);
  });

  it('scores without counting records the viewer may not see or that are not published', async () => {
    const score = async (scope: Visibility[]) =>
      (await find('portability', scope)).items.find((i) => i.id === 'p_pension')?.score;
    const [publicBefore, caucusBefore] = [await score(PUBLIC), await score(CAUCUS)];
    expect(publicBefore).toBeDefined();
    // Two more records with the word: one kept to the caucus, one public text of a programme
    // kept to the secretariat, and a document not yet published.
    await text(store, {
      id: 'stats_caucus',
      language: 'en',
      title: 'Portability',
      body: 'Portability of portability.',
      visibility: 'caucus',
    });
    await text(store, {
      id: 'stats_closed_programme',
      language: 'en',
      title: 'Portability',
      body: 'Portability again.',
      programme: 'prog_closed',
    });
    await store.db
      .insertInto('documents')
      .values({
        id: 'stats_draft',
        title: 'Portability draft',
        language: 'en',
        countries: '[]',
        corridor_origin: null,
        corridor_destination: null,
        type: 'report',
        programme_id: null,
        date: '2026',
        source: null,
        visibility: 'public',
        status: 'submitted',
        moderation_comment: null,
        submitted_by: null,
        file_name: 'draft.txt',
        media_type: 'text/plain',
        size: 11,
        sha256: '0'.repeat(64),
        text: 'portability',
        created_at: T0,
        updated_at: T0,
        published_at: null,
      })
      .execute();
    for (const id of ['stats_caucus', 'stats_closed_programme'])
      await store.repos.search.refresh('text', id);
    await store.repos.search.refresh('document', 'stats_draft');
    // The public visitor's score is what it was; the caucus's changes (it sees one more).
    expect(await score(PUBLIC)).toBe(publicBefore);
    expect(await score(CAUCUS)).not.toBe(caucusBefore);
    expect(await ids('portability', CAUCUS)).toContain('stats_caucus');
    // The secretariat finds the draft, though the statistics do not count it: publishing it
    // changes everyone's score.
    expect(await ids('portability', SECRETARIAT)).toContain('stats_draft');
    await store.db
      .updateTable('documents')
      .set({ status: 'published' })
      .where('id', '=', 'stats_draft')
      .execute();
    await store.repos.search.refresh('document', 'stats_draft');
    expect(await score(PUBLIC)).not.toBe(publicBefore);
    for (const id of ['stats_caucus', 'stats_closed_programme'])
      await store.repos.search.remove('text', id);
    await store.repos.search.remove('document', 'stats_draft');
    expect(await score(PUBLIC)).toBe(publicBefore);
  });

  it('finds a public organisation whose parent the viewer may not see', async () => {
    const organization = (
      id: string,
      name: string,
      visibility: Visibility,
      parent: string | null,
    ) =>
      store.repos.records.insert('organizations', {
        id,
        name,
        classification: 'committee',
        parent_id: parent,
        area_id: null,
        founding_date: null,
        dissolution_date: null,
        description: null,
        extra: '{}',
        visibility,
        created_at: T0,
        updated_at: T0,
      });
    await organization('org_hidden_parent', 'Quokka Assembly', 'secretariat', null);
    await organization('org_public_child', 'Quokka Committee', 'public', 'org_hidden_parent');
    await store.repos.search.refresh('organization', 'org_hidden_parent');
    await store.repos.search.refresh('organization', 'org_public_child');
    expect(await ids('quokka')).toEqual(['org_public_child']);
    expect((await ids('quokka', SECRETARIAT)).sort()).toEqual([
      'org_hidden_parent',
      'org_public_child',
    ]);
    await store.repos.search.remove('organization', 'org_hidden_parent');
    await store.repos.search.remove('organization', 'org_public_child');
  });

  it("reads a prefix's most frequent completions, counted within the viewer's scope, and always the word itself", async () => {
    await capFixture(store);
    const capIds = async (
      q: string,
      scope: Visibility[] = PUBLIC,
      on: Search = store.repos.search,
    ) =>
      (await on.search({ q, limit: 100, offset: 0 }, { scope, userId: null })).items
        .map((i) => i.id)
        .filter((id) => id.startsWith('cap_'))
        .sort();
    // Two letters begin more words than are read: the most frequent are, and `qx` itself.
    expect(await capIds('qx')).toEqual(['cap_a', 'cap_b', 'cap_d1', 'cap_d2', 'cap_exact']);
    // Every completion is read when there are few enough.
    expect(await capIds('qxr')).toEqual(['cap_r0', 'cap_r1', 'cap_r2', 'cap_r3', 'cap_r4']);
    // A word beyond the cap is found by itself, by its folded form, and the folded form's prefix.
    expect(await capIds('qxrc')).toEqual(['cap_r2']);
    expect(await capIds('qxơa')).toEqual(['cap_m0']);
    expect(await capIds('qxoa')).toEqual(['cap_m0']);
    expect(await capIds('qxo')).toEqual(['cap_m0', 'cap_m1']);
    // For the caucus, `qxh` is the most frequent (three texts it may see), so the last of the
    // others goes; for the public visitor those texts count for nothing, and change nothing.
    expect(await capIds('qx', CAUCUS)).toEqual([
      'cap_a',
      'cap_b',
      'cap_exact',
      'cap_h1',
      'cap_h2',
      'cap_h3',
    ]);
    // Without the cap (the path before it), every completion is read.
    const uncapped = new Search(store.db, undefined, { maxCompletions: Infinity });
    expect(await capIds('qx', PUBLIC, uncapped)).toEqual(
      CAP_TEXTS.filter((t) => t.visibility === undefined)
        .map((t) => t.id)
        .sort(),
    );
    await removeCapFixture(store);
  });

  it('follows changes: a record made public is found, one removed is not', async () => {
    await store.repos.records.update('texts', 'caucus_only', { visibility: 'public' });
    await store.repos.search.refresh('text', 'caucus_only');
    expect(await ids('zebrafish', PUBLIC)).toEqual(['caucus_only']);
    await store.repos.records.update('texts', 'caucus_only', { visibility: 'caucus' });
    // Even before the index is refreshed, the record's own table decides.
    expect(await ids('zebrafish', PUBLIC)).toEqual([]);
    await store.repos.search.refresh('text', 'caucus_only');
    await store.repos.search.remove('person', 'p_hidden');
    expect(await ids('zebrafish', CAUCUS)).toEqual(['caucus_only']);
    await store.repos.search.refresh('person', 'p_hidden');
  });
});

// The same data and queries on every database give the same results, the capped completions
// included (their ties are broken in code-point order on both).
describe.skipIf(testDatabases.length < 2)('search, the same on every database', () => {
  it('answers short prefixes identically', async () => {
    const queries = ['p', 'pe', 'qx', 'qxo', 'l', 'lư', 'z', 'ก', 'แร', 'ព', 'स', 'का', 'migr'];
    const answers: Record<string, unknown>[] = [];
    for (const database of testDatabases) {
      const { store, dispose } = await database.open();
      try {
        await seed(store);
        await capFixture(store);
        const answer: Record<string, unknown> = {};
        for (const q of queries)
          for (const [name, scope] of Object.entries({ PUBLIC, CAUCUS, SECRETARIAT })) {
            const found = await store.repos.search.search(
              { q, limit: 100, offset: 0 },
              { scope, userId: null },
            );
            const items: SearchHit[] = found.items;
            answer[`${q} ${name}`] = { total: found.total, items };
          }
        answers.push(answer);
      } finally {
        await dispose();
      }
    }
    expect(Object.keys(answers[0] ?? {})).toHaveLength(queries.length * 3);
    expect((answers[0]?.['qx PUBLIC'] as { total: number }).total).toBeGreaterThan(0);
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
  });
});
