// Simulations on an uploaded population: a CSV and a Parquet file (written here with the
// package's DuckDB writer) run to the same indicators as simulate() on the same rows; bad rows,
// a lying file and an oversize one are refused before anything is queued; who may upload; the
// audit log has the run without the file; and the temporary file is gone once the run is done,
// failed or cancelled (queued, or running on worker threads, which stop), and when the server
// closes.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMonth, reformSchema } from '@tulay/engine';
import type { IndicatorRow } from '@tulay/simulation';
import {
  generatePopulation,
  liveWorkerThreads,
  readPopulation,
  simulate,
  writePopulation,
} from '@tulay/simulation';
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shippedKnowledgeBase } from '../src/knowledge.ts';
import { IN_PROCESS_WORKERS, chunkSizeFor } from '../src/simulations/runs.ts';
import { sweepAbandoned } from '../src/simulations/uploads.ts';
import { multipart } from './documents/files.ts';
import type { Client, Harness, Who } from './harness.ts';
import { harness } from './harness.ts';
import { agreementReform, hasEnded, waitForRun } from './simulation-cases.ts';

// A small limit, so that an oversize file is cheap to send (read when the harness builds the app).
process.env.TULAY_SIMULATION_UPLOAD_MB = '1';

interface RunOut {
  id: string;
  status: string;
  error: string | null;
  request: { population: Record<string, unknown>; corridors: unknown[] };
  progress: { done: number; total: number };
  summary: { population: string; workers: number; periods: number } | null;
}

interface ErrorOut {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

const REQUEST = { at: '2027-01', reform: agreementReform(['TH', 'KH']) };
const HEADER =
  'worker_id,weight,birth,sex,nationality,country,period_from,period_to,activity,sector,documented,permit,insurance';

/** A multipart upload call: the request part and the population file (any name). */
function uploadBody(
  file: Buffer | string | null,
  options: { filename?: string; request?: unknown } = {},
) {
  const parts = [
    {
      name: 'request',
      value:
        typeof options.request === 'string'
          ? options.request
          : JSON.stringify(options.request ?? REQUEST),
    },
  ];
  if (file !== null)
    parts.push({
      name: 'population',
      filename: options.filename ?? 'workers.csv',
      value: file,
      contentType: 'application/octet-stream',
    } as (typeof parts)[number]);
  return multipart(parts);
}

async function upload(
  client: Client,
  file: Buffer | string | null,
  options: { filename?: string; request?: unknown } = {},
) {
  const { body, headers } = uploadBody(file, options);
  return client.request('POST', '/api/simulations/upload', body, headers);
}

/** Enough workers to run on worker threads, in a Parquet file under the 1 MiB limit. */
const workers = 2 * IN_PROCESS_WORKERS;
const threadsDir = mkdtempSync(join(tmpdir(), 'tulay-upload-threads-'));
let threadsWritten: Promise<string> | undefined;
/** Written once for every database's run of the test (it takes seconds). */
function threadsFile(): Promise<string> {
  const file = join(threadsDir, 'threads.parquet');
  threadsWritten ??= writePopulation(
    generatePopulation({
      workers,
      seed: 12,
      at: parseMonth('2027-01'),
      corridors: [{ origin: 'KH', destination: 'TH' }],
    }),
    file,
  ).then(() => file);
  return threadsWritten;
}
afterAll(() => {
  rmSync(threadsDir, { recursive: true, force: true });
});

/** What simulate() gives on the same file, as the server calls it (same chunk size). */
async function direct(file: string, workers: number): Promise<readonly IndicatorRow[]> {
  const summary = await simulate({
    population: { kind: 'file', file },
    reform: reformSchema.parse(REQUEST.reform),
    at: REQUEST.at,
    knowledge: shippedKnowledgeBase().input,
    threads: 0,
    chunkSize: chunkSizeFor(workers),
  });
  return summary.indicators;
}

describe.each(testDatabases)('simulations on an uploaded population, on $name', (database) => {
  let h: Harness;
  let member: Client;
  let dir: string;
  let csvFile: string;
  let parquetFile: string;
  const pending = () => h.app.populationUploads.pending();

  beforeAll(async () => {
    h = await harness({ database });
    member = await h.as('member');
    dir = mkdtempSync(join(tmpdir(), 'tulay-upload-test-'));
    csvFile = join(dir, 'workers.csv');
    parquetFile = join(dir, 'workers.parquet');
    const population = () =>
      generatePopulation({
        workers: 400,
        seed: 11,
        at: parseMonth('2027-01'),
        corridors: [{ origin: 'KH', destination: 'TH' }],
      });
    await writePopulation(population(), csvFile);
    await writePopulation(population(), parquetFile);
  }, 60_000);

  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['CSV', () => csvFile, 'workers.csv'],
    // The name says CSV; the bytes say Parquet, and the bytes decide.
    ['Parquet', () => parquetFile, 'survey-extract.csv'],
  ])(
    'runs a %s file to the indicators simulate() gives on the same rows',
    { timeout: 60_000 },
    async (_format, file, filename) => {
      const bytes = readFileSync(file());
      const res = await upload(member, bytes, { filename });
      expect(res.status, res.text).toBe(202);
      const started = res.body as RunOut;
      let rows = 0;
      for await (const c of readPopulation(file())) rows += c.periods;
      expect(started.request.population).toEqual({ uploaded: true, workers: 400, rows });
      expect(started.request.corridors).toEqual([]);
      expect(started.progress.total).toBe(400);
      const r = await waitForRun<RunOut>(member, started.id);
      expect(r.status, r.error ?? '').toBe('done');
      expect(r.summary?.population).toBe('uploaded');
      expect(r.summary?.workers).toBe(400);
      expect(r.summary?.periods).toBe(rows);
      // Nothing of the file's name or place in the run.
      expect(JSON.stringify(r)).not.toContain(filename);
      expect(JSON.stringify(r)).not.toContain(h.app.populationUploads.directory);
      const json = await member.get(`/api/simulations/${started.id}/results.json`);
      expect(json.status, json.text).toBe(200);
      const served = (json.body as { indicators: IndicatorRow[] }).indicators;
      expect(served).toEqual(await direct(file(), 400));
      // A real gain, as on the generated population: the agreement pays at home.
      const gainers = served.find((x) => x.dimension === 'all' && x.indicator === 'gainers');
      expect(gainers?.reform).toBeGreaterThan(0.3);
      // The file went with the run.
      expect(pending()).toEqual([]);
    },
  );

  it('serves an example population that validates and runs', { timeout: 60_000 }, async () => {
    const visitor = await h.as('public');
    const example = await visitor.get('/api/simulations/example-population.csv');
    expect(example.status).toBe(200);
    expect(example.headers['content-type']).toMatch(/^text\/csv/);
    expect(example.headers['content-disposition']).toMatch(/attachment; filename=/);
    expect(example.text.split('\n')[0]).toMatch(/^worker_id,weight,/);
    const res = await upload(member, example.text, { filename: 'example.csv' });
    expect(res.status, res.text).toBe(202);
    const r = await waitForRun<RunOut>(member, (res.body as RunOut).id);
    expect(r.status).toBe('done');
    expect(r.summary?.workers).toBe(20);
  });

  it('names the row and column of bad data, and queues nothing', async () => {
    const csv = [
      HEADER,
      '1,100,1990-01,female,KH,TH,2020-01,2026-12,employed,agriculture,true,work_permit,compulsory',
      '2,-5,1991-02,male,KH,TH,2021-01,2026-12,employed,construction,true,work_permit,compulsory',
      '3,100,1992-03,male,KH,TH,2021-01,2026-12,astronaut,construction,maybe,work_permit,compulsory',
    ].join('\n');
    const res = await upload(member, csv);
    expect(res.status, res.text).toBe(400);
    const { error } = res.body as ErrorOut;
    expect(error.code).toBe('invalid_request');
    const paths = error.fields.map((f) => f.path);
    expect(paths).toContain('population.rows.2.weight');
    expect(paths).toContain('population.rows.3.activity');
    expect(paths).toContain('population.rows.3.documented');
    expect(error.message).toMatch(/row 2, column weight: must be a number above 0/);
    expect(error.fields.find((f) => f.path === 'population.rows.2.weight')?.message).toMatch(
      /must be a number above 0, got "-5"/,
    );
    // Columns are checked before any row.
    const noColumn = await upload(member, `${HEADER.replace(',documented', '')}\n1,1,,,KH,TH`);
    expect(noColumn.status, noColumn.text).toBe(400);
    expect((noColumn.body as ErrorOut).error.fields.map((f) => f.path)).toContain(
      'population.header.documented',
    );
    const empty = await upload(member, `${HEADER}\n`);
    expect(empty.status, empty.text).toBe(400);
    expect((empty.body as ErrorOut).error.fields.map((f) => f.path)).toEqual(['population']);
    expect(pending()).toEqual([]);
  });

  it('refuses a file whose bytes are neither Parquet nor CSV, whatever its name', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    for (const [bytes, filename] of [
      [png, 'workers.csv'],
      [Buffer.from('PAR1 and then some text that does not end like Parquet'), 'workers.parquet'],
      [Buffer.from([0xff, 0xfe, 0x77, 0x00, 0x6f, 0x00]), 'workers.csv'],
    ] as const) {
      const res = await upload(member, bytes, { filename });
      expect(res.status, `${filename}: ${res.text}`).toBe(415);
      const { error } = res.body as ErrorOut;
      expect(error.code).toBe('unsupported_media_type');
      expect(error.fields.map((f) => f.path)).toEqual(['population']);
    }
    expect(pending()).toEqual([]);
  });

  it('refuses a file over the size limit with 413 naming it', async () => {
    const row =
      '1,100,1990-01,female,KH,TH,2020-01,2026-12,employed,agriculture,true,work_permit,compulsory\n';
    const big = `${HEADER}\n${row.repeat(Math.ceil((1024 * 1024) / row.length) + 10)}`;
    const res = await upload(member, big);
    expect(res.status, res.text.slice(0, 300)).toBe(413);
    const { error } = res.body as ErrorOut;
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/1 MiB limit/);
    expect(error.fields).toEqual([{ path: 'population', message: 'at most 1 MiB' }]);
    expect(pending()).toEqual([]);
  });

  it('refuses a form with too many parts, and one cut short with the parser’s words', async () => {
    const request = { name: 'request', value: JSON.stringify(REQUEST) };
    const crowded = multipart([request, request, request]);
    const many = await member.request(
      'POST',
      '/api/simulations/upload',
      crowded.body,
      crowded.headers,
    );
    expect(many.status, many.text).toBe(400);
    expect((many.body as ErrorOut).error.message).toBe(
      'the form has too many parts: send one "request" and one "population"',
    );
    const { body, headers } = uploadBody(readFileSync(csvFile));
    const cut = await member.request(
      'POST',
      '/api/simulations/upload',
      body.subarray(0, body.length - 40),
      headers,
    );
    expect(cut.status, cut.text).toBe(400);
    expect((cut.body as ErrorOut).error.message).toMatch(
      /^the multipart body could not be read: \S/,
    );
    expect(pending()).toEqual([]);
  });

  it('names what is wrong in the form and its request part', async () => {
    const cases: [Parameters<typeof upload>[1], Parameters<typeof upload>[2], string][] = [
      [readFileSync(csvFile), { request: { ...REQUEST, at: '2027-13' } }, 'request.at'],
      [readFileSync(csvFile), { request: { ...REQUEST, extra: 1 } }, 'request.extra'],
      [readFileSync(csvFile), { request: '{not json' }, 'request'],
      [
        readFileSync(csvFile),
        { request: { ...REQUEST, reform: agreementReform(['TH', 'XX']) } },
        'request.reform.changes.0.agreement.parties.1',
      ],
      [null, {}, 'population'],
    ];
    for (const [file, options, field] of cases) {
      const res = await upload(member, file, options);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect((res.body as ErrorOut).error.fields.map((f) => f.path)).toContain(field);
    }
    // JSON instead of a form.
    const json = await member.request('POST', '/api/simulations/upload', REQUEST);
    expect(json.status).toBe(415);
    expect(pending()).toEqual([]);
  });

  it(
    'is for those who may run simulations; a visitor’s file never reaches the disk',
    { timeout: 60_000 },
    async () => {
      const bytes = readFileSync(csvFile);
      const expected: Record<Who, number> = {
        public: 401,
        staff: 403,
        unverified: 202,
        member: 202,
        partner: 202,
        secretariat: 202,
        admin: 202,
      };
      for (const [who, status] of Object.entries(expected) as [Who, number][]) {
        await h.app.simulationRuns.cancelAll();
        const res = await upload(await h.as(who), bytes);
        expect(res.status, `${who}: ${res.text}`).toBe(status);
        if (status !== 202) expect(pending()).toEqual([]);
      }
      await h.app.simulationRuns.cancelAll();
      expect(pending()).toEqual([]);

      // A run on an uploaded population is for who started it and the secretariat alone; to
      // another participant it does not exist (a generated run is shared by its link).
      const mine = await upload(member, bytes);
      const { id } = mine.body as RunOut;
      await waitForRun<RunOut>(member, id);
      const partner = await h.as('partner');
      for (const url of [
        `/api/simulations/${id}`,
        `/api/simulations/${id}/events`,
        `/api/simulations/${id}/results.json`,
        `/api/simulations/${id}/results.csv`,
      ]) {
        expect((await partner.get(url)).status, `partner ${url}`).toBe(404);
        expect((await member.get(url)).status, `member ${url}`).toBe(200);
        expect((await (await h.as('secretariat')).get(url)).status, `secretariat ${url}`).toBe(200);
        expect((await (await h.as('public')).get(url)).status, `public ${url}`).toBe(401);
      }
      expect((await partner.request('POST', `/api/simulations/${id}/cancel`)).status).toBe(404);

      // CSRF, as on every mutation.
      const { body, headers } = uploadBody(bytes);
      const noToken = await member.request('POST', '/api/simulations/upload', body, {
        ...headers,
        'x-csrf-token': '',
      });
      expect(noToken.status).toBe(403);
    },
  );

  it(
    'is in the audit log as counts and names, with nothing of the file',
    { timeout: 60_000 },
    async () => {
      await h.app.simulationRuns.cancelAll();
      const bytes = readFileSync(csvFile);
      const res = await upload(member, bytes, { filename: 'zq-household-survey-2026.csv' });
      expect(res.status, res.text).toBe(202);
      const { id } = res.body as RunOut;
      await waitForRun<RunOut>(member, id);
      const secretariat = await h.as('secretariat');
      const log = await secretariat.get(`/api/audit?entity_type=simulations&entity_id=${id}`);
      expect(log.status, log.text).toBe(200);
      const items = (log.body as { items: { actor: string; action: string; after: unknown }[] })
        .items;
      expect(items).toEqual([
        expect.objectContaining({
          actor: `user:${h.users.member.id}`,
          action: 'start',
          entity_type: 'simulations',
          entity_id: id,
          before: null,
          after: {
            at: '2027-01',
            population: 'uploaded',
            workers: 400,
            reform: { id: 'test-agreement', title: 'A test agreement', from: '2027-01' },
          },
        }),
      ]);
      // Not the file's name, nor where it was, nor a byte of it: the whole log, as the
      // secretariat reads it.
      const all = await secretariat.get('/api/audit?limit=500');
      const [header = '', firstRow = ''] = bytes.toString('utf8').split('\n');
      for (const secret of [
        'zq-household-survey',
        h.app.populationUploads.directory,
        'population.csv',
        header,
        firstRow,
      ])
        expect(all.text).not.toContain(secret);
      expect(firstRow.length).toBeGreaterThan(20);

      // A run whose start cannot be logged never starts, and its file goes at once.
      const audit = Object.getPrototypeOf(h.store.repos.audit) as {
        record: (...args: unknown[]) => Promise<void>;
      };
      const failing = vi
        .spyOn(audit, 'record')
        .mockRejectedValueOnce(new Error('the audit log cannot be written'));
      try {
        const refused = await upload(member, bytes);
        expect(refused.status, refused.text).toBe(500);
        expect(failing).toHaveBeenCalledTimes(1);
      } finally {
        failing.mockRestore();
      }
      expect(pending()).toEqual([]);
    },
  );

  it(
    'keeps the file private while it waits, and deletes it when the run is cancelled or fails',
    { timeout: 60_000 },
    async () => {
      await h.app.simulationRuns.cancelAll();
      // A long generated run in front, so that the uploads wait in the queue.
      const big = await member.request('POST', '/api/simulations', {
        ...REQUEST,
        population: { generate: 2_000_000, seed: 3 },
      });
      expect(big.status, big.text).toBe(202);
      const first = await upload(member, readFileSync(csvFile));
      const second = await upload(member, readFileSync(csvFile));
      expect(first.status, first.text).toBe(202);
      expect(second.status, second.text).toBe(202);
      const root = h.app.populationUploads.directory;
      expect(statSync(root).mode & 0o777).toBe(0o700);
      const waiting = pending();
      expect(waiting).toHaveLength(2);
      for (const d of waiting) {
        expect(statSync(join(root, d)).mode & 0o777).toBe(0o700);
        expect(statSync(join(root, d, 'population.csv')).mode & 0o777).toBe(0o600);
      }

      // Cancelled while queued: its file goes at once.
      const cancel = await member.request(
        'POST',
        `/api/simulations/${(second.body as RunOut).id}/cancel`,
      );
      expect((cancel.body as RunOut).status).toBe('cancelled');
      expect(pending()).toHaveLength(1);

      // Spoil the waiting file behind the server's back: its run fails when it reads it.
      const [left = ''] = pending();
      writeFileSync(join(root, left, 'population.csv'), `${HEADER}\n1,-1,,,KH,TH,2020-01`);
      await member.request('POST', `/api/simulations/${(big.body as RunOut).id}/cancel`);
      const failed = await waitForRun<RunOut>(member, (first.body as RunOut).id);
      expect(failed.status).toBe('failed');
      expect(failed.error).not.toContain(root);
      expect(pending()).toEqual([]);
    },
  );

  it(
    'stops a running run on an uploaded file: its threads end and its file is deleted',
    { timeout: 120_000 },
    async () => {
      await h.app.simulationRuns.cancelAll();
      const file = await threadsFile();
      expect(statSync(file).size).toBeLessThan(1024 * 1024);
      const res = await upload(member, readFileSync(file), { filename: 'threads.parquet' });
      expect(res.status, res.text).toBe(202);
      const { id } = res.body as RunOut;
      // Running: its thread has started (it loads the engine before its first chunk).
      const deadline = Date.now() + 60_000;
      while (liveWorkerThreads() === 0) {
        const r = (await member.get(`/api/simulations/${id}`)).body as RunOut;
        expect(hasEnded(r), `the run ended before it could be cancelled: ${r.status}`).toBe(false);
        if (Date.now() > deadline) throw new Error('no worker thread started');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(((await member.get(`/api/simulations/${id}`)).body as RunOut).status).toBe('running');
      expect(pending()).toHaveLength(1);

      const cancelled = await member.request('POST', `/api/simulations/${id}/cancel`);
      expect(cancelled.status, cancelled.text).toBe(200);
      const r = cancelled.body as RunOut;
      expect(r.status).toBe('cancelled');
      expect(r.progress.done).toBeLessThan(workers);
      // Answered once the threads are gone; the file went with the run.
      expect(liveWorkerThreads()).toBe(0);
      expect(pending()).toEqual([]);
      expect(readdirSync(h.app.populationUploads.directory)).toEqual([]);
      const results = await member.get(`/api/simulations/${id}/results.json`);
      expect(results.status).toBe(409);
    },
  );
});

describe('uploaded populations when the server closes', () => {
  it('are deleted with the private directory', { timeout: 60_000 }, async () => {
    const h = await harness();
    const member = await h.as('member');
    const big = await member.request('POST', '/api/simulations', {
      ...REQUEST,
      population: { generate: 2_000_000, seed: 3 },
    });
    expect(big.status, big.text).toBe(202);
    const { body, headers } = uploadBody(
      [
        HEADER,
        '1,100,1990-01,female,KH,TH,2020-01,2026-12,employed,agriculture,true,work_permit,compulsory',
      ].join('\n'),
    );
    const res = await member.request('POST', '/api/simulations/upload', body, headers);
    expect(res.status, res.text).toBe(202);
    const root = h.app.populationUploads.directory;
    expect(h.app.populationUploads.pending()).toHaveLength(1);
    await h.close();
    expect(existsSync(root)).toBe(false);
  });
});

describe('uploaded populations of a server that was killed', () => {
  it('are swept when the next server makes its directory; a live server’s are kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    try {
      // A pid far above Linux's pid_max (4,194,304) names a process that cannot be running.
      const dead = join(dir, 'tulay-populations-99999999-abc');
      const live = join(dir, `tulay-populations-${process.ppid}-def`);
      const other = join(dir, 'unrelated-99999999-ghi');
      for (const d of [dead, live, other]) {
        mkdirSync(join(d, 'upload-x'), { recursive: true });
        writeFileSync(join(d, 'upload-x', 'upload'), 'worker_id\n1\n');
      }
      expect(sweepAbandoned(dir)).toEqual(['tulay-populations-99999999-abc']);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(other)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
