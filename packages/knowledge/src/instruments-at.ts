import type { InstrumentsFile, Ratification } from './schema/instruments.ts';

/** A country's standing on an instrument at a date. */
export type Standing = 'ratified' | 'signed' | 'not_ratified' | 'denounced' | 'unknown';

export interface InstrumentRow {
  readonly id: string;
  readonly title: string;
  readonly ratifiable: boolean;
  /** The latest dated count at or before the date (e.g. the 2011 report's figures). */
  readonly count: {
    readonly count: number;
    readonly asOf: string;
    readonly what: string;
    readonly verified: boolean;
  } | null;
  readonly countries: Readonly<
    Record<
      string,
      { readonly standing: Standing; readonly date: string | null; readonly verified: boolean }
    >
  >;
}

/** Whether a date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) is on or before `at` (YYYY-MM-DD). */
function onOrBefore(date: string, at: string): boolean {
  return date.slice(0, Math.min(date.length, at.length)) <= at.slice(0, date.length);
}

function standingAt(r: Ratification, at: string): Standing {
  if (r.status === 'not_ratified') return 'not_ratified';
  if (r.status === 'ratified' || r.status === 'denounced' || r.status === 'not_in_force') {
    if (r.date === undefined || onOrBefore(r.date, at))
      return r.status === 'not_in_force' ? 'ratified' : r.status;
    return r.signed !== undefined && onOrBefore(r.signed, at) ? 'signed' : 'not_ratified';
  }
  // signed
  return r.date === undefined || onOrBefore(r.date, at) ? 'signed' : 'not_ratified';
}

/** Each instrument's standing in each of `countries` at `at` (YYYY-MM-DD), from the dated records. */
export function instrumentsAt(
  file: InstrumentsFile,
  countries: readonly string[],
  at: string,
): InstrumentRow[] {
  return file.instruments.map((inst) => {
    const counts = inst.counts
      .filter((c) => onOrBefore(c.asOf, at))
      .sort((a, b) => a.asOf.localeCompare(b.asOf));
    const latest = counts.at(-1);
    const byCountry: Record<
      string,
      { standing: Standing; date: string | null; verified: boolean }
    > = {};
    for (const c of countries) {
      const r = file.ratifications.find((x) => x.instrument === inst.id && x.country === c);
      byCountry[c] = r
        ? { standing: standingAt(r, at), date: r.date ?? null, verified: r.verified }
        : { standing: 'unknown', date: null, verified: false };
    }
    return {
      id: inst.id,
      title: inst.title,
      ratifiable: inst.ratifiable,
      count: latest
        ? { count: latest.count, asOf: latest.asOf, what: latest.what, verified: latest.verified }
        : null,
      countries: byCountry,
    };
  });
}
