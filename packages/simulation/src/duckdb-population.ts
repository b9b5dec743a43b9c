import type { DuckDBAppender } from '@duckdb/node-api';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { formatMonth } from '@tulay/engine';
import type { Month } from '@tulay/engine';
import type { PopulationColumns } from './columnar.ts';
import {
  ACTIVITIES,
  COUNTRY_INDEX,
  EARNINGS_PER,
  INSURANCES,
  PERMITS,
  SECTORS,
  SEXES,
  countryIndex,
} from './columnar.ts';
import type { CanonicalColumns, Items, PopulationProblem } from './population-schema.ts';
import { ChunkBuilder, POPULATION_COLUMNS, RepeatLocator, rowValues } from './population-schema.ts';

/** File formats a population or its results can be read from and written to. */
export type TableFormat = 'parquet' | 'csv';

/** The format a file name implies (.parquet or .csv), or null. */
export function formatOf(file: string): TableFormat | null {
  if (/\.parquet$/i.test(file)) return 'parquet';
  if (/\.csv$/i.test(file)) return 'csv';
  return null;
}

/** Population data that cannot be used, with every problem found (row and column). */
export class PopulationError extends Error {
  override readonly name = 'PopulationError';
  constructor(
    readonly file: string,
    readonly problems: readonly PopulationProblem[],
  ) {
    super(`${file}: ${problems.length} problem(s) in the population`);
  }
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;
/** Where a value is not in the list: NULL (list_position's 0 or NULL). */
const position = (values: readonly string[], x: string) =>
  `NULLIF(list_position(${list(values)}, ${x}), 0)`;
/** A plain decimal (with an exponent): what both DuckDB and Number() read to the same double. */
const DECIMAL = `'([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?'`;
const MONTH = `'[0-9]{4}-(0[1-9]|1[0-2])'`;
const monthOf = (x: string) =>
  `CASE WHEN regexp_full_match(${x}, ${MONTH}) THEN CAST(left(${x}, 4) AS INTEGER) * 12 + CAST(substr(${x}, 6, 2) AS INTEGER) - 1 END`;
/** Country codes by their index (countryIndex), blank where a code repeats at another index. */
const COUNTRIES = COUNTRY_INDEX.slice(1).map((c, i) => (countryIndex(c) === i + 1 ? c : ''));
const decimal = (x: string) =>
  `CASE WHEN regexp_full_match(${x}, ${DECIMAL}) THEN TRY_CAST(${x} AS DOUBLE) END`;

/**
 * The values ChunkBuilder.addCanonical reads, each as the SQL that makes it from the row's text
 * columns, with its type: only canonical text converts (else NULL), so that a row is converted
 * here exactly as ChunkBuilder.add() converts it, or else left to add().
 */
const CANONICAL: readonly (readonly [Exclude<keyof CanonicalColumns, 'weightForm'>, string])[] = [
  [
    'id',
    `CASE WHEN regexp_full_match(worker_id, '0|-?[1-9][0-9]{0,14}') THEN CAST(worker_id AS DOUBLE) END`,
  ],
  ['weight', decimal('weight')],
  ['birth', `CASE WHEN birth IS NULL THEN -1 ELSE ${monthOf('birth')} END`],
  ['sex', `CASE WHEN sex IS NULL THEN 0 ELSE ${position(SEXES.slice(1), 'sex')} END`],
  ['nationality', position(COUNTRIES, 'nationality')],
  ['country', position(COUNTRIES, 'country')],
  ['from', monthOf('period_from')],
  ['to', monthOf('period_to')],
  ['activity', `${position(ACTIVITIES, 'activity')} - 1`],
  ['sector', `CASE WHEN sector IS NULL THEN 0 ELSE ${position(SECTORS, 'sector')} END`],
  ['documented', `CASE documented WHEN 'true' THEN 1 WHEN 'false' THEN 0 END`],
  ['permit', `CASE WHEN permit IS NULL THEN 0 ELSE ${position(PERMITS, 'permit')} END`],
  [
    'insurance',
    `CASE WHEN insurance IS NULL THEN 0 ELSE ${position(INSURANCES, 'insurance')} - 1 END`,
  ],
  ['earnings', decimal('earnings')],
  ['per', position(EARNINGS_PER.slice(1), 'earnings_per')],
];
const DOUBLES = new Set(['id', 'weight', 'earnings']);

/**
 * The reading query: `ok` (1 when every value of the row is canonical and valid, so the
 * converted values are used; else the row's text is validated by ChunkBuilder.add), the
 * converted values in the order of CANONICAL, then the text columns.
 */
function canonicalSelect(texts: string, canonical: boolean): string {
  const values = CANONICAL.map(([name, sql]) => {
    const type = DOUBLES.has(name) ? 'DOUBLE' : 'INTEGER';
    return `CAST(${sql} AS ${type}) AS v_${name}`;
  });
  const ok = [
    'v_id IS NOT NULL',
    'v_weight > 0 AND isfinite(v_weight) AND v_weightForm IS NOT NULL',
    'v_birth IS NOT NULL',
    'v_sex IS NOT NULL',
    'v_nationality IS NOT NULL',
    'v_country IS NOT NULL',
    'v_from IS NOT NULL AND v_to IS NOT NULL AND v_from <= v_to',
    'v_activity IS NOT NULL',
    'v_sector IS NOT NULL',
    'v_documented IS NOT NULL',
    'v_permit IS NOT NULL',
    'v_insurance IS NOT NULL',
    `(earnings IS NULL OR (v_earnings >= 0 AND isfinite(v_earnings) AND regexp_full_match(coalesce(currency, ''), '[A-Z]{3}') AND v_per IS NOT NULL))`,
  ]
    .map((c) => `coalesce(${c}, false)`)
    .join(' AND ');
  const names = POPULATION_COLUMNS.map((c) => c.name).join(', ');
  // The weight's text is either the whole number its value prints as, or DuckDB's text of its
  // value: then equal values of one form have equal text, as the worker's rows must.
  const form = `CAST(CASE WHEN v_weight = floor(v_weight) AND v_weight < 1e15 AND weight = CAST(TRY_CAST(v_weight AS BIGINT) AS VARCHAR) THEN 1 WHEN weight = CAST(v_weight AS VARCHAR) THEN 0 END AS INTEGER)`;
  return `WITH t AS (${texts}), v AS (SELECT ${values.join(', ')}, ${names} FROM t),
    f AS (SELECT *, ${form} AS v_weightForm FROM v)
    SELECT CAST(${canonical ? ok : 'false'} AS INTEGER) AS ok, ${CANONICAL.map(([n]) => `v_${n}`).join(', ')}, v_weightForm, ${names} FROM f`;
}

export interface ReadOptions {
  /**
   * Convert rows whose every value is canonical in DuckDB, reading no text (default); false
   * validates every row's text in JavaScript, the reference the tests compare it with.
   */
  readonly canonical?: boolean;
}

/**
 * Reads a population from Parquet or CSV in chunks of about `chunkSize` workers, validating every
 * row; throws PopulationError naming the row (1-based, in file order) and column of bad data.
 * The rows of a worker must be together (docs/simulation.md).
 */
export async function* readPopulation(
  file: string,
  chunkSize = 20_000,
  options: ReadOptions = {},
): AsyncGenerator<PopulationColumns> {
  const format = formatOf(file);
  if (!format)
    throw new PopulationError(file, [
      { row: 0, column: '', message: 'the file name must end in .parquet or .csv' },
    ]);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const source =
      format === 'parquet'
        ? `read_parquet(${quote(file)})`
        : `read_csv(${quote(file)}, header = true, all_varchar = true)`;
    let names: string[];
    try {
      names = (await db.runAndReadAll(`SELECT * FROM ${source} LIMIT 0`)).columnNames();
    } catch (e) {
      throw new PopulationError(file, [
        { row: 0, column: '', message: `cannot read: ${(e as Error).message}` },
      ]);
    }
    const header: PopulationProblem[] = [];
    const known = new Set(POPULATION_COLUMNS.map((c) => c.name));
    for (const n of names)
      if (!known.has(n))
        header.push({
          row: 0,
          column: n,
          message: 'is not a population column (see docs/simulation.md)',
        });
    for (const c of POPULATION_COLUMNS)
      if (c.required && !names.includes(c.name))
        header.push({ row: 0, column: c.name, message: 'is required and missing' });
    if (header.length > 0) throw new PopulationError(file, header);
    const texts = POPULATION_COLUMNS.map((c) => {
      if (!names.includes(c.name)) return `NULL::VARCHAR AS ${c.name}`;
      const text = `NULLIF(TRIM(CAST("${c.name}" AS VARCHAR)), '')`;
      return c.sql === 'BOOLEAN' ? `LOWER(${text}) AS ${c.name}` : `${text} AS ${c.name}`;
    });
    const builder = new ChunkBuilder(chunkSize);
    const fail = () => new PopulationError(file, builder.problems);
    const result = await db.stream(
      canonicalSelect(`SELECT ${texts.join(', ')} FROM ${source}`, options.canonical ?? true),
    );
    let row = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const vector = (k: number) => chunk.getColumnVector(k) as Items<never>;
      const ok = vector(0) as Items<number>;
      const canonical = Object.fromEntries([
        ...CANONICAL.map(([name], k) => [name, vector(k + 1)] as const),
        ['weightForm', vector(CANONICAL.length + 1)] as const,
      ]) as unknown as CanonicalColumns;
      const text = POPULATION_COLUMNS.map(
        (_, k) => vector(CANONICAL.length + 2 + k) as Items<string>,
      );
      const rows = chunk.rowCount;
      for (let i = 0; i < rows; i++) {
        const done =
          ok.getItem(i) === 1
            ? builder.addCanonical(++row, canonical, text, i)
            : builder.add(++row, (k) => text[k]?.getItem(i) ?? null);
        if (builder.full || (done && builder.problems.length > 0)) throw fail();
        if (done) yield done;
      }
    }
    const last = await builder.finish(async (repeated) => {
      const locator = new RepeatLocator(repeated);
      // worker_id is the first column.
      const ids = await db.stream(`SELECT ${texts[0] ?? ''} FROM ${source}`);
      for (;;) {
        const chunk = await ids.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        locator.add(chunk.getColumns()[0] as (string | null)[]);
      }
      return locator.problems;
    });
    if (builder.problems.length > 0) throw fail();
    if (last) yield last;
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

function appendValue(a: DuckDBAppender, sql: string, v: string | number | boolean | null): void {
  if (v === null) a.appendNull();
  else if (sql === 'BIGINT') a.appendBigInt(BigInt(v));
  else if (sql === 'INTEGER') a.appendInteger(v as number);
  else if (sql === 'DOUBLE') a.appendDouble(v as number);
  else if (sql === 'BOOLEAN') a.appendBoolean(v as boolean);
  else a.appendVarchar(String(v));
}

/** A table's columns: name and SQL type. */
export interface TableColumn {
  readonly name: string;
  readonly sql: 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';
}

/**
 * Rows appended as they come, then copied to a Parquet or CSV file by `finish()`. `checkpoint()`
 * moves the rows held so far to a Parquet part on disk once they are `partRows` or more, so a
 * table of any size is written with bounded memory; `finish()` then joins the parts in order.
 */
export interface TableWriter {
  append(values: readonly (string | number | boolean | null)[]): void;
  /** Writes the rows held to a part file if they are `partRows` or more. */
  checkpoint(): Promise<void>;
  /** Writes the file and closes DuckDB; returns the rows written. */
  finish(): Promise<number>;
  /** Closes DuckDB and removes the parts, writing nothing (a run that failed or was cancelled). */
  abort(): void;
}

/** Rows held in memory before `checkpoint()` writes them to a part (about 100 bytes a row). */
export const PART_ROWS = 1_000_000;

/** Opens a writer of a Parquet or CSV table through DuckDB. */
export async function openTableWriter(
  file: string,
  columns: readonly TableColumn[],
  options: { readonly partRows?: number } = {},
): Promise<TableWriter> {
  const format = formatOf(file);
  if (!format) throw new Error(`${file}: the file name must end in .parquet or .csv`);
  const partRows = options.partRows ?? PART_ROWS;
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const create = `CREATE TABLE t (${columns.map((c) => `"${c.name}" ${c.sql}`).join(', ')})`;
  await db.run(create);
  let appender = await db.createAppender('t');
  let rows = 0;
  let held = 0;
  const partsDir = join(dirname(file), `.${basename(file)}.parts`);
  const parts: string[] = [];
  const close = () => {
    db.closeSync();
    instance.closeSync();
    rmSync(partsDir, { recursive: true, force: true });
  };
  const writePart = async () => {
    appender.closeSync();
    if (parts.length === 0) mkdirSync(partsDir, { recursive: true });
    // Zero-padded, so the parts' names sort in the order they were written.
    const part = join(partsDir, `part-${String(parts.length).padStart(6, '0')}.parquet`);
    await db.run(`COPY t TO ${quote(part)} (FORMAT parquet)`);
    parts.push(part);
    await db.run('DROP TABLE t');
    await db.run(create);
    appender = await db.createAppender('t');
    held = 0;
  };
  return {
    append(values) {
      values.forEach((v, i) => {
        appendValue(appender, columns[i]?.sql ?? 'VARCHAR', v);
      });
      appender.endRow();
      rows++;
      held++;
    },
    async checkpoint() {
      if (held >= partRows) await writePart();
    },
    async finish() {
      try {
        const options = format === 'parquet' ? 'FORMAT parquet' : 'FORMAT csv, HEADER true';
        if (parts.length === 0) {
          appender.closeSync();
          await db.run(`COPY t TO ${quote(file)} (${options})`);
        } else {
          if (held > 0) await writePart();
          appender.closeSync();
          // The parts in the order written (insertion order is kept), streamed into one file.
          const list = parts.map(quote).join(', ');
          await db.run(
            `COPY (SELECT * FROM read_parquet([${list}])) TO ${quote(file)} (${options})`,
          );
        }
        return rows;
      } finally {
        close();
      }
    },
    abort() {
      try {
        appender.closeSync();
      } catch {
        // Already closed: nothing to flush.
      }
      close();
    },
  };
}

/** Writes a population (e.g. a generated one) to Parquet or CSV; returns the rows written. */
export async function writePopulation(
  chunks: Iterable<PopulationColumns> | AsyncIterable<PopulationColumns>,
  file: string,
): Promise<number> {
  const month = (m: number) => formatMonth(m as Month);
  const writer = await openTableWriter(file, POPULATION_COLUMNS);
  try {
    for await (const c of chunks) {
      for (let w = 0; w < c.workers; w++)
        for (let r = c.firstPeriod[w] ?? 0; r < (c.firstPeriod[w + 1] ?? 0); r++)
          writer.append(rowValues(c, w, r, month));
      await writer.checkpoint();
    }
  } catch (e) {
    writer.abort();
    throw e;
  }
  return writer.finish();
}
