// Population files uploaded for one run. Worker data is sensitive: the file is streamed into a
// private temporary directory (mode 0700, the file 0600), its type is sniffed from its bytes (the
// name is never trusted), every row is validated before the run is queued, and the directory is
// removed when the run ends (done, failed, cancelled), when the request fails, and when the
// server closes. Nothing of it reaches the database or the log.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { chmod, open, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from '@fastify/multipart';
import { PopulationError, readPopulation } from '@tulay/simulation';
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.ts';
import { ApiError } from '../errors.ts';
import { multipartFailure } from '../http/multipart.ts';

/** The largest population file accepted by default: 100 MiB (about a million CSV rows). */
export const DEFAULT_MAX_POPULATION_BYTES = 100 * 1024 * 1024;

/** A validated population file waiting for (or in) its run. */
export interface UploadedPopulation {
  /** The file, named by its sniffed format (readPopulation reads by the extension). */
  readonly file: string;
  readonly format: 'csv' | 'parquet';
  readonly workers: number;
  /** Rows (periods of work). */
  readonly rows: number;
  /** Deletes the file and its directory, at once; calling it again does nothing. */
  release(): void;
}

export interface Received<T> {
  readonly population: UploadedPopulation;
  readonly request: T;
}

const MIB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes.toLocaleString('en')} bytes`;
}

/**
 * The format the bytes say: Parquet starts and ends with `PAR1`; CSV is UTF-8 text without NUL.
 * Anything else (an image, a spreadsheet, UTF-16) is neither.
 */
class Sniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private isText = true;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.head.length < 4) this.head = Buffer.concat([this.head, chunk]).subarray(0, 4);
    this.tail = Buffer.concat([this.tail, chunk.subarray(-4)]).subarray(-4);
    if (!this.isText) return;
    if (chunk.includes(0)) this.isText = false;
    else
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        this.isText = false;
      }
  }

  format(): 'csv' | 'parquet' | null {
    if (this.size >= 8 && this.head.toString('latin1') === 'PAR1')
      return this.tail.toString('latin1') === 'PAR1' ? 'parquet' : null;
    if (!this.isText || this.size === 0) return null;
    try {
      this.decoder.decode();
    } catch {
      return null;
    }
    return 'csv';
  }
}

/** Where a problem readPopulation found lies, as a field of the upload. */
function problemField(row: number, column: string, message: string): FieldError {
  if (row === 0 && column === '') return { path: 'population', message };
  if (row === 0) return { path: `population.header.${column}`, message };
  return { path: `population.rows.${row}.${column}`, message };
}

const ROOT_PREFIX = 'tulay-populations-';

/**
 * Removes the upload directories of server processes that are gone: a server killed outright
 * (SIGKILL, power loss) cannot delete its uploads on close, and they hold workers' data.
 */
export function sweepAbandoned(dir: string = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(ROOT_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(ROOT_PREFIX.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another user's directory, or one being removed: not ours to clear.
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PopulationUploads {
  private root: string | null = null;

  constructor(readonly maxBytes: number = DEFAULT_MAX_POPULATION_BYTES) {}

  /** The private directory the uploads live in (created on first use), for tests and close. */
  get directory(): string {
    if (this.root === null) {
      sweepAbandoned();
      // mkdtemp makes it 0700: only the server's user can list or read what is inside.
      this.root = mkdtempSync(join(tmpdir(), `${ROOT_PREFIX}${process.pid}-`));
    }
    return this.root;
  }

  /** The uploads on disk now (one directory each). */
  pending(): string[] {
    return this.root === null ? [] : readdirSync(this.root);
  }

  /**
   * Reads a multipart upload — a `population` file part and a `request` JSON part — into a
   * private file, checks the request with `parseRequest` (before the rows, which take longer),
   * then validates every row. Any failure removes the file before it is reported.
   */
  async receive<T>(
    request: FastifyRequest,
    parseRequest: (raw: string | undefined) => T,
  ): Promise<Received<T>> {
    if (!request.isMultipart())
      throw new ApiError(
        'unsupported_media_type',
        'send multipart/form-data with a "request" part (JSON) and a "population" file part',
      );
    const dir = mkdtempSync(join(this.directory, 'upload-'));
    const release = () => {
      rmSync(dir, { recursive: true, force: true });
    };
    try {
      await chmod(dir, 0o700);
      const { raw, sniffer } = await this.readParts(request, join(dir, 'upload'));
      const parsed = parseRequest(raw);
      const format = sniffer?.format() ?? null;
      if (sniffer === null)
        throw new ApiError('invalid_request', 'the population file is missing', [
          { path: 'population', message: 'is required: a .csv or .parquet file' },
        ]);
      if (format === null)
        throw new ApiError(
          'unsupported_media_type',
          'the population file is neither Parquet nor CSV (UTF-8 text)',
          [
            {
              path: 'population',
              message:
                'must be a Parquet file or a CSV file in UTF-8; its content is neither (whatever its name says)',
            },
          ],
        );
      const file = join(dir, `population.${format}`);
      await rename(join(dir, 'upload'), file);
      const { workers, rows } = await validate(file, dir);
      return { population: { file, format, workers, rows, release }, request: parsed };
    } catch (e) {
      release();
      throw e;
    }
  }

  /** Removes every upload (the server is closing: their runs were cancelled). */
  close(): void {
    if (this.root !== null) rmSync(this.root, { recursive: true, force: true });
    this.root = null;
  }

  private async readParts(
    request: FastifyRequest,
    path: string,
  ): Promise<{ raw: string | undefined; sniffer: Sniffer | null }> {
    let raw: string | undefined;
    let sniffer: Sniffer | null = null;
    const tooLarge = () =>
      new ApiError(
        'payload_too_large',
        `the population file is larger than the ${sizeText(this.maxBytes)} limit`,
        [{ path: 'population', message: `at most ${sizeText(this.maxBytes)}` }],
      );
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'population' || sniffer !== null) {
            part.file.resume();
            throw new ApiError('invalid_request', `unexpected file part "${part.fieldname}"`, [
              { path: part.fieldname, message: 'only one file part, named "population", is taken' },
            ]);
          }
          sniffer = new Sniffer();
          const out = await open(path, 'wx', 0o600);
          try {
            for await (const chunk of part.file as AsyncIterable<Buffer>) {
              sniffer.push(chunk);
              await out.write(chunk);
            }
          } finally {
            await out.close();
          }
          if (part.file.truncated) throw tooLarge();
        } else if (part.fieldname === 'request') {
          // A part sent as application/json arrives parsed.
          raw = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        } else {
          throw new ApiError('invalid_request', `unexpected form field "${part.fieldname}"`, [
            { path: part.fieldname, message: 'the form takes only "request" and "population"' },
          ]);
        }
      }
    } catch (error) {
      throw multipartFailure(error, {
        tooLarge,
        send: 'send one "request" and one "population"',
      });
    }
    return { raw, sniffer };
  }
}

/**
 * Reads every row as the run will (readPopulation), counting workers and rows; a problem becomes
 * a 400 naming each row and column. The file's private path never reaches the message.
 */
async function validate(file: string, dir: string): Promise<{ workers: number; rows: number }> {
  let workers = 0;
  let rows = 0;
  try {
    for await (const chunk of readPopulation(file)) {
      workers += chunk.workers;
      rows += chunk.periods;
    }
  } catch (e) {
    if (!(e instanceof PopulationError)) throw e;
    const scrub = (m: string) => m.replaceAll(file, 'the file').replaceAll(dir, '');
    const fields = e.problems.map((p) => problemField(p.row, p.column, scrub(p.message)));
    const said = e.problems.slice(0, 3).map((p) => {
      const where =
        p.row > 0
          ? `row ${p.row}, column ${p.column}: `
          : p.column !== ''
            ? `column ${p.column}: `
            : '';
      return `${where}${scrub(p.message)}`;
    });
    const count = e.problems.length === 1 ? 'a problem' : `${e.problems.length} problems`;
    throw new ApiError(
      'invalid_request',
      `the population file has ${count}: ${said.join('; ')}${e.problems.length > 3 ? '; …' : ''}`,
      fields,
    );
  }
  if (workers === 0)
    throw new ApiError('invalid_request', 'the population file has no rows', [
      { path: 'population', message: 'has a header but no rows: at least one worker is needed' },
    ]);
  return { workers, rows };
}
