// npm run bench:sim — one generated population, one eligibility rule (Thailand's Social Security
// Fund, Section 33: is the worker covered in the evaluation month?), five ways, in one run:
// the columnar kernel, the scalar engine, json-rules-engine, json-logic-engine (compiled) and
// DuckDB running hand-written SQL. Every way must count the same covered workers. Then the full
// indicator set (every scheme, branch and indicator, baseline and reform) by the columnar
// indicator kernel and by the scalar engine, checked to agree worker by worker. Last, reading the
// population back from CSV and Parquet both ways (canonical rows in DuckDB, every row as text).
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { LogicEngine } from 'json-logic-engine';
import { Engine } from 'json-rules-engine';
import { check, parseMonth, reformSchema } from '@tulay/engine';
import { loadKnowledge, readValidated } from '@tulay/knowledge/node';
import type { PopulationColumns } from '../src/columnar.ts';
import {
  ACTIVITIES,
  EARNINGS_PER,
  OUTCOME_FIELDS,
  PERMITS,
  SECTORS,
  compileCoverageKernel,
  countryAt,
  profileOf,
} from '../src/columnar.ts';
import { coveredBy } from '../src/coverage-reference.ts';
import { readPopulation, writePopulation } from '../src/duckdb-population.ts';
import { evaluateChunk } from '../src/evaluate-chunk.ts';
import { generatePopulation } from '../src/generate-population.ts';
import { compileLaws } from '../src/laws.ts';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 200_000);
const SCALAR = Math.min(WORKERS, Number(process.env.BENCH_SCALAR_WORKERS ?? 5_000));
const RULES = Math.min(WORKERS, Number(process.env.BENCH_RULES_WORKERS ?? 50_000));
const AT = '2027-01';
const at = parseMonth(AT);
const SCHEME = 'th.ssf.s33';

const kb = loadKnowledge().kb;
const scheme = kb.schemes.get(SCHEME);
if (!scheme) throw new Error(`no scheme ${SCHEME}`);
const rule = scheme.coverage.find((r) => r.from <= at && (r.to === null || at <= r.to))?.rule;
if (!rule) throw new Error('no rule in force');

const chunks: PopulationColumns[] = [...generatePopulation({ workers: WORKERS, seed: 2011, at })];

/** The facts of one worker the rule engines read: the period in Thailand in the month, if any. */
interface Facts {
  inThailandNow: boolean;
  nationality: string;
  age: number;
  documented: boolean;
  permit: string;
  activity: string;
  sector: string;
}
const facts: Facts[] = [];
for (const c of chunks)
  for (let w = 0; w < c.workers && facts.length < RULES; w++) {
    const end = c.firstPeriod[w + 1] ?? 0;
    let row = -1;
    for (let r = c.firstPeriod[w] ?? 0; r < end; r++)
      if (countryAt(c.country[r] ?? 0) === 'TH' && (c.from[r] ?? 0) <= at && at <= (c.to[r] ?? 0))
        row = r;
    const birth = c.birth[w] ?? -1;
    facts.push({
      inThailandNow: row >= 0,
      nationality: countryAt(c.nationality[w] ?? 0),
      age: birth < 0 ? -1 : Math.floor((at - birth) / 12),
      documented: row >= 0 && c.documented[row] === 1,
      permit: row < 0 ? '' : (PERMITS[(c.permit[row] ?? 0) - 1] ?? ''),
      activity: row < 0 ? '' : (ACTIVITIES[c.activity[row] ?? 0] ?? ''),
      sector: row < 0 ? '' : (SECTORS[(c.sector[row] ?? 0) - 1] ?? ''),
    });
  }
const permits = rule.permits ?? [];
const activities = rule.activities?.only ?? [];
const excluded = rule.sectors?.except ?? [];
const ageMin = rule.age?.min ?? 0;
const ageMax = rule.age?.max ?? 200;

interface Row {
  readonly name: string;
  readonly workers: number;
  /** Workers covered by the one rule; null for the full indicator set. */
  readonly covered: number | null;
  readonly seconds: number;
  readonly note: string;
}
const rows: Row[] = [];
const time = async (
  name: string,
  workers: number,
  note: string,
  run: () => number | null | Promise<number | null>,
) => {
  const t = performance.now();
  const covered = await run();
  rows.push({ name, workers, covered, seconds: (performance.now() - t) / 1000, note });
};

// 1. Columnar kernel over typed arrays.
const kernel = compileCoverageKernel(scheme, at);
if (!kernel.ok) throw new Error(kernel.reason);
const kernelOut: Uint8Array[] = [];
await time('tulay columnar kernel', WORKERS, 'typed arrays, one thread', () => {
  let n = 0;
  for (const c of chunks) {
    const out = new Uint8Array(c.workers);
    kernel.run(c, out);
    kernelOut.push(out);
    for (let w = 0; w < c.workers; w++) n += out[w] ?? 0;
  }
  return n;
});
/** Workers the columnar kernel covers among the first `n`: what every other way must count. */
const kernelCount = (n: number) => {
  let count = 0;
  let seen = 0;
  for (const out of kernelOut)
    for (let w = 0; w < out.length && seen < n; w++, seen++) count += out[w] ?? 0;
  return count;
};

// 2. Scalar engine: the full check() per worker (every scheme and branch), trace off.
await time(
  'tulay scalar check()',
  SCALAR,
  'full check of every scheme, trace off; first workers only',
  () => {
    let n = 0;
    let done = 0;
    for (const c of chunks)
      for (let w = 0; w < c.workers && done < SCALAR; w++, done++)
        if (coveredBy(check(kb, profileOf(c, w), { at: AT, trace: false }), SCHEME, AT)) n++;
    return n;
  },
);

// 3. json-rules-engine, the same rule as conditions over prepared facts.
const rulesEngine = new Engine([], { allowUndefinedFacts: true });
rulesEngine.addRule({
  conditions: {
    all: [
      { fact: 'inThailandNow', operator: 'equal', value: true },
      { fact: 'documented', operator: 'equal', value: true },
      {
        any: [
          { fact: 'nationality', operator: 'equal', value: 'TH' },
          { fact: 'permit', operator: 'in', value: permits },
        ],
      },
      { fact: 'activity', operator: 'in', value: activities },
      { fact: 'sector', operator: 'notIn', value: [...excluded, ''] },
      { fact: 'age', operator: 'greaterThanInclusive', value: ageMin },
      { fact: 'age', operator: 'lessThanInclusive', value: ageMax },
    ],
  },
  event: { type: 'covered' },
});
await time(
  'json-rules-engine 7.3.1',
  facts.length,
  'awaited one worker at a time; facts prepared outside the timing',
  async () => {
    let n = 0;
    for (const f of facts) {
      const r = await rulesEngine.run(f);
      if (r.events.length > 0) n++;
    }
    return n;
  },
);

// 4. json-logic-engine, the same rule compiled to a function.
const logic = new LogicEngine();
const compiled = logic.build({
  and: [
    { '==': [{ var: 'inThailandNow' }, true] },
    { '==': [{ var: 'documented' }, true] },
    { or: [{ '==': [{ var: 'nationality' }, 'TH'] }, { in: [{ var: 'permit' }, permits] }] },
    { in: [{ var: 'activity' }, activities] },
    { '!': { in: [{ var: 'sector' }, [...excluded, '']] } },
    { '>=': [{ var: 'age' }, ageMin] },
    { '<=': [{ var: 'age' }, ageMax] },
  ],
}) as (data: unknown) => unknown;
await time(
  'json-logic-engine 5.0.7 (compiled)',
  facts.length,
  'built once; facts prepared outside the timing',
  () => {
    let n = 0;
    for (const f of facts) if (compiled(f)) n++;
    return n;
  },
);

// 5. DuckDB: the population as a table, the rule as hand-written SQL.
const file = `/tmp/tulay-bench-sim-${process.pid}.parquet`;
await writePopulation(chunks, file);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`CREATE TABLE p AS SELECT * FROM read_parquet('${file}')`);
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
await time('DuckDB 1.5.6 SQL', WORKERS, 'table loaded before the timing; all cores', async () => {
  const r = await db.runAndReadAll(`
    SELECT count(DISTINCT worker_id) FROM p
    WHERE country = 'TH' AND period_from <= '${AT}' AND period_to >= '${AT}'
      AND documented AND (nationality = 'TH' OR permit IN (${list(permits)}))
      AND activity IN (${list(activities)}) AND sector IS NOT NULL AND sector NOT IN (${list(excluded)})
      AND birth IS NOT NULL
      AND '${AT}' >= strftime(CAST(birth || '-01' AS DATE) + INTERVAL (${ageMin * 12}) MONTH, '%Y-%m')
      AND '${AT}' <= strftime(CAST(birth || '-01' AS DATE) + INTERVAL (${(ageMax + 1) * 12 - 1}) MONTH, '%Y-%m')`);
  return Number(r.getRows()[0]?.[0] ?? 0);
});
db.closeSync();
instance.closeSync();

// 6. The full indicator set, baseline and the ASEAN reform, one thread: the columnar indicator
// kernel, then the scalar engine on the first workers; both must agree on every worker.
const reformFile = new URL(
  '../../../docs/examples/reforms/asean-multilateral.yaml',
  import.meta.url,
);
const reform = readValidated(reformSchema, reformFile.pathname).value;
if (!reform) throw new Error('the ASEAN reform does not read');
const baselineLaws = compileLaws({ reform: null, at: AT });
const reformLaws = compileLaws({ reform, at: AT });
evaluateChunk(baselineLaws, chunks[0] as PopulationColumns);
evaluateChunk(reformLaws, chunks[0] as PopulationColumns);
await time(
  'tulay columnar indicators, baseline',
  WORKERS,
  'every scheme, branch and indicator; one thread',
  () => {
    for (const c of chunks) evaluateChunk(baselineLaws, c);
    return null;
  },
);
const kernelOutcomes: ReturnType<typeof evaluateChunk>[] = [];
await time(
  'tulay columnar indicators, baseline + reform',
  WORKERS,
  'ASEAN reform, with gainers and barriers; one thread',
  () => {
    for (const c of chunks) kernelOutcomes.push(evaluateChunk(reformLaws, c));
    return null;
  },
);
const SCALAR_INDICATORS = Math.min(WORKERS, Number(process.env.BENCH_SCALAR_INDICATORS ?? 2_000));
let indicatorMismatches = 0;
/** Times the scalar engine on the first workers of `population`; counts where it and the kernel's `kernelOutcomes` differ. */
async function scalarIndicators(
  name: string,
  population: readonly PopulationColumns[],
  kernelOutcomes: readonly ReturnType<typeof evaluateChunk>[],
): Promise<void> {
  await time(
    name,
    SCALAR_INDICATORS,
    'the same indicators from check() + diffResults(); first workers',
    () => {
      let done = 0;
      for (const [i, c] of population.entries()) {
        if (done >= SCALAR_INDICATORS) break;
        const part: PopulationColumns = {
          ...c,
          workers: Math.min(c.workers, SCALAR_INDICATORS - done),
        };
        const scalar = evaluateChunk(reformLaws, part, { scalar: true });
        const kernelPart = kernelOutcomes[i];
        for (let w = 0; w < part.workers; w++)
          for (const f of OUTCOME_FIELDS)
            if (kernelPart?.[f][w] !== scalar[f][w]) indicatorMismatches++;
        done += part.workers;
      }
      return null;
    },
  );
}
await scalarIndicators('tulay scalar check(), baseline + reform', chunks, kernelOutcomes);

// 7. The same workers with monthly earnings in every period, in the destination's currency (a
// labour-force survey's extract would have them): amounts from earnings — pensions, earnings
// replacement, refunds at a rate, their pro-rata — are computed by the kernel too.
const CURRENCY: Readonly<Record<string, string>> = { TH: 'THB', MY: 'MYR', SG: 'SGD' };
const currencies = ['', ...new Set(Object.values(CURRENCY))];
const withEarnings = chunks.map((c): PopulationColumns => {
  const e: PopulationColumns = {
    ...c,
    earnings: new Float64Array(c.periods),
    currency: new Uint16Array(c.periods),
    earningsPer: new Uint8Array(c.periods).fill(EARNINGS_PER.indexOf('month')),
    currencies,
  };
  for (let r = 0; r < c.periods; r++) {
    const code = CURRENCY[countryAt(c.country[r] ?? 0)];
    // 8,000–23,000 a month, above and below the ceilings; nothing known elsewhere.
    e.earnings[r] = code === undefined ? Number.NaN : 8_000 + ((r * 7919) % 15_000);
    e.currency[r] = code === undefined ? 0 : currencies.indexOf(code);
  }
  return e;
});
evaluateChunk(reformLaws, withEarnings[0] as PopulationColumns);
const earningsOutcomes: ReturnType<typeof evaluateChunk>[] = [];
await time(
  'tulay columnar indicators, + earnings',
  WORKERS,
  'baseline + ASEAN reform, amounts from earnings; one thread',
  () => {
    for (const c of withEarnings) earningsOutcomes.push(evaluateChunk(reformLaws, c));
    return null;
  },
);
await scalarIndicators('tulay scalar check(), + earnings', withEarnings, earningsOutcomes);

// 8. Reading a population file back (the upload and --population path): rows in canonical form
// converted by DuckDB, against validating every row's text (the reference); both must give the
// same columns.
const csvFile = `/tmp/tulay-bench-sim-${process.pid}.csv`;
await writePopulation(chunks, csvFile);
/** A checksum of every column of every chunk read. */
const readDigest = new Map<string, number>();
for (const [format, path] of [
  ['CSV', csvFile],
  ['Parquet', file],
] as const)
  for (const canonical of [true, false])
    await time(
      `read ${format}, ${canonical ? 'canonical in DuckDB' : 'every row as text'}`,
      WORKERS,
      canonical ? 'readPopulation(); the rest as text' : 'the reference path',
      async () => {
        let digest = 0;
        for await (const c of readPopulation(path, 20_000, { canonical }))
          for (const column of [c.workerId, c.weight, c.birth, c.from, c.to, c.sector, c.permit])
            for (let i = 0; i < column.length; i++)
              digest = (digest * 31 + (column[i] ?? 0)) % 2_147_483_647;
        readDigest.set(`${format} ${canonical}`, digest);
        return null;
      },
    );
rmSync(csvFile, { force: true });
rmSync(file, { force: true });
const readMismatch = ['CSV', 'Parquet'].some(
  (f) => readDigest.get(`${f} true`) !== readDigest.get(`${f} false`),
);

const rate = (r: Row) => r.workers / r.seconds;
const columnar = rows[0] ? rate(rows[0]) : 1;
console.log(
  `Simulation benchmark: ${WORKERS.toLocaleString('en')} generated workers (seed 2011), rule: ${SCHEME} covers the worker in ${AT}; Node ${process.version}\n`,
);
console.log(
  'way                                            workers   covered   workers/s   columnar is   note',
);
for (const r of rows)
  console.log(
    `${r.name.padEnd(44)} ${r.workers.toLocaleString('en').padStart(9)} ${(r.covered === null ? '—' : r.covered.toLocaleString('en')).padStart(9)} ${Math.round(rate(r)).toLocaleString('en').padStart(11)}   ${(columnar / rate(r)).toFixed(1).padStart(8)}×    ${r.note}`,
  );
const mismatches = rows.filter((r) => r.covered !== null && r.covered !== kernelCount(r.workers));
for (const r of mismatches)
  console.log(
    `MISMATCH: ${r.name} counts ${r.covered}; the kernel ${kernelCount(r.workers)} on the same workers.`,
  );
console.log(
  mismatches.length === 0
    ? '\nEvery way counts the same covered workers on the workers it saw.'
    : '\nThe ways disagree: the figures above are not comparable.',
);
console.log(
  indicatorMismatches === 0
    ? `The columnar indicator kernel and check() agree on every indicator of the first ${SCALAR_INDICATORS.toLocaleString('en')} workers.`
    : `INDICATOR MISMATCH: ${indicatorMismatches} indicator values differ between the columnar kernel and check().`,
);
console.log(
  readMismatch
    ? 'READ MISMATCH: reading canonical rows in DuckDB and every row as text give different columns.'
    : 'Reading a file both ways gives the same columns (CSV and Parquet).',
);
if (mismatches.length > 0 || indicatorMismatches > 0 || readMismatch) process.exitCode = 1;
