import type { CompiledJurisdiction } from '../kb/knowledge-base.ts';
import type { Formula } from '../schema/jurisdiction.ts';
import type { Period } from '../schema/profile.ts';
import type { Month } from '../time/month.ts';
import type { Citation } from './result.ts';
import type { Tracer } from './trace.ts';
import { readQuantity } from './quantities.ts';

/** Monthly earnings of each insured month in month order, in the scheme's currency (null where not known). */
export type EarningsByMonth = readonly (number | null)[];

// Earnings per day are turned into months with the 6-day row of Reg. 987/2009 art. 13 (26 days a month).
export const EARNINGS_PER_MONTH: Record<'day' | 'week' | 'month' | 'year', number> = {
  day: 26,
  week: 52 / 12,
  month: 1,
  year: 1 / 12,
};

/** A period's monthly earnings in `currency`, or null if not given or given in another currency. */
export function monthlyEarnings(p: Period, currency: string): number | null {
  if (!p.earnings || p.earnings.currency !== currency) return null;
  return p.earnings.amount * EARNINGS_PER_MONTH[p.earnings.per];
}

/** A computed amount, or what is missing to compute it. */
export type FormulaOutcome =
  | {
      readonly ok: true;
      readonly amount: number | null;
      readonly per: 'month' | 'year' | 'once';
      readonly duration: { count: number; unit: 'days' | 'months' } | null;
    }
  | { readonly ok: false; readonly missing: readonly string[] };

export interface FormulaContext {
  readonly j: CompiledJurisdiction;
  readonly at: Month;
  readonly citation: Citation;
  readonly tracer: Tracer;
  /** Insured months the formula counts (own months, or aggregated ones for the theoretical amount). */
  readonly months: number;
  readonly earnings: EarningsByMonth;
  readonly label: string;
}

function average(
  earnings: EarningsByMonth,
  lastN: number | undefined,
  ceiling: number | null,
): number | null {
  const used = lastN === undefined ? earnings : earnings.slice(-lastN);
  const known = used.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  const capped = known.map((v) => (ceiling === null ? v : Math.min(v, ceiling)));
  return capped.reduce((a, b) => a + b, 0) / capped.length;
}

/** Computes a benefit formula of a jurisdiction package at month `at`. */
export function computeFormula(f: Formula, ctx: FormulaContext): FormulaOutcome {
  const { j, at, citation, tracer, label } = ctx;
  const missing: string[] = [];
  const read = (q: Parameters<typeof readQuantity>[1], name: string): number | null => {
    const r = readQuantity(j, q, at, `${label}.${name}`, citation, tracer);
    if (!r.ok) missing.push(r.missing);
    return r.ok ? r.value : null;
  };
  const ceilingOf = (q: Parameters<typeof readQuantity>[1] | undefined) =>
    q === undefined ? null : read(q, 'earningsCeiling');
  const noEarnings = 'periods[].earnings (in the scheme’s currency)';

  switch (f.type) {
    case 'pension': {
      const rate = read(f.rate, 'rate');
      const ceiling = ceilingOf(f.earningsCeiling);
      const accrualRate = f.accrual ? read(f.accrual.ratePerYear, 'accrual.ratePerYear') : 0;
      const after = f.accrual ? read(f.accrual.afterMonths, 'accrual.afterMonths') : 0;
      if (missing.length > 0 || rate === null || accrualRate === null || after === null)
        return { ok: false, missing };
      const avg = average(ctx.earnings, f.averageOverMonths, ceiling);
      if (avg === null) return { ok: false, missing: [noEarnings] };
      const years = Math.floor(Math.max(0, ctx.months - after) / 12);
      const share = rate + accrualRate * years;
      tracer.add(
        `${label}.averageMonthlyEarnings`,
        round2(avg),
        null,
        null,
        f.averageOverMonths ? `last ${f.averageOverMonths} insured months` : 'all insured months',
      );
      tracer.add(
        `${label}.share`,
        Number(share.toFixed(6)),
        null,
        null,
        `${rate} + ${accrualRate} × ${years} years beyond ${after} months`,
      );
      return { ok: true, amount: avg * share, per: 'month', duration: null };
    }
    case 'flat': {
      const amount = read(f.amount, 'amount');
      if (amount === null) return { ok: false, missing };
      return { ok: true, amount, per: f.per, duration: null };
    }
    case 'earnings_replacement': {
      const rate = read(f.rate, 'rate');
      const ceiling = ceilingOf(f.earningsCeiling);
      const count = f.duration ? read(f.duration.count, 'duration') : null;
      if (missing.length > 0 || rate === null) return { ok: false, missing };
      const duration = f.duration && count !== null ? { count, unit: f.duration.unit } : null;
      const avg = average(ctx.earnings, 3, ceiling);
      if (avg === null) return { ok: false, missing: [noEarnings] };
      return { ok: true, amount: avg * rate, per: 'month', duration };
    }
    case 'contribution_refund': {
      if (f.fixedPerMonth !== undefined) {
        const fixed = read(f.fixedPerMonth, 'fixedPerMonth');
        if (fixed === null) return { ok: false, missing };
        return { ok: true, amount: fixed * ctx.months, per: 'once', duration: null };
      }
      const rates = (f.rates ?? []).map((q, i) => read(q, `rates[${i}]`));
      const ceiling = ceilingOf(f.earningsCeiling);
      if (missing.length > 0) return { ok: false, missing };
      const known = ctx.earnings;
      if (known.length === 0 || known.some((v) => v === null))
        return { ok: false, missing: [noEarnings] };
      const base = known.reduce<number>(
        (sum, v) => sum + (ceiling === null ? (v ?? 0) : Math.min(v ?? 0, ceiling)),
        0,
      );
      const rate = rates.reduce<number>((a, b) => a + (b ?? 0), 0);
      return { ok: true, amount: base * rate, per: 'once', duration: null };
    }
    case 'account_balance':
    case 'in_kind':
      return { ok: true, amount: null, per: 'once', duration: null };
    case 'not_computable':
      return { ok: true, amount: null, per: 'once', duration: null };
  }
}

/** Rounds a money amount to the cent. */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/**
 * The pro-rata amount (Reg. 883/2004 art. 52(1)(b)): `T × D_s / min(D_tot, M_s)`, never more than
 * the theoretical (full) amount. `fullMonths` is M_s; without one, D_tot is used.
 */
export function proRata(
  theoretical: number,
  ownMonths: number,
  totalMonths: number,
  fullMonths: number | null,
): number {
  const denominator = fullMonths === null ? totalMonths : Math.min(totalMonths, fullMonths);
  if (denominator <= 0) return 0;
  return theoretical * Math.min(1, ownMonths / denominator);
}
