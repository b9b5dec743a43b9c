import { z } from 'zod';
import { BRANCHES, isCountryCode } from '../domain.ts';
import type { CountryCode } from '../domain.ts';
import { isCalendarMonthOrDate } from '../time/month.ts';

/** `YYYY-MM`, the engine's unit of time. */
export const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, e.g. 2011-09')
  .meta({ description: 'A calendar month, YYYY-MM.', examples: ['2011-09'] });

/** `YYYY-MM` or `YYYY-MM-DD`; a day is accepted and the month it falls in is used. */
export const monthOrDate = z
  .string()
  .refine(isCalendarMonthOrDate, 'must be a real month YYYY-MM or date YYYY-MM-DD, e.g. 2011-09-15')
  .meta({ description: 'A month (YYYY-MM) or a date (YYYY-MM-DD); the engine works in months.' });

/** ISO 3166-1 alpha-2. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. TH')
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. TH')
  .transform((code): CountryCode => code)
  .meta({ description: 'ISO 3166-1 alpha-2 country code, e.g. TH.', examples: ['TH'] });

/** ISO 4217 currency code. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code, e.g. THB')
  .meta({ description: 'ISO 4217 currency code.', examples: ['THB'] });

export const branch = z.enum(BRANCHES).meta({
  description: 'One of the nine branches of ILO C102.',
});

/** Kinds of work, as the law distinguishes them. */
export const ACTIVITIES = [
  'employed',
  'self_employed',
  'domestic_worker',
  'seafarer',
  'informal_worker',
  'civil_servant',
] as const;
export const activity = z.enum(ACTIVITIES);

/** Broad sectors of work, as coverage rules name them. */
export const SECTORS = [
  'agriculture',
  'fishing',
  'forestry',
  'livestock',
  'manufacturing',
  'construction',
  'mining',
  'domestic_work',
  'hospitality',
  'care',
  'transport',
  'seafaring',
  'retail',
  'services',
  'public_administration',
  'other',
] as const;
export const sector = z.enum(SECTORS);

/** Permits and statuses that coverage rules depend on. */
export const PERMITS = [
  'work_permit',
  'mou',
  'nationality_verified',
  'labour_permit',
  'employment_pass',
  's_pass',
  'permanent_residence',
  'none',
] as const;
export const permit = z.enum(PERMITS);

export const insurance = z.enum(['compulsory', 'voluntary', 'none', 'unknown']);
