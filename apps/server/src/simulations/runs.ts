// Simulation runs kept in memory: one runs at a time on the server's worker threads, a few wait
// in a queue, and finished runs are forgotten after a while. Nothing is persisted: a generated
// population is synthetic and its request repeats it (same seed, same numbers); an uploaded one
// lives in a private temporary file that is released the moment its run ends, however it ends.
import { availableParallelism } from 'node:os';
import type { Reform } from '@tulay/engine';
import type { CorridorKey, IndicatorRow, SimulationSummary } from '@tulay/simulation';
import { ThreadPool, simulate } from '@tulay/simulation';
import { ApiError } from '../errors.ts';
import { shippedKnowledgeBase } from '../knowledge.ts';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A generated population, or a validated uploaded file (see uploads.ts). */
export type RunPopulation =
  | { readonly kind: 'generate'; readonly workers: number; readonly seed: number }
  | {
      readonly kind: 'upload';
      readonly file: string;
      readonly workers: number;
      readonly rows: number;
      /** Deletes the file: called once the run is over. */
      readonly release: () => void;
    };

export interface RunRequest {
  readonly at: string;
  /** The generator's corridors (none for an uploaded population). */
  readonly corridors: readonly CorridorKey[];
  readonly population: RunPopulation;
  readonly reform: Reform | null;
}

export interface RunProgress {
  done: number;
  total: number;
  /** Workers per second since the run started. */
  rate: number;
  /** Seconds left at that rate; null before the first chunk. */
  eta: number | null;
}

/**
 * A run's summary without its indicator rows (those are served apart: they are long), and with
 * where the population came from instead of its source (an uploaded file's path is not kept).
 */
export type RunSummary = Omit<SimulationSummary, 'indicators' | 'files' | 'population'> & {
  readonly population: {
    readonly source: 'generated' | 'uploaded';
    readonly workers: number;
    readonly periods: number;
    readonly standsFor: number;
  };
};

export interface Run {
  readonly id: string;
  /** The account that started it: only they (and the secretariat) see it. */
  readonly ownerId: string;
  readonly request: RunRequest;
  readonly createdAt: string;
  status: RunStatus;
  startedAt: string | null;
  finishedAt: string | null;
  progress: RunProgress;
  summary: RunSummary | null;
  indicators: readonly IndicatorRow[] | null;
  error: string | null;
  readonly notes: string[];
  /** Queued but not to start yet: its start is being recorded (see `submit`). */
  held: boolean;
  readonly controller: AbortController;
  readonly listeners: Set<(run: Run) => void>;
}

export interface RunsOptions {
  /** Worker threads per run (default every core; 0 evaluates in the server's own thread). */
  threads?: number;
  /** Runs that may wait behind the running one (default 2). */
  maxQueued?: number;
  /** How long a finished run is kept, in milliseconds (default one hour). */
  ttlMs?: number;
  /** Finished runs kept at most; the oldest go first (default 50). */
  maxKept?: number;
}

const isFinished = (s: RunStatus) => s === 'done' || s === 'failed' || s === 'cancelled';

/** Chunks small enough that even a small run reports progress a few times. */
export function chunkSizeFor(workers: number): number {
  return Math.min(20_000, Math.max(1_000, Math.ceil(workers / 20)));
}

/** Populations this small are evaluated in the server's own thread (chunk by chunk). */
export const IN_PROCESS_WORKERS = 20_000;

/**
 * Threads for a run: a small run takes less time in the server's own thread (between whose chunks
 * requests are still answered) than sending it to threads; a larger one takes them all. The
 * threads are kept between runs, so only the first large run after a start (or a cancel) waits
 * for them to load the engine.
 */
export function threadsFor(workers: number, max: number): number {
  return workers <= IN_PROCESS_WORKERS ? 0 : max;
}

export class SimulationRuns {
  private readonly runs = new Map<string, Run>();
  private readonly queue: Run[] = [];
  private running: Run | null = null;
  private readonly threads: number;
  private readonly maxQueued: number;
  private readonly ttlMs: number;
  private readonly maxKept: number;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;
  /** Evaluation threads kept from one run to the next. */
  private readonly pool = new ThreadPool();

  constructor(
    options: RunsOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.threads = options.threads ?? availableParallelism();
    this.maxQueued = options.maxQueued ?? 2;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxKept = options.maxKept ?? 50;
    this.sweeper = setInterval(
      () => {
        this.sweep();
      },
      Math.min(this.ttlMs, 60_000),
    );
    this.sweeper.unref();
  }

  /** Throws 503 when a run could not be queued now (checked before an upload is read). */
  checkCapacity(): void {
    if (this.closed) throw new ApiError('simulations_busy', 'the server is shutting down');
    if (this.running !== null && this.queue.length >= this.maxQueued)
      throw new ApiError(
        'simulations_busy',
        `a simulation is running and ${this.queue.length} wait: the server runs one at a time; try again in a few minutes`,
      );
  }

  /**
   * Queues a run; 503 when one is running and the queue is full. A run submitted with `hold`
   * takes its place in the queue but starts only once `resume`d (or is cancelled): the audit log
   * records its start first, and the answer follows its start without a write between them.
   */
  submit(
    ownerId: string,
    request: RunRequest,
    notes: string[],
    options: { hold?: boolean } = {},
  ): Run {
    this.sweep();
    this.checkCapacity();
    const run: Run = {
      id: crypto.randomUUID(),
      ownerId,
      request,
      createdAt: this.now().toISOString(),
      status: 'queued',
      startedAt: null,
      finishedAt: null,
      progress: { done: 0, total: request.population.workers, rate: 0, eta: null },
      summary: null,
      indicators: null,
      error: null,
      notes,
      held: options.hold === true,
      controller: new AbortController(),
      listeners: new Set(),
    };
    this.runs.set(run.id, run);
    this.queue.push(run);
    this.next();
    return run;
  }

  /** Lets a run submitted with `hold` start (now, if it is next). */
  resume(run: Run): void {
    run.held = false;
    this.next();
  }

  get(id: string): Run | undefined {
    this.sweep();
    return this.runs.get(id);
  }

  /** Where a queued run stands in the queue (1 = next), or null. */
  positionOf(run: Run): number | null {
    const i = this.queue.indexOf(run);
    return i < 0 ? null : i + 1;
  }

  /** Stops a run: a queued one never starts; a running one has its worker threads terminated. */
  cancel(run: Run): void {
    if (isFinished(run.status)) return;
    if (run.status === 'queued') {
      this.queue.splice(this.queue.indexOf(run), 1);
      this.finish(run, 'cancelled', null);
      // It may have been held at the head, with nothing running behind it.
      this.next();
      return;
    }
    run.controller.abort(new Error('cancelled'));
  }

  /** Cancels every run not yet finished, and waits until none runs. */
  async cancelAll(): Promise<void> {
    for (const run of [...this.queue]) this.cancel(run);
    const running = this.running;
    if (running) {
      await new Promise<void>((resolve) => {
        const stop = this.watch(running, (r) => {
          if (isFinished(r.status)) {
            stop();
            resolve();
          }
        });
        this.cancel(running);
      });
    }
  }

  /** Follows a run: called on each change; returns the unsubscribe. */
  watch(run: Run, listener: (run: Run) => void): () => void {
    run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  /** Cancels everything (the server is closing) and waits for the running run to stop. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    await this.cancelAll();
    await this.pool.discard();
  }

  private emit(run: Run): void {
    for (const l of [...run.listeners]) l(run);
  }

  private finish(run: Run, status: RunStatus, error: string | null): void {
    // The uploaded file goes first: nothing reads it any more, whatever the outcome.
    if (run.request.population.kind === 'upload') run.request.population.release();
    run.status = status;
    run.error = error;
    run.finishedAt = this.now().toISOString();
    this.emit(run);
    run.listeners.clear();
  }

  private next(): void {
    if (this.running !== null || this.closed) return;
    // A held run keeps its place, and those behind it wait for it: it is held for a moment only.
    if (this.queue[0]?.held !== false) return;
    const run = this.queue.shift();
    if (!run) return;
    this.running = run;
    void this.execute(run).finally(() => {
      this.running = null;
      this.next();
    });
  }

  private async execute(run: Run): Promise<void> {
    run.status = 'running';
    run.startedAt = this.now().toISOString();
    this.emit(run);
    const started = performance.now();
    const { request } = run;
    const population = request.population;
    const workers = population.workers;
    try {
      const summary = await simulate({
        population:
          population.kind === 'upload'
            ? { kind: 'file', file: population.file }
            : { kind: 'generate', workers, seed: population.seed },
        corridors: request.corridors,
        reform: request.reform,
        at: request.at,
        // Read once by the server: the threads compile it without reading the files again.
        knowledge: shippedKnowledgeBase().input,
        threads: threadsFor(workers, this.threads),
        pool: this.pool,
        chunkSize: chunkSizeFor(workers),
        signal: run.controller.signal,
        onProgress: (done) => {
          const seconds = (performance.now() - started) / 1000;
          const rate = seconds > 0 ? done / seconds : 0;
          run.progress = {
            done,
            total: workers,
            rate,
            eta: rate > 0 ? (workers - done) / rate : null,
          };
          this.emit(run);
        },
      });
      const p = summary.population;
      run.summary = {
        engineVersion: summary.engineVersion,
        at: summary.at,
        reform: summary.reform,
        path: summary.path,
        evaluated: summary.evaluated,
        threads: summary.threads,
        seconds: summary.seconds,
        workersPerSecond: summary.workersPerSecond,
        population: {
          source: p.kind === 'file' ? 'uploaded' : 'generated',
          workers: p.workers,
          periods: p.periods,
          standsFor: p.standsFor,
        },
      };
      run.indicators = summary.indicators;
      this.finish(run, 'done', null);
    } catch (e) {
      if (run.controller.signal.aborted) this.finish(run, 'cancelled', null);
      else {
        const message = e instanceof Error ? e.message : String(e);
        // The file's private path is no one's business.
        const said =
          population.kind === 'upload'
            ? message.replaceAll(population.file, 'the uploaded population')
            : message;
        this.finish(run, 'failed', said);
      }
    }
  }

  /** Forgets finished runs past their time, and the oldest beyond the number kept. */
  private sweep(): void {
    const cutoff = this.now().getTime() - this.ttlMs;
    const finished: Run[] = [];
    for (const run of this.runs.values()) {
      if (!isFinished(run.status)) continue;
      if (run.finishedAt !== null && Date.parse(run.finishedAt) < cutoff) this.runs.delete(run.id);
      else finished.push(run);
    }
    finished.sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
    while (finished.length > this.maxKept) {
      const old = finished.shift();
      if (old) this.runs.delete(old.id);
    }
  }
}
