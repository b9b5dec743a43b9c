import { z } from 'zod';
import { BRANCHES, monthOrDate, profileSchema } from '@tulay/engine';

const status = z.enum([
  'entitled',
  'entitled_through_agreement',
  'not_entitled',
  'not_covered',
  'cannot_tell',
]);
const barrier = z.enum([
  'nationals_only',
  'residency',
  'documentation',
  'qualifying_period',
  'sector_exclusion',
  'not_paid_abroad',
  'document_certification',
  'money_transfer',
  'language',
]);

const resultExpectation = z.strictObject({
  scheme: z.string().min(1),
  branch: z.enum(BRANCHES).optional(),
  status: status.optional(),
  statusIn: z.array(status).min(1).optional(),
  barriers: z.array(barrier).optional(),
  absentBarriers: z.array(barrier).optional(),
  payableAbroad: z.boolean().nullable().optional(),
  paid: z.strictObject({ amount: z.number(), currency: z.string() }).optional(),
  unverified: z.boolean().optional(),
});

const coverageExpectation = z.strictObject({
  coverage: z.strictObject({
    period: z.number().int().nonnegative(),
    schemes: z.array(z.string()),
  }),
});

/** A scenario test of the knowledge base: a profile, a date and what the engine must answer (docs/scenario-tests.md). */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  cites: z.string().min(1),
  at: monthOrDate,
  profile: profileSchema,
  expect: z.array(z.union([resultExpectation, coverageExpectation])).min(1),
});

export const scenarioFileSchema = z.array(scenarioSchema);

export type Scenario = z.output<typeof scenarioSchema>;
export type ResultExpectation = z.output<typeof resultExpectation>;
