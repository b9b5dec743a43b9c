import type { CountryCode } from '../domain.ts';
import type { Month } from '../time/month.ts';
import type { CoverageSegment } from './coverage.ts';

/** The months a history spans: every insured month of a check lies within it. */
export interface MonthSpan {
  readonly base: number;
  readonly length: number;
}

/**
 * Insured months, each calendar month once, with the priority of the best insurance in it
 * (Reg. 987/2009 art. 12: compulsory over voluntary, real over credited). A byte per month of
 * the history's span: sets of one check share the span, so they compare index by index.
 */
export class InsuredMonths {
  readonly prio: Uint8Array;
  size = 0;

  constructor(readonly span: MonthSpan) {
    this.prio = new Uint8Array(span.length);
  }

  has(m: number): boolean {
    const i = m - this.span.base;
    return i >= 0 && i < this.prio.length && (this.prio[i] ?? 0) > 0;
  }

  /** The same months from `month` on. */
  from(month: number): InsuredMonths {
    const out = new InsuredMonths(this.span);
    const start = Math.max(0, month - this.span.base);
    for (let i = start; i < this.prio.length; i++) {
      const p = this.prio[i] ?? 0;
      if (p > 0) {
        out.prio[i] = p;
        out.size++;
      }
    }
    return out;
  }

  /** Records insurance of priority `p` in month `m`, keeping the higher priority. */
  raise(m: number, p: number): void {
    const i = m - this.span.base;
    const cur = this.prio[i];
    if (cur === undefined || cur >= p) return;
    if (cur === 0) this.size++;
    this.prio[i] = p;
  }
}

/** The priority of a segment's months: compulsory real 4, voluntary real 3, compulsory credited 2, voluntary credited 1. */
export function priorityOf(s: CoverageSegment): number {
  const real = s.period.raw.basis === 'real';
  if (s.membership === 'compulsory') return real ? 4 : 2;
  return real ? 3 : 1;
}

/**
 * The insured months of a set of segments. A period whose record converts to fewer months than it
 * spans (art. 13) credits its first months only.
 */
export function insuredMonths(
  segments: readonly CoverageSegment[],
  span: MonthSpan,
): InsuredMonths {
  const months = new InsuredMonths(span);
  for (const s of segments) {
    if (!s.counted) continue;
    const lastCredited = s.period.from + s.period.creditedMonths - 1;
    const prio = priorityOf(s);
    const to = Math.min(s.to, lastCredited);
    for (let m = s.from; m <= to; m++) months.raise(m, prio);
  }
  return months;
}

/** Months insured in any of `sets` within the `window` months before `until` (each month once). */
export function monthsWithin(sets: readonly InsuredMonths[], until: Month, window: number): number {
  let n = 0;
  for (let m = until - window; m < until; m++) if (sets.some((set) => set.has(m))) n++;
  return n;
}

/** Result of aggregating one state's months with those of its partners (883/2004 art. 6; 987/2009 art. 12). */
export interface Aggregation {
  /** All months counted once across the states (D_tot). */
  readonly total: number;
  /** The state's own months that survive overlap resolution (D_s for the pro-rata fraction). */
  readonly ownResolved: number;
}

/**
 * Aggregates periods: each calendar month counts once; where months coincide, the higher priority
 * wins (a voluntary month here gives way to a compulsory month there); equal priority stays here.
 */
export function aggregate(
  own: InsuredMonths,
  partners: ReadonlyMap<CountryCode, InsuredMonths>,
): Aggregation {
  if (partners.size === 0) return { total: own.size, ownResolved: own.size };
  const others = [...partners.values()];
  let total = 0;
  let ownResolved = 0;
  for (let i = 0; i < own.prio.length; i++) {
    const mine = own.prio[i] ?? 0;
    let best = 0;
    for (const p of others) best = Math.max(best, p.prio[i] ?? 0);
    if (mine > 0 || best > 0) total++;
    if (mine > 0 && mine >= best) ownResolved++;
  }
  return { total, ownResolved };
}
