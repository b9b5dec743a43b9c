import type { BarrierCode, Branch } from '@tulay/engine';
import { BRANCHES } from '@tulay/engine';
import type { PopulationColumns } from './columnar.ts';
import { COUNTRY_INDEX, SECTORS, countryAt } from './columnar.ts';
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

/** Country codes a cell code has room for. */
const COUNTRY_CODES = COUNTRY_INDEX.length;

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

/** Adds `weight` at `at + b` for every bit b of `mask`. */
function addBits(g: Float64Array, at: number, mask: number, weight: number): void {
  for (let m = mask; m !== 0; m &= m - 1) {
    const i = at + 31 - Math.clz32(m & -m);
    g[i] = (g[i] ?? 0) + weight;
  }
}

// A cell: one value of every key at once (corridor, sex, sector, papers); its code packs them.
const CELL_SEXES = 4;
const CELL_SECTORS = 64;

/**
 * Weighted sums of the outcomes by group, added chunk by chunk; `rows()` gives the indicators.
 * Partial sums (a chunk's, from a worker thread) merge in, so a run sums chunk by chunk in the
 * same order whatever the number of threads.
 */
export class IndicatorAccumulator {
  private readonly groups = new Map<string, Float64Array>();
  /**
   * Workers are summed once, into the cell of their keys, and the cells into the five groupings
   * when the sums are read: a fifth of the work of adding every worker to each of its groups.
   */
  private readonly cells = new Map<number, Float64Array>();
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

  /** Adds a chunk's outcomes. */
  add(c: PopulationColumns, o: OutcomeColumns): void {
    const k = this.keys;
    // 'all' exists from the first chunk, even an empty one.
    this.group('all', 'all');
    let lastCode = -1;
    let g: Float64Array = new Float64Array(0);
    for (let w = 0; w < o.workers; w++) {
      workerKeyCodes(c, w, k);
      const corridor = (k[0] ?? 0) * COUNTRY_CODES + (k[1] ?? 0);
      const code =
        ((corridor * CELL_SEXES + (k[2] ?? 0)) * CELL_SECTORS + (k[3] ?? 0)) * 2 + (k[4] ?? 0);
      if (code !== lastCode) {
        let cell = this.cells.get(code);
        if (!cell) {
          cell = new Float64Array(SIZE);
          this.cells.set(code, cell);
        }
        g = cell;
        lastCode = code;
      }
      const weight = c.weight[w] ?? 0;
      const cb = o.coveredBaseline[w] ?? 0;
      const cr = o.coveredReform[w] ?? 0;
      const rb = o.receivesBaseline[w] ?? 0;
      const rr = o.receivesReform[w] ?? 0;
      const change = o.change[w] ?? 0;
      g[WORKERS] = (g[WORKERS] ?? 0) + weight;
      g[SAMPLE] = (g[SAMPLE] ?? 0) + 1;
      addBits(g, COVERED, cb, weight);
      addBits(g, COVERED + NB, cr, weight);
      addBits(g, RECEIVES, rb, weight);
      addBits(g, RECEIVES + NB, rr, weight);
      addBits(g, NOT_PAYABLE, o.notPayableBaseline[w] ?? 0, weight);
      addBits(g, NOT_PAYABLE + NB, o.notPayableReform[w] ?? 0, weight);
      if (cb !== 0) g[ANY_COVERED] = (g[ANY_COVERED] ?? 0) + weight;
      if (cr !== 0) g[ANY_COVERED + 1] = (g[ANY_COVERED + 1] ?? 0) + weight;
      if (rb !== 0) g[ANY_RECEIVES] = (g[ANY_RECEIVES] ?? 0) + weight;
      if (rr !== 0) g[ANY_RECEIVES + 1] = (g[ANY_RECEIVES + 1] ?? 0) + weight;
      g[MONTHS_LOST] = (g[MONTHS_LOST] ?? 0) + weight * (o.monthsLostBaseline[w] ?? 0);
      g[MONTHS_LOST + 1] = (g[MONTHS_LOST + 1] ?? 0) + weight * (o.monthsLostReform[w] ?? 0);
      if (change & 1) g[GAINERS] = (g[GAINERS] ?? 0) + weight;
      if (change & 2) g[LOSERS] = (g[LOSERS] ?? 0) + weight;
      addBits(g, BY_BARRIER, o.barriersRemoved[w] ?? 0, weight);
    }
  }

  /** A group's sums by a numeric code, named by `name` the first time (no string per cell). */
  private coded(cache: Map<number, Float64Array>, code: number, name: () => [Dimension, string]) {
    let g = cache.get(code);
    if (!g) {
      g = this.group(...name());
      cache.set(code, g);
    }
    return g;
  }

  private readonly byCode = [0, 1, 2, 3].map(() => new Map<number, Float64Array>());

  /** Adds the cells into their groups (all, corridor, sex, sector, documented) and empties them. */
  private flush(): void {
    if (this.cells.size === 0) return;
    const all = this.group('all', 'all');
    const [corridors, sexes, sectors, papers] = this.byCode as [
      Map<number, Float64Array>,
      Map<number, Float64Array>,
      Map<number, Float64Array>,
      Map<number, Float64Array>,
    ];
    for (const [code, cell] of this.cells) {
      const documented = code % 2;
      const sector = Math.floor(code / 2) % CELL_SECTORS;
      const sex = Math.floor(code / (2 * CELL_SECTORS)) % CELL_SEXES;
      const corridor = Math.floor(code / (2 * CELL_SECTORS * CELL_SEXES));
      for (const g of [
        all,
        this.coded(corridors, corridor, () => [
          'corridor',
          `${countryAt(Math.floor(corridor / COUNTRY_CODES))}-${countryAt(corridor % COUNTRY_CODES)}`,
        ]),
        this.coded(sexes, sex, () => ['sex', SEX_NAMES[sex] ?? 'not stated']),
        this.coded(sectors, sector, () => [
          'sector',
          sector === 0 ? 'not stated' : (SECTORS[sector - 1] ?? 'not stated'),
        ]),
        this.coded(papers, documented, () => [
          'documented',
          documented === 1 ? 'documented' : 'undocumented',
        ]),
      ])
        for (let i = 0; i < SIZE; i++) g[i] = (g[i] ?? 0) + (cell[i] ?? 0);
    }
    this.cells.clear();
  }

  /** The sums so far, to send to another thread (transferable buffers). */
  partial(): IndicatorPartial {
    this.flush();
    return [...this.groups];
  }

  /** Adds partial sums (another accumulator's). */
  merge(partial: IndicatorPartial): void {
    this.flush();
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
    this.flush();
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
