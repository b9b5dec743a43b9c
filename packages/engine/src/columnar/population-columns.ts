import { COUNTRY_CODES } from '../domain.ts';
import type { CountryCode } from '../domain.ts';
import { ACTIVITIES, PERMITS, SECTORS } from '../schema/common.ts';
import type { Period, Profile } from '../schema/profile.ts';
import type { Month } from '../time/month.ts';
import { formatMonth } from '../time/month.ts';

/**
 * Country codes as small integers: the ISO list, then the private-use codes XA–XZ of the test
 * fixtures. Index 0 is never a country, so a zeroed column reads as "none".
 */
export const COUNTRY_INDEX: readonly string[] = [
  '',
  ...COUNTRY_CODES,
  ...Array.from({ length: 26 }, (_, i) => `X${String.fromCharCode(65 + i)}`),
];
const COUNTRY_POSITION = new Map(COUNTRY_INDEX.map((c, i) => [c, i]));

/** The integer code of a country (0 if unknown). */
export function countryIndex(code: string): number {
  return COUNTRY_POSITION.get(code) ?? 0;
}

/** The country of an integer code. */
export function countryAt(index: number): CountryCode {
  return (COUNTRY_INDEX[index] ?? '') as CountryCode;
}

/** Sex codes: 0 not stated. */
export const SEXES = ['', 'female', 'male', 'other'] as const;
/** Insurance codes, as in the profile schema. */
export const INSURANCES = ['unknown', 'compulsory', 'voluntary', 'none'] as const;
/** Earnings periods: 0 none. */
export const EARNINGS_PER = ['', 'day', 'week', 'month', 'year'] as const;

/**
 * A chunk of a population in columns (DESIGN §3.5): workers, and their periods one row each, the
 * periods of worker `w` at rows `firstPeriod[w]` to `firstPeriod[w + 1] - 1`. Enumerations are
 * codes into the lists above (sector and permit: 0 none, else 1 + the index in SECTORS / PERMITS).
 * Typed arrays, so a chunk crosses to a worker thread without copying object graphs.
 */
export interface PopulationColumns {
  readonly workers: number;
  readonly workerId: Float64Array;
  readonly weight: Float64Array;
  /** Month of birth, or -1 when not known. */
  readonly birth: Int32Array;
  readonly sex: Uint8Array;
  readonly nationality: Uint16Array;
  readonly firstPeriod: Int32Array;
  readonly periods: number;
  readonly country: Uint16Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly activity: Uint8Array;
  readonly sector: Uint8Array;
  readonly documented: Uint8Array;
  readonly permit: Uint8Array;
  readonly insurance: Uint8Array;
  /** Earnings amount, NaN when not given. */
  readonly earnings: Float64Array;
  /** Index into `currencies`, with `earnings`. */
  readonly currency: Uint16Array;
  readonly earningsPer: Uint8Array;
  readonly currencies: readonly string[];
}

/** Empty columns for `workers` workers and `periods` periods, to be filled. */
export function allocateColumns(
  workers: number,
  periods: number,
  currencies: readonly string[],
): PopulationColumns {
  return {
    workers,
    workerId: new Float64Array(workers),
    weight: new Float64Array(workers),
    birth: new Int32Array(workers).fill(-1),
    sex: new Uint8Array(workers),
    nationality: new Uint16Array(workers),
    firstPeriod: new Int32Array(workers + 1),
    periods,
    country: new Uint16Array(periods),
    from: new Int32Array(periods),
    to: new Int32Array(periods),
    activity: new Uint8Array(periods),
    sector: new Uint8Array(periods),
    documented: new Uint8Array(periods),
    permit: new Uint8Array(periods),
    insurance: new Uint8Array(periods),
    earnings: new Float64Array(periods).fill(Number.NaN),
    currency: new Uint16Array(periods),
    earningsPer: new Uint8Array(periods),
    currencies,
  };
}

/**
 * The profile of worker `w`, as the scalar engine reads it. A population asks about payment at
 * home: the residence is the worker's nationality.
 */
export function profileOf(c: PopulationColumns, w: number): Profile {
  const nationality = countryAt(c.nationality[w] ?? 0);
  const periods: Period[] = [];
  const end = c.firstPeriod[w + 1] ?? 0;
  for (let r = c.firstPeriod[w] ?? 0; r < end; r++) {
    const sector = c.sector[r] ?? 0;
    const permit = c.permit[r] ?? 0;
    const amount = c.earnings[r] ?? Number.NaN;
    const per = EARNINGS_PER[c.earningsPer[r] ?? 0];
    const period: Period = {
      country: countryAt(c.country[r] ?? 0),
      from: formatMonth((c.from[r] ?? 0) as Month),
      to: formatMonth((c.to[r] ?? 0) as Month),
      activity: ACTIVITIES[c.activity[r] ?? 0] ?? 'employed',
      documented: c.documented[r] === 1,
      insurance: INSURANCES[c.insurance[r] ?? 0] ?? 'unknown',
      basis: 'real',
    };
    if (sector > 0) period.sector = SECTORS[sector - 1];
    if (permit > 0) period.permit = PERMITS[permit - 1];
    if (!Number.isNaN(amount) && per !== undefined && per !== '')
      period.earnings = { amount, currency: c.currencies[c.currency[r] ?? 0] ?? '', per };
    periods.push(period);
  }
  const birth = c.birth[w] ?? -1;
  const sex = SEXES[c.sex[w] ?? 0];
  const person: Profile['person'] = { nationalities: [nationality], residence: nationality };
  if (birth >= 0) person.birthDate = formatMonth(birth as Month);
  if (sex !== undefined && sex !== '') person.sex = sex;
  return { person, periods };
}
