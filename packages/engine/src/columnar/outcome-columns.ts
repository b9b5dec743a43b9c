import type { BarrierCode } from '../domain.ts';
import { ADMINISTRATIVE_BARRIERS, LEGAL_BARRIERS } from '../domain.ts';

/** Barrier codes in bit order: bit i of a barrier mask is OUTCOME_BARRIER_CODES[i]. */
export const OUTCOME_BARRIER_CODES: readonly BarrierCode[] = [
  ...LEGAL_BARRIERS,
  ...ADMINISTRATIVE_BARRIERS,
];

/**
 * What the indicators need of each worker of a chunk, baseline and reform, one entry per worker.
 * Branch masks have bit i for BRANCHES[i]; barrier masks bit i for OUTCOME_BARRIER_CODES[i].
 */
export interface OutcomeColumns {
  readonly workers: number;
  /** Branches of a scheme that covers the worker by law in the evaluation month (legal coverage). */
  readonly coveredBaseline: Uint16Array;
  readonly coveredReform: Uint16Array;
  /** Branches with a benefit the worker is entitled to if the risk happened now (effective). */
  readonly receivesBaseline: Uint16Array;
  readonly receivesReform: Uint16Array;
  /** Branches entitled to, but not payable at home (the worker's nationality). */
  readonly notPayableBaseline: Uint16Array;
  readonly notPayableReform: Uint16Array;
  /** Insured months the best-placed old-age scheme does not count (lack of totalization). */
  readonly monthsLostBaseline: Int32Array;
  readonly monthsLostReform: Int32Array;
  /** 1 gains, 2 loses (3: gains a benefit and loses another). */
  readonly change: Uint8Array;
  /** Barriers removed where the worker gains. */
  readonly barriersRemoved: Uint16Array;
}

/** The per-worker columns of OutcomeColumns, in their order (for comparing two evaluations). */
export const OUTCOME_FIELDS = [
  'coveredBaseline',
  'coveredReform',
  'receivesBaseline',
  'receivesReform',
  'notPayableBaseline',
  'notPayableReform',
  'monthsLostBaseline',
  'monthsLostReform',
  'change',
  'barriersRemoved',
] as const satisfies readonly Exclude<keyof OutcomeColumns, 'workers'>[];

/** Zeroed outcome columns for `n` workers. */
export function allocateOutcomes(n: number): OutcomeColumns {
  return {
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
}
