// Open data: every dataset is public records only whoever asks, its CSV parses back (RFC 4180)
// to its JSON, spreadsheet formulas are defused, nothing points at a hidden record, unknown
// kinds are named in a 404, and the Popolo document validates against the Popolo JSON Schemas.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadCall } from './documents/files.ts';
import type { Client, Harness, Who } from './harness.ts';
import { ROLES_AND_PUBLIC, T0, harness } from './harness.ts';
import { popoloValidators } from './popolo-schemas.ts';

const KINDS = [
  'people',
  'organizations',
  'posts',
  'memberships',
  'programmes',
  'sessions',
  'texts',
  'commitments',
  'topics',
  'workshops',
  'visits',
  'bills',
  'body-events',
  'engagements',
  'collaborations',
  'documents',
];

type Row = Record<string, unknown>;

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records, commas and newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** The documented encoding of a JSON value in a cell. */
function encoded(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

describe.each(testDatabases)('open data, on $name', (database) => {
  let h: Harness;
  let secretariat: Client;
  const CAUCUS = 'zqcaucusmarker';
  const SECRET = 'zqsecretmarker';
  const FORMULAS = ['=HYPERLINK("http://x.test","y")', '+1+2', '-3+4', '@SUM(A1)', '\tTab', '\rCR'];

  beforeAll(async () => {
    h = await harness({ database });
    secretariat = await h.as('secretariat');
    const post = async (url: string, body: unknown, status = 201) => {
      const res = await secretariat.request('POST', url, body);
      expect(res.status, `${url}: ${res.text}`).toBe(status);
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
      // Public records that point at the hidden ones must not name them.
      await post('/api/organizations', {
        id: `public_${visibility}_child`,
        name: 'A public branch',
        classification: 'cso',
        parent_id: `${marker}_org`,
      });
      await post('/api/memberships', {
        id: `public_${visibility}_link`,
        person_id: `${marker}_person`,
        organization_id: 'test_parliament',
      });
      await post('/api/programmes', {
        id: `${marker}_prog`,
        name: `${marker} programme`,
        classification: 'meeting',
        visibility,
      });
      await post('/api/programmes', {
        id: `public_${visibility}_pubprog`,
        name: 'A public programme',
        classification: 'meeting',
        organization_ids: ['test_parliament', `${marker}_org`],
      });
      await post('/api/sessions', {
        programme_id: `${marker}_prog`,
        name: 'A public session of a hidden programme',
        position: 1,
      });
      await post('/api/texts', {
        id: `${marker}_text`,
        kind: 'statement',
        authoritative_language: 'en',
        title: `${marker} text`,
        body: marker,
        visibility,
      });
      await post('/api/commitments', {
        id: `${marker}_com`,
        title: `${marker} commitment`,
        visibility,
      });
      await post('/api/commitments', {
        id: `public_${visibility}_pubcom`,
        title: 'A public commitment',
        owners: [
          { type: 'person', id: `${marker}_person` },
          { type: 'country', id: 'ocd-division/country:th' },
        ],
      });
      await post('/api/commitments/test_commitment/evidence', {
        description: `${marker} evidence`,
        visibility,
      });
      await post('/api/visits', {
        id: `${marker}_visit`,
        title: `${marker} visit`,
        host_country: 'TH',
        visiting_countries: ['KH'],
        visibility,
      });
      await post('/api/visits', {
        id: `public_${visibility}_pubvisit`,
        title: 'A public visit with a hidden delegate',
        host_country: 'TH',
        visiting_countries: ['KH'],
        delegation_person_ids: [`${marker}_person`],
      });
      await post('/api/bills', {
        id: `${marker}_bill`,
        organization_id: 'test_parliament',
        identifier: `${marker} 1`,
        title: `${marker} bill`,
        visibility,
      });
      await post('/api/bills', {
        id: `public_${visibility}_pubbill`,
        organization_id: 'test_parliament',
        identifier: `PUBLIC ${visibility}`,
        title: 'A public bill with a hidden sponsor',
        sponsors: [{ person_id: `${marker}_person`, classification: 'primary' }],
        actions: [{ date: '2026-01-10', classification: 'introduced' }],
      });
      await post('/api/engagements', {
        organization_id: 'aipa',
        title: `${marker} engagement`,
        visibility,
      });
      await post('/api/collaborations', {
        organization_id: 'mfa',
        title: `${marker} collaboration`,
        visibility,
      });
      const upload = uploadCall({ title: `${marker} document`, visibility });
      const uploaded = await secretariat.request(
        upload.method,
        upload.url,
        upload.body,
        upload.headers,
      );
      expect(uploaded.status, uploaded.text).toBe(201);
      await post('/api/topics', { kind: 'other', name: `${marker} topic`, visibility });
      await post('/api/workshops', {
        id: `${marker}_ws`,
        programme_id: 'test_programme',
        title: `${marker} workshop`,
        visibility,
      });
      await post('/api/workshops', {
        id: `public_${visibility}_pubws`,
        programme_id: `${marker}_prog`,
        title: 'A public workshop of a hidden programme',
      });
      // A reference kept in a record's extra fields (as the seed keeps `held_alongside_id`).
      const now = T0.toISOString();
      await h.store.repos.records.insert('topics', {
        id: `public_${visibility}_ref`,
        kind: 'other',
        name: 'A public topic with references',
        description: null,
        position: 0,
        extra: JSON.stringify({
          presented_by_person_id: `${marker}_person`,
          organization_ids: ['test_parliament', `${marker}_org`],
          nested: { speakers: [{ person_id: `${marker}_person`, part: 'Opening' }] },
        }),
        visibility: 'public',
        created_at: now,
        updated_at: now,
      });
    }
    // In the store directly: the API trims names, so a leading tab or CR would not survive it.
    for (const [i, name] of FORMULAS.entries()) {
      const now = T0.toISOString();
      await h.store.repos.records.insert('topics', {
        id: `formula_${i}`,
        kind: 'other',
        name,
        description: `${name}, "quoted", and a line\r\nbreak`,
        position: 0,
        extra: '{}',
        visibility: 'public',
        created_at: now,
        updated_at: now,
      });
    }
    await post('/api/people', {
      id: 'popolo_person',
      name: 'Ana Reyes',
      other_names: [{ name: 'A. Reyes', note: 'As the minutes spell it' }],
      identifiers: [{ scheme: 'wikidata', identifier: 'Q0' }],
      links: [{ url: 'https://example.org/ana', note: 'Profile' }],
      sources: [{ url: 'https://example.org/minutes', note: 'Minutes' }],
    });
    await post('/api/memberships', {
      person_id: 'popolo_person',
      organization_id: 'test_parliament',
      post_id: 'test_post',
      role: 'member',
      start_date: '2024-01',
      sources: [{ url: 'https://example.org/gazette' }],
    });
  });
  afterAll(async () => {
    await h.close();
  });

  const everything = async (client: Client): Promise<string> => {
    let all = (await client.get('/api/open-data')).text;
    all += (await client.get('/api/open-data/popolo.json')).text;
    for (const kind of KINDS) {
      all += (await client.get(`/api/open-data/${kind}.json`)).text;
      all += (await client.get(`/api/open-data/${kind}.csv`)).text;
    }
    return all;
  };

  it.each(ROLES_AND_PUBLIC)(
    'gives %s the public records only, naming no hidden record',
    async (who: Who) => {
      const all = await everything(await h.as(who));
      for (const marker of [CAUCUS, SECRET]) {
        const at = all.indexOf(marker);
        expect(at === -1 ? '' : all.slice(Math.max(0, at - 300), at + 100), marker).toBe('');
      }
      // The public records that pointed at hidden ones are there, without the pointer.
      expect(all).toContain('A public branch');
      expect(all).toContain('A public commitment');
      expect(all).toContain('A public topic with references');
      expect(all).toContain('Opening');
    },
  );

  it('gives everyone the same files', async () => {
    const visitor = await everything(await h.as('public'));
    expect(await everything(secretariat)).toBe(visitor);
  });

  it('lists every dataset with its URLs, count, last change and licence', async () => {
    const visitor = await h.as('public');
    const index = (await visitor.get('/api/open-data')).body as {
      licence: { id: string | null; note: string };
      datasets: {
        kind: string;
        count: number;
        last_modified: string | null;
        formats: { format: string; url: string }[];
      }[];
    };
    expect(index.licence.id).toBeNull();
    expect(index.licence.note).toMatch(/secretariat/);
    expect(index.datasets.map((d) => d.kind)).toEqual([...KINDS, 'popolo']);
    for (const d of index.datasets) {
      for (const f of d.formats) {
        const res = await visitor.get(f.url);
        expect(res.status, f.url).toBe(200);
        if (f.format === 'json' && d.kind !== 'popolo') {
          const body = res.body as { count: number; items: Row[]; last_modified: string | null };
          expect(body.count, d.kind).toBe(d.count);
          expect(body.items, d.kind).toHaveLength(d.count);
          expect(body.last_modified, d.kind).toBe(d.last_modified);
        }
      }
      expect(d.count, d.kind).toBeGreaterThan(0);
    }
    const workshops = index.datasets.find((d) => d.kind === 'workshops');
    expect(workshops?.count).toBe(1); // the report's; the hidden ones and the one of a hidden programme are not
  });

  it.each(KINDS)('%s.csv parses back (RFC 4180) to the JSON', async (kind) => {
    const visitor = await h.as('public');
    const json = (await visitor.get(`/api/open-data/${kind}.json`)).body as { items: Row[] };
    const res = await visitor.get(`/api/open-data/${kind}.csv`);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${kind}.csv"`);
    expect(res.text.startsWith('\uFEFF')).toBe(false);
    const [header, ...records] = parseCsv(res.text);
    expect(header?.[0]).toBe('id');
    expect(new Set(header).size).toBe(header?.length);
    expect(records).toHaveLength(json.items.length);
    for (const [i, item] of json.items.entries()) {
      const record = records[i] ?? [];
      expect(record).toHaveLength(header?.length ?? 0);
      const expected = (header ?? []).map((column) => encoded(item[column]));
      expect(record, `${kind} ${String(item.id)}`).toEqual(expected);
      // Every field of the JSON has a column.
      for (const key of Object.keys(item)) expect(header, `${kind}.${key}`).toContain(key);
    }
  });

  it('defuses spreadsheet formulas in CSV cells, and leaves the JSON as it was', async () => {
    const visitor = await h.as('public');
    const json = (await visitor.get('/api/open-data/topics.json')).body as { items: Row[] };
    const [header, ...records] = parseCsv((await visitor.get('/api/open-data/topics.csv')).text);
    const nameAt = header?.indexOf('name') ?? -1;
    for (const [i, formula] of FORMULAS.entries()) {
      expect(json.items.find((t) => t.id === `formula_${i}`)?.name).toBe(formula);
      const record = records.find((r) => r[0] === `formula_${i}`);
      expect(record?.[nameAt], JSON.stringify(formula)).toBe(`'${formula}`);
    }
    for (const record of records)
      for (const cell of record) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('adds the byte-order mark only when asked', async () => {
    const res = await (await h.as('public')).get('/api/open-data/people.csv?bom=true');
    expect(res.text.startsWith('\uFEFFid,')).toBe(true);
  });

  it('answers an unknown kind with a 404 naming it', async () => {
    const res = await (await h.as('public')).get('/api/open-data/nonsense.json');
    expect(res.status).toBe(404);
    const body = res.body as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/"nonsense".*people, organizations/);
    expect((await (await h.as('public')).get('/api/open-data/nonsense.csv')).status).toBe(404);
  });

  it('exports texts with their versions, commitments with status, workshops with results', async () => {
    const visitor = await h.as('public');
    const texts = (await visitor.get('/api/open-data/texts.json')).body as { items: Row[] };
    const resolution = texts.items.find((t) => t.id === 'resolution_caucus_2011');
    // The report's English summary, and its Thai and Khmer translations (marked for review).
    const versions = (resolution?.versions ?? []) as { version: number; language: string }[];
    expect(versions.map((v) => `${v.language}:${String(v.version)}`).sort()).toEqual([
      'en:1',
      'km:1',
      'th:1',
    ]);
    const commitments = (await visitor.get('/api/open-data/commitments.json')).body as {
      items: Row[];
    };
    expect(commitments.items.find((c) => c.id === 'test_commitment')).toMatchObject({
      status: 'in_progress',
      owners: [{ type: 'person', id: 'test_member_mp' }],
    });
    // Owners and evidence that are not public are left out.
    for (const visibility of ['caucus', 'secretariat']) {
      expect(commitments.items.find((c) => c.id === `public_${visibility}_pubcom`)?.owners).toEqual(
        [{ type: 'country', id: 'ocd-division/country:th' }],
      );
    }
    const workshops = (await visitor.get('/api/open-data/workshops.json')).body as {
      items: { id: string; tally_state: string; areas: unknown[]; matrix: { rows: unknown[] } }[];
    };
    expect(workshops.items.map((w) => w.id)).toEqual(['strategy_workshop_2011']);
    expect(workshops.items[0]?.tally_state).toBe('not_recorded');
    expect(workshops.items[0]?.areas).toHaveLength(5);
    expect(workshops.items[0]?.matrix.rows).toHaveLength(3);
  });

  it('validates every Popolo object against the Popolo JSON Schemas', async () => {
    const validator = popoloValidators();
    const documents = [
      (await (await h.as('public')).get('/api/open-data/popolo.json')).body,
      (await secretariat.get('/api/export/popolo.json')).body,
    ] as Record<string, Row[]>[];
    for (const document of documents) {
      const classes = [
        ['persons', 'person'],
        ['organizations', 'organization'],
        ['posts', 'post'],
        ['memberships', 'membership'],
      ] as const;
      for (const [list, kind] of classes) {
        const validate = validator(kind);
        const objects = document[list] ?? [];
        expect(objects.length, list).toBeGreaterThan(0);
        const errors = objects.flatMap((o) => validate(o).map((e) => `${String(o.id)}: ${e}`));
        expect(errors, list).toEqual([]);
      }
      const ana = document.persons?.find((p) => p.id === 'popolo_person');
      expect(ana).toMatchObject({
        other_names: [{ name: 'A. Reyes' }],
        identifiers: [{ scheme: 'wikidata', identifier: 'Q0' }],
        links: [{ url: 'https://example.org/ana' }],
        sources: [{ url: 'https://example.org/minutes' }],
      });
    }
    // The validator is not a pushover: a broken object fails.
    expect(validator('person')({ name: 'X', links: [{ note: 'no url' }] })).not.toEqual([]);
    expect(validator('membership')({ start_date: '15 Sept 2011' })).not.toEqual([]);
    // The public document never names a hidden parent organisation.
    const open = documents[0];
    for (const visibility of ['caucus', 'secretariat'])
      expect(
        open?.organizations?.find((o) => o.id === `public_${visibility}_child`)?.parent_id,
      ).toBeUndefined();
    // The secretariat's own export still names it.
    expect(
      documents[1]?.organizations?.find((o) => o.id === 'public_caucus_child')?.parent_id,
    ).toBe(`${CAUCUS}_org`);
  });
});
