import type { BarrierCode, Branch, CheckResult, KnowledgeBase, ReformDiff } from '@tulay/engine';
import { BRANCHES, parseMonth } from '@tulay/engine';
import { OUTCOME_BARRIER_CODES } from './columnar.ts';

/** Barrier codes in bit order (bit i of a barrier mask is BARRIER_CODES[i]), shared with the columnar kernel. */
export const BARRIER_CODES: readonly BarrierCode[] = OUTCOME_BARRIER_CODES;

const BRANCH_BIT = new Map<Branch, number>(BRANCHES.map((b, i) => [b, 1 << i]));
const BARRIER_BIT = new Map<BarrierCode, number>(BARRIER_CODES.map((c, i) => [c, 1 << i]));

/** What one check says about a worker, as the indicators count it. Masks have bit i for BRANCHES[i]. */
export interface WorkerOutcome {
  /** Branches of a scheme that covers the worker by law in the evaluation month (legal coverage). */
  readonly covered: number;
  /** Branches with a benefit the worker is entitled to if the risk happened now (effective). */
  readonly receives: number;
  /** Branches entitled to, but not payable at home (the worker's nationality). */
  readonly notPayableHome: number;
  /**
   * Insured months that the worker's best-placed old-age scheme does not count: months lost for
   * lack of totalization (0 without an old-age scheme that covered them).
   */
  readonly monthsLost: number;
}

const ENTITLED = new Set(['entitled', 'entitled_through_agreement']);

/** The indicators' reading of one check result. */
export function outcomeOf(kb: KnowledgeBase, result: CheckResult): WorkerOutcome {
  const at = result.at;
  const owners = new Set<string>();
  const insured = new Set<number>();
  for (const period of result.coverage)
    for (const s of period.schemes) {
      if (s.from <= at && at <= s.to)
        owners.add(kb.schemes.get(s.scheme)?.branchesFrom ?? s.scheme);
      if (s.counted)
        for (let m = parseMonth(s.from), to = parseMonth(s.to); m <= to; m++) insured.add(m);
    }
  let covered = 0;
  let receives = 0;
  let notPayableHome = 0;
  let bestAggregated = -1;
  for (const r of result.results) {
    const bit = BRANCH_BIT.get(r.branch) ?? 0;
    if (owners.has(r.scheme)) covered |= bit;
    if (ENTITLED.has(r.status)) {
      receives |= bit;
      if (r.payableAbroad === false) notPayableHome |= bit;
    }
    if (r.branch === 'old_age' && r.months.own > 0)
      bestAggregated = Math.max(bestAggregated, r.months.aggregated);
  }
  const monthsLost = bestAggregated < 0 ? 0 : Math.max(0, insured.size - bestAggregated);
  return { covered, receives, notPayableHome, monthsLost };
}

/** How the reform changes a worker: 1 gains (a benefit or a better one), 2 loses; and the barriers removed where they gain. */
export function changeOf(diff: ReformDiff): { change: number; barriersRemoved: number } {
  let change = 0;
  let barriersRemoved = 0;
  for (const c of diff.changes) {
    if (c.change === 'gains' || c.change === 'better') {
      change |= 1;
      for (const code of c.barriersRemoved) barriersRemoved |= BARRIER_BIT.get(code) ?? 0;
    } else if (c.change === 'loses' || c.change === 'worse') change |= 2;
  }
  return { change, barriersRemoved };
}
