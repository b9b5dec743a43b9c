import type { Months } from './month.ts';

/** The working-week system of the scheme that recorded a period (Reg. 987/2009 art. 13(1)). */
export type WorkWeekSystem = 5 | 6 | 7;

/** A period as a scheme recorded it, in its own unit. */
export interface RecordedPeriod {
  readonly count: number;
  readonly unit: 'days' | 'weeks' | 'months' | 'quarters';
  /** Days worked per week in the recording scheme; weeks are converted through the 6-day row when absent. */
  readonly system?: WorkWeekSystem;
}

// Reg. 987/2009 art. 13(1)(a): the conversion table, days per week / month / quarter by system.
const DAYS_PER: Record<WorkWeekSystem, { week: number; month: number; quarter: number }> = {
  5: { week: 5, month: 22, quarter: 66 },
  6: { week: 6, month: 26, quarter: 78 },
  7: { week: 7, month: 30, quarter: 90 },
};

/**
 * Converts a recorded period into months (Reg. 987/2009 art. 13): fractions are rounded down
 * (art. 13(2)(b)) and the result never exceeds `calendarMonths`, the months the period spans,
 * so that a year never counts for more than twelve months (art. 13(2)(c)).
 */
export function convertToMonths(period: RecordedPeriod, calendarMonths: Months): Months {
  const system = period.system ?? 6;
  let months: number;
  switch (period.unit) {
    case 'months':
      months = period.count;
      break;
    case 'quarters':
      // art. 13(1)(b): one quarter = three months.
      months = period.count * 3;
      break;
    case 'weeks':
      // art. 13(1)(a) and (b): weeks become days in the recording system (6-day row when unknown), then months.
      months = (period.count * DAYS_PER[system].week) / DAYS_PER[system].month;
      break;
    case 'days':
      months = period.count / DAYS_PER[system].month;
      break;
  }
  return Math.min(Math.floor(months + 1e-9), calendarMonths) as Months;
}
