// Checks the seed data drawn from the founding report (docs/seed-data.md): every file parses;
// every record has a stable id, a `source` that quotes the report verbatim, and a visibility;
// people, organisations and memberships use only Popolo fields (plus Tulay's few) and validate
// against the Popolo JSON Schemas; every reference resolves; the counts match the report.
// The report (docs/seed/) and the Popolo schemas (packages/store/test/popolo/, CC BY 4.0) are
// kept in the repository, so these checks always run.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Rec = Record<string, unknown>;

const dir = import.meta.dirname;
const reportPath = resolve(dir, '../../../docs/seed/caucus-report-phnom-penh-2011.md');
const popoloDir = resolve(dir, '../test/popolo');

const FILES = [
  // Checked on its own terms (public sources beside the report) in activities-seed.test.ts.
  'activities.yaml',
  'advocacy-spaces.yaml',
  'areas-for-action.yaml',
  'commitments.yaml',
  'memberships.yaml',
  'organizations.yaml',
  'people.yaml',
  'principles-and-barriers.yaml',
  'programmes.yaml',
  'texts.yaml',
];

const CLASSIFICATIONS = [
  'parliament',
  'party',
  'cso',
  'trade_union',
  'regional_body',
  'international_body',
  'foundation',
  // Outside the brief's seven: a university and a state social insurance system.
  'academic',
  'government_agency',
];

/** Tulay's fields beside Popolo's, per Popolo class. */
const TULAY_FIELDS = {
  person: ['source', 'visibility'],
  organization: ['source', 'visibility'],
  membership: ['source', 'visibility', 'status', 'inferred_from_context'],
} as const;

const PRINCIPLES = [
  'equality_of_treatment',
  'benefits_abroad',
  'administration',
  'totalization',
  'assistance',
  'solidarity',
  'gender_equity',
];
const BARRIERS = [
  'nationals_only',
  'residency',
  'documentation',
  'qualifying_period',
  'sector_exclusion',
  'not_paid_abroad',
  'document_certification',
  'money_transfer',
  'language',
];
const COUNTRIES = ['kh', 'id', 'ph', 'th', 'my', 'sg', 'la', 'vn', 'in', 'np'];
const OCD_ID = /^ocd-division\/country:[a-z]{2}(\/[a-z0-9_~-]+:[^/\s]+)*$/;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function recs(v: unknown, what: string): Rec[] {
  if (!Array.isArray(v) || !v.every(isRec)) throw new Error(`${what} is not a list of records`);
  return v;
}

function rec(v: unknown, what: string): Rec {
  if (!isRec(v)) throw new Error(`${what} is not a record`);
  return v;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function load(file: string): unknown {
  return parse(readFileSync(join(dir, file), 'utf8')) as unknown;
}

const people = recs(load('people.yaml'), 'people.yaml');
const organizations = recs(load('organizations.yaml'), 'organizations.yaml');
const memberships = recs(load('memberships.yaml'), 'memberships.yaml');
const programmes = recs(load('programmes.yaml'), 'programmes.yaml');
const sessions = programmes.flatMap((p) =>
  p.sessions === undefined ? [] : recs(p.sessions, `sessions of ${str(p.id)}`),
);
const texts = recs(load('texts.yaml'), 'texts.yaml');
const commitments = recs(load('commitments.yaml'), 'commitments.yaml');
const areasFile = rec(load('areas-for-action.yaml'), 'areas-for-action.yaml');
const workshop = rec(areasFile.workshop, 'the workshop');
const areas = recs(areasFile.areas, 'areas');
const groups = recs(workshop.groups, 'groups');
const spaces = recs(load('advocacy-spaces.yaml'), 'advocacy-spaces.yaml');
const pbFile = rec(load('principles-and-barriers.yaml'), 'principles-and-barriers.yaml');
const principles = recs(pbFile.principles, 'principles');
const barriers = recs(pbFile.barriers, 'barriers');
const waysToOvercome = recs(pbFile.ways_to_overcome, 'ways_to_overcome');

/** Every record that stands on its own, with the file it comes from. */
const records: { file: string; record: Rec }[] = [
  ...people.map((record) => ({ file: 'people.yaml', record })),
  ...organizations.map((record) => ({ file: 'organizations.yaml', record })),
  ...memberships.map((record) => ({ file: 'memberships.yaml', record })),
  ...programmes.map((record) => ({ file: 'programmes.yaml', record })),
  ...sessions.map((record) => ({ file: 'programmes.yaml', record })),
  ...texts.map((record) => ({ file: 'texts.yaml', record })),
  ...commitments.map((record) => ({ file: 'commitments.yaml', record })),
  { file: 'areas-for-action.yaml', record: workshop },
  ...groups.map((record) => ({ file: 'areas-for-action.yaml', record })),
  ...areas.map((record) => ({ file: 'areas-for-action.yaml', record })),
  ...spaces.map((record) => ({ file: 'advocacy-spaces.yaml', record })),
  ...principles.map((record) => ({ file: 'principles-and-barriers.yaml', record })),
  ...barriers.map((record) => ({ file: 'principles-and-barriers.yaml', record })),
  ...waysToOvercome.map((record) => ({ file: 'principles-and-barriers.yaml', record })),
];
const ids = new Set(records.map((r) => str(r.record.id)));

describe('the seed files', () => {
  it('are exactly the expected YAML files, and each parses', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(FILES);
    for (const file of FILES) expect(() => load(file), file).not.toThrow();
  });

  it('give every record a stable lowercase id, unique across the files', () => {
    const seen = new Map<string, string>();
    for (const { file, record } of records) {
      const id = str(record.id);
      expect(id, `a record in ${file}`).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(seen.get(id), `id ${id} in ${file} is also in`).toBeUndefined();
      seen.set(id, file);
    }
  });

  it('make every record public', () => {
    for (const { file, record } of records) {
      expect(record.visibility, `${file}: ${str(record.id)}`).toBe('public');
    }
  });

  it('give every record a source with a section and a quote', () => {
    for (const { file, record } of records) {
      const where = `${file}: ${str(record.id)}`;
      const source = rec(record.source, `${where} source`);
      expect(
        Object.keys(source).filter((k) => !['section', 'quote', 'note'].includes(k)),
        where,
      ).toEqual([]);
      expect(str(source.section), where).not.toBe('');
      expect(str(source.quote), where).not.toBe('');
      if (source.note !== undefined) expect(str(source.note), where).not.toBe('');
    }
  });

  it('hold no contact details', () => {
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v))
        v.forEach((x, i) => {
          walk(x, `${path}[${i}]`);
        });
      else if (isRec(v)) {
        for (const [k, x] of Object.entries(v)) {
          expect(['contact_details', 'email', 'phone'], path).not.toContain(k);
          walk(x, `${path}.${k}`);
        }
      } else if (typeof v === 'string') expect(v, path).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    };
    for (const file of FILES) walk(load(file), file);
  });

  it('resolve every reference (`*_id`, `*_ids`) to a record, and every division id is an OCD id', () => {
    const problems: string[] = [];
    const check = (key: string, value: unknown, path: string): void => {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        if (v === null) continue;
        if (typeof v !== 'string') problems.push(`${path}: not a string`);
        else if (key.endsWith('division_id') || key.endsWith('division_ids')) {
          if (!OCD_ID.test(v)) problems.push(`${path}: ${v} is not an OCD division id`);
        } else if (!ids.has(v)) problems.push(`${path}: ${v} is not a record`);
      }
    };
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v))
        v.forEach((x, i) => {
          walk(x, `${path}[${i}]`);
        });
      else if (isRec(v)) {
        for (const [k, x] of Object.entries(v)) {
          if (k.endsWith('_id') || k.endsWith('_ids')) check(k, x, `${path}.${k}`);
          else walk(x, `${path}.${k}`);
        }
      }
    };
    for (const { file, record } of records) walk(record, `${file}: ${str(record.id)}`);
    expect(problems).toEqual([]);
  });
});

describe('Popolo records', () => {
  const popolo = [
    { kind: 'person', list: people, required: ['id', 'name'] },
    { kind: 'organization', list: organizations, required: ['id', 'name', 'classification'] },
    { kind: 'membership', list: memberships, required: ['id', 'person_id', 'organization_id'] },
  ] as const;

  it('have their required fields', () => {
    for (const { kind, list, required } of popolo) {
      for (const r of list) {
        for (const field of required)
          expect(str(r[field]), `${kind} ${str(r.id)}: ${field}`).not.toBe('');
      }
    }
  });

  it('never state a gender, which the report does not give', () => {
    for (const p of people) expect(p.gender, str(p.id)).toBeUndefined();
  });

  it('classify organisations from the agreed list, and identify the ten parliaments by OCD country id', () => {
    for (const o of organizations) expect(CLASSIFICATIONS, str(o.id)).toContain(o.classification);
    const countries = organizations
      .filter((o) => o.classification === 'parliament' && o.parent_id === undefined)
      .flatMap((o) => recs(o.identifiers ?? [], `identifiers of ${str(o.id)}`))
      .filter((i) => i.scheme === 'ocd-division')
      .map((i) => str(i.identifier).replace('ocd-division/country:', ''));
    expect(countries.sort()).toEqual([...COUNTRIES].sort());
    for (const o of organizations) {
      for (const i of recs(o.identifiers ?? [], `identifiers of ${str(o.id)}`)) {
        if (i.scheme === 'ocd-division') expect(str(i.identifier), str(o.id)).toMatch(OCD_ID);
      }
    }
  });

  it('give memberships a status as of the programme', () => {
    for (const m of memberships) expect(['current', 'former'], str(m.id)).toContain(m.status);
  });

  describe('against the Popolo JSON Schemas (packages/store/test/popolo)', () => {
    const schemas = readdirSync(popoloDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => toDraft07(JSON.parse(readFileSync(join(popoloDir, f), 'utf8')) as unknown));
    const ajv = new Ajv({ allErrors: true });
    for (const s of schemas) ajv.addSchema(s);

    for (const { kind, list } of popolo) {
      it(`${kind}: only Popolo fields, plus ${TULAY_FIELDS[kind].join(', ')}`, () => {
        const schema = schemas.find(
          (s) => s.$id === `http://www.popoloproject.com/schemas/${kind}.json#`,
        );
        const allowed = new Set([
          ...Object.keys(rec(schema?.properties, kind)),
          ...TULAY_FIELDS[kind],
        ]);
        for (const r of list) {
          expect(
            Object.keys(r).filter((k) => !allowed.has(k)),
            `${kind} ${str(r.id)}`,
          ).toEqual([]);
        }
      });

      it(`${kind}: valid against ${kind}.json`, () => {
        const validate = ajv.getSchema(`http://www.popoloproject.com/schemas/${kind}.json#`);
        if (!validate) throw new Error(`no schema for ${kind}`);
        for (const r of list) {
          const popoloOnly = Object.fromEntries(
            Object.entries(r).filter(
              ([k]) => !(TULAY_FIELDS[kind] as readonly string[]).includes(k),
            ),
          );
          const ok = validate(popoloOnly);
          expect(ok ? [] : ajv.errorsText(validate.errors), `${kind} ${str(r.id)}`).toEqual([]);
        }
      });
    }
  });
});

/**
 * The Popolo schemas are JSON Schema draft-03, which no validator in the repository reads. The
 * differences they use are two: `id` for `$id`, and `required: true` on a property instead of a
 * `required` list on its object. This rewrites both, so Ajv (draft-07) can validate.
 */
function toDraft07(schema: unknown): Rec {
  const convert = (v: unknown, root: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => convert(x, false));
    if (!isRec(v)) return v;
    const out: Rec = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$schema') continue;
      if (root && k === 'id') out.$id = x;
      else if (k === 'properties' && isRec(x)) {
        const required: string[] = [];
        const props: Rec = {};
        for (const [name, prop] of Object.entries(x)) {
          if (!isRec(prop)) {
            props[name] = convert(prop, false);
            continue;
          }
          if (prop.required === true) required.push(name);
          props[name] = convert(
            Object.fromEntries(Object.entries(prop).filter(([key]) => key !== 'required')),
            false,
          );
        }
        out.properties = props;
        if (required.length > 0) out.required = required;
      } else out[k] = convert(x, false);
    }
    return out;
  };
  return rec(convert(schema, true), 'schema');
}

describe('faithful to the report', () => {
  it('has the counts the report gives', () => {
    const pp = rec(
      programmes.find((p) => p.id === 'phnom_penh_2011'),
      'phnom_penh_2011',
    );
    const participants = rec(pp.participants, 'participants');
    const countries = rec(participants.countries, 'countries');
    expect(participants.parliamentarians).toBe(26);
    expect(rec(countries.asean, 'asean').count).toBe(8);
    expect(rec(countries.south_asia, 'south_asia').count).toBe(2);
    expect([pp.start_date, pp.end_date]).toEqual(['2011-09-15', '2011-09-17']);
    expect(recs(pp.sessions, 'sessions')).toHaveLength(6);
    expect(programmes.map((p) => p.id)).toEqual([
      'manila_2007',
      'singapore_2008',
      'bangkok_2009',
      'hanoi_2010',
      'manila_2011_domestic_workers',
      'phnom_penh_2011',
    ]);
    expect(participants.named_person_ids).toEqual(people.map((p) => p.id));
  });

  it('has the six previous commitments and the six next steps, open', () => {
    const previous = commitments.filter((c) => c.kind === 'previous_commitment');
    const next = commitments.filter((c) => c.kind === 'follow_up_task');
    expect(previous).toHaveLength(6);
    expect(next).toHaveLength(6);
    expect(previous.length + next.length).toBe(commitments.length);
    for (const c of next) expect(c.status, str(c.id)).toBe('open');
  });

  it('has the five areas for action, the three groups and questions, no invented answers or picks', () => {
    expect(areas).toHaveLength(5);
    expect(recs(workshop.questions, 'questions')).toHaveLength(3);
    expect(groups).toHaveLength(3);
    // The report names no group member, records no answer and no individual pick.
    for (const g of groups)
      expect(Object.keys(g).filter((k) => /member|person/.test(k))).toEqual([]);
    expect(workshop.results_matrix).toBeNull();
    expect(workshop.answers).toBeUndefined();
    expect(workshop.priorities).toBeUndefined();
    expect(workshop.picks_recorded).toBe(false);
    for (const a of areas) expect(a.workshop_id, str(a.id)).toBe(workshop.id);
  });

  it('has the resolution (no full text) and the statement with its four calls', () => {
    const resolution = rec(
      texts.find((t) => t.id === 'resolution_caucus_2011'),
      'resolution',
    );
    const statement = rec(
      texts.find((t) => t.id === 'statement_cambodia_aipa_2011'),
      'statement',
    );
    expect(resolution.authoritative_language).toBe('en');
    expect(resolution.full_text).toBeNull();
    expect(statement.full_text).toBeNull();
    expect(recs(statement.calls, 'calls')).toHaveLength(4);
  });

  it('has the seven principles and nine barriers under the engine codes, and the seven spaces', () => {
    expect(principles.map((p) => p.id)).toEqual(PRINCIPLES);
    expect(barriers.map((b) => b.id)).toEqual(BARRIERS);
    expect(spaces).toHaveLength(7);
  });

  describe('against the report (docs/seed)', () => {
    const normalise = (s: string): string =>
      s
        .replace(/<\/?sup>/g, '')
        .replace(/\*/g, '')
        .replace(/\\\$/g, '$')
        .replace(/\s+/g, ' ')
        .trim();
    const raw = readFileSync(reportPath, 'utf8');
    const report = normalise(raw);
    const headings = new Set(
      raw
        .split('\n')
        .filter((l) => /^#+\s/.test(l) || /^\*+[^*].*\*+\s*$/.test(l.trim()))
        .map((l) => normalise(l.replace(/^#+/, ''))),
    );

    it('every source quote is verbatim in the report', () => {
      const missing = records
        .map(({ file, record }) => ({
          where: `${file}: ${str(record.id)}`,
          quote: normalise(str(rec(record.source, 'source').quote)),
        }))
        .filter(({ quote }) => !report.includes(quote));
      expect(missing).toEqual([]);
    });

    it('every source section names headings of the report', () => {
      const missing = records.flatMap(({ file, record }) =>
        str(rec(record.source, 'source').section)
          .split(' > ')
          .filter((part) => !headings.has(part))
          .map((part) => `${file}: ${str(record.id)}: ${part}`),
      );
      expect(missing).toEqual([]);
    });

    it('the verbatim texts (calls, questions, areas, spaces, principles, barriers) are in the report', () => {
      const verbatim = [
        ...recs(
          rec(
            texts.find((t) => t.id === 'statement_cambodia_aipa_2011'),
            'statement',
          ).calls,
          'calls',
        ).map((c) => c.text),
        ...recs(workshop.questions, 'questions').map((q) => q.text),
        ...areas.flatMap((a) => [a.title, a.description]),
        ...spaces.map((s) => s.description).filter((d) => d !== null),
        ...principles.map((p) => p.text),
        ...barriers.map((b) => b.text),
        ...waysToOvercome.map((w) => w.text),
        ...commitments.filter((c) => c.kind === 'previous_commitment').map((c) => c.text),
      ];
      expect(
        verbatim.map((t) => normalise(str(t))).filter((t) => t === '' || !report.includes(t)),
      ).toEqual([]);
    });
  });
});
