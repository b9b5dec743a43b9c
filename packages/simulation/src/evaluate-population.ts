import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { OutcomeColumns, PopulationColumns } from './columnar.ts';
import type { Laws } from './evaluate-chunk.ts';
import { evaluateChunk } from './evaluate-chunk.ts';
import type { GenerateOptions } from './generate-population.ts';
import { chunkCount, generatePopulationChunk } from './generate-population.ts';
import type { IndicatorPartial } from './indicators.ts';
import { IndicatorAccumulator, workerKeyCodes } from './indicators.ts';
import type { LawSpec } from './laws.ts';
import { compileLaws } from './laws.ts';
import type { ThreadPool } from './thread-pool.ts';
import { startThread } from './thread-pool.ts';

/** Where the chunks come from: columns read by the caller, or generated (by each thread itself). */
export type ChunkSource =
  | {
      readonly kind: 'columns';
      readonly chunks: Iterable<PopulationColumns> | AsyncIterable<PopulationColumns>;
    }
  | { readonly kind: 'generate'; readonly options: GenerateOptions };

/** How the workers are evaluated, and what comes back of each chunk. */
export interface ChunkOptions {
  /** Run the scalar engine for every worker (default: the columnar kernel, scalar for the rest). */
  readonly scalar?: boolean;
  /** Return one row per worker (keys and outcomes) for workers.parquet. */
  readonly rows?: boolean;
}

/** One row per worker: id, weight, keys (5 per worker, as workerKeyCodes) and outcomes. */
export interface WorkerRows {
  readonly workerId: Float64Array;
  readonly weight: Float64Array;
  readonly keys: Int32Array;
  readonly outcome: OutcomeColumns;
}

/** What comes back of a chunk: counts, the indicators' partial sums, and the rows if asked for. */
export interface ChunkResult {
  readonly workers: number;
  readonly periods: number;
  /** Workers the chunk stands for (sum of weights). */
  readonly standsFor: number;
  /** Workers decided by the columnar kernel, and by the scalar engine. */
  readonly columnar: number;
  readonly scalar: number;
  readonly partial: IndicatorPartial;
  readonly rows: WorkerRows | null;
}

export interface EvaluateOptions extends ChunkOptions {
  /** Worker threads (default: every core); 0 evaluates in this thread. */
  readonly threads?: number;
  /** Called with each chunk's result, in the chunks' order. */
  readonly onChunk: (result: ChunkResult) => void | Promise<void>;
  /**
   * Stops the run: the worker threads are terminated at once (mid-chunk) and the promise
   * rejects with the signal's reason.
   */
  readonly signal?: AbortSignal | undefined;
  /** Threads kept between runs (a server's): taken from it, given back idle; started and ended by the run when absent. */
  readonly pool?: ThreadPool | undefined;
}

/** Evaluates one chunk and sums its indicators. */
export function processChunk(laws: Laws, c: PopulationColumns, options: ChunkOptions): ChunkResult {
  const o = evaluateChunk(laws, c, { scalar: options.scalar === true });
  const acc = new IndicatorAccumulator();
  acc.add(c, o);
  let standsFor = 0;
  for (let w = 0; w < c.workers; w++) standsFor += c.weight[w] ?? 0;
  let rows: WorkerRows | null = null;
  if (options.rows === true) {
    const keys = new Int32Array(c.workers * 5);
    const k = new Int32Array(5);
    for (let w = 0; w < c.workers; w++) {
      workerKeyCodes(c, w, k);
      keys.set(k, w * 5);
    }
    rows = { workerId: c.workerId, weight: c.weight, keys, outcome: o };
  }
  return {
    workers: c.workers,
    periods: c.periods,
    standsFor,
    columnar: o.stats.columnar,
    scalar: o.stats.scalar,
    partial: acc.partial(),
    rows,
  };
}

/** The buffers of a chunk result, moved (not copied) back to the main thread. */
export function resultBuffers(r: ChunkResult): ArrayBuffer[] {
  const out = r.partial.map(([, sums]) => sums.buffer as ArrayBuffer);
  if (r.rows) {
    const o = r.rows.outcome;
    for (const a of [
      r.rows.workerId,
      r.rows.weight,
      r.rows.keys,
      o.coveredBaseline,
      o.coveredReform,
      o.receivesBaseline,
      o.receivesReform,
      o.notPayableBaseline,
      o.notPayableReform,
      o.monthsLostBaseline,
      o.monthsLostReform,
      o.change,
      o.barriersRemoved,
    ])
      out.push(a.buffer as ArrayBuffer);
  }
  return out;
}

/** Every typed array of a chunk, to move it to a worker thread without copying. */
function columnBuffers(c: PopulationColumns): ArrayBuffer[] {
  return [
    c.workerId,
    c.weight,
    c.birth,
    c.sex,
    c.nationality,
    c.firstPeriod,
    c.country,
    c.from,
    c.to,
    c.activity,
    c.sector,
    c.documented,
    c.permit,
    c.insurance,
    c.earnings,
    c.currency,
    c.earningsPer,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** A chunk to evaluate, numbered so the pool can put results back in order. */
export type ChunkRequest =
  | { readonly seq: number; readonly columns: PopulationColumns }
  | { readonly seq: number; readonly generate: GenerateOptions; readonly chunk: number };

/** What a worker thread is sent first for each run: the law and what to return. */
export interface WorkerSetup {
  readonly spec: LawSpec;
  readonly options: ChunkOptions;
}

/** A message to a worker thread: a run's setup, then its chunks. */
export type WorkerMessage = { readonly setup: WorkerSetup } | ChunkRequest;

function* requests(source: ChunkSource & { kind: 'generate' }): Generator<ChunkRequest> {
  const n = chunkCount(source.options);
  for (let chunk = 0; chunk < n; chunk++) yield { seq: chunk, generate: source.options, chunk };
}

async function* columnRequests(
  chunks: Iterable<PopulationColumns> | AsyncIterable<PopulationColumns>,
): AsyncGenerator<ChunkRequest> {
  let seq = 0;
  for await (const columns of chunks) yield { seq: seq++, columns };
}

/**
 * Evaluates a population chunk by chunk, baseline and reform in one pass, on all cores: each
 * worker thread compiles the law once, then evaluates the chunks it is sent — or generates them
 * itself, for a generated population — and returns the indicators' partial sums. At most two
 * chunks per thread are in flight, so memory stays bounded whatever the population's size.
 */
export async function evaluatePopulation(
  source: ChunkSource,
  spec: LawSpec,
  options: EvaluateOptions,
): Promise<void> {
  const threads = options.threads ?? availableParallelism();
  const chunkOptions: ChunkOptions = {
    scalar: options.scalar ?? false,
    rows: options.rows ?? false,
  };
  const signal = options.signal;
  signal?.throwIfAborted();
  if (threads === 0) {
    const laws = compileLaws(spec);
    // Between chunks, let the event loop run (a server answers requests, a cancel arrives).
    const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
    if (source.kind === 'columns')
      for await (const c of source.chunks) {
        signal?.throwIfAborted();
        await options.onChunk(processChunk(laws, c, chunkOptions));
        await breathe();
      }
    else
      for (let chunk = 0; chunk < chunkCount(source.options); chunk++) {
        signal?.throwIfAborted();
        await options.onChunk(
          processChunk(laws, generatePopulationChunk(source.options, chunk), chunkOptions),
        );
        await breathe();
      }
    signal?.throwIfAborted();
    return;
  }
  // Compile once here first, so a bad knowledge base or reform fails before any thread starts.
  compileLaws(spec);
  signal?.throwIfAborted();
  const setup: WorkerSetup = { spec, options: chunkOptions };
  const kept = options.pool;
  const pool: readonly Worker[] = kept
    ? kept.take(threads)
    : Array.from({ length: threads }, () => startThread());
  for (const w of pool) w.postMessage({ setup } satisfies WorkerMessage);
  const idle: Worker[] = [...pool];
  const done = new Map<number, ChunkResult>();
  let inFlight = 0;
  let nextToDeliver = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const listeners = pool.map((w) => {
    const onMessage = (msg: { seq: number; result: ChunkResult }) => {
      done.set(msg.seq, msg.result);
      idle.push(w);
      notify();
    };
    const onError = (e: Error) => {
      failure = e;
      notify();
    };
    w.on('message', onMessage);
    w.on('error', onError);
    return () => {
      w.off('message', onMessage);
      w.off('error', onError);
    };
  });
  // Cancelling terminates the threads now, not after the chunks in flight: a chunk can take seconds.
  // The threads' ending, begun by a cancel: the run settles only once they have exited.
  const stopped: { ending: Promise<unknown> | null } = { ending: null };
  const onAbort = () => {
    failure = signal?.reason instanceof Error ? signal.reason : new Error('cancelled');
    stopped.ending = kept ? kept.discard() : Promise.all(pool.map((w) => w.terminate()));
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const waitForEvent = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  const deliver = async () => {
    for (;;) {
      const r = done.get(nextToDeliver);
      if (!r) return;
      done.delete(nextToDeliver);
      nextToDeliver++;
      inFlight--;
      await options.onChunk(r);
    }
  };
  // Delivers what is ready, then waits for a thread while `busy()` holds.
  const settle = async (busy: () => boolean) => {
    for (;;) {
      if (failure) throw failure;
      await deliver();
      if (!busy()) return;
      await waitForEvent();
    }
  };
  let finished = false;
  try {
    let sent = 0;
    const all = source.kind === 'generate' ? requests(source) : columnRequests(source.chunks);
    for await (const req of all) {
      await settle(() => idle.length === 0 || inFlight >= 2 * threads);
      const w = idle.pop() as Worker;
      inFlight++;
      if ('columns' in req) w.postMessage(req, columnBuffers(req.columns));
      else w.postMessage(req);
      sent++;
    }
    await settle(() => nextToDeliver < sent);
    finished = true;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const off of listeners) off();
    // Threads go back to the pool only idle, every chunk delivered; else they are ended.
    if (!kept) await Promise.all(pool.map((w) => w.terminate()));
    else if (!finished) await (stopped.ending ?? kept.discard());
  }
}
