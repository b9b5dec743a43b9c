import { z } from 'zod';
import {
  activity,
  branch,
  countryCode,
  currencyCode,
  permit,
  sector,
  yearMonth,
} from './common.ts';

/** Where a fact comes from: a key into the package's `sources`, the legal reference, and whether it was checked. */
export const provenance = {
  source: z.string().min(1).meta({ description: 'Key of an entry in this file’s `sources`.' }),
  ref: z
    .string()
    .min(1)
    .meta({ description: 'Legal reference: act, section, regulation, or the page of the source.' }),
  verified: z.boolean().meta({
    description:
      'true only if the value was checked against the source; false marks a fact shown to users as unverified.',
  }),
  note: z.string().optional(),
};

/** When a rule or value holds: from its first month to its last (absent: still in force). */
export const validity = {
  from: yearMonth.meta({ description: 'First month the rule or value holds.' }),
  to: yearMonth
    .optional()
    .meta({ description: 'Last month it holds (included); absent while in force.' }),
};

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url({ error: 'must be a full URL (https://…)' }),
  publisher: z.string().optional(),
  published: z.string().optional().meta({ description: 'Date or year of publication.' }),
  accessed: yearMonth.optional(),
  kind: z.enum(['primary', 'secondary']).meta({
    description:
      'primary: the law or the administering body; secondary: news, law firms, researchers.',
  }),
});

/** A number written in place, or a reference to a dated parameter. */
export const quantity = z.union([
  z.number(),
  z.strictObject({
    param: z.string().min(1).meta({ description: 'Id of a parameter in this package.' }),
  }),
]);

export const parameterSchema = z.strictObject({
  description: z.string().min(1),
  unit: z.enum(['months', 'years', 'rate', 'money', 'days', 'count']),
  currency: currencyCode.optional(),
  values: z
    .array(z.strictObject({ ...validity, value: z.number(), ...provenance }))
    .min(1, 'a parameter needs at least one dated value'),
});

const nationalityCondition = z.union([
  z.enum(['any', 'nationals', 'non_nationals', 'nationals_and_permanent_residents']),
  z.strictObject({ only: z.array(countryCode).min(1) }),
  z.strictObject({ except: z.array(countryCode).min(1) }),
]);

function oneOfOrExcept<T extends z.ZodType>(item: T) {
  return z.strictObject({
    only: z.array(item).min(1).optional(),
    except: z.array(item).min(1).optional(),
  });
}

export const coverageRuleSchema = z
  .strictObject({
    ...validity,
    place: z
      .enum(['in_country', 'abroad'])
      .meta({ description: 'in_country: work in the scheme’s country; abroad: work outside it.' }),
    membership: z.enum(['compulsory', 'voluntary']),
    nationality: nationalityCondition,
    requiresDocuments: z.boolean().meta({
      description: 'Whether the worker must be documented (lawfully working) to be covered.',
    }),
    permits: z
      .array(permit)
      .min(1)
      .optional()
      .meta({ description: 'The worker must hold one of these permits.' }),
    activities: oneOfOrExcept(activity).optional(),
    sectors: oneOfOrExcept(sector).optional(),
    employer: z
      .strictObject({
        nationality: z.enum(['nationals_or_permanent_residents']),
      })
      .optional()
      .meta({
        description:
          'Conditions on an individual employer (e.g. households employing domestic workers).',
      }),
    age: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
    ...provenance,
  })
  .meta({ description: 'Who a scheme covers, from a date.' });

const per = z.enum(['month', 'year', 'once']);

export const formulaSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('pension'),
      rate: quantity.meta({
        description: 'Share of average earnings paid once qualified (e.g. 0.20).',
      }),
      accrual: z
        .strictObject({
          ratePerYear: quantity,
          afterMonths: quantity.meta({
            description: 'Accrual counts each full 12 months beyond this.',
          }),
        })
        .optional(),
      averageOverMonths: z.number().int().positive().optional().meta({
        description: 'Average earnings over the last N insured months (all months when absent).',
      }),
      earningsCeiling: quantity.optional(),
      fullMonths: quantity
        .optional()
        .meta({ description: 'Months needed for a full benefit (M_s in the pro-rata formula).' }),
      description: z.string().optional(),
    })
    .meta({ description: 'Earnings-related periodic pension (monthly).' }),
  z.strictObject({
    type: z.literal('flat'),
    amount: quantity,
    per,
    description: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('earnings_replacement'),
    rate: quantity,
    earningsCeiling: quantity.optional(),
    duration: z.strictObject({ count: quantity, unit: z.enum(['days', 'months']) }).optional(),
    description: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('contribution_refund'),
    rates: z.array(quantity).min(1).optional().meta({
      description:
        'Contribution rates refunded (worker’s, employer’s…), applied to insured earnings.',
    }),
    fixedPerMonth: quantity.optional().meta({
      description: 'A fixed contribution per insured month, where contributions are flat.',
    }),
    earningsCeiling: quantity.optional(),
    description: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('account_balance'),
    description: z.string().min(1),
  }),
  z.strictObject({ type: z.literal('in_kind'), description: z.string().min(1) }),
  z.strictObject({ type: z.literal('not_computable'), reason: z.string().min(1) }),
]);

export const branchRuleSchema = z.strictObject({
  ...validity,
  description: z.string().optional().meta({ description: 'The benefit in plain words.' }),
  qualifying: z
    .strictObject({
      minMonths: quantity.optional().meta({ description: 'Insured months needed in all.' }),
      pensionAge: z
        .union([quantity, z.strictObject({ female: quantity, male: quantity })])
        .optional()
        .meta({
          description:
            'Age from which the benefit is paid, in years (fractions allowed: 60.25 is 60 years 3 months); { female, male } where the law differs by sex.',
        }),
      recent: z.strictObject({ months: quantity, within: quantity }).optional().meta({
        description: 'Insured months needed within the last `within` months before the event.',
      }),
      coveredAtEvent: z.boolean().optional().meta({
        description: 'The worker must be covered in the month of the event (e.g. work injury).',
      }),
    })
    .default({}),
  insuredFrom: yearMonth.optional().meta({
    description:
      'Insured months before this month do not count for this branch (its contributions began then, e.g. old age in Thailand in 1999).',
  }),
  benefit: formulaSchema,
  otherwise: formulaSchema.optional().meta({
    description: 'What is paid when the qualifying conditions are not met (e.g. a lump sum).',
  }),
  paidAbroad: z
    .enum(['yes', 'no', 'unknown'])
    .meta({ description: 'Whether national law pays this benefit to a residence abroad.' }),
  onDeparture: z
    .strictObject({ description: z.string().min(1), formula: formulaSchema.optional() })
    .optional()
    .meta({ description: 'A lump sum paid on leaving the country for good, if any.' }),
  ...provenance,
});

const office = z.strictObject({
  name: z.string().min(1),
  country: countryCode,
  url: z.url().optional(),
  note: z.string().optional(),
});

export const claimInfoSchema = z.strictObject({
  howTo: z.string().min(1).meta({ description: 'How to claim, in plain words.' }),
  offices: z.array(office).default([]),
  documents: z.array(z.string().min(1)).default([]),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .min(1)
    .meta({ description: 'Languages in which claims can be made (ISO 639).' }),
  paysToForeignAccounts: z
    .enum(['yes', 'no', 'unknown'])
    .default('unknown')
    .meta({ description: 'Whether the scheme pays into a bank account abroad.' }),
  foreignDocuments: z.enum(['accepted', 'certified_only', 'unknown']).default('unknown').meta({
    description: 'Whether civil-status papers from other countries must be certified (legalised).',
  }),
  ...provenance,
});

export const SCHEME_KINDS = [
  'social_insurance',
  'provident_fund',
  'universal',
  'welfare_fund',
  'mandatory_private_insurance',
  'employer_liability',
] as const;

export const schemeSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z]{2}\.[a-z0-9_.-]+$/,
      'must be lower-case, start with the country code and a dot, e.g. th.ssf.s33',
    ),
  name: z.string().min(1),
  localName: z.string().optional(),
  kind: z.enum(SCHEME_KINDS),
  administrator: z.strictObject({ name: z.string().min(1), url: z.url().optional() }),
  ...validity,
  summary: z.string().optional(),
  basedOn: z.string().optional().meta({
    description:
      'Id of a scheme of this package whose branches this one takes, unless it lists its own.',
  }),
  coverage: z.array(coverageRuleSchema),
  branches: z.partialRecord(branch, z.array(branchRuleSchema).min(1)),
  claim: claimInfoSchema.optional(),
});

export const jurisdictionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    country: countryCode,
    name: z.string().min(1),
    currency: currencyCode,
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
    scope: z.enum(['full', 'partner']).meta({
      description:
        'full: the country’s schemes are encoded; partner: encoded only as far as an agreement needs it.',
    }),
    summary: z.string().optional(),
    sources: z.record(z.string(), sourceSchema),
    parameters: z.record(z.string(), parameterSchema).default({}),
    schemes: z.array(schemeSchema).default([]),
  })
  .meta({
    title: 'Tulay jurisdiction package',
    description: 'One country’s social-security law, dated and sourced.',
  });

export type JurisdictionInput = z.input<typeof jurisdictionSchema>;
export type Jurisdiction = z.output<typeof jurisdictionSchema>;
export type Scheme = Jurisdiction['schemes'][number];
export type CoverageRule = z.output<typeof coverageRuleSchema>;
export type BranchRule = z.output<typeof branchRuleSchema>;
export type Formula = z.output<typeof formulaSchema>;
export type Quantity = z.output<typeof quantity>;
export type Source = z.output<typeof sourceSchema>;
export type ClaimInfo = z.output<typeof claimInfoSchema>;
export type Parameter = z.output<typeof parameterSchema>;
