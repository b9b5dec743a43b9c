// Reading a population converts the rows whose every value is canonical in DuckDB and reads no
// text for them; every other row is validated as text. The two must agree on every row: same
// columns, same problems (row, column, message). Checked here against the text path alone, on
// arbitrary files mixing canonical values with every kind of odd one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMonth } from '@tulay/engine';
import type { PopulationColumns } from '../src/columnar.ts';
import { ACTIVITIES, PERMITS, SECTORS } from '../src/columnar.ts';
import type { ReadOptions } from '../src/duckdb-population.ts';
import { PopulationError, readPopulation, writePopulation } from '../src/duckdb-population.ts';
import { generatePopulation } from '../src/generate-population.ts';
import { ChunkBuilder, POPULATION_COLUMNS } from '../src/population-schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'tulay-read-'));
let files = 0;

type Result = { chunks: PopulationColumns[] } | { problems: unknown };

/** The chunks read, or the problems found. */
async function read(file: string, options: ReadOptions): Promise<{ result: Result }> {
  const chunks: PopulationColumns[] = [];
  try {
    for await (const c of readPopulation(file, 3, options)) chunks.push(c);
    return { result: { chunks } };
  } catch (e) {
    if (e instanceof PopulationError) return { result: { problems: e.problems } };
    throw e;
  }
}

/**
 * A value of a column: canonical values, and odd ones (which the text path must judge). Three
 * rows in four draw canonical values only, so that both paths and their meeting (a worker's rows read
 * one way and the other) are common.
 */
const column = (canonical: readonly string[], odd: readonly string[]) => ({
  clean: fc.constantFrom(...canonical),
  mixed: fc.constantFrom(...canonical, ...odd),
});
const either = <T>(clean: fc.Arbitrary<T>, mixed: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: clean, weight: 3 }, { arbitrary: mixed, weight: 1 });

const W = {
  weight: column(
    ['1', '2', '959200.0', '0.5', '1.5'],
    [
      '.5',
      '5.',
      '1e2',
      '1.50',
      '0',
      '-1',
      'abc',
      '0x10',
      'Infinity',
      '',
      '1e400',
      '12345678901234567',
    ],
  ),
  birth: column(['1990-01', '1985-12', ''], ['1990-1', '1990-01-15', '1990-02-30', 'abcd']),
  sex: column(['female', 'male', 'other', ''], ['Female', 'x']),
  nationality: column(['KH', 'TH', 'MM', 'XA'], ['kh', 'ZZ', '']),
};
const workerFields = either(
  fc.record({
    weight: W.weight.clean,
    birth: W.birth.clean,
    sex: W.sex.clean,
    nationality: W.nationality.clean,
  }),
  fc.record({
    weight: W.weight.mixed,
    birth: W.birth.mixed,
    sex: W.sex.mixed,
    nationality: W.nationality.mixed,
  }),
);

const P = {
  country: column(['TH', 'MY', 'KH', 'SG', 'XB'], ['th', '']),
  from: column(['2019-01', '2020-06'], ['2021-12', '2020-13', '2020-1', '']),
  to: column(['2020-06', '2021-12', '2026-12'], ['2019-06', '2020-00', '']),
  activity: column(ACTIVITIES, ['Employed', '']),
  sector: column(['', ...SECTORS.slice(0, 4)], ['mines']),
  documented: column(['true', 'false', 'TRUE', 'False'], ['yes', '']),
  permit: column(['', ...PERMITS.slice(0, 3)], ['bogus']),
  insurance: column(['', 'unknown', 'compulsory', 'voluntary', 'none'], ['x']),
  earnings: column(['', '', '1000', '1000.5', '12000'], ['-5', 'abc', '1e3']),
  currency: column(['THB', 'MYR'], ['', 'thb', 'TH']),
  per: column(['month', 'day', 'week', 'year'], ['', 'Month']),
};
const period = either(
  fc.record(
    Object.fromEntries(Object.entries(P).map(([k, v]) => [k, v.clean])) as {
      [K in keyof typeof P]: fc.Arbitrary<string>;
    },
  ),
  fc.record(
    Object.fromEntries(Object.entries(P).map(([k, v]) => [k, v.mixed])) as {
      [K in keyof typeof P]: fc.Arbitrary<string>;
    },
  ),
);

/** How a worker id is written: canonical, or an odd spelling of the same number. */
const idText = (id: number, how: number) =>
  how === 0 ? `0${id}` : how === 1 ? ` ${id} ` : how === 2 ? `${id}.0` : String(id);

const worker = fc.record({
  fields: workerFields,
  /** Another spelling of the weight on later rows, sometimes. */
  laterWeight: fc.option(fc.constantFrom('1', '1.0', '2', '959200', '959200.0'), { freq: 6 }),
  idHow: fc.nat(12),
  periods: fc.array(period, { minLength: 1, maxLength: 3 }),
});

type Worker = typeof worker extends fc.Arbitrary<infer T> ? T : never;

function csv(workers: readonly Worker[], repeat: boolean): string {
  const lines = [POPULATION_COLUMNS.map((c) => c.name).join(',')];
  const ids = workers.map((_, i) => i + 1);
  // Sometimes a worker's rows come back after other workers (a scattered worker).
  if (repeat && ids.length > 2) ids[ids.length - 1] = 1;
  workers.forEach((w, i) => {
    const id = ids[i] ?? 0;
    w.periods.forEach((p, r) => {
      const weight = r > 0 && w.laterWeight !== null ? w.laterWeight : w.fields.weight;
      lines.push(
        [
          idText(id, w.idHow),
          weight,
          w.fields.birth,
          w.fields.sex,
          w.fields.nationality,
          p.country,
          p.from,
          p.to,
          p.activity,
          p.sector,
          p.documented,
          p.permit,
          p.insurance,
          p.earnings,
          p.currency,
          p.per,
        ].join(','),
      );
    });
  });
  return `${lines.join('\n')}\n`;
}

describe('reading a population: canonical rows converted in DuckDB, the rest as text', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('agrees with reading every row as text, on arbitrary files', async () => {
    let rowsCanonical = 0;
    let rowsRead = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(worker, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (workers, repeat) => {
          const file = join(dir, `p${files++}.csv`);
          writeFileSync(file, csv(workers, repeat));
          const canonical = vi.spyOn(ChunkBuilder.prototype, 'addCanonical');
          const asText = vi.spyOn(ChunkBuilder.prototype, 'add');
          const fast = await read(file, {});
          rowsCanonical += canonical.mock.calls.length;
          rowsRead += canonical.mock.calls.length + asText.mock.calls.length;
          vi.restoreAllMocks();
          const text = await read(file, { canonical: false });
          expect(fast.result).toEqual(text.result);
        },
      ),
      { numRuns: 80 },
    );
    // Both ways were taken often: the comparison is not of one path with itself.
    expect(rowsCanonical).toBeGreaterThan(rowsRead / 5);
    expect(rowsCanonical).toBeLessThan((rowsRead * 4) / 5);
  }, 120_000);

  it('reads canonical rows without their text, and gives the same columns', async () => {
    const file = join(dir, 'generated.csv');
    const generated = [...generatePopulation({ workers: 400, seed: 9, at: parseMonth('2027-01') })];
    const rows = await writePopulation(generated, file);
    const canonical = vi.spyOn(ChunkBuilder.prototype, 'addCanonical');
    const asText = vi.spyOn(ChunkBuilder.prototype, 'add');
    const fast = await read(file, {});
    expect(canonical).toHaveBeenCalledTimes(rows);
    expect(asText).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(fast.result).toEqual((await read(file, { canonical: false })).result);
  });

  it('reports a worker whose rows write the same weight two ways, as the text path does', async () => {
    const file = join(dir, 'weights.csv');
    const row = (weight: string) =>
      `1,${weight},1990-01,female,KH,TH,2020-01,2021-01,employed,,true,,,,,`;
    writeFileSync(
      file,
      `${POPULATION_COLUMNS.map((c) => c.name).join(',')}\n${['1', '1.0', '1'].map(row).join('\n')}\n`,
    );
    for (const options of [{}, { canonical: false }])
      expect((await read(file, options)).result).toEqual({
        problems: [
          { row: 2, column: 'weight', message: 'differs from the worker\'s first row ("1")' },
        ],
      });
  });

  it('names a scattered worker at the row where it comes back, however many workers came between', async () => {
    const file = join(dir, 'scattered.csv');
    const row = (id: number) => `${id},1,1990-01,female,KH,TH,2020-01,2021-01,employed,,true,,,,,`;
    const body = [1, 2, 3, 4, 5, 6, 7, 2, 8].map(row).join('\n');
    writeFileSync(file, `${POPULATION_COLUMNS.map((c) => c.name).join(',')}\n${body}\n`);
    for (const options of [{}, { canonical: false }])
      expect((await read(file, options)).result).toEqual({
        problems: [
          {
            row: 8,
            column: 'worker_id',
            message:
              'worker 2 appears again after other workers: the rows of a worker must be together',
          },
        ],
      });
  });
});
