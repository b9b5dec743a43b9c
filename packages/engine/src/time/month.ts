/** A calendar month as a count of months since year 0 (`year * 12 + month - 1`): months are the engine's unit of time. */
export type Month = number & { readonly __unit: 'Month' };

/** A number of months (a duration, not a point in time). */
export type Months = number & { readonly __unit: 'Months' };

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_MONTH_DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month1) ? 30 : 31;
}

/** Whether `text` is `YYYY-MM` or a real calendar date `YYYY-MM-DD`. */
export function isCalendarMonthOrDate(text: string): boolean {
  if (YEAR_MONTH.test(text)) return true;
  const m = YEAR_MONTH_DAY.exec(text);
  if (!m) return false;
  return Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
}

/** Parses `YYYY-MM` or `YYYY-MM-DD` into the month it falls in; throws on anything else (validate first). */
export function parseMonth(text: string): Month {
  if (!isCalendarMonthOrDate(text)) throw new RangeError(`not a month or date: "${text}"`);
  return monthOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
}

/** The month of a year and a 1-based month number. */
export function monthOf(year: number, month1: number): Month {
  return (year * 12 + month1 - 1) as Month;
}

/** Formats a month as `YYYY-MM`. */
export function formatMonth(month: Month): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** The number of calendar months from `from` to `to`, both included (0 if `to` is before `from`). */
export function monthsBetweenInclusive(from: Month, to: Month): Months {
  return Math.max(0, to - from + 1) as Months;
}

/** Completed years of age at `at` for someone born in `birth` (months only: a birthday month counts as reached). */
export function ageInYears(birth: Month, at: Month): number {
  return Math.floor((at - birth) / 12);
}

/** The month `n` months after `month`. */
export function addMonths(month: Month, n: number): Month {
  return (month + n) as Month;
}
