import type { BarrierCode, Branch } from '@tulay/engine';
import { BRANCHES } from '@tulay/engine';
import type { PopulationColumns } from './columnar.ts';
import { SECTORS, countryAt } from './columnar.ts';
import type { OutcomeColumns } from './evaluate-chunk.ts';
import { BARRIER_CODES } from './outcome.ts';

/** The groupings every indicator is given by. */
export const DIMENSIONS = ['all', 'corridor', 'sex', 'sector', 'documented'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Where a worker stands now: their corridor and the current period's sector and papers. */
export interface WorkerKeys {
  readonly origin: string;
  readonly destination: string;
  readonly sex: string;
  readonly sector: string;
  readonly documented: boolean;
}

/**
 * The worker's keys: origin is the nationality; destination the country of the latest period
 * abroad (the origin if they never left); sector and papers those of the latest period.
 */
export function workerKeys(c: PopulationColumns, w: number): WorkerKeys {
  const nat = c.nationality[w] ?? 0;
  const first = c.firstPeriod[w] ?? 0;
  const end = c.firstPeriod[w + 1] ?? first;
  let latest = -1;
  let latestAbroad = -1;
  for (let r = first; r < end; r++) {
    if (latest < 0 || (c.to[r] ?? 0) >= (c.to[latest] ?? 0)) latest = r;
    if (
      (c.country[r] ?? 0) !== nat &&
      (latestAbroad < 0 || (c.to[r] ?? 0) >= (c.to[latestAbroad] ?? 0))
    )
      latestAbroad = r;
  }
  const sector = latest < 0 ? 0 : (c.sector[latest] ?? 0);
  const sex = c.sex[w] ?? 0;
  return {
    origin: countryAt(nat),
    destination: countryAt(latestAbroad < 0 ? nat : (c.country[latestAbroad] ?? 0)),
    sex: sex === 1 ? 'female' : sex === 2 ? 'male' : sex === 3 ? 'other' : 'not stated',
    sector: sector === 0 ? 'not stated' : (SECTORS[sector - 1] ?? 'not stated'),
    documented: latest >= 0 && c.documented[latest] === 1,
  };
}

// Layout of one group's running sums.
const NB = BRANCHES.length;
const WORKERS = 0;
const SAMPLE = 1;
const COVERED = 2; // + scenario * NB + branch
const RECEIVES = COVERED + 2 * NB;
const NOT_PAYABLE = RECEIVES + 2 * NB;
const ANY_COVERED = NOT_PAYABLE + 2 * NB; // + scenario
const ANY_RECEIVES = ANY_COVERED + 2;
const MONTHS_LOST = ANY_RECEIVES + 2;
const GAINERS = MONTHS_LOST + 2;
const LOSERS = GAINERS + 1;
const BY_BARRIER = LOSERS + 1; // + barrier
const SIZE = BY_BARRIER + BARRIER_CODES.length;

/** One indicator of one group, baseline and reform. Shares are of the group's (weighted) workers. */
export interface IndicatorRow {
  readonly dimension: Dimension;
  readonly group: string;
  readonly indicator:
    | 'legal_coverage'
    | 'receives_benefit'
    | 'not_payable_at_home'
    | 'covered_any_branch'
    | 'receives_any_benefit'
    | 'months_lost_no_totalization'
    | 'gainers'
    | 'losers'
    | 'gainers_by_barrier_removed';
  /** The branch, or the barrier for gainers_by_barrier_removed; empty otherwise. */
  readonly detail: Branch | BarrierCode | '';
  readonly baseline: number;
  readonly reform: number;
  /** Workers the group stands for (sum of weights). */
  readonly workers: number;
  /** Rows of the population in the group. */
  readonly sample: number;
}

/** Weighted sums of the outcomes by group, added chunk by chunk; `rows()` gives the indicators. */
export class IndicatorAccumulator {
  private readonly groups = new Map<string, Float64Array>();

  private group(dimension: Dimension, value: string): Float64Array {
    const key = `${dimension}\u0000${value}`;
    let g = this.groups.get(key);
    if (!g) {
      g = new Float64Array(SIZE);
      this.groups.set(key, g);
    }
    return g;
  }

  /** Adds a chunk's outcomes. */
  add(c: PopulationColumns, o: OutcomeColumns): void {
    for (let w = 0; w < o.workers; w++) {
      const k = workerKeys(c, w);
      const weight = c.weight[w] ?? 0;
      const targets = [
        this.group('all', 'all'),
        this.group('corridor', `${k.origin}-${k.destination}`),
        this.group('sex', k.sex),
        this.group('sector', k.sector),
        this.group('documented', k.documented ? 'documented' : 'undocumented'),
      ];
      const masks = [
        [o.coveredBaseline[w] ?? 0, o.coveredReform[w] ?? 0],
        [o.receivesBaseline[w] ?? 0, o.receivesReform[w] ?? 0],
        [o.notPayableBaseline[w] ?? 0, o.notPayableReform[w] ?? 0],
      ] as const;
      const lost = [o.monthsLostBaseline[w] ?? 0, o.monthsLostReform[w] ?? 0];
      const change = o.change[w] ?? 0;
      const removed = o.barriersRemoved[w] ?? 0;
      for (const g of targets) {
        g[WORKERS] = (g[WORKERS] ?? 0) + weight;
        g[SAMPLE] = (g[SAMPLE] ?? 0) + 1;
        masks.forEach((pair, m) => {
          const base = COVERED + m * 2 * NB;
          for (let s = 0; s < 2; s++) {
            const mask = pair[s] ?? 0;
            for (let b = 0; b < NB; b++)
              if (mask & (1 << b)) g[base + s * NB + b] = (g[base + s * NB + b] ?? 0) + weight;
          }
        });
        for (let s = 0; s < 2; s++) {
          if ((masks[0][s] ?? 0) !== 0) g[ANY_COVERED + s] = (g[ANY_COVERED + s] ?? 0) + weight;
          if ((masks[1][s] ?? 0) !== 0) g[ANY_RECEIVES + s] = (g[ANY_RECEIVES + s] ?? 0) + weight;
          g[MONTHS_LOST + s] = (g[MONTHS_LOST + s] ?? 0) + weight * (lost[s] ?? 0);
        }
        if (change & 1) g[GAINERS] = (g[GAINERS] ?? 0) + weight;
        if (change & 2) g[LOSERS] = (g[LOSERS] ?? 0) + weight;
        for (let i = 0; i < BARRIER_CODES.length; i++)
          if (removed & (1 << i)) g[BY_BARRIER + i] = (g[BY_BARRIER + i] ?? 0) + weight;
      }
    }
  }

  /** The indicators of every group, sorted by dimension then group. */
  rows(): IndicatorRow[] {
    const out: IndicatorRow[] = [];
    const keys = [...this.groups.keys()].sort((a, b) => {
      const [da = '', ga = ''] = a.split('\u0000');
      const [db = '', gb = ''] = b.split('\u0000');
      return (
        DIMENSIONS.indexOf(da as Dimension) - DIMENSIONS.indexOf(db as Dimension) ||
        ga.localeCompare(gb)
      );
    });
    for (const key of keys) {
      const [dimension, group] = key.split('\u0000') as [Dimension, string];
      const g = this.groups.get(key) ?? new Float64Array(SIZE);
      const workers = g[WORKERS] ?? 0;
      const sample = g[SAMPLE] ?? 0;
      const share = (i: number) => (workers > 0 ? (g[i] ?? 0) / workers : 0);
      const row = (
        indicator: IndicatorRow['indicator'],
        detail: IndicatorRow['detail'],
        baseline: number,
        reform: number,
      ) => out.push({ dimension, group, indicator, detail, baseline, reform, workers, sample });
      BRANCHES.forEach((b, i) => {
        row('legal_coverage', b, share(COVERED + i), share(COVERED + NB + i));
      });
      BRANCHES.forEach((b, i) => {
        row('receives_benefit', b, share(RECEIVES + i), share(RECEIVES + NB + i));
      });
      BRANCHES.forEach((b, i) => {
        row('not_payable_at_home', b, share(NOT_PAYABLE + i), share(NOT_PAYABLE + NB + i));
      });
      row('covered_any_branch', '', share(ANY_COVERED), share(ANY_COVERED + 1));
      row('receives_any_benefit', '', share(ANY_RECEIVES), share(ANY_RECEIVES + 1));
      row('months_lost_no_totalization', '', share(MONTHS_LOST), share(MONTHS_LOST + 1));
      row('gainers', '', 0, share(GAINERS));
      row('losers', '', 0, share(LOSERS));
      BARRIER_CODES.forEach((code, i) => {
        row('gainers_by_barrier_removed', code, 0, share(BY_BARRIER + i));
      });
    }
    return out;
  }
}
