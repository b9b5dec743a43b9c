import type { CountryCode } from '../domain.ts';
import type { Month } from '../time/month.ts';
import type { CoverageSegment } from './coverage.ts';

/**
 * Insured months, each calendar month once, with the priority of the best insurance in it
 * (Reg. 987/2009 art. 12: compulsory over voluntary, real over credited).
 */
export type InsuredMonths = Map<number, number>;

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
export function insuredMonths(segments: readonly CoverageSegment[]): InsuredMonths {
  const months: InsuredMonths = new Map();
  for (const s of segments) {
    if (!s.counted) continue;
    const lastCredited = s.period.from + s.period.creditedMonths - 1;
    const prio = priorityOf(s);
    const to = Math.min(s.to, lastCredited);
    for (let m = s.from; m <= to; m++) {
      const prev = months.get(m);
      if (prev === undefined || prev < prio) months.set(m, prio);
    }
  }
  return months;
}

/** Insured months before `until` (exclusive) and within `window` months of it. */
export function monthsWithin(months: InsuredMonths, until: Month, window: number): number {
  let n = 0;
  for (const m of months.keys()) if (m < until && m >= until - window) n++;
  return n;
}

/** Result of aggregating one state's months with those of its partners (883/2004 art. 6; 987/2009 art. 12). */
export interface Aggregation {
  /** All months counted once across the states (D_tot). */
  readonly total: number;
  /** The state's own months that survive overlap resolution (D_s for the pro-rata fraction). */
  readonly ownResolved: number;
  /** Months each partner adds that the state did not have. */
  readonly added: ReadonlyMap<CountryCode, number>;
}

/**
 * Aggregates periods: each calendar month counts once; where months coincide, the higher priority
 * wins (a voluntary month here gives way to a compulsory month there); equal priority stays here.
 */
export function aggregate(
  own: InsuredMonths,
  partners: ReadonlyMap<CountryCode, InsuredMonths>,
): Aggregation {
  const best = new Map<number, { prio: number; country: CountryCode | null }>();
  for (const [m, prio] of own) best.set(m, { prio, country: null });
  for (const [country, months] of partners) {
    for (const [m, prio] of months) {
      const cur = best.get(m);
      if (cur === undefined || cur.prio < prio) best.set(m, { prio, country });
    }
  }
  let ownResolved = 0;
  const added = new Map<CountryCode, number>();
  for (const [m, b] of best) {
    if (b.country === null) ownResolved++;
    else if (!own.has(m) || (own.get(m) ?? 0) < b.prio) {
      if (!own.has(m)) added.set(b.country, (added.get(b.country) ?? 0) + 1);
    }
  }
  return { total: best.size, ownResolved, added };
}
