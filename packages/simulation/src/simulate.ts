import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeInput, Reform } from '@tulay/engine';
import { ENGINE_VERSION, parseMonth } from '@tulay/engine';
import { SECTORS, countryAt } from './columnar.ts';
import type { TableColumn } from './duckdb-population.ts';
import { openTableWriter, readPopulation } from './duckdb-population.ts';
import { evaluatePopulation } from './evaluate-population.ts';
import type { CorridorKey } from './generate-population.ts';
import type { ChunkSource } from './evaluate-population.ts';
import type { IndicatorRow } from './indicators.ts';
import { IndicatorAccumulator, SEX_NAMES } from './indicators.ts';
import { BARRIER_CODES } from './outcome.ts';
import type { ThreadPool } from './thread-pool.ts';

/** Where a run's population comes from. */
export type PopulationSource =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'generate'; readonly workers: number; readonly seed: number };

export interface SimulateOptions {
  readonly population: PopulationSource;
  readonly reform: Reform | null;
  /** Evaluation date, YYYY-MM or YYYY-MM-DD. */
  readonly at: string;
  readonly kbDir?: string | undefined;
  /** The knowledge base already read (instead of reading kbDir in every thread); see LawSpec. */
  readonly knowledge?: KnowledgeInput | undefined;
  /** Directory for workers.parquet, indicators.csv/.parquet and summary.json; none when absent. */
  readonly outDir?: string | undefined;
  /** Worker threads (default every core; 0: this thread). */
  readonly threads?: number;
  /** Evaluate every worker with the scalar engine (default: the columnar kernel, scalar for the workers it does not support). */
  readonly scalar?: boolean;
  readonly chunkSize?: number;
  /** Called after each chunk with the workers done (and the total when known). */
  readonly onProgress?: (done: number, total: number | null) => void;
  /** Only these calibrated corridors, for a generated population (every one when absent). */
  readonly corridors?: readonly CorridorKey[] | undefined;
  /** Cancels the run: worker threads are terminated and the promise rejects. */
  readonly signal?: AbortSignal | undefined;
  /** Threads kept between runs (a server's); the run starts and ends its own when absent. */
  readonly pool?: ThreadPool | undefined;
}

/** What a run reports. */
export interface SimulationSummary {
  readonly engineVersion: string;
  readonly at: string;
  readonly reform: { readonly id: string; readonly title: string; readonly from: string } | null;
  readonly population: PopulationSource & {
    readonly workers: number;
    readonly periods: number;
    /** Workers the population stands for (sum of weights). */
    readonly standsFor: number;
  };
  /** How the workers were evaluated, said plainly. */
  readonly path: string;
  /** Workers decided by the columnar kernel, and by the scalar engine (unsupported by the kernel, or --scalar). */
  readonly evaluated: { readonly columnar: number; readonly scalar: number };
  readonly threads: number;
  readonly seconds: number;
  readonly workersPerSecond: number;
  readonly indicators: readonly IndicatorRow[];
  readonly files: readonly string[];
}

const RESULT_COLUMNS: readonly TableColumn[] = [
  { name: 'worker_id', sql: 'BIGINT' },
  { name: 'weight', sql: 'DOUBLE' },
  { name: 'origin', sql: 'VARCHAR' },
  { name: 'destination', sql: 'VARCHAR' },
  { name: 'sex', sql: 'VARCHAR' },
  { name: 'sector', sql: 'VARCHAR' },
  { name: 'documented', sql: 'BOOLEAN' },
  { name: 'covered_baseline', sql: 'INTEGER' },
  { name: 'covered_reform', sql: 'INTEGER' },
  { name: 'receives_baseline', sql: 'INTEGER' },
  { name: 'receives_reform', sql: 'INTEGER' },
  { name: 'not_payable_baseline', sql: 'INTEGER' },
  { name: 'not_payable_reform', sql: 'INTEGER' },
  { name: 'months_lost_baseline', sql: 'INTEGER' },
  { name: 'months_lost_reform', sql: 'INTEGER' },
  { name: 'gains', sql: 'BOOLEAN' },
  { name: 'loses', sql: 'BOOLEAN' },
  { name: 'barriers_removed', sql: 'VARCHAR' },
];

const INDICATOR_COLUMNS: readonly TableColumn[] = [
  { name: 'dimension', sql: 'VARCHAR' },
  { name: 'group', sql: 'VARCHAR' },
  { name: 'indicator', sql: 'VARCHAR' },
  { name: 'detail', sql: 'VARCHAR' },
  { name: 'baseline', sql: 'DOUBLE' },
  { name: 'reform', sql: 'DOUBLE' },
  { name: 'workers', sql: 'DOUBLE' },
  { name: 'sample', sql: 'BIGINT' },
];

function barrierList(mask: number): string {
  return BARRIER_CODES.filter((_, i) => mask & (1 << i)).join(',');
}

/**
 * Runs a population through the law, baseline and reform in one pass on all cores, and reports
 * the indicators by corridor, sex, sector and documentation status (DESIGN §3.5).
 */
export async function simulate(options: SimulateOptions): Promise<SimulationSummary> {
  const started = performance.now();
  const src = options.population;
  const chunkSize = options.chunkSize ?? 20_000;
  const source: ChunkSource =
    src.kind === 'file'
      ? { kind: 'columns', chunks: readPopulation(src.file, chunkSize) }
      : {
          kind: 'generate',
          options: {
            workers: src.workers,
            seed: src.seed,
            at: parseMonth(options.at),
            chunkSize,
            corridors: options.corridors,
          },
        };
  const total = src.kind === 'generate' ? src.workers : null;
  const files: string[] = [];
  if (options.outDir !== undefined) mkdirSync(options.outDir, { recursive: true });
  const workersFile = options.outDir === undefined ? null : join(options.outDir, 'workers.parquet');
  const writer = workersFile === null ? null : await openTableWriter(workersFile, RESULT_COLUMNS);
  const acc = new IndicatorAccumulator();
  let workers = 0;
  let periods = 0;
  let standsFor = 0;
  let columnar = 0;
  let scalar = 0;
  const threads = options.threads ?? (await import('node:os')).availableParallelism();
  try {
    await evaluatePopulation(
      source,
      { kbDir: options.kbDir, reform: options.reform, at: options.at, input: options.knowledge },
      {
        threads,
        scalar: options.scalar ?? false,
        rows: writer !== null,
        signal: options.signal,
        pool: options.pool,
        onChunk: async (r) => {
          acc.merge(r.partial);
          workers += r.workers;
          periods += r.periods;
          standsFor += r.standsFor;
          columnar += r.columnar;
          scalar += r.scalar;
          if (writer && r.rows) {
            const { workerId, weight, keys, outcome: o } = r.rows;
            for (let w = 0; w < o.workers; w++) {
              const sector = keys[w * 5 + 3] ?? 0;
              const sex = keys[w * 5 + 2] ?? 0;
              const change = o.change[w] ?? 0;
              writer.append([
                workerId[w] ?? 0,
                weight[w] ?? 0,
                countryAt(keys[w * 5] ?? 0),
                countryAt(keys[w * 5 + 1] ?? 0),
                SEX_NAMES[sex] ?? 'not stated',
                sector === 0 ? 'not stated' : (SECTORS[sector - 1] ?? 'not stated'),
                keys[w * 5 + 4] === 1,
                o.coveredBaseline[w] ?? 0,
                o.coveredReform[w] ?? 0,
                o.receivesBaseline[w] ?? 0,
                o.receivesReform[w] ?? 0,
                o.notPayableBaseline[w] ?? 0,
                o.notPayableReform[w] ?? 0,
                o.monthsLostBaseline[w] ?? 0,
                o.monthsLostReform[w] ?? 0,
                (change & 1) !== 0,
                (change & 2) !== 0,
                barrierList(o.barriersRemoved[w] ?? 0),
              ]);
            }
          }
          // workers.parquet goes to disk in parts as it grows: memory stays bounded at any size.
          if (writer) await writer.checkpoint();
          options.onProgress?.(workers, total);
        },
      },
    );
  } catch (e) {
    writer?.abort();
    throw e;
  }
  const indicators = acc.rows();
  const seconds = (performance.now() - started) / 1000;
  if (writer && workersFile) {
    await writer.finish();
    files.push(workersFile);
  }
  if (options.outDir !== undefined) {
    for (const name of ['indicators.parquet', 'indicators.csv']) {
      const file = join(options.outDir, name);
      const t = await openTableWriter(file, INDICATOR_COLUMNS);
      for (const r of indicators)
        t.append([
          r.dimension,
          r.group,
          r.indicator,
          r.detail,
          r.baseline,
          r.reform,
          r.workers,
          r.sample,
        ]);
      await t.finish();
      files.push(file);
    }
  }
  const summary: SimulationSummary = {
    engineVersion: ENGINE_VERSION,
    at: options.at,
    reform: options.reform
      ? { id: options.reform.id, title: options.reform.title, from: options.reform.from }
      : null,
    population: { ...src, workers, periods, standsFor },
    path:
      options.scalar === true
        ? 'scalar engine (check() with trace off) for every worker, baseline and reform in one pass'
        : `columnar kernel, baseline and reform in one pass; scalar engine for the ${scalar.toLocaleString('en')} workers it does not support (${workers > 0 ? ((100 * scalar) / workers).toFixed(2) : '0.00'}%)`,
    evaluated: { columnar, scalar },
    threads,
    seconds,
    workersPerSecond: workers / seconds,
    indicators,
    files,
  };
  if (options.outDir !== undefined) {
    const file = join(options.outDir, 'summary.json');
    files.push(file);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary;
}
