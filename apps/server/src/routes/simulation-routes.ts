// Population simulations on the server's worker threads: start (on a generated population or an
// uploaded file), follow (JSON or Server-Sent Events), cancel, and the indicator tables as CSV or
// JSON. Runs live in memory only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { IndicatorRow } from '@tulay/simulation';
import { CORRIDORS } from '@tulay/simulation';
import { z } from 'zod';
import type { Actor } from '../access.ts';
import { authorise } from '../access.ts';
import { ApiError, fieldsFromZod, notFound } from '../errors.ts';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import {
  IndicatorRowOut,
  SimulationCreate,
  SimulationIdParams,
  SimulationOut,
  SimulationUploadForm,
  SimulationUploadRequest,
} from '../schemas/simulations.ts';
import type { Run, RunsOptions } from '../simulations/runs.ts';
import { SimulationRuns } from '../simulations/runs.ts';
import { DEFAULT_MAX_POPULATION_BYTES, PopulationUploads } from '../simulations/uploads.ts';
import { shippedKnowledgeBase } from '../knowledge.ts';
import { checkSimulationRequest } from '../simulations/validate.ts';
import { cancelSimulation, startSimulation } from '../use-cases/simulations.ts';

declare module 'fastify' {
  interface FastifyInstance {
    simulationRuns: SimulationRuns;
    populationUploads: PopulationUploads;
  }
}

/** The example population the studio offers for download: 20 synthetic workers. */
const EXAMPLE_POPULATION = join(
  import.meta.dirname,
  '../../../../docs/examples/populations/example-20-workers.csv',
);

/** Settings from the environment: threads per run, queue length, minutes a finished run is kept. */
function optionsFromEnv(env: NodeJS.ProcessEnv): RunsOptions & { maxUploadBytes: number } {
  const n = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    const x = Number(v);
    if (!Number.isSafeInteger(x) || x < 0)
      throw new Error(`${name}: "${v}" must be a whole number`);
    return x;
  };
  const minutes = n('TULAY_SIMULATION_TTL_MINUTES');
  const uploadMiB = n('TULAY_SIMULATION_UPLOAD_MB');
  return {
    threads: n('TULAY_SIMULATION_THREADS'),
    maxQueued: n('TULAY_SIMULATION_QUEUE'),
    ttlMs: minutes === undefined ? undefined : minutes * 60_000,
    maxUploadBytes:
      uploadMiB === undefined || uploadMiB === 0
        ? DEFAULT_MAX_POPULATION_BYTES
        : uploadMiB * 1024 * 1024,
  };
}

/**
 * The run, for anyone who may run simulations when its population was generated: such runs hold
 * no personal data and their ids cannot be guessed, so a link can be shared with colleagues. A
 * run on an uploaded population keeps no row of it, only counts and indicators, but is still
 * shown to who started it and the secretariat alone (404 to others, as if it did not exist).
 */
function visibleRun(runs: SimulationRuns, actor: Actor, id: string): Run {
  authorise(actor, 'simulation.run');
  const run = runs.get(id);
  if (!run) throw notFound('simulation');
  // Indicators of a small uploaded population can describe its few workers (a group of one is
  // one person): such a run is for who uploaded it and the secretariat, and hidden from others.
  if (run.request.population.kind === 'upload' && !isOwnerOrStaff(actor, run))
    throw notFound('simulation');
  return run;
}

function isOwnerOrStaff(actor: Actor, run: Run): boolean {
  if (actor.kind === 'public') return false;
  return run.ownerId === actor.userId || actor.role === 'secretariat' || actor.role === 'admin';
}

/** Only who started a run, the secretariat and admins may stop it. */
function cancellableRun(runs: SimulationRuns, actor: Actor, id: string): Run {
  const run = visibleRun(runs, actor, id);
  if (actor.kind === 'public') throw new ApiError('unauthenticated', 'sign in first');
  if (!isOwnerOrStaff(actor, run))
    throw new ApiError(
      'forbidden',
      'only who started a simulation (or the secretariat) may cancel it',
    );
  return run;
}

/** The headline rows (all workers) that come with the run; the rest are in the exports. */
function headline(rows: readonly IndicatorRow[]): IndicatorRow[] {
  return rows.filter((r) => r.dimension === 'all');
}

export function present(runs: SimulationRuns, run: Run): z.input<typeof SimulationOut> {
  const s = run.summary;
  const r = run.request;
  const p = r.population;
  return {
    id: run.id,
    status: run.status,
    created_at: run.createdAt,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    queue_position: runs.positionOf(run),
    request: {
      at: r.at,
      corridors: r.corridors.map((c) => ({ origin: c.origin, destination: c.destination })),
      population:
        p.kind === 'upload'
          ? { uploaded: true, workers: p.workers, rows: p.rows }
          : { generate: p.workers, seed: p.seed },
      reform: r.reform ? { id: r.reform.id, title: r.reform.title, from: r.reform.from } : null,
    },
    progress: { ...run.progress },
    notes: run.notes,
    error: run.error,
    summary:
      s === null
        ? null
        : {
            engine_version: s.engineVersion,
            population: s.population.source,
            workers: s.population.workers,
            periods: s.population.periods,
            stands_for: s.population.standsFor,
            path: s.path,
            evaluated: s.evaluated,
            threads: s.threads,
            seconds: s.seconds,
            workers_per_second: s.workersPerSecond,
            indicators: headline(run.indicators ?? []),
          },
  };
}

const CSV_COLUMNS = [
  'dimension',
  'group',
  'indicator',
  'detail',
  'baseline',
  'reform',
  'workers',
  'sample',
] as const;

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function finishedIndicators(run: Run): readonly IndicatorRow[] {
  if (run.status !== 'done' || run.indicators === null)
    throw new ApiError(
      'conflict',
      `the simulation is ${run.status}: results exist once it is done`,
    );
  return run.indicators;
}

export function simulationRoutes(deps: Deps): void {
  const { app, options } = deps;
  const warmUp = () => {
    try {
      shippedKnowledgeBase();
    } catch (e) {
      app.log.error({ err: e }, 'cannot read the knowledge base for simulations');
    }
  };
  const settings = optionsFromEnv(process.env);
  const runs = new SimulationRuns(settings, () => deps.clock.now());
  const uploads = new PopulationUploads(settings.maxUploadBytes);
  app.addHook('onClose', async () => {
    await runs.close();
    // Cancelled runs have released their files; this removes what is left (an upload mid-way).
    uploads.close();
  });
  // Tests reach the runs and the uploads' directory through the app.
  app.decorate('simulationRuns', runs);
  app.decorate('populationUploads', uploads);

  const notesFor = (at: string, reform: { from: string } | null): string[] =>
    reform !== null && at.slice(0, 7) < reform.from
      ? [`the reform takes effect from ${reform.from}, after ${at}: at that date nothing changes`]
      : [];

  route(app, options, {
    method: 'GET',
    url: '/api/simulations/corridors',
    tag: 'simulations',
    summary:
      'The corridors the population generator is calibrated for, with their stocks (what a run may choose)',
    response: z.object({
      corridors: z.array(
        z.object({
          origin: z.string(),
          destination: z.string(),
          stock: z.number(),
          is_estimate: z.boolean(),
        }),
      ),
    }),
    handler: () => {
      // Whoever asks for the corridors is about to run: read the knowledge base (most of a
      // second, once) after this answer rather than in the run's request. Not at start-up:
      // every server would pay for it, most never running a simulation.
      setImmediate(warmUp).unref();
      return Promise.resolve({
        corridors: CORRIDORS.map((c) => ({
          origin: c.origin,
          destination: c.destination,
          stock: c.stock.value,
          is_estimate: 'estimate' in c.stock,
        })),
      });
    },
  });

  route(app, options, {
    method: 'POST',
    url: '/api/simulations',
    tag: 'simulations',
    summary:
      'Start a simulation: a generated population through the law at a date, baseline and reform (signed-in participants; one runs at a time)',
    body: SimulationCreate,
    response: SimulationOut,
    status: 202,
    handler: async ({ body, actor, request }) => {
      authorise(actor, 'simulation.run');
      const corridors = body.corridors ?? [];
      checkSimulationRequest(corridors, body.reform);
      const run = await startSimulation(
        contextOf(deps, request),
        runs,
        {
          at: body.at,
          corridors,
          population: {
            kind: 'generate',
            workers: body.population.generate,
            seed: body.population.seed,
          },
          reform: body.reform,
        },
        notesFor(body.at, body.reform),
      );
      return present(runs, run);
    },
  });

  // Multipart is parsed for this route only (as for the document uploads): the file part is
  // streamed to a private temporary file under the size limit, never held whole in memory.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: uploads.maxBytes,
        files: 1,
        fields: 1,
        parts: 2,
        fieldSize: 1024 * 1024,
      },
    });

    route(scope, options, {
      method: 'POST',
      url: '/api/simulations/upload',
      tag: 'simulations',
      summary:
        'Start a simulation on an uploaded population (multipart: a `request` JSON part `{ at, reform }` and a `population` Parquet or CSV file, validated row by row before the run is queued; the file is deleted when the run ends)',
      multipart: SimulationUploadForm,
      response: SimulationOut,
      status: 202,
      handler: async ({ actor, request }) => {
        // Before a byte of the file is read: who may not run never gets it onto the disk.
        authorise(actor, 'simulation.run');
        runs.checkCapacity();
        const received = await uploads.receive(request, (raw) => {
          if (raw === undefined)
            throw new ApiError('invalid_request', 'the request part is missing', [
              { path: 'request', message: 'is required: JSON with at and reform' },
            ]);
          let json: unknown;
          try {
            json = JSON.parse(raw);
          } catch {
            throw new ApiError('invalid_request', 'the request part is not JSON', [
              { path: 'request', message: 'must be JSON: { "at": "YYYY-MM", "reform": … }' },
            ]);
          }
          const parsed = SimulationUploadRequest.safeParse(json);
          if (!parsed.success) {
            const fields = fieldsFromZod('request', parsed.error);
            throw new ApiError(
              'invalid_request',
              `invalid request: ${fields.map((f) => f.path).join(', ')}`,
              fields,
            );
          }
          checkSimulationRequest([], parsed.data.reform, 'request');
          return parsed.data;
        });
        const { population, request: body } = received;
        try {
          const run = await startSimulation(
            contextOf(deps, request),
            runs,
            {
              at: body.at,
              corridors: [],
              population: {
                kind: 'upload',
                file: population.file,
                workers: population.workers,
                rows: population.rows,
                release: () => {
                  population.release();
                },
              },
              reform: body.reform,
            },
            notesFor(body.at, body.reform),
          );
          return present(runs, run);
        } catch (e) {
          population.release();
          throw e;
        }
      },
    });
  });

  route(app, options, {
    method: 'GET',
    url: '/api/simulations/example-population.csv',
    tag: 'simulations',
    summary:
      'An example population file: 20 synthetic workers in the population table format (docs/simulation.md)',
    response: z.string(),
    contentType: 'text/csv; charset=utf-8',
    handler: ({ reply }) => {
      void reply.header(
        'content-disposition',
        'attachment; filename="tulay-example-population.csv"',
      );
      return Promise.resolve(readFileSync(EXAMPLE_POPULATION, 'utf8'));
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/simulations/:id',
    tag: 'simulations',
    summary: 'A simulation: status, progress, and the headline indicators when done',
    params: SimulationIdParams,
    response: SimulationOut,
    handler: ({ params, actor }) =>
      Promise.resolve(present(runs, visibleRun(runs, actor, params.id))),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/simulations/:id/cancel',
    tag: 'simulations',
    summary: 'Cancel a simulation: a queued one never starts, a running one stops its threads',
    params: SimulationIdParams,
    response: SimulationOut,
    handler: async ({ params, actor, request }) => {
      const run = cancellableRun(runs, actor, params.id);
      await cancelSimulation(contextOf(deps, request), runs, run);
      return present(runs, run);
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/simulations/:id/events',
    tag: 'simulations',
    summary:
      'Server-Sent Events: `progress` while it runs, then one `done`, `failed` or `cancelled` event with the run (as GET /api/simulations/:id) and the stream ends',
    params: SimulationIdParams,
    response: z.string(),
    contentType: 'text/event-stream',
    handler: ({ params, actor, reply, request }) => {
      const run = visibleRun(runs, actor, params.id);
      // The stream is written by hand: keep the security headers the plugins have set.
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (r: Run) => {
        const event = r.status === 'queued' || r.status === 'running' ? 'progress' : r.status;
        raw.write(`event: ${event}\ndata: ${JSON.stringify(present(runs, r))}\n\n`);
        return event !== 'progress';
      };
      if (send(run)) {
        raw.end();
        return Promise.resolve('');
      }
      // A comment now and then keeps proxies from closing a quiet stream.
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      let stop = () => {};
      const end = () => {
        clearInterval(heartbeat);
        stop();
        raw.end();
      };
      stop = runs.watch(run, (r) => {
        if (send(r)) end();
      });
      request.raw.on('close', end);
      return Promise.resolve('');
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/simulations/:id/results.json',
    tag: 'simulations',
    summary:
      'Every indicator of a finished simulation, by all, corridor, sex, sector and documentation status',
    params: SimulationIdParams,
    response: z.object({ simulation: SimulationOut, indicators: z.array(IndicatorRowOut) }),
    handler: ({ params, actor }) => {
      const run = visibleRun(runs, actor, params.id);
      const indicators = finishedIndicators(run);
      return Promise.resolve({ simulation: present(runs, run), indicators: [...indicators] });
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/simulations/:id/results.csv',
    tag: 'simulations',
    summary: 'Every indicator of a finished simulation as CSV (long format, one row per indicator)',
    params: SimulationIdParams,
    response: z.string(),
    contentType: 'text/csv; charset=utf-8',
    handler: ({ params, actor, reply }) => {
      const run = visibleRun(runs, actor, params.id);
      const rows = finishedIndicators(run);
      void reply.header(
        'content-disposition',
        `attachment; filename="simulation-${run.id.slice(0, 8)}.csv"`,
      );
      const lines = [CSV_COLUMNS.join(',')];
      for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
      return Promise.resolve(`${lines.join('\n')}\n`);
    },
  });
}
