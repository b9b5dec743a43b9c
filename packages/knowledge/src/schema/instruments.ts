import { z } from 'zod';
import { countryCode, monthOrDate, yearMonth } from '@tulay/engine';
import { provenance, sourceSchema } from '@tulay/engine';

export const instrumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  title: z.string().min(1),
  kind: z.enum(['ilo_convention', 'ilo_recommendation', 'un_treaty', 'declaration']),
  adopted: monthOrDate,
  url: z.url(),
  ratifiable: z.boolean().meta({ description: 'false for recommendations and declarations.' }),
  articles: z
    .array(z.strictObject({ ref: z.string().min(1), text: z.string().min(1) }))
    .default([])
    .meta({ description: 'Articles the report quotes or relies on.' }),
  counts: z
    .array(
      z.strictObject({
        count: z.number().int().nonnegative(),
        asOf: yearMonth,
        what: z.enum(['ratifications', 'parties', 'signatories']),
        ...provenance,
      }),
    )
    .default([])
    .meta({ description: 'Dated counts of ratifications, e.g. those the 2011 report gives.' }),
});

/** A year, month or day: NORMLEX and treaty records sometimes give only the year. */
const yearMonthOrDate = z.union([
  monthOrDate,
  z.string().regex(/^\d{4}$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
]);

export const ratificationSchema = z.strictObject({
  instrument: z.string().min(1),
  country: countryCode,
  status: z.enum(['ratified', 'signed', 'not_ratified', 'denounced', 'not_in_force']),
  date: yearMonthOrDate.optional().meta({
    description:
      'Date of ratification, signature or denunciation: a year where the day is not known.',
  }),
  signed: yearMonthOrDate
    .optional()
    .meta({ description: 'Date of signature, for a treaty signed before it was ratified.' }),
  ...provenance,
});

export const instrumentsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    sources: z.record(z.string(), sourceSchema),
    instruments: z.array(instrumentSchema).default([]),
    ratifications: z.array(ratificationSchema).default([]),
  })
  .meta({ title: 'Tulay instruments and ratifications' });

export type InstrumentsFile = z.output<typeof instrumentsFileSchema>;
export type Instrument = z.output<typeof instrumentSchema>;
export type Ratification = z.output<typeof ratificationSchema>;
