import type { BarrierCode, Branch } from '../domain.ts';
import type { BranchResult, CheckResult, Status } from '../check/result.ts';

const ENTITLED: ReadonlySet<Status> = new Set(['entitled', 'entitled_through_agreement']);

/** How one scheme and branch changes from baseline to reform. */
export interface BranchChange {
  readonly scheme: string;
  readonly branch: Branch;
  readonly country: string;
  readonly change: 'gains' | 'loses' | 'better' | 'worse' | 'same';
  readonly before: {
    readonly status: Status | null;
    readonly paid: number | null;
    readonly payableAbroad: boolean | null;
  };
  readonly after: {
    readonly status: Status | null;
    readonly paid: number | null;
    readonly payableAbroad: boolean | null;
  };
  readonly barriersRemoved: readonly BarrierCode[];
  readonly barriersAdded: readonly BarrierCode[];
}

/** The per-branch difference between two checks of the same profile: baseline and reform. */
export interface ReformDiff {
  readonly changes: readonly BranchChange[];
  readonly byBranch: Readonly<
    Partial<Record<Branch, { gains: number; loses: number; better: number; worse: number }>>
  >;
}

const state = (r: BranchResult | undefined) => ({
  status: r?.status ?? null,
  paid: r?.amounts.paid?.amount ?? null,
  payableAbroad: r?.payableAbroad ?? null,
});

function classify(
  a: BranchResult | undefined,
  b: BranchResult | undefined,
): BranchChange['change'] {
  const was = a !== undefined && ENTITLED.has(a.status);
  const is = b !== undefined && ENTITLED.has(b.status);
  if (!was && is) return 'gains';
  if (was && !is) return 'loses';
  if (!a || !b) return 'same';
  const payA = a.payableAbroad === true ? 1 : 0;
  const payB = b.payableAbroad === true ? 1 : 0;
  const paidA = a.amounts.paid?.amount ?? 0;
  const paidB = b.amounts.paid?.amount ?? 0;
  if (payB > payA || paidB > paidA || (a.benefit === 'fallback' && b.benefit === 'main'))
    return 'better';
  if (payB < payA || paidB < paidA || (a.benefit === 'main' && b.benefit === 'fallback'))
    return 'worse';
  return 'same';
}

/** Compares a baseline check with a reform check of the same profile, scheme by scheme and branch by branch. */
export function diffResults(baseline: CheckResult, reform: CheckResult): ReformDiff {
  const key = (r: BranchResult) => `${r.scheme}\u0000${r.branch}`;
  const before = new Map(baseline.results.map((r) => [key(r), r]));
  const after = new Map(reform.results.map((r) => [key(r), r]));
  const changes: BranchChange[] = [];
  const byBranch: Partial<
    Record<Branch, { gains: number; loses: number; better: number; worse: number }>
  > = {};
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(k);
    const b = after.get(k);
    const any = (b ?? a) as BranchResult;
    const codesA = new Set(a?.barriers.map((x) => x.code) ?? []);
    const codesB = new Set(b?.barriers.map((x) => x.code) ?? []);
    const change = classify(a, b);
    changes.push({
      scheme: any.scheme,
      branch: any.branch,
      country: any.country,
      change,
      before: state(a),
      after: state(b),
      barriersRemoved: [...codesA].filter((c) => !codesB.has(c)),
      barriersAdded: [...codesB].filter((c) => !codesA.has(c)),
    });
    if (change !== 'same') {
      const tally = (byBranch[any.branch] ??= { gains: 0, loses: 0, better: 0, worse: 0 });
      tally[change]++;
    }
  }
  return { changes, byBranch };
}
