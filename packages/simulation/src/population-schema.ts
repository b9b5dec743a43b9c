import type { Month } from '@tulay/engine';
import { formatMonth } from '@tulay/engine';
import type { PopulationColumns } from './columnar.ts';
import {
  ACTIVITIES,
  EARNINGS_PER,
  INSURANCES,
  PERMITS,
  SECTORS,
  SEXES,
  countryAt,
  countryIndex,
  isCalendarMonthOrDate,
  isCountryCode,
  parseMonth,
} from './columnar.ts';

/** One column of the population table: its name, SQL type, whether it may be empty, and what it holds. */
export interface ColumnSpec {
  readonly name: string;
  readonly sql: 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';
  readonly required: boolean;
  readonly description: string;
  readonly values?: readonly string[];
}

/**
 * The population table (docs/simulation.md): one row per period of work, the worker's own fields
 * repeated on each of their rows, rows of a worker together. These are the profile fields the
 * engine reads (docs/profile-format.md), flattened.
 */
export const POPULATION_COLUMNS: readonly ColumnSpec[] = [
  {
    name: 'worker_id',
    sql: 'BIGINT',
    required: true,
    description: 'Identifies the worker; the rows of a worker are together.',
  },
  {
    name: 'weight',
    sql: 'DOUBLE',
    required: true,
    description: 'How many workers the row stands for (> 0; the same on every row of a worker).',
  },
  { name: 'birth', sql: 'VARCHAR', required: false, description: 'Month of birth, YYYY-MM.' },
  {
    name: 'sex',
    sql: 'VARCHAR',
    required: false,
    description: 'female, male or other.',
    values: SEXES.slice(1),
  },
  {
    name: 'nationality',
    sql: 'VARCHAR',
    required: true,
    description: 'ISO 3166-1 alpha-2; the worker\u2019s home, where benefits should be payable.',
  },
  {
    name: 'country',
    sql: 'VARCHAR',
    required: true,
    description: 'Country where the period\u2019s work was done.',
  },
  {
    name: 'period_from',
    sql: 'VARCHAR',
    required: true,
    description: 'First month of the period, YYYY-MM.',
  },
  {
    name: 'period_to',
    sql: 'VARCHAR',
    required: true,
    description: 'Last month of the period (included), YYYY-MM.',
  },
  {
    name: 'activity',
    sql: 'VARCHAR',
    required: true,
    description: 'Kind of work.',
    values: ACTIVITIES,
  },
  {
    name: 'sector',
    sql: 'VARCHAR',
    required: false,
    description: 'Sector of work.',
    values: SECTORS,
  },
  {
    name: 'documented',
    sql: 'BOOLEAN',
    required: true,
    description: 'Whether the worker had papers allowing the work.',
  },
  {
    name: 'permit',
    sql: 'VARCHAR',
    required: false,
    description: 'Permit or status held.',
    values: PERMITS,
  },
  {
    name: 'insurance',
    sql: 'VARCHAR',
    required: false,
    description: 'What the worker knows of their insurance (default unknown).',
    values: INSURANCES,
  },
  {
    name: 'earnings',
    sql: 'DOUBLE',
    required: false,
    description: 'Gross earnings amount (with currency and earnings_per).',
  },
  {
    name: 'currency',
    sql: 'VARCHAR',
    required: false,
    description: 'ISO 4217 code of the earnings.',
  },
  {
    name: 'earnings_per',
    sql: 'VARCHAR',
    required: false,
    description: 'day, week, month or year.',
    values: EARNINGS_PER.slice(1),
  },
];

/** A problem in population data, located by row (1-based, in file order) and column. */
export interface PopulationProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/** Formats a problem as `FILE: row N, column C: message`. */
export function formatPopulationProblem(file: string, p: PopulationProblem): string {
  return `${file}: row ${p.row}, column ${p.column}: ${p.message}`;
}

/** A column of values to read one at a time (a DuckDB vector, or an array's `at`). */
export interface Items<T> {
  getItem(i: number): T | null;
}

/**
 * Rows the reader converted itself, for rows whose every value is in canonical form (see
 * `canonicalSelect` in duckdb-population.ts): codes as ChunkBuilder.add would make them. A
 * canonical text and its value determine each other, so rows are compared by value.
 */
export interface CanonicalColumns {
  readonly id: Items<number>;
  readonly weight: Items<number>;
  readonly birth: Items<number>;
  readonly sex: Items<number>;
  readonly nationality: Items<number>;
  readonly country: Items<number>;
  readonly from: Items<number>;
  readonly to: Items<number>;
  readonly activity: Items<number>;
  readonly sector: Items<number>;
  readonly documented: Items<number>;
  readonly permit: Items<number>;
  readonly insurance: Items<number>;
  readonly earnings: Items<number>;
  readonly per: Items<number>;
  /** 1 when the weight's text is the whole number it prints as, 0 when DuckDB's text of its value. */
  readonly weightForm: Items<number>;
}

const INDEX = new Map(POPULATION_COLUMNS.map((c, i) => [c.name, i]));
const col = (name: string): number => INDEX.get(name) ?? -1;
const C = {
  workerId: col('worker_id'),
  weight: col('weight'),
  birth: col('birth'),
  sex: col('sex'),
  nationality: col('nationality'),
  country: col('country'),
  from: col('period_from'),
  to: col('period_to'),
  activity: col('activity'),
  sector: col('sector'),
  documented: col('documented'),
  permit: col('permit'),
  insurance: col('insurance'),
  earnings: col('earnings'),
  currency: col('currency'),
  per: col('earnings_per'),
};
/** The worker's own fields, which must be the same on each of their rows. */
const WORKER_FIELDS = [C.weight, C.birth, C.sex, C.nationality] as const;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WHOLE = /^-?\d+$/;

/** A worker's identity: the number of a valid worker_id, else its text (already a problem). */
function workerKey(text: string | null): number | string | null {
  if (text === null || !WHOLE.test(text)) return text;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/**
 * The workers seen so far, to find one whose rows are not together: 8 bytes a worker, whatever
 * the size (a Set stops at 2^24 entries, and a file may hold a hundred million workers). Ids that
 * only ever increase, as in a sorted file, need no check at all; otherwise the ids are sorted once
 * at the end and a repeated one is reported.
 */
class WorkerIds {
  private ids = new Float64Array(1024);
  private n = 0;
  private increasing = true;

  add(id: number): void {
    if (this.n > 0 && id <= (this.ids[this.n - 1] ?? 0)) this.increasing = false;
    if (this.n === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.n++] = id;
  }

  /** The ids that started more than one run of rows (at most `max`), ascending. */
  repeated(max: number): number[] {
    if (this.increasing) return [];
    const sorted = this.ids.subarray(0, this.n).sort();
    const out: number[] = [];
    for (let i = 1; i < sorted.length && out.length < max; i++)
      if (sorted[i] === sorted[i - 1] && sorted[i] !== out[out.length - 1])
        out.push(sorted[i] ?? 0);
    return out;
  }
}

/** Typed columns that grow as rows come, reused chunk after chunk. */
class GrowingColumns {
  workerId = new Float64Array(0);
  weight = new Float64Array(0);
  birth = new Int32Array(0);
  sex = new Uint8Array(0);
  nationality = new Uint16Array(0);
  firstPeriod = new Int32Array(0);
  country = new Uint16Array(0);
  from = new Int32Array(0);
  to = new Int32Array(0);
  activity = new Uint8Array(0);
  sector = new Uint8Array(0);
  documented = new Uint8Array(0);
  permit = new Uint8Array(0);
  insurance = new Uint8Array(0);
  earnings = new Float64Array(0);
  currency = new Uint16Array(0);
  earningsPer = new Uint8Array(0);

  /** Room for worker index `w` (and the closing firstPeriod entry). */
  worker(w: number): void {
    if (w + 1 < this.firstPeriod.length) return;
    const n = Math.max(1024, this.firstPeriod.length * 2);
    this.workerId = grow(this.workerId, n);
    this.weight = grow(this.weight, n);
    this.birth = grow(this.birth, n);
    this.sex = grow(this.sex, n);
    this.nationality = grow(this.nationality, n);
    this.firstPeriod = grow(this.firstPeriod, n);
  }

  /** Room for period row `r`. */
  period(r: number): void {
    if (r < this.country.length) return;
    const n = Math.max(4096, this.country.length * 2);
    this.country = grow(this.country, n);
    this.from = grow(this.from, n);
    this.to = grow(this.to, n);
    this.activity = grow(this.activity, n);
    this.sector = grow(this.sector, n);
    this.documented = grow(this.documented, n);
    this.permit = grow(this.permit, n);
    this.insurance = grow(this.insurance, n);
    this.earnings = grow(this.earnings, n);
    this.currency = grow(this.currency, n);
    this.earningsPer = grow(this.earningsPer, n);
  }

  /** A copy of the first `workers` workers and `periods` rows. */
  copy(workers: number, periods: number, currencies: readonly string[]): PopulationColumns {
    const firstPeriod = this.firstPeriod.slice(0, workers + 1);
    firstPeriod[workers] = periods;
    return {
      workers,
      workerId: this.workerId.slice(0, workers),
      weight: this.weight.slice(0, workers),
      birth: this.birth.slice(0, workers),
      sex: this.sex.slice(0, workers),
      nationality: this.nationality.slice(0, workers),
      firstPeriod,
      periods,
      country: this.country.slice(0, periods),
      from: this.from.slice(0, periods),
      to: this.to.slice(0, periods),
      activity: this.activity.slice(0, periods),
      sector: this.sector.slice(0, periods),
      documented: this.documented.slice(0, periods),
      permit: this.permit.slice(0, periods),
      insurance: this.insurance.slice(0, periods),
      earnings: this.earnings.slice(0, periods),
      currency: this.currency.slice(0, periods),
      earningsPer: this.earningsPer.slice(0, periods),
      currencies,
    };
  }
}

function grow<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: T, n: number): T {
  const out = new (a.constructor as new (n: number) => T)(n);
  out.set(a);
  return out;
}

/**
 * Builds columns from text rows, validating each as it comes and writing it straight into typed
 * columns (no object per row). Collects problems instead of throwing, so a file reports every
 * bad row (up to `maxProblems`) in one run.
 */
export class ChunkBuilder {
  readonly problems: PopulationProblem[] = [];
  private readonly ids = new WorkerIds();
  private readonly cols = new GrowingColumns();
  private workers = 0;
  private periods = 0;
  private lastKey: number | string | null | undefined = undefined;
  /** The worker's first row's own fields as text, when it was read as text (add()). */
  private first: (string | null)[] | null = null;
  /** When it was canonical (addCanonical()): the form of its weight, and its text if not whole. */
  private firstForm = 0;
  private firstWeight: string | null = null;
  private currencies: string[] = [''];
  private currencyIndex = new Map<string, number>([['', 0]]);

  constructor(
    private readonly chunkSize: number,
    private readonly maxProblems = 50,
  ) {}

  /** Whether enough problems were found to stop reading. */
  get full(): boolean {
    return this.problems.length >= this.maxProblems;
  }

  private problem(row: number, column: string, message: string): void {
    if (this.problems.length < this.maxProblems) this.problems.push({ row, column, message });
  }

  /**
   * Adds row `row` (1-based, in file order), its text by column (in the order of
   * POPULATION_COLUMNS, null when empty). Returns the chunk of complete
   * workers when this row starts a worker past the chunk's size, else null.
   */
  add(row: number, get: (column: number) => string | null): PopulationColumns | null {
    const bad = (column: string, message: string) => {
      this.problem(row, column, message);
    };
    const idText = get(C.workerId);
    const key = workerKey(idText);
    let done: PopulationColumns | null = null;
    if (key !== this.lastKey) {
      if (this.workers >= this.chunkSize) done = this.take();
      this.lastKey = key;
      const w = this.workers++;
      this.cols.worker(w);
      this.cols.firstPeriod[w] = this.periods;
      if (typeof key === 'number') {
        this.ids.add(key);
        this.cols.workerId[w] = key;
      } else bad('worker_id', `must be a whole number, got ${JSON.stringify(idText)}`);
      const weightText = get(C.weight);
      const weight = Number(weightText);
      if (weightText === null || !Number.isFinite(weight) || weight <= 0)
        bad('weight', `must be a number above 0, got ${JSON.stringify(weightText)}`);
      else this.cols.weight[w] = weight;
      const birth = get(C.birth);
      this.cols.birth[w] = -1;
      if (birth !== null) {
        if (!isCalendarMonthOrDate(birth)) bad('birth', `must be YYYY-MM, got "${birth}"`);
        else this.cols.birth[w] = parseMonth(birth);
      }
      const sex = get(C.sex);
      this.cols.sex[w] = 0;
      if (sex !== null) {
        const s = SEXES.indexOf(sex as (typeof SEXES)[number]);
        if (s <= 0) bad('sex', `must be one of female, male, other; got "${sex}"`);
        else this.cols.sex[w] = s;
      }
      const nat = get(C.nationality);
      if (nat === null || !isCountryCode(nat))
        bad('nationality', `must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(nat)}`);
      else this.cols.nationality[w] = countryIndex(nat);
      this.first = WORKER_FIELDS.map((k) => get(k));
    } else this.compareWorkerFields(row, get);
    const r = this.periods++;
    this.cols.period(r);
    const c = this.cols;
    const country = get(C.country);
    if (country === null || !isCountryCode(country))
      bad('country', `must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(country)}`);
    else c.country[r] = countryIndex(country);
    const from = get(C.from);
    const to = get(C.to);
    if (from === null || !MONTH.test(from))
      bad('period_from', `must be a month YYYY-MM, got ${JSON.stringify(from)}`);
    else c.from[r] = parseMonth(from);
    if (to === null || !MONTH.test(to))
      bad('period_to', `must be a month YYYY-MM, got ${JSON.stringify(to)}`);
    else c.to[r] = parseMonth(to);
    if (from !== null && to !== null && MONTH.test(from) && MONTH.test(to) && to < from)
      bad('period_to', `must not be before period_from (${from})`);
    const enumerated = (k: number, name: string, list: readonly string[], offset: number) => {
      const v = get(k);
      if (v === null) return 0;
      const e = list.indexOf(v);
      if (e < 0) bad(name, `must be one of ${list.join(', ')}; got "${v}"`);
      return e < 0 ? 0 : e + offset;
    };
    if (get(C.activity) === null) bad('activity', 'is required');
    c.activity[r] = enumerated(C.activity, 'activity', ACTIVITIES, 0);
    c.sector[r] = enumerated(C.sector, 'sector', SECTORS, 1);
    c.permit[r] = enumerated(C.permit, 'permit', PERMITS, 1);
    c.insurance[r] = enumerated(C.insurance, 'insurance', INSURANCES, 0);
    const documented = get(C.documented);
    if (documented !== 'true' && documented !== 'false')
      bad('documented', `must be true or false, got ${JSON.stringify(documented)}`);
    else c.documented[r] = documented === 'true' ? 1 : 0;
    c.earnings[r] = Number.NaN;
    c.currency[r] = 0;
    c.earningsPer[r] = 0;
    const earnings = get(C.earnings);
    if (earnings !== null) {
      const amount = Number(earnings);
      const currency = get(C.currency);
      const per = enumerated(C.per, 'earnings_per', EARNINGS_PER.slice(1), 1);
      if (!Number.isFinite(amount) || amount < 0)
        bad('earnings', `must be a number of 0 or more, got "${earnings}"`);
      else if (currency === null || !/^[A-Z]{3}$/.test(currency))
        bad(
          'currency',
          `must be an ISO 4217 code when earnings are given, got ${JSON.stringify(currency)}`,
        );
      else if (per === 0) bad('earnings_per', 'is required when earnings are given');
      else {
        c.earnings[r] = amount;
        c.currency[r] = this.currencyOf(currency);
        c.earningsPer[r] = per;
      }
    }
    return done;
  }

  /**
   * Adds row `row`, the `i`-th of `v`, already converted and valid (every value canonical): as
   * add() would, without reading text. A worker's fields are compared with its first row's by
   * value where both rows are canonical (canonical text and value determine each other), and as
   * text, read from `text`, otherwise.
   */
  addCanonical(
    row: number,
    v: CanonicalColumns,
    text: readonly Items<string>[],
    i: number,
  ): PopulationColumns | null {
    const key = v.id.getItem(i) ?? 0;
    const weight = v.weight.getItem(i) ?? 0;
    const form = v.weightForm.getItem(i) ?? 0;
    const birth = v.birth.getItem(i) ?? -1;
    const sex = v.sex.getItem(i) ?? 0;
    const nationality = v.nationality.getItem(i) ?? 0;
    let done: PopulationColumns | null = null;
    const c = this.cols;
    if (key !== this.lastKey) {
      if (this.workers >= this.chunkSize) done = this.take();
      this.lastKey = key;
      const w = this.workers++;
      c.worker(w);
      c.firstPeriod[w] = this.periods;
      this.ids.add(key);
      c.workerId[w] = key;
      c.weight[w] = weight;
      c.birth[w] = birth;
      c.sex[w] = sex;
      c.nationality[w] = nationality;
      this.first = null;
      this.firstForm = form;
      this.firstWeight = form === 1 ? null : (text[C.weight]?.getItem(i) ?? null);
    } else {
      const w = this.workers - 1;
      const same =
        this.first === null &&
        c.weight[w] === weight &&
        this.firstForm === form &&
        c.birth[w] === birth &&
        c.sex[w] === sex &&
        c.nationality[w] === nationality;
      if (!same) this.compareWorkerFields(row, (k) => text[k]?.getItem(i) ?? null);
    }
    const r = this.periods++;
    c.period(r);
    c.country[r] = v.country.getItem(i) ?? 0;
    c.from[r] = v.from.getItem(i) ?? 0;
    c.to[r] = v.to.getItem(i) ?? 0;
    c.activity[r] = v.activity.getItem(i) ?? 0;
    c.sector[r] = v.sector.getItem(i) ?? 0;
    c.documented[r] = v.documented.getItem(i) ?? 0;
    c.permit[r] = v.permit.getItem(i) ?? 0;
    c.insurance[r] = v.insurance.getItem(i) ?? 0;
    const amount = v.earnings.getItem(i);
    if (amount === null) {
      c.earnings[r] = Number.NaN;
      c.currency[r] = 0;
      c.earningsPer[r] = 0;
    } else {
      c.earnings[r] = amount;
      c.currency[r] = this.currencyOf(text[C.currency]?.getItem(i) ?? '');
      c.earningsPer[r] = v.per.getItem(i) ?? 0;
    }
    return done;
  }

  /** Reports each of the worker's own fields that differs, as text, from its first row. */
  private compareWorkerFields(row: number, get: (column: number) => string | null): void {
    let first = this.first;
    if (first === null) {
      // The first row was canonical: its text is what its values print as.
      const w = this.workers - 1;
      const birth = this.cols.birth[w] ?? -1;
      const sex = this.cols.sex[w] ?? 0;
      first = [
        this.firstWeight ?? String(this.cols.weight[w] ?? 0),
        birth < 0 ? null : formatMonth(birth as Month),
        sex === 0 ? null : (SEXES[sex] ?? null),
        countryAt(this.cols.nationality[w] ?? 0),
      ];
    }
    WORKER_FIELDS.forEach((k, j) => {
      const was = first[j] ?? null;
      if (get(k) !== was)
        this.problem(
          row,
          POPULATION_COLUMNS[k]?.name ?? '',
          `differs from the worker's first row (${JSON.stringify(was)})`,
        );
    });
  }

  private currencyOf(code: string): number {
    let ci = this.currencyIndex.get(code);
    if (ci === undefined) {
      ci = this.currencies.length;
      this.currencies.push(code);
      this.currencyIndex.set(code, ci);
    }
    return ci;
  }

  /**
   * The rest after the last row: the last chunk (null when empty). Then reports a worker whose
   * rows are not together, found by the ids; its rows are found by `locate` (a second look at the
   * file, only in that case).
   */
  async finish(
    locate: (repeated: readonly number[]) => Promise<PopulationProblem[]>,
  ): Promise<PopulationColumns | null> {
    const last = this.workers > 0 ? this.take() : null;
    const repeated = this.ids.repeated(this.maxProblems - this.problems.length);
    if (repeated.length > 0)
      for (const p of await locate(repeated)) this.problem(p.row, p.column, p.message);
    return last;
  }

  private take(): PopulationColumns {
    const out = this.cols.copy(this.workers, this.periods, this.currencies);
    this.workers = 0;
    this.periods = 0;
    this.currencies = [''];
    this.currencyIndex = new Map([['', 0]]);
    return out;
  }
}

/**
 * Where each of `repeated` starts its second run of rows, given the file's worker_id texts in
 * order (called chunk of rows after chunk): the problems a scattered worker is reported by.
 */
export class RepeatLocator {
  private readonly wanted: Set<number>;
  private readonly runs = new Map<number, number>();
  private lastKey: number | string | null | undefined = undefined;
  private row = 0;
  readonly problems: PopulationProblem[] = [];

  constructor(repeated: readonly number[]) {
    this.wanted = new Set(repeated);
  }

  add(ids: readonly (string | null)[]): void {
    for (const text of ids) {
      this.row++;
      const key = workerKey(text);
      if (key === this.lastKey) continue;
      this.lastKey = key;
      if (typeof key !== 'number' || !this.wanted.has(key)) continue;
      const runs = (this.runs.get(key) ?? 0) + 1;
      this.runs.set(key, runs);
      if (runs === 2)
        this.problems.push({
          row: this.row,
          column: 'worker_id',
          message: `worker ${text ?? ''} appears again after other workers: the rows of a worker must be together`,
        });
    }
  }
}

/** The text of row `r` of the columns, in the order of POPULATION_COLUMNS (for writing files). */
export function rowValues(
  c: PopulationColumns,
  w: number,
  r: number,
  month: (m: number) => string,
): (string | number | boolean | null)[] {
  const sector = c.sector[r] ?? 0;
  const permit = c.permit[r] ?? 0;
  const birth = c.birth[w] ?? -1;
  const sex = c.sex[w] ?? 0;
  const amount = c.earnings[r] ?? Number.NaN;
  return [
    c.workerId[w] ?? 0,
    c.weight[w] ?? 0,
    birth < 0 ? null : month(birth),
    sex === 0 ? null : (SEXES[sex] ?? null),
    countryAt(c.nationality[w] ?? 0),
    countryAt(c.country[r] ?? 0),
    month(c.from[r] ?? 0),
    month(c.to[r] ?? 0),
    ACTIVITIES[c.activity[r] ?? 0] ?? null,
    sector === 0 ? null : (SECTORS[sector - 1] ?? null),
    c.documented[r] === 1,
    permit === 0 ? null : (PERMITS[permit - 1] ?? null),
    INSURANCES[c.insurance[r] ?? 0] ?? null,
    Number.isNaN(amount) ? null : amount,
    Number.isNaN(amount) ? null : (c.currencies[c.currency[r] ?? 0] ?? null),
    Number.isNaN(amount) ? null : (EARNINGS_PER[c.earningsPer[r] ?? 0] ?? null),
  ];
}
