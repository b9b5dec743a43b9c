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

/** Sex codes (SEXES) as the indicators name them. */
export const SEX_NAMES: readonly string[] = ['not stated', 'female', 'male', 'other'];

/**
 * The worker's keys as small integers, into `out`: origin and destination country codes, sex,
 * sector (0 not stated, else 1 + index in SECTORS), documented (0/1). As workerKeys.
 */
export function workerKeyCodes(c: PopulationColumns, w: number, out: Int32Array): void {
  const nat = c.nationality[w] ?? 0;
  const first = c.firstPeriod[w] ?? 0;
  const end = c.firstPeriod[w + 1] ?? first;
  let latest = -1;
  let latestAbroad = -1;
  let latestTo = 0;
  let abroadTo = 0;
  for (let r = first; r < end; r++) {
    const to = c.to[r] ?? 0;
    if (latest < 0 || to >= latestTo) {
      latest = r;
      latestTo = to;
    }
    if ((c.country[r] ?? 0) !== nat && (latestAbroad < 0 || to >= abroadTo)) {
      latestAbroad = r;
      abroadTo = to;
    }
  }
  out[0] = nat;
  out[1] = latestAbroad < 0 ? nat : (c.country[latestAbroad] ?? 0);
  out[2] = c.sex[w] ?? 0;
  out[3] = latest < 0 ? 0 : (c.sector[latest] ?? 0);
  out[4] = latest >= 0 && c.documented[latest] === 1 ? 1 : 0;
}

/** Partial sums of an accumulator, to move between threads and merge: group key and sums. */
export type IndicatorPartial = readonly (readonly [string, Float64Array])[];

/**
 * Weighted sums of the outcomes by group, added chunk by chunk; `rows()` gives the indicators.
 * Partial sums (a chunk's, from a worker thread) merge in, so a run sums chunk by chunk in the
 * same order whatever the number of threads.
 */
export class IndicatorAccumulator {
  private readonly groups = new Map<string, Float64Array>();
  private readonly corridors = new Map<number, Float64Array>();
  private readonly byCode: (Float64Array | undefined)[][] = [[], [], [], []];
  private all: Float64Array | undefined;
  private readonly keys = new Int32Array(5);

  private group(dimension: Dimension, value: string): Float64Array {
    const key = `${dimension}\u0000${value}`;
    let g = this.groups.get(key);
    if (!g) {
      g = new Float64Array(SIZE);
      this.groups.set(key, g);
    }
    return g;
  }

  private coded(list: number, code: number, make: () => Float64Array): Float64Array {
    const byCode = this.byCode[list] as (Float64Array | undefined)[];
    let g = byCode[code];
    if (!g) {
      g = make();
      byCode[code] = g;
    }
    return g;
  }

  /** Adds a chunk's outcomes. */
  add(c: PopulationColumns, o: OutcomeColumns): void {
    const k = this.keys;
    this.all ??= this.group('all', 'all');
    for (let w = 0; w < o.workers; w++) {
      workerKeyCodes(c, w, k);
      const origin = k[0] ?? 0;
      const destination = k[1] ?? 0;
      const corridorCode = origin * 65536 + destination;
      let corridor = this.corridors.get(corridorCode);
      if (!corridor) {
        corridor = this.group('corridor', `${countryAt(origin)}-${countryAt(destination)}`);
        this.corridors.set(corridorCode, corridor);
      }
      const sex = k[2] ?? 0;
      const sector = k[3] ?? 0;
      const documented = k[4] ?? 0;
      const weight = c.weight[w] ?? 0;
      const targets = [
        this.all,
        corridor,
        this.coded(0, sex, () => this.group('sex', SEX_NAMES[sex] ?? 'not stated')),
        this.coded(1, sector, () =>
          this.group('sector', sector === 0 ? 'not stated' : (SECTORS[sector - 1] ?? 'not stated')),
        ),
        this.coded(2, documented, () =>
          this.group('documented', documented === 1 ? 'documented' : 'undocumented'),
        ),
      ];
      const cb = o.coveredBaseline[w] ?? 0;
      const cr = o.coveredReform[w] ?? 0;
      const rb = o.receivesBaseline[w] ?? 0;
      const rr = o.receivesReform[w] ?? 0;
      const nb = o.notPayableBaseline[w] ?? 0;
      const nr = o.notPayableReform[w] ?? 0;
      const lb = o.monthsLostBaseline[w] ?? 0;
      const lr = o.monthsLostReform[w] ?? 0;
      const change = o.change[w] ?? 0;
      const removed = o.barriersRemoved[w] ?? 0;
      for (const g of targets) {
        g[WORKERS] = (g[WORKERS] ?? 0) + weight;
        g[SAMPLE] = (g[SAMPLE] ?? 0) + 1;
        for (let b = 0; b < NB; b++) {
          const bit = 1 << b;
          if (cb & bit) g[COVERED + b] = (g[COVERED + b] ?? 0) + weight;
          if (cr & bit) g[COVERED + NB + b] = (g[COVERED + NB + b] ?? 0) + weight;
          if (rb & bit) g[RECEIVES + b] = (g[RECEIVES + b] ?? 0) + weight;
          if (rr & bit) g[RECEIVES + NB + b] = (g[RECEIVES + NB + b] ?? 0) + weight;
          if (nb & bit) g[NOT_PAYABLE + b] = (g[NOT_PAYABLE + b] ?? 0) + weight;
          if (nr & bit) g[NOT_PAYABLE + NB + b] = (g[NOT_PAYABLE + NB + b] ?? 0) + weight;
        }
        if (cb !== 0) g[ANY_COVERED] = (g[ANY_COVERED] ?? 0) + weight;
        if (cr !== 0) g[ANY_COVERED + 1] = (g[ANY_COVERED + 1] ?? 0) + weight;
        if (rb !== 0) g[ANY_RECEIVES] = (g[ANY_RECEIVES] ?? 0) + weight;
        if (rr !== 0) g[ANY_RECEIVES + 1] = (g[ANY_RECEIVES + 1] ?? 0) + weight;
        g[MONTHS_LOST] = (g[MONTHS_LOST] ?? 0) + weight * lb;
        g[MONTHS_LOST + 1] = (g[MONTHS_LOST + 1] ?? 0) + weight * lr;
        if (change & 1) g[GAINERS] = (g[GAINERS] ?? 0) + weight;
        if (change & 2) g[LOSERS] = (g[LOSERS] ?? 0) + weight;
        if (removed !== 0)
          for (let i = 0; i < BARRIER_CODES.length; i++)
            if (removed & (1 << i)) g[BY_BARRIER + i] = (g[BY_BARRIER + i] ?? 0) + weight;
      }
    }
  }

  /** The sums so far, to send to another thread (transferable buffers). */
  partial(): IndicatorPartial {
    return [...this.groups];
  }

  /** Adds partial sums (another accumulator's). */
  merge(partial: IndicatorPartial): void {
    for (const [key, sums] of partial) {
      let g = this.groups.get(key);
      if (!g) {
        g = new Float64Array(SIZE);
        this.groups.set(key, g);
      }
      for (let i = 0; i < SIZE; i++) g[i] = (g[i] ?? 0) + (sums[i] ?? 0);
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
