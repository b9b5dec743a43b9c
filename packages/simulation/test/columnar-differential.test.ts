import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase, Month, Reform } from '@tulay/engine';
import {
  ACTIVITIES,
  PERMITS,
  SECTORS,
  check,
  formatMonth,
  parseMonth,
  reformSchema,
} from '@tulay/engine';
import { loadKnowledge, readValidated } from '@tulay/knowledge/node';
import type { PopulationColumns } from '../src/columnar.ts';
import {
  allocateColumns,
  OUTCOME_FIELDS,
  compileCoverageKernel,
  countryIndex,
  profileOf,
} from '../src/columnar.ts';
import { coveredBy } from '../src/coverage-reference.ts';
import type { Laws } from '../src/evaluate-chunk.ts';
import { evaluateChunk, kernelOf } from '../src/evaluate-chunk.ts';
import { generatePopulation } from '../src/generate-population.ts';
import { compileLaws } from '../src/laws.ts';
import { simulate } from '../src/simulate.ts';

const AT = '2027-01';
const at = parseMonth(AT);
let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledge().kb;
});

function reformFile(name: string): Reform {
  const file = fileURLToPath(new URL(`../../../docs/examples/reforms/${name}`, import.meta.url));
  const r = readValidated(reformSchema, file);
  if (!r.value) throw new Error(`${name}: ${JSON.stringify(r.problems)}`);
  return r.value;
}

/**
 * A reform that touches what the shipped ones do not: a parameter, payment abroad, a changed and
 * a removed agreement, an agreement with the under-one-year rule between a state and a partner
 * country, an employer condition lifted, a permit list dropped, a rule turned voluntary.
 */
// A change that only amounts show: Thailand's contribution ceiling raised (amounts from earnings).
const CEILING_REFORM: Reform = reformSchema.parse({
  id: 'th-wage-ceiling',
  title: 'Thai social security wage ceiling raised to 20,000 baht',
  from: '2027-01',
  changes: [{ op: 'set_parameter', parameter: 'th.ssf.wage_ceiling', country: 'TH', value: 20000 }],
});

const EDGE_REFORM: Reform = reformSchema.parse({
  id: 'edge-cases',
  title: 'Edge cases for the differential test',
  from: '2027-01',
  changes: [
    { op: 'set_parameter', parameter: 'th.ssf.oa.min_months', country: 'TH', value: 24 },
    { op: 'set_parameter', parameter: 'ph.sss.oa.pension_age', country: 'PH', value: 40 },
    { op: 'set_paid_abroad', scheme: 'th.ssf.s33', branch: 'old_age', paidAbroad: 'yes' },
    { op: 'set_paid_abroad', scheme: 'ph.owwa', branch: 'survivors', paidAbroad: 'yes' },
    { op: 'remove_agreement', id: 'ph-gb-ssa' },
    {
      op: 'change_agreement',
      id: 'ph-dk-ssa',
      provisions: { minOwnMonths: 60 },
      branches: ['old_age', 'invalidity', 'survivors', 'employment_injury'],
    },
    { op: 'change_coverage', scheme: 'my.perkeso.eis', set: { employer: null } },
    { op: 'change_coverage', scheme: 'np.fewf', set: { permits: null, requiresDocuments: false } },
    { op: 'change_coverage', scheme: 'th.moph.hic', set: { membership: 'voluntary' } },
    {
      op: 'add_agreement',
      agreement: {
        id: 'id-my-jp-hypothetical',
        title: 'Hypothetical ID–MY–JP agreement',
        kind: 'multilateral_agreement',
        binding: true,
        parties: ['ID', 'MY', 'JP', 'TH', 'PH'],
        inForce: { from: '2027-01' },
        branches: ['old_age', 'invalidity', 'survivors', 'employment_injury', 'medical_care'],
        provisions: {
          equalTreatment: true,
          export: true,
          totalization: true,
          detachment: null,
          minOwnMonths: 24,
          administrativeAssistance: true,
        },
        source: 's',
        ref: 'test',
        verified: false,
        sources: { s: { title: 'test', url: 'https://example.org', kind: 'secondary' } },
      },
    },
  ],
});

/** Workers where the columnar path and the scalar engine disagree on any indicator, with the fields. */
function indicatorDisagreements(laws: Laws, c: PopulationColumns): string[] {
  const columnar = evaluateChunk(laws, c);
  const scalar = evaluateChunk(laws, c, { scalar: true });
  const bad: string[] = [];
  for (let w = 0; w < c.workers; w++) {
    const fields = OUTCOME_FIELDS.filter((f) => columnar[f][w] !== scalar[f][w]);
    if (fields.length > 0)
      bad.push(
        `worker ${w}: ${fields.map((f) => `${f} ${columnar[f][w]} ≠ ${scalar[f][w]}`).join(', ')} ${JSON.stringify(profileOf(c, w))}`,
      );
  }
  return bad;
}

/** Workers where the columnar coverage kernel and the scalar engine disagree on coverage by `scheme`. */
function disagreements(c: PopulationColumns, scheme: string): number[] {
  const s = kb.schemes.get(scheme);
  if (!s) throw new Error(`no scheme ${scheme}`);
  const kernel = compileCoverageKernel(s, at);
  if (!kernel.ok) throw new Error(kernel.reason);
  const out = new Uint8Array(c.workers);
  kernel.run(c, out);
  const bad: number[] = [];
  for (let w = 0; w < c.workers; w++) {
    const scalar = coveredBy(check(kb, profileOf(c, w), { at: AT, trace: false }), scheme, AT);
    if (scalar !== (out[w] === 1)) bad.push(w);
  }
  return bad;
}

// Destinations and origins of the knowledge base, partner-only countries (JP, KR, DK, GB) and
// countries without a package (US, BN).
const COUNTRIES = [
  'TH',
  'MY',
  'KH',
  'MM',
  'LA',
  'SG',
  'ID',
  'NP',
  'PH',
  'VN',
  'IN',
  'JP',
  'KR',
  'DK',
  'GB',
  'US',
  'BN',
];

// Months where the law changes (rules, branch versions, insuredFrom, agreements) and windows before
// the date: periods start and end around them, where an off-by-one would show.
const BOUNDARIES = [
  '1990-09',
  '1997-05',
  '1999-01',
  '2004-01',
  '2008-01',
  '2011-05',
  '2014-01',
  '2015-12',
  '2017-08',
  '2019-01',
  '2019-03',
  '2021-06',
  '2022-10',
  '2024-07',
  '2025-10',
].map(parseMonth);
// Insured months are bitsets of 32-month words over the worker's span: a period may also start
// 32·k ± 1 months before a boundary, where a word-edge mistake would show.
const month = fc.oneof(
  fc.integer({ min: at - 480, max: at + 6 }),
  fc
    .tuple(
      fc.constantFrom(...BOUNDARIES),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: -1, max: 1 }),
    )
    .map(([b, k, d]) => b - 32 * k + d),
  fc
    .constantFrom(...BOUNDARIES, at - 36, at - 24, at - 15, at - 12, at - 6, at)
    .chain((b) => fc.integer({ min: b - 2, max: b + 2 })),
);
const endMonth = fc.oneof(
  fc.integer({ min: 1, max: 180 }),
  fc.constantFrom(...BOUNDARIES, at).map((b) => ({ until: b })),
);

// Earnings: the currencies of the destinations and origins (and one no scheme uses), every unit,
// amounts around each scheme's ceilings.
const CURRENCIES = ['THB', 'MYR', 'SGD', 'PHP', 'IDR', 'KHR', 'MMK', 'USD'] as const;
const PER_CODES = { day: 1, week: 2, month: 3, year: 4 } as const;
const earningsOf = (currency: fc.Arbitrary<(typeof CURRENCIES)[number]>) =>
  fc.record({
    amount: fc.oneof(
      fc.constantFrom(350, 9000, 15000, 20000, 1_800_000),
      fc.double({ min: 1, max: 5_000_000, noNaN: true }),
    ),
    currency,
    per: fc.constantFrom('day', 'week', 'month', 'year'),
  });

const period = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  from: month,
  length: endMonth,
  activity: fc.integer({ min: 0, max: ACTIVITIES.length - 1 }),
  sector: fc.integer({ min: 0, max: SECTORS.length }),
  permit: fc.integer({ min: 0, max: PERMITS.length }),
  documented: fc.boolean(),
  insurance: fc.integer({ min: 0, max: 3 }),
  earnings: fc.option(earningsOf(fc.constantFrom(...CURRENCIES)), { nil: undefined, freq: 3 }),
});

const ORIGINS = ['MM', 'KH', 'LA', 'ID', 'NP', 'PH', 'VN', 'IN'];
const DESTINATIONS = ['TH', 'MY', 'SG', 'JP', 'KR', 'DK', 'PH', 'ID'];
const code = <T extends string>(list: readonly T[], xs: readonly T[]) =>
  fc.constantFrom(...xs.map((x) => list.indexOf(x)));
/** A plausible period of a migrant's history: mostly documented employment with the usual permits. */
const migrantPeriod = (home: string) =>
  fc.record({
    country: fc.oneof(fc.constantFrom(...DESTINATIONS), fc.constant(home)),
    from: month,
    length: endMonth,
    activity: fc.oneof(
      { arbitrary: code(ACTIVITIES, ['employed']), weight: 4 },
      { arbitrary: code(ACTIVITIES, ['domestic_worker', 'seafarer', 'self_employed']), weight: 1 },
    ),
    sector: fc
      .oneof(
        { arbitrary: code(SECTORS, ['manufacturing', 'construction', 'domestic_work']), weight: 3 },
        { arbitrary: fc.integer({ min: 0, max: SECTORS.length - 1 }), weight: 1 },
      )
      .map((s) => s + 1),
    permit: fc
      .oneof(
        {
          arbitrary: code(PERMITS, ['mou', 'work_permit', 'nationality_verified', 'labour_permit']),
          weight: 4,
        },
        { arbitrary: code(PERMITS, ['none', 'permanent_residence', 's_pass']), weight: 1 },
      )
      .map((p) => p + 1),
    documented: fc.oneof(
      { arbitrary: fc.constant(true), weight: 4 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
    insurance: fc.oneof(
      { arbitrary: fc.constant(0), weight: 4 },
      { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 2 },
    ),
    earnings: fc.option(earningsOf(fc.constantFrom('THB', 'MYR', 'SGD', 'IDR', 'PHP')), {
      nil: undefined,
      freq: 2,
    }),
  });

/** Arbitrary workers: every field the population table has, including the corners (no sector, no permit, no birth or sex, overlapping periods, periods after the date, earnings), and plausible migrants. */
const worker = fc.oneof(
  fc.record({
    nationality: fc.constantFrom(...COUNTRIES),
    birth: fc.option(fc.integer({ min: at - 80 * 12, max: at - 10 * 12 }), { nil: undefined }),
    sex: fc.integer({ min: 0, max: 3 }),
    periods: fc.array(period, { minLength: 0, maxLength: 6 }),
  }),
  fc.constantFrom(...ORIGINS).chain((home) =>
    fc.record({
      nationality: fc.constant(home),
      birth: fc.integer({ min: at - 70 * 12, max: at - 18 * 12 }),
      sex: fc.integer({ min: 1, max: 2 }),
      periods: fc.array(migrantPeriod(home), { minLength: 1, maxLength: 6 }),
    }),
  ),
);

type ArbitraryWorker = typeof worker extends fc.Arbitrary<infer T> ? T : never;

function columnsOf(ws: readonly ArbitraryWorker[]): PopulationColumns {
  const periods = ws.reduce((n, w) => n + w.periods.length, 0);
  const c = allocateColumns(ws.length, periods, ['', ...CURRENCIES]);
  let r = 0;
  ws.forEach((w, i) => {
    c.workerId[i] = i + 1;
    c.weight[i] = 1;
    c.nationality[i] = countryIndex(w.nationality);
    c.birth[i] = w.birth ?? -1;
    c.sex[i] = w.sex;
    c.firstPeriod[i] = r;
    for (const p of w.periods) {
      c.country[r] = countryIndex(p.country);
      c.from[r] = p.from;
      c.to[r] =
        typeof p.length === 'number' ? p.from + p.length - 1 : Math.max(p.from, p.length.until);
      c.activity[r] = p.activity;
      c.sector[r] = p.sector;
      c.permit[r] = p.permit;
      c.documented[r] = p.documented ? 1 : 0;
      c.insurance[r] = p.insurance;
      if (p.earnings !== undefined) {
        c.earnings[r] = p.earnings.amount;
        c.currency[r] = 1 + CURRENCIES.indexOf(p.earnings.currency);
        c.earningsPer[r] = PER_CODES[p.earnings.per];
      }
      r++;
    }
  });
  c.firstPeriod[ws.length] = r;
  return c;
}

describe('the columnar indicator kernel agrees with the scalar engine on every indicator', () => {
  const scenarios: [string, Reform | null, string][] = [
    ['baseline only, 2027-01', null, AT],
    ['baseline only, 2011-09', null, '2011-09'],
    ['ASEAN multilateral agreement', reformFile('asean-multilateral.yaml'), AT],
    ['Thailand covers domestic work', reformFile('th-domestic-work.yaml'), AT],
    ['TH–KH agreement', reformFile('th-kh-agreement.yaml'), AT],
    ['MY–ID agreement', reformFile('my-id-agreement.yaml'), AT],
    ['edge-case reform', EDGE_REFORM, AT],
    ['Thai wage ceiling raised (amounts from earnings)', CEILING_REFORM, AT],
  ];
  for (const [name, reform, date] of scenarios) {
    it(`on arbitrary workers: ${name} (property)`, () => {
      const laws = compileLaws({ reform, at: date });
      expect(kernelOf(laws).problem).toBeNull();
      fc.assert(
        fc.property(fc.array(worker, { minLength: 1, maxLength: 8 }), (ws) => {
          expect(indicatorDisagreements(laws, columnsOf(ws))).toEqual([]);
        }),
        { numRuns: 100 },
      );
    }, 120_000);
  }

  it("on histories shifted month by month across the law's edges (sweep)", () => {
    // Start or end of a plausible history moved over ±70 months around insuredFrom (1999-01,
    // 2004-01), the qualifying windows before the date and the under-one-year minimum: every
    // alignment of the bitsets' 32-month words and every window edge is met.
    const employed = {
      activity: ACTIVITIES.indexOf('employed'),
      sector: 1 + SECTORS.indexOf('manufacturing'),
      documented: true,
      insurance: 0,
      earnings: undefined,
    };
    const mou = { ...employed, permit: 1 + PERMITS.indexOf('mou') };
    const home = { ...employed, permit: 0 };
    const templates: ((d: number) => ArbitraryWorker)[] = [
      (d) => ({
        nationality: 'MM',
        birth: parseMonth('1975-05'),
        sex: 1,
        periods: [
          { ...mou, country: 'TH', from: parseMonth('1999-01') + d, length: { until: at } },
        ],
      }),
      (d) => ({
        nationality: 'KH',
        birth: parseMonth('1980-02'),
        sex: 2,
        periods: [
          { ...mou, country: 'TH', from: parseMonth('2004-01') + d, length: 40 },
          { ...mou, country: 'TH', from: at - 30, length: 10 + Math.abs(d % 20) },
        ],
      }),
      (d) => ({
        nationality: 'PH',
        birth: parseMonth('1970-09'),
        sex: 1,
        periods: [
          { ...home, country: 'PH', from: parseMonth('2001-01'), length: 120 + d },
          { ...mou, country: 'TH', from: parseMonth('2012-01') + d, length: { until: at } },
        ],
      }),
      (d) => ({
        nationality: 'ID',
        birth: parseMonth('1985-03'),
        sex: 1,
        periods: [
          { ...home, country: 'ID', from: parseMonth('2015-07'), length: 60 },
          { ...mou, country: 'MY', from: at - 12 + Math.trunc(d / 5), length: { until: at } },
        ],
      }),
      (d) => ({
        nationality: 'MM',
        birth: parseMonth('1990-01'),
        sex: 2,
        periods: [{ ...mou, country: 'TH', from: at - 100, length: 100 + Math.trunc(d / 2) - 30 }],
      }),
    ];
    const workers: ArbitraryWorker[] = [];
    for (const t of templates) for (let d = -70; d <= 70; d++) workers.push(t(d));
    const c = columnsOf(workers);
    for (const reform of [
      reformFile('asean-multilateral.yaml'),
      reformFile('th-domestic-work.yaml'),
      EDGE_REFORM,
    ])
      expect(indicatorDisagreements(compileLaws({ reform, at: AT }), c)).toEqual([]);
  }, 120_000);

  it('decides workers with earnings itself, with the amounts check() computes from them', () => {
    const laws = compileLaws({ reform: CEILING_REFORM, at: AT });
    // A Burmese worker five years in Thailand under Section 33. Raising the wage ceiling raises
    // her earnings-related benefits only if she earns above the old ceiling, in baht.
    const worker = (earnings: ArbitraryWorker['periods'][number]['earnings']): ArbitraryWorker => ({
      nationality: 'MM',
      birth: at - 360,
      sex: 1,
      periods: [
        {
          country: 'TH',
          from: at - 59,
          length: 60,
          activity: 0,
          sector: 1 + SECTORS.indexOf('manufacturing'),
          permit: 1 + PERMITS.indexOf('mou'),
          documented: true,
          insurance: 0,
          earnings,
        },
      ],
    });
    const c = columnsOf([
      worker(undefined),
      worker({ amount: 19000, currency: 'THB', per: 'month' }),
      worker({ amount: 900, currency: 'THB', per: 'day' }),
      worker({ amount: 12000, currency: 'THB', per: 'month' }),
      worker({ amount: 19000, currency: 'MYR', per: 'month' }),
    ]);
    const out = evaluateChunk(laws, c);
    expect(out.stats).toEqual({ columnar: 5, scalar: 0 });
    expect(indicatorDisagreements(laws, c)).toEqual([]);
    // Gains (bit 1) only above the old ceiling, in the scheme's currency.
    expect([...out.change]).toEqual([0, 1, 1, 0, 0]);
  });

  it('gives tulay simulate the same indicators as the scalar path, on threads or not', async () => {
    const run = (scalar: boolean, threads: number) =>
      simulate({
        population: { kind: 'generate', workers: 1_500, seed: 11 },
        reform: reformFile('asean-multilateral.yaml'),
        at: AT,
        threads,
        scalar,
        chunkSize: 400,
      });
    const columnar = await run(false, 0);
    expect(columnar.evaluated).toEqual({ columnar: 1_500, scalar: 0 });
    expect((await run(true, 0)).indicators).toEqual(columnar.indicators);
    expect((await run(false, 2)).indicators).toEqual(columnar.indicators);
  }, 120_000);

  const DIFFERENTIAL = Number(process.env.TULAY_DIFFERENTIAL_WORKERS ?? 100_000);
  it(`on ${DIFFERENTIAL.toLocaleString('en')} generated workers, baseline and the ASEAN reform (differential check)`, () => {
    const laws = compileLaws({ reform: reformFile('asean-multilateral.yaml'), at: AT });
    let checked = 0;
    let columnar = 0;
    for (const c of generatePopulation({ workers: DIFFERENTIAL, seed: 7, at, chunkSize: 10_000 })) {
      const bad = indicatorDisagreements(laws, c);
      expect(bad.slice(0, 5)).toEqual([]);
      columnar += evaluateChunk(laws, c).stats.columnar;
      checked += c.workers;
    }
    expect(checked).toBe(DIFFERENTIAL);
    // Generated workers have no earnings: the kernel decides every one of them.
    expect(columnar).toBe(DIFFERENTIAL);
  }, 1_200_000);
});

describe('the columnar coverage kernel agrees with the scalar engine', () => {
  it('on arbitrary workers, for the Thai schemes the kernel supports (property)', () => {
    const schemes = ['th.ssf.s33', 'th.wcf'].filter((id) => {
      const s = kb.schemes.get(id);
      return s !== undefined && compileCoverageKernel(s, at).ok;
    });
    expect(schemes).toContain('th.ssf.s33');
    fc.assert(
      fc.property(worker, (w) => {
        const c = columnsOf([w]);
        for (const id of schemes) expect(disagreements(c, id)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a month of the edge of the age band as the scalar engine does', () => {
    // Section 33 covers ages 15 to 60: born in 1966-01, the worker is 61 from 2027-01.
    const c = columnsOf([
      {
        nationality: 'MM',
        birth: parseMonth('1966-01'),
        sex: 0,
        periods: [
          {
            country: 'TH',
            from: at - 24,
            length: 30,
            activity: 0,
            sector: 1 + SECTORS.indexOf('manufacturing'),
            permit: 1 + PERMITS.indexOf('mou'),
            documented: true,
            insurance: 0,
            earnings: undefined,
          },
        ],
      },
    ]);
    expect(formatMonth((c.birth[0] ?? 0) as Month)).toBe('1966-01');
    expect(disagreements(c, 'th.ssf.s33')).toEqual([]);
  });
});
