import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PopulationColumns } from './columnar.ts';
import type { OutcomeColumns } from './evaluate-chunk.ts';
import { evaluateChunk } from './evaluate-chunk.ts';
import type { LawSpec } from './laws.ts';
import { compileLaws } from './laws.ts';

export interface EvaluateOptions {
  /** Worker threads (default: every core); 0 evaluates in this thread. */
  readonly threads?: number;
  /** Called with each chunk and its outcomes, in the chunks' order. */
  readonly onChunk: (columns: PopulationColumns, outcome: OutcomeColumns) => void | Promise<void>;
}

const BOOTSTRAP = new URL('./worker/bootstrap.js', import.meta.url);

/** Every typed array of a chunk, to move it to a worker thread without copying. */
function buffers(c: PopulationColumns): ArrayBuffer[] {
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

/**
 * Evaluates a population chunk by chunk, baseline and reform in one pass, on all cores: each
 * worker thread compiles the law once, then checks the chunks it is sent. At most two chunks per
 * thread are in flight, so memory stays bounded whatever the population's size.
 */
export async function evaluatePopulation(
  chunks: Iterable<PopulationColumns> | AsyncIterable<PopulationColumns>,
  spec: LawSpec,
  options: EvaluateOptions,
): Promise<void> {
  const threads = options.threads ?? availableParallelism();
  if (threads === 0) {
    const laws = compileLaws(spec);
    for await (const c of chunks) await options.onChunk(c, evaluateChunk(laws, c));
    return;
  }
  // Compile once here first, so a bad knowledge base or reform fails before any thread starts.
  compileLaws(spec);
  const pool = Array.from({ length: threads }, () => new Worker(BOOTSTRAP, { workerData: spec }));
  const idle: Worker[] = [...pool];
  const pending = new Map<number, PopulationColumns>();
  const done = new Map<number, OutcomeColumns>();
  let nextToDeliver = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const w of pool) {
    w.on('message', (msg: { seq: number; outcome: OutcomeColumns }) => {
      done.set(msg.seq, msg.outcome);
      idle.push(w);
      notify();
    });
    w.on('error', (e) => {
      failure = e;
      notify();
    });
  }
  const waitForEvent = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  const deliver = async () => {
    for (;;) {
      const o = done.get(nextToDeliver);
      const c = pending.get(nextToDeliver);
      if (!o || !c) return;
      done.delete(nextToDeliver);
      pending.delete(nextToDeliver);
      nextToDeliver++;
      await options.onChunk(c, o);
    }
  };
  // Delivers what is ready, then waits for a thread while `busy()` holds.
  const settle = async (busy: () => boolean) => {
    for (;;) {
      if (failure) throw failure;
      await deliver();
      if (!busy()) return;
      if (!done.has(nextToDeliver)) await waitForEvent();
    }
  };
  try {
    let seq = 0;
    for await (const c of chunks) {
      await settle(() => idle.length === 0 || pending.size >= 2 * threads);
      const w = idle.pop() as Worker;
      // The worker gets a copy to own (transferred); the original stays for the indicators.
      const copy = structuredClone(c);
      pending.set(seq, c);
      w.postMessage({ seq, columns: copy }, buffers(copy));
      seq++;
    }
    const sent = seq;
    await settle(() => nextToDeliver < sent);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
