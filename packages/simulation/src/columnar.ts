// The engine's columnar path and the shared engine vocabulary, imported once here.
export * from '@tulay/engine/columnar';
export {
  ACTIVITIES,
  PERMITS,
  SECTORS,
  isCalendarMonthOrDate,
  isCountryCode,
  parseMonth,
} from '@tulay/engine';
