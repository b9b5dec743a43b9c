import type { KnowledgeBase } from '@tulay/engine';
import { check, diffResults } from '@tulay/engine';
import type { PopulationColumns } from './columnar.ts';
import { profileOf } from './columnar.ts';
import { changeOf, outcomeOf } from './outcome.ts';

/** The outcomes of a chunk's workers, baseline and reform, one entry per worker. */
export interface OutcomeColumns {
  readonly workers: number;
  readonly coveredBaseline: Uint16Array;
  readonly coveredReform: Uint16Array;
  readonly receivesBaseline: Uint16Array;
  readonly receivesReform: Uint16Array;
  readonly notPayableBaseline: Uint16Array;
  readonly notPayableReform: Uint16Array;
  readonly monthsLostBaseline: Int32Array;
  readonly monthsLostReform: Int32Array;
  /** 1 gains, 2 loses (3: gains a benefit and loses another). */
  readonly change: Uint8Array;
  /** Barriers removed where the worker gains (bit i: BARRIER_CODES[i]). */
  readonly barriersRemoved: Uint16Array;
}

/** The law a population is evaluated under: the baseline, and the reform if there is one. */
export interface Laws {
  readonly baseline: KnowledgeBase;
  readonly reform: KnowledgeBase | null;
  /** The evaluation date, YYYY-MM or YYYY-MM-DD. */
  readonly at: string;
}

/**
 * Checks every worker of a chunk with the scalar engine (trace off), under the baseline and the
 * reform in the same pass, and keeps what the indicators need.
 */
export function evaluateChunk(laws: Laws, c: PopulationColumns): OutcomeColumns {
  const n = c.workers;
  const out: OutcomeColumns = {
    workers: n,
    coveredBaseline: new Uint16Array(n),
    coveredReform: new Uint16Array(n),
    receivesBaseline: new Uint16Array(n),
    receivesReform: new Uint16Array(n),
    notPayableBaseline: new Uint16Array(n),
    notPayableReform: new Uint16Array(n),
    monthsLostBaseline: new Int32Array(n),
    monthsLostReform: new Int32Array(n),
    change: new Uint8Array(n),
    barriersRemoved: new Uint16Array(n),
  };
  const options = { at: laws.at, trace: false };
  for (let w = 0; w < n; w++) {
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
      continue;
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
  return out;
}
