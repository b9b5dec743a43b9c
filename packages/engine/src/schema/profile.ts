import { z } from 'zod';
import {
  activity,
  branch,
  countryCode,
  currencyCode,
  insurance,
  monthOrDate,
  permit,
  sector,
  yearMonth,
} from './common.ts';

const earnings = z.strictObject({
  amount: z.number().nonnegative().meta({ description: 'Gross earnings, in the currency below.' }),
  currency: currencyCode,
  per: z.enum(['day', 'week', 'month', 'year']),
});

const recorded = z
  .strictObject({
    count: z.number().nonnegative(),
    unit: z.enum(['days', 'weeks', 'months', 'quarters']),
    system: z
      .union([z.literal(5), z.literal(6), z.literal(7)])
      .optional()
      .meta({ description: 'Working days per week of the scheme that recorded the period.' }),
  })
  .meta({
    description:
      'The insurance record in the scheme’s own unit, when it is not whole months (Reg. 987/2009 art. 13 conversion).',
  });

const employer = z.strictObject({
  seat: countryCode.optional().meta({ description: 'Country where the employer is established.' }),
  nationality: countryCode.optional().meta({
    description:
      'Nationality of an individual employer (e.g. a household), where the law depends on it.',
  }),
  isPermanentResident: z.boolean().optional().meta({
    description: 'Whether an individual employer is a permanent resident of the country of work.',
  }),
  kind: z.enum(['company', 'household', 'government', 'manning_agency', 'individual']).optional(),
});

export const periodSchema = z
  .strictObject({
    country: countryCode.meta({ description: 'Country where the work was done.' }),
    from: yearMonth.meta({ description: 'First month of the period, YYYY-MM.' }),
    to: yearMonth.meta({ description: 'Last month of the period (included), YYYY-MM.' }),
    activity,
    sector: sector.optional(),
    documented: z.boolean().meta({
      description: 'Whether the worker was in the country of work with papers allowing the work.',
    }),
    permit: permit.optional(),
    insurance: insurance.default('unknown').meta({
      description:
        'What the worker knows of their insurance in that period: compulsory, voluntary, none or unknown.',
    }),
    scheme: z
      .string()
      .optional()
      .meta({ description: 'Scheme id the worker was insured in, when known (e.g. th.ssf.s33).' }),
    employer: employer.optional(),
    postedFrom: countryCode.optional().meta({
      description:
        'Set when an employer in this country posted (detached) the worker to the country of work.',
    }),
    basis: z.enum(['real', 'credited']).default('real').meta({
      description:
        'Real insurance periods, or periods credited as equivalent (e.g. child raising).',
    }),
    recorded: recorded.optional(),
    earnings: earnings.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.to < p.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must not be before "from" (${p.from})`,
      });
    }
  });

export const profileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    person: z.strictObject({
      birthDate: monthOrDate.optional(),
      sex: z.enum(['female', 'male', 'other']).optional(),
      nationalities: z.array(countryCode).min(1, 'must list at least one nationality'),
      residence: countryCode.meta({ description: 'Country where the person lives now.' }),
      languages: z
        .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code, e.g. km'))
        .optional()
        .meta({
          description: 'Languages the person reads; by default those of their nationalities.',
        }),
    }),
    periods: z.array(periodSchema),
    claim: z
      .strictObject({
        branch,
        date: monthOrDate
          .optional()
          .meta({ description: 'When the risk happened or the claim is made.' }),
        residence: countryCode
          .optional()
          .meta({ description: 'Where the benefit should be paid; by default person.residence.' }),
      })
      .optional(),
  })
  .meta({
    title: 'Tulay worker profile',
    description: 'A migrant worker’s history, as the engine reads it.',
  });

/** A worker profile as written (before defaults). */
export type ProfileInput = z.input<typeof profileSchema>;
/** A validated worker profile. */
export type Profile = z.output<typeof profileSchema>;
/** One validated period of work. */
export type Period = Profile['periods'][number];
