import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMonth, reformSchema } from '@tulay/engine';
import type { PopulationColumns } from '../src/columnar.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  PopulationError,
  openTableWriter,
  readPopulation,
  writePopulation,
} from '../src/duckdb-population.ts';
import { generatePopulation } from '../src/generate-population.ts';
import { simulate } from '../src/simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'tulay-sim-'));
const at = parseMonth('2027-01');

async function readAll(file: string): Promise<PopulationColumns[]> {
  const out: PopulationColumns[] = [];
  for await (const c of readPopulation(file, 100)) out.push(c);
  return out;
}

describe('the synthetic generator', () => {
  it('gives the same population for the same seed, and another for another seed', () => {
    const a = [...generatePopulation({ workers: 500, seed: 3, at })];
    const b = [...generatePopulation({ workers: 500, seed: 3, at })];
    const c = [...generatePopulation({ workers: 500, seed: 4, at })];
    expect(a[0]?.country).toEqual(b[0]?.country);
    expect(a[0]?.from).toEqual(b[0]?.from);
    expect(a[0]?.from).not.toEqual(c[0]?.from);
  });

  it('streams chunks of the asked size, every worker abroad in the evaluation month', () => {
    const chunks = [...generatePopulation({ workers: 2_500, seed: 1, at, chunkSize: 1_000 })];
    expect(chunks.map((c) => c.workers)).toEqual([1_000, 1_000, 500]);
    for (const c of chunks)
      for (let w = 0; w < c.workers; w++) {
        const last = (c.firstPeriod[w + 1] ?? 0) - 1;
        expect(c.to[last]).toBe(at);
        expect(c.country[last]).not.toBe(c.nationality[w]);
      }
  });
});

describe('population files', () => {
  it.each(['parquet', 'csv'])('round-trip through %s', async (ext) => {
    const file = join(dir, `pop.${ext}`);
    const generated = [...generatePopulation({ workers: 300, seed: 5, at })];
    const rows = await writePopulation(generated, file);
    const read = await readAll(file);
    expect(read.reduce((s, c) => s + c.periods, 0)).toBe(rows);
    expect(read.reduce((s, c) => s + c.workers, 0)).toBe(300);
    const first = read[0];
    expect(first?.from.slice(0, 5)).toEqual(generated[0]?.from.slice(0, 5));
    expect(first?.sector.slice(0, 5)).toEqual(generated[0]?.sector.slice(0, 5));
  });

  it.each(['parquet', 'csv'])(
    'writes a %s table in parts on disk, every row once and in order, and removes the parts',
    async (ext) => {
      const file = join(dir, `parts.${ext}`);
      const parts = join(dir, `.parts.${ext}.parts`);
      const t = await openTableWriter(
        file,
        [
          { name: 'id', sql: 'BIGINT' },
          { name: 'name', sql: 'VARCHAR' },
        ],
        { partRows: 7 },
      );
      let sawParts = false;
      for (let i = 1; i <= 50; i++) {
        t.append([i, `w${i}`]);
        if (i % 5 === 0) {
          await t.checkpoint();
          sawParts ||= existsSync(parts);
        }
      }
      expect(sawParts).toBe(true);
      expect(await t.finish()).toBe(50);
      expect(existsSync(parts)).toBe(false);
      const instance = await DuckDBInstance.create(':memory:');
      const db = await instance.connect();
      const source = ext === 'csv' ? `read_csv('${file}', header = true)` : `'${file}'`;
      const rows = (await db.runAndReadAll(`SELECT id, name FROM ${source}`)).getRows();
      db.closeSync();
      instance.closeSync();
      expect(rows.map(([id, name]) => `${String(id)}:${String(name)}`)).toEqual(
        Array.from({ length: 50 }, (_, i) => `${i + 1}:w${i + 1}`),
      );
    },
  );

  it('leaves no file and no parts when a run is abandoned', async () => {
    const file = join(dir, 'abandoned.parquet');
    const t = await openTableWriter(file, [{ name: 'id', sql: 'BIGINT' }], { partRows: 2 });
    for (let i = 0; i < 5; i++) t.append([i]);
    await t.checkpoint();
    expect(existsSync(join(dir, '.abandoned.parquet.parts'))).toBe(true);
    t.abort();
    expect(existsSync(join(dir, '.abandoned.parquet.parts'))).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  const HEADER =
    'worker_id,weight,birth,sex,nationality,country,period_from,period_to,activity,sector,documented,permit,insurance,earnings,currency,earnings_per';

  it.each([
    [
      'a bad country',
      '1,1,1990-01,female,KH,XX9,2020-01,2021-01,employed,,true,mou,,,,',
      'row 1, column country',
    ],
    [
      'a period ending before it starts',
      '1,1,1990-01,female,KH,TH,2021-01,2020-01,employed,,true,mou,,,,',
      'row 1, column period_to',
    ],
    [
      'an unknown sector',
      '1,1,1990-01,female,KH,TH,2020-01,2021-01,employed,mines,true,mou,,,,',
      'row 1, column sector',
    ],
    [
      'a weight of 0',
      '1,0,1990-01,female,KH,TH,2020-01,2021-01,employed,,true,mou,,,,',
      'row 1, column weight',
    ],
    [
      'documented not a boolean',
      '1,1,1990-01,female,KH,TH,2020-01,2021-01,employed,,maybe,mou,,,,',
      'row 1, column documented',
    ],
  ])('reject %s, naming the row and column', async (_, line, where) => {
    const file = join(dir, `bad-${where.replaceAll(/\W/g, '')}.csv`);
    writeFileSync(file, `${HEADER}\n${line}\n`);
    const error = await readAll(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PopulationError);
    const p = (error as PopulationError).problems[0];
    expect(`row ${p?.row}, column ${p?.column}`).toBe(where);
  });

  it('rejects a worker whose rows are not together', async () => {
    const file = join(dir, 'scattered.csv');
    const row = (id: number) =>
      `${id},1,1990-01,female,KH,TH,2020-01,2021-01,employed,,true,mou,,,,`;
    writeFileSync(file, `${HEADER}\n${row(1)}\n${row(2)}\n${row(1)}\n`);
    await expect(readAll(file)).rejects.toMatchObject({
      problems: [{ row: 3, column: 'worker_id' }],
    });
  });

  it('rejects unknown and missing columns', async () => {
    const file = join(dir, 'columns.csv');
    writeFileSync(file, 'worker_id,colour\n1,red\n');
    await expect(readAll(file)).rejects.toMatchObject({
      problems: expect.arrayContaining([
        {
          row: 0,
          column: 'colour',
          message: expect.stringContaining('not a population column') as unknown,
        },
        { row: 0, column: 'weight', message: 'is required and missing' },
      ]) as unknown,
    });
  });
});

describe('simulate', () => {
  const reform = reformSchema.parse({
    id: 'th-kh',
    title: 'TH–KH agreement',
    from: '2027-01',
    changes: [
      {
        op: 'add_agreement',
        agreement: {
          id: 'th-kh-test',
          title: 'TH–KH test agreement',
          kind: 'social_security_agreement',
          binding: true,
          parties: ['TH', 'KH'],
          inForce: { from: '2027-01' },
          branches: ['old_age', 'invalidity', 'survivors'],
          provisions: {
            equalTreatment: true,
            export: true,
            totalization: true,
            detachment: null,
            minOwnMonths: null,
            administrativeAssistance: true,
          },
          source: 'x',
          ref: 'test',
          verified: false,
          sources: { x: { title: 'test', url: 'https://example.org', kind: 'secondary' } },
        },
      },
    ],
  });

  it('gives the same indicators in this thread and on worker threads', async () => {
    const run = (threads: number) =>
      simulate({
        population: { kind: 'generate', workers: 400, seed: 9 },
        reform,
        at: '2027-01',
        threads,
        chunkSize: 100,
      });
    const [inline, pooled] = await Promise.all([run(0), run(2)]);
    expect(pooled.indicators).toEqual(inline.indicators);
  }, 120_000);

  it('shows a TH–KH agreement helping Cambodians in Thailand and nobody else', async () => {
    const s = await simulate({
      population: { kind: 'generate', workers: 600, seed: 11 },
      reform,
      at: '2027-01',
      threads: 0,
      outDir: join(dir, 'out'),
    });
    const gainers = (group: string) =>
      s.indicators.find(
        (r) => r.dimension === 'corridor' && r.group === group && r.indicator === 'gainers',
      );
    expect(gainers('KH-TH')?.reform).toBeGreaterThan(0.5);
    expect(gainers('IN-AE')?.reform).toBe(0);
    const lost = s.indicators.find(
      (r) =>
        r.dimension === 'corridor' &&
        r.group === 'KH-TH' &&
        r.indicator === 'months_lost_no_totalization',
    );
    expect(lost?.reform).toBeLessThan(lost?.baseline ?? 0);
    expect(s.files.map((f) => f.split('/').at(-1))).toEqual([
      'workers.parquet',
      'indicators.parquet',
      'indicators.csv',
      'summary.json',
    ]);
  }, 120_000);
});
