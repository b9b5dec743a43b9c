import type { Branch, CountryCode } from '../domain.ts';
import type { Period, Profile } from '../schema/profile.ts';
import type { Month } from '../time/month.ts';
import { monthsBetweenInclusive, parseMonth } from '../time/month.ts';
import { convertToMonths } from '../time/conversion.ts';

/** A period of the profile as the engine reads it: months as numbers, cut at the evaluation date. */
export interface WorkPeriod {
  readonly index: number;
  readonly country: CountryCode;
  readonly from: Month;
  readonly to: Month;
  /** Months the record credits (Reg. 987/2009 art. 13 conversion), at most the calendar months. */
  readonly creditedMonths: number;
  readonly raw: Period;
}

/** The worker as the engine reads the profile at a date. */
export interface WorkHistory {
  readonly birth: Month | null;
  readonly sex: 'female' | 'male' | 'other' | null;
  readonly nationalities: ReadonlySet<CountryCode>;
  readonly residence: CountryCode;
  readonly languages: readonly string[] | null;
  readonly periods: readonly WorkPeriod[];
  readonly at: Month;
  readonly claimBranch: Branch | null;
  readonly notes: string[];
}

/** Reads a validated profile at month `at`: months after `at` have not happened yet and are cut off. */
export function readHistory(profile: Profile, at: Month): WorkHistory {
  const notes: string[] = [];
  const periods: WorkPeriod[] = [];
  profile.periods.forEach((raw, index) => {
    const from = parseMonth(raw.from);
    const fullTo = parseMonth(raw.to);
    if (from > at) {
      notes.push(
        `Period ${index} (${raw.country}, from ${raw.from}) starts after the evaluation date and is not counted.`,
      );
      return;
    }
    const to = Math.min(fullTo, at) as Month;
    if (to < fullTo)
      notes.push(`Period ${index} (${raw.country}) is counted up to the evaluation date only.`);
    const calendar = monthsBetweenInclusive(from, to);
    const creditedMonths = raw.recorded ? convertToMonths(raw.recorded, calendar) : calendar;
    periods.push({ index, country: raw.country, from, to, creditedMonths, raw });
  });
  return {
    birth: profile.person.birthDate === undefined ? null : parseMonth(profile.person.birthDate),
    sex: profile.person.sex ?? null,
    nationalities: new Set(profile.person.nationalities),
    residence: profile.claim?.residence ?? profile.person.residence,
    languages: profile.person.languages ?? null,
    periods,
    at,
    claimBranch: profile.claim?.branch ?? null,
    notes,
  };
}
