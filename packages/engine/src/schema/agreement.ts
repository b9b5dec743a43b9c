import { z } from 'zod';
import { branch, countryCode, monthOrDate, yearMonth } from './common.ts';
import { provenance, sourceSchema } from './jurisdiction.ts';

export const AGREEMENT_KINDS = [
  'social_security_agreement',
  'labour_mou',
  'regional_instrument',
  'multilateral_agreement',
] as const;

export const provisionsSchema = z.strictObject({
  equalTreatment: z
    .boolean()
    .meta({ description: 'Equal treatment with nationals in the covered branches.' }),
  export: z
    .boolean()
    .meta({ description: 'Cash benefits paid to residents of the other parties.' }),
  totalization: z
    .boolean()
    .meta({ description: 'Periods under every party’s law count towards qualifying periods.' }),
  detachment: z
    .strictObject({
      maxMonths: z.number().int().positive(),
      extensionMonths: z.number().int().nonnegative().optional(),
    })
    .nullable()
    .meta({
      description:
        'Posted workers stay under the sending state’s law for up to maxMonths; null: no such rule.',
    }),
  minOwnMonths: z.number().int().positive().nullable().meta({
    description:
      'Under-one-year rule: a party pays no pro-rata benefit for fewer own months than this.',
  }),
  administrativeAssistance: z.boolean(),
});

export const agreementSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and dashes'),
    title: z.string().min(1),
    kind: z.enum(AGREEMENT_KINDS),
    binding: z
      .boolean()
      .meta({ description: 'false for declarations and other instruments without legal force.' }),
    parties: z.array(countryCode).min(2, 'an agreement needs at least two parties'),
    signed: monthOrDate.optional(),
    inForce: z.strictObject({ from: yearMonth, to: yearMonth.optional() }).nullable().meta({
      description:
        'When it binds the parties; null if signed but not (or not known to be) in force.',
    }),
    branches: z
      .array(branch)
      .meta({ description: 'Branches the coordination provisions apply to.' }),
    provisions: provisionsSchema,
    summary: z.string().optional(),
    ...provenance,
    sources: z.record(z.string(), sourceSchema),
  })
  .meta({
    title: 'Tulay agreement',
    description: 'A social-security agreement, labour MOU or regional instrument.',
  });

export type AgreementInput = z.input<typeof agreementSchema>;
export type Agreement = z.output<typeof agreementSchema>;
export type Provisions = z.output<typeof provisionsSchema>;
