import type { DuckDBAppender } from '@duckdb/node-api';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { formatMonth } from '@tulay/engine';
import type { Month } from '@tulay/engine';
import type { PopulationColumns } from './columnar.ts';
import type { PopulationProblem, RawRow } from './population-schema.ts';
import { ChunkBuilder, POPULATION_COLUMNS, rowValues } from './population-schema.ts';

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

/**
 * Reads a population from Parquet or CSV in chunks of about `chunkSize` workers, validating every
 * row; throws PopulationError naming the row (1-based, in file order) and column of bad data.
 * The rows of a worker must be together (docs/simulation.md).
 */
export async function* readPopulation(
  file: string,
  chunkSize = 20_000,
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
    const select = POPULATION_COLUMNS.map((c) => {
      if (!names.includes(c.name)) return `NULL AS ${c.name}`;
      const text = `NULLIF(TRIM(CAST("${c.name}" AS VARCHAR)), '')`;
      return c.sql === 'BOOLEAN' ? `LOWER(${text}) AS ${c.name}` : `${text} AS ${c.name}`;
    }).join(', ');
    const result = await db.stream(`SELECT ${select} FROM ${source}`);
    const builder = new ChunkBuilder();
    let row = 0;
    const fail = () => new PopulationError(file, builder.problems);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const columns = chunk.getColumns() as (string | null)[][];
      for (let i = 0; i < chunk.rowCount; i++) {
        row++;
        const values: RawRow = columns.map((col) => col[i] ?? null);
        if (!builder.add(row, values)) throw fail();
      }
      if (builder.workerCount > chunkSize) {
        const c = builder.take(true);
        if (builder.problems.length > 0) throw fail();
        if (c) yield c;
      }
    }
    const last = builder.take(false);
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
