import { z } from 'zod';
import { activity, branch, countryCode, permit, sector, yearMonth } from './common.ts';
import { agreementSchema, provisionsSchema } from './agreement.ts';

const coverageChange = z
  .strictObject({
    nationality: z
      .union([
        z.enum(['any', 'nationals', 'non_nationals', 'nationals_and_permanent_residents']),
        z.strictObject({ only: z.array(countryCode).min(1) }),
        z.strictObject({ except: z.array(countryCode).min(1) }),
      ])
      .optional(),
    requiresDocuments: z.boolean().optional(),
    permits: z.array(permit).min(1).nullable().optional(),
    activities: z
      .strictObject({
        only: z.array(activity).min(1).optional(),
        except: z.array(activity).min(1).optional(),
      })
      .nullable()
      .optional(),
    sectors: z
      .strictObject({
        only: z.array(sector).min(1).optional(),
        except: z.array(sector).min(1).optional(),
      })
      .nullable()
      .optional(),
    employer: z
      .strictObject({ nationality: z.enum(['nationals_or_permanent_residents']) })
      .nullable()
      .optional(),
    membership: z.enum(['compulsory', 'voluntary']).optional(),
  })
  .meta({ description: 'Fields to set on the scheme’s coverage rules; null removes a condition.' });

export const reformChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add_agreement'), agreement: agreementSchema }),
  z.strictObject({ op: z.literal('remove_agreement'), id: z.string().min(1) }),
  z.strictObject({
    op: z.literal('change_agreement'),
    id: z.string().min(1),
    provisions: provisionsSchema.partial().optional(),
    branches: z.array(branch).optional(),
    parties: z.array(countryCode).min(2).optional(),
  }),
  z.strictObject({
    op: z.literal('set_parameter'),
    parameter: z
      .string()
      .min(1)
      .meta({ description: 'Parameter id, as in its jurisdiction package.' }),
    country: countryCode,
    value: z.number(),
  }),
  z.strictObject({
    op: z.literal('change_coverage'),
    scheme: z.string().min(1),
    place: z
      .enum(['in_country', 'abroad'])
      .optional()
      .meta({ description: 'Only the rules for this place.' }),
    set: coverageChange,
  }),
  z.strictObject({
    op: z.literal('set_paid_abroad'),
    scheme: z.string().min(1),
    branch,
    paidAbroad: z.enum(['yes', 'no']),
  }),
]);

export const reformSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and dashes'),
    title: z.string().min(1),
    description: z.string().optional(),
    from: yearMonth.meta({ description: 'The month the reform takes effect.' }),
    changes: z.array(reformChangeSchema).min(1, 'a reform needs at least one change'),
  })
  .meta({
    title: 'Tulay reform',
    description: 'A change to the law, as data, applied from a month.',
  });

export type ReformInput = z.input<typeof reformSchema>;
export type Reform = z.output<typeof reformSchema>;
export type ReformChange = Reform['changes'][number];
