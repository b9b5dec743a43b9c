import type { PopulationColumns } from './columnar.ts';
import {
  ACTIVITIES,
  EARNINGS_PER,
  INSURANCES,
  PERMITS,
  SECTORS,
  SEXES,
  allocateColumns,
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

/** A row as text (null when empty), in the order of POPULATION_COLUMNS. */
export type RawRow = readonly (string | null)[];

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

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Builds columns from validated text rows, a worker at a time. Collects problems instead of
 * throwing, so a file reports every bad row (up to `maxProblems`) in one run.
 */
export class ChunkBuilder {
  private rows: { row: number; values: RawRow }[] = [];
  private workers = 0;
  private lastId: string | null = null;
  private readonly seen = new Set<string>();
  readonly problems: PopulationProblem[] = [];

  constructor(private readonly maxProblems = 50) {}

  /** Adds row `row` (1-based); returns false once too many problems were found. */
  add(row: number, values: RawRow): boolean {
    const id = values[C.workerId] ?? null;
    if (id !== this.lastId) {
      if (id !== null && this.seen.has(id))
        this.problem(
          row,
          'worker_id',
          `worker ${id} appears again after other workers: the rows of a worker must be together`,
        );
      if (id !== null) this.seen.add(id);
      this.lastId = id;
      this.workers++;
    }
    this.rows.push({ row, values });
    return this.problems.length < this.maxProblems;
  }

  /** Workers started so far in this chunk. */
  get workerCount(): number {
    return this.workers;
  }

  private problem(row: number, column: string, message: string): void {
    if (this.problems.length < this.maxProblems) this.problems.push({ row, column, message });
  }

  /**
   * Validates the rows gathered and returns them as columns, keeping the last worker back when
   * `keepLast` (its rows may continue in the next batch).
   */
  take(keepLast: boolean): PopulationColumns | null {
    let rows = this.rows;
    let kept: { row: number; values: RawRow }[] = [];
    if (keepLast && rows.length > 0) {
      const lastId = rows[rows.length - 1]?.values[C.workerId];
      let i = rows.length;
      while (i > 0 && rows[i - 1]?.values[C.workerId] === lastId) i--;
      kept = rows.slice(i);
      rows = rows.slice(0, i);
    }
    this.rows = kept;
    this.workers = kept.length > 0 ? 1 : 0;
    if (rows.length === 0) return null;
    return this.build(rows);
  }

  private build(rows: readonly { row: number; values: RawRow }[]): PopulationColumns | null {
    let workers = 0;
    for (let i = 0; i < rows.length; i++)
      if (i === 0 || rows[i]?.values[C.workerId] !== rows[i - 1]?.values[C.workerId]) workers++;
    const currencies: string[] = [''];
    const currencyIndex = new Map<string, number>([['', 0]]);
    const c = allocateColumns(workers, rows.length, currencies);
    const before = this.problems.length;
    let w = -1;
    let first: RawRow | null = null;
    rows.forEach(({ row, values }, r) => {
      const get = (k: number) => values[k] ?? null;
      const bad = (column: string, message: string) => {
        this.problem(row, column, message);
      };
      if (r === 0 || values[C.workerId] !== rows[r - 1]?.values[C.workerId]) {
        w++;
        first = values;
        c.firstPeriod[w] = r;
        const id = get(C.workerId);
        if (id === null || !/^-?\d+$/.test(id) || !Number.isSafeInteger(Number(id)))
          bad('worker_id', `must be a whole number, got ${JSON.stringify(id)}`);
        else c.workerId[w] = Number(id);
        const weight = Number(get(C.weight));
        if (get(C.weight) === null || !Number.isFinite(weight) || weight <= 0)
          bad('weight', `must be a number above 0, got ${JSON.stringify(get(C.weight))}`);
        else c.weight[w] = weight;
        const birth = get(C.birth);
        if (birth !== null) {
          if (!isCalendarMonthOrDate(birth)) bad('birth', `must be YYYY-MM, got "${birth}"`);
          else c.birth[w] = parseMonth(birth);
        }
        const sex = get(C.sex);
        if (sex !== null) {
          const i = SEXES.indexOf(sex as (typeof SEXES)[number]);
          if (i <= 0) bad('sex', `must be one of female, male, other; got "${sex}"`);
          else c.sex[w] = i;
        }
        const nat = get(C.nationality);
        if (nat === null || !isCountryCode(nat))
          bad('nationality', `must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(nat)}`);
        else c.nationality[w] = countryIndex(nat);
      } else if (first) {
        for (const k of [C.weight, C.birth, C.sex, C.nationality]) {
          const name = POPULATION_COLUMNS[k]?.name ?? '';
          if (values[k] !== first[k])
            bad(name, `differs from the worker's first row (${JSON.stringify(first[k])})`);
        }
      }
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
        const i = list.indexOf(v);
        if (i < 0) bad(name, `must be one of ${list.join(', ')}; got "${v}"`);
        return i < 0 ? 0 : i + offset;
      };
      const activity = get(C.activity);
      if (activity === null) bad('activity', 'is required');
      c.activity[r] = enumerated(C.activity, 'activity', ACTIVITIES, 0);
      c.sector[r] = enumerated(C.sector, 'sector', SECTORS, 1);
      c.permit[r] = enumerated(C.permit, 'permit', PERMITS, 1);
      c.insurance[r] = enumerated(C.insurance, 'insurance', INSURANCES, 0);
      const documented = get(C.documented);
      if (documented !== 'true' && documented !== 'false')
        bad('documented', `must be true or false, got ${JSON.stringify(documented)}`);
      else c.documented[r] = documented === 'true' ? 1 : 0;
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
          let ci = currencyIndex.get(currency);
          if (ci === undefined) {
            ci = currencies.length;
            currencies.push(currency);
            currencyIndex.set(currency, ci);
          }
          c.earnings[r] = amount;
          c.currency[r] = ci;
          c.earningsPer[r] = per;
        }
      }
    });
    c.firstPeriod[workers] = rows.length;
    return this.problems.length > before ? null : c;
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
