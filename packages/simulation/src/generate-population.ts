import type { PopulationColumns } from './columnar.ts';
import { PERMITS, SECTORS, allocateColumns, countryIndex } from './columnar.ts';
import type { Corridor, Destination, SectorMix } from './calibration.ts';
import { CORRIDORS, DESTINATIONS, DURATIONS, HOME_SECTORS, totalStock } from './calibration.ts';

export interface GenerateOptions {
  /** Workers to generate in all. */
  readonly workers: number;
  readonly seed: number;
  /** The month the histories run up to (every worker is abroad then): a Month number. */
  readonly at: number;
  /** Workers per chunk (default 20,000). */
  readonly chunkSize?: number;
  /**
   * Only these calibrated corridors (drawn in proportion to their stocks, the weights standing
   * for their stocks alone); every corridor when absent or empty. See `selectCorridors`.
   */
  readonly corridors?: readonly CorridorKey[] | undefined;
}

/** A corridor by its countries (ISO 3166-1 alpha-2). */
export interface CorridorKey {
  readonly origin: string;
  readonly destination: string;
}

/**
 * The calibrated corridors a selection names, in calibration order; every corridor for none.
 * Throws naming the first corridor the calibration does not have (callers validate first).
 */
export function selectCorridors(keys?: readonly CorridorKey[]): readonly Corridor[] {
  if (keys === undefined || keys.length === 0) return CORRIDORS;
  for (const k of keys)
    if (!CORRIDORS.some((c) => c.origin === k.origin && c.destination === k.destination))
      throw new Error(`no calibrated corridor ${k.origin}-${k.destination}`);
  return CORRIDORS.filter((c) =>
    keys.some((k) => k.origin === c.origin && k.destination === c.destination),
  );
}

/** mulberry32: a small, fast, well-mixed 32-bit generator; the same seed gives the same stream. */
export function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative weights, for picking by a uniform draw. */
function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w / sum;
    out[i] = acc;
  });
  return out;
}

function pick(cum: Float64Array, u: number): number {
  for (let i = 0; i < cum.length; i++) if (u < (cum[i] ?? 1)) return i;
  return cum.length - 1;
}

interface Mix {
  readonly codes: Uint8Array;
  readonly cum: Float64Array;
}

function sectorMix(mix: SectorMix): Mix {
  const entries = Object.entries(mix);
  return {
    codes: Uint8Array.from(
      entries.map(([s]) => 1 + SECTORS.indexOf(s as (typeof SECTORS)[number])),
    ),
    cum: cumulative(entries.map(([, w]) => w)),
  };
}

function permitMix(mix: Readonly<Record<string, number>>): Mix {
  const entries = Object.entries(mix);
  return {
    codes: Uint8Array.from(
      entries.map(([p]) => 1 + PERMITS.indexOf(p as (typeof PERMITS)[number])),
    ),
    cum: cumulative(entries.map(([, w]) => w)),
  };
}

/** A corridor with its draws prepared. */
interface Prepared {
  readonly origin: number;
  readonly destination: number;
  readonly documented: number;
  readonly sectors: Mix;
  readonly permits: Mix;
  readonly originPermit: number;
  /** Probability of being a woman, by whether the work is domestic work. */
  readonly womenDomestic: number;
  readonly womenOther: number;
}

const DOMESTIC = 1 + SECTORS.indexOf('domestic_work');
const ACTIVITY_EMPLOYED = 0;
const ACTIVITY_DOMESTIC = 2;

function prepare(c: Corridor, d: Destination): Prepared {
  const sectors = sectorMix(d.sectors.value);
  const domesticShare = d.sectors.value.domestic_work ?? 0;
  const womenDomestic = DURATIONS.womenInDomesticWork.value;
  // Women are drawn given the sector so that the corridor's share of women holds overall.
  const womenOther =
    domesticShare >= 1
      ? c.women.value
      : Math.min(
          0.98,
          Math.max(0.01, (c.women.value - domesticShare * womenDomestic) / (1 - domesticShare)),
        );
  return {
    origin: countryIndex(c.origin),
    destination: countryIndex(c.destination),
    documented: d.documented.value,
    sectors,
    permits: permitMix(d.permits.value),
    originPermit: c.originPermit
      ? 1 + PERMITS.indexOf(c.originPermit as (typeof PERMITS)[number])
      : 0,
    womenDomestic: domesticShare >= 1 ? c.women.value : womenDomestic,
    womenOther,
  };
}

/** Workers of one chunk: the draws depend only on (seed, chunk), so chunks are reproducible alone. */
function generateChunk(
  prepared: readonly Prepared[],
  corridorCum: Float64Array,
  homeSectors: Mix,
  weight: number,
  firstId: number,
  count: number,
  seed: number,
  chunk: number,
  at: number,
): PopulationColumns {
  const rnd = random((seed ^ Math.imul(chunk + 1, 0x9e3779b1)) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  // A triangular draw for contract lengths, peaked at the usual contract.
  const triangular = (min: number, mode: number, max: number) => {
    const u = rnd();
    const f = (mode - min) / (max - min);
    return Math.round(
      u < f
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode)),
    );
  };
  const D = DURATIONS;
  // At most: a home period and `contracts.max` contracts, each followed by a gap at home.
  const maxPeriods = 1 + 2 * D.contracts.value.max;
  const scratch = {
    country: new Uint16Array(maxPeriods),
    from: new Int32Array(maxPeriods),
    to: new Int32Array(maxPeriods),
    sector: new Uint8Array(maxPeriods),
    documented: new Uint8Array(maxPeriods),
    permit: new Uint8Array(maxPeriods),
    activity: new Uint8Array(maxPeriods),
  };
  // Generous first allocation: trimmed at the end.
  const c = allocateColumns(count, count * maxPeriods, ['']);
  let r = 0;
  for (let w = 0; w < count; w++) {
    const p = prepared[pick(corridorCum, rnd())] as Prepared;
    const contracts = int(D.contracts.value.min, D.contracts.value.max);
    // Build the history backwards from `at`: the current contract runs through `at`.
    let n = 0;
    let end = at;
    const sectorNow = p.sectors.codes[pick(p.sectors.cum, rnd())] ?? 0;
    for (let k = 0; k < contracts; k++) {
      const length = triangular(D.contract.value.min, D.contract.value.mode, D.contract.value.max);
      const elapsed = k === 0 ? int(1, length) : length;
      const sector = k === 0 ? sectorNow : (p.sectors.codes[pick(p.sectors.cum, rnd())] ?? 0);
      const documented = rnd() < p.documented ? 1 : 0;
      scratch.country[n] = p.destination;
      scratch.from[n] = end - elapsed + 1;
      scratch.to[n] = end;
      scratch.sector[n] = sector;
      scratch.activity[n] = sector === DOMESTIC ? ACTIVITY_DOMESTIC : ACTIVITY_EMPLOYED;
      scratch.documented[n] = documented;
      scratch.permit[n] =
        documented === 0
          ? 1 + PERMITS.indexOf('none')
          : p.originPermit > 0
            ? p.originPermit
            : (p.permits.codes[pick(p.permits.cum, rnd())] ?? 0);
      n++;
      end = end - elapsed - int(D.gapAtHome.value.min, D.gapAtHome.value.max);
    }
    const home = D.workedAtHome.value;
    if (rnd() < home.share) {
      const length = int(home.min, home.max);
      const sector = homeSectors.codes[pick(homeSectors.cum, rnd())] ?? 0;
      scratch.country[n] = p.origin;
      scratch.from[n] = end - length + 1;
      scratch.to[n] = end;
      scratch.sector[n] = sector;
      scratch.activity[n] = ACTIVITY_EMPLOYED;
      scratch.documented[n] = 1;
      scratch.permit[n] = 0;
      n++;
    }
    const firstDeparture = (scratch.from[Math.max(0, n - 1)] ?? at) - 0;
    const ageAtDeparture = int(D.ageAtDeparture.value.min, D.ageAtDeparture.value.max);
    c.workerId[w] = firstId + w;
    c.weight[w] = weight;
    c.birth[w] = firstDeparture - ageAtDeparture * 12 - int(0, 11);
    c.nationality[w] = p.origin;
    const women = sectorNow === DOMESTIC ? p.womenDomestic : p.womenOther;
    c.sex[w] = rnd() < women ? 1 : 2;
    c.firstPeriod[w] = r;
    // Periods in time order.
    for (let k = n - 1; k >= 0; k--, r++) {
      c.country[r] = scratch.country[k] ?? 0;
      c.from[r] = scratch.from[k] ?? 0;
      c.to[r] = scratch.to[k] ?? 0;
      c.sector[r] = scratch.sector[k] ?? 0;
      c.activity[r] = scratch.activity[k] ?? 0;
      c.documented[r] = scratch.documented[k] ?? 0;
      c.permit[r] = scratch.permit[k] ?? 0;
    }
  }
  c.firstPeriod[count] = r;
  return trim(c, r);
}

/** The same columns with the period arrays cut to `periods` rows. */
function trim(c: PopulationColumns, periods: number): PopulationColumns {
  return {
    ...c,
    periods,
    country: c.country.slice(0, periods),
    from: c.from.slice(0, periods),
    to: c.to.slice(0, periods),
    activity: c.activity.slice(0, periods),
    sector: c.sector.slice(0, periods),
    documented: c.documented.slice(0, periods),
    permit: c.permit.slice(0, periods),
    insurance: c.insurance.slice(0, periods),
    earnings: c.earnings.slice(0, periods),
    currency: c.currency.slice(0, periods),
    earningsPer: c.earningsPer.slice(0, periods),
  };
}

interface Plan {
  readonly prepared: readonly Prepared[];
  readonly corridorCum: Float64Array;
  readonly homeSectors: Mix;
  /** Workers the selected corridors stand for. */
  readonly stock: number;
}
// Prepared once per thread and corridor selection.
const plans = new Map<string, Plan>();

/** The calibration's draws prepared once per thread. */
function planOf(keys?: readonly CorridorKey[]): Plan {
  const corridors = selectCorridors(keys);
  const id = corridors.map((c) => `${c.origin}-${c.destination}`).join(',');
  const cached = plans.get(id);
  if (cached) return cached;
  const byCountry = new Map(DESTINATIONS.map((d) => [d.country, d]));
  const prepared = corridors.map((c) => {
    const d = byCountry.get(c.destination);
    if (!d) throw new Error(`calibration: no destination entry for ${c.destination}`);
    return prepare(c, d);
  });
  const plan: Plan = {
    prepared,
    corridorCum: cumulative(corridors.map((c) => c.stock.value)),
    homeSectors: sectorMix(HOME_SECTORS.value),
    stock:
      corridors === CORRIDORS ? totalStock() : corridors.reduce((s, c) => s + c.stock.value, 0),
  };
  plans.set(id, plan);
  return plan;
}

/** How many chunks a generated population has. */
export function chunkCount(options: GenerateOptions): number {
  return Math.ceil(options.workers / (options.chunkSize ?? 20_000));
}

/**
 * Chunk `chunk` of the population `generatePopulation(options)` yields, on its own: its draws
 * depend only on (seed, chunk), so threads can generate chunks independently.
 */
export function generatePopulationChunk(
  options: GenerateOptions,
  chunk: number,
): PopulationColumns {
  const chunkSize = options.chunkSize ?? 20_000;
  const p = planOf(options.corridors);
  const done = chunk * chunkSize;
  const count = Math.max(0, Math.min(chunkSize, options.workers - done));
  return generateChunk(
    p.prepared,
    p.corridorCum,
    p.homeSectors,
    p.stock / options.workers,
    done + 1,
    count,
    options.seed,
    chunk,
    options.at,
  );
}

/**
 * A synthetic population calibrated to published statistics (calibration.ts): corridors drawn in
 * proportion to their stocks, each worker weighted so the population stands for the whole stock.
 * Deterministic for a seed; yields chunks so memory stays bounded whatever the size.
 */
export function* generatePopulation(options: GenerateOptions): Generator<PopulationColumns> {
  const chunks = chunkCount(options);
  for (let chunk = 0; chunk < chunks; chunk++) yield generatePopulationChunk(options, chunk);
}
