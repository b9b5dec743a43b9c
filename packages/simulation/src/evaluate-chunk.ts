import type { KnowledgeBase } from '@tulay/engine';
import { check, diffResults, parseMonth } from '@tulay/engine';
import type { OutcomeColumns, PopulationColumns } from './columnar.ts';
import { IndicatorKernel, allocateOutcomes, profileOf } from './columnar.ts';
import { changeOf, outcomeOf } from './outcome.ts';

export type { OutcomeColumns } from './columnar.ts';

/** The law a population is evaluated under: the baseline, and the reform if there is one. */
export interface Laws {
  readonly baseline: KnowledgeBase;
  readonly reform: KnowledgeBase | null;
  /** The evaluation date, YYYY-MM or YYYY-MM-DD. */
  readonly at: string;
}

/** How a chunk was evaluated: the workers the columnar kernel decided, and those the scalar engine did. */
export interface ChunkStats {
  readonly columnar: number;
  readonly scalar: number;
}

const kernels = new WeakMap<Laws, IndicatorKernel>();

/** The columnar kernel of a law, compiled once per Laws object. */
export function kernelOf(laws: Laws): IndicatorKernel {
  let k = kernels.get(laws);
  if (!k) {
    k = new IndicatorKernel(laws.baseline, laws.reform, parseMonth(laws.at));
    kernels.set(laws, k);
  }
  return k;
}

/** One worker through the scalar engine (trace off), baseline and reform, into row `w` of `out`. */
export function evaluateScalarWorker(
  laws: Laws,
  c: PopulationColumns,
  w: number,
  out: OutcomeColumns,
): void {
  const options = { at: laws.at, trace: false };
  const profile = profileOf(c, w);
  const before = check(laws.baseline, profile, options);
  const b = outcomeOf(laws.baseline, before);
  out.coveredBaseline[w] = b.covered;
  out.receivesBaseline[w] = b.receives;
  out.notPayableBaseline[w] = b.notPayableHome;
  out.monthsLostBaseline[w] = b.monthsLost;
  if (laws.reform === null) {
    out.coveredReform[w] = b.covered;
    out.receivesReform[w] = b.receives;
    out.notPayableReform[w] = b.notPayableHome;
    out.monthsLostReform[w] = b.monthsLost;
    out.change[w] = 0;
    out.barriersRemoved[w] = 0;
    return;
  }
  const after = check(laws.reform, profile, options);
  const r = outcomeOf(laws.reform, after);
  out.coveredReform[w] = r.covered;
  out.receivesReform[w] = r.receives;
  out.notPayableReform[w] = r.notPayableHome;
  out.monthsLostReform[w] = r.monthsLost;
  const d = changeOf(diffResults(before, after));
  out.change[w] = d.change;
  out.barriersRemoved[w] = d.barriersRemoved;
}

/**
 * Evaluates every worker of a chunk, baseline and reform in one pass, and keeps what the
 * indicators need. By default the columnar kernel decides every worker it supports and the
 * scalar engine the others (exact by construction); `scalar: true` runs the scalar engine
 * (check() with trace off) for every worker.
 */
export function evaluateChunk(
  laws: Laws,
  c: PopulationColumns,
  options: { readonly scalar?: boolean } = {},
): OutcomeColumns & { readonly stats: ChunkStats } {
  const n = c.workers;
  const out = allocateOutcomes(n);
  if (options.scalar === true) {
    for (let w = 0; w < n; w++) evaluateScalarWorker(laws, c, w, out);
    return { ...out, stats: { columnar: 0, scalar: n } };
  }
  const fallback = new Uint8Array(n);
  const scalar = kernelOf(laws).evaluate(c, out, fallback);
  if (scalar > 0)
    for (let w = 0; w < n; w++) if (fallback[w] === 1) evaluateScalarWorker(laws, c, w, out);
  return { ...out, stats: { columnar: n - scalar, scalar } };
}
