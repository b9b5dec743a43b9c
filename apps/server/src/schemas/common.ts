import { ROLES, VISIBILITIES } from '@tulay/store/vocabulary';
import { z } from 'zod';

/** A record id: lower-case letters, digits, `_` and `-` (seed ids and generated UUIDs both fit). */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'must be 1–80 lower-case letters, digits, "_" or "-"');

/** An Open Civic Data division id, e.g. `ocd-division/country:th`. */
export const OcdId = z
  .string()
  .max(300)
  .regex(
    /^ocd-division\/country:[a-z]{2}(\/[a-z0-9_-]+:[a-z0-9_.~-]+)*$/,
    'must be an Open Civic Data division id such as ocd-division/country:th',
  );

/** A date as precise as it is known. */
export const PartialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'must be YYYY, YYYY-MM or YYYY-MM-DD',
  );

/** A BCP 47 language tag such as `en`, `th` or `zh-Hant`. */
export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or th');

export const Visibility = z.enum(VISIBILITIES);
export const RoleName = z.enum(ROLES);

export const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const IdParams = z.object({ id: Id });

export const Paging = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Any record as the API presents it: its columns and Popolo extras. */
export const RecordOut = z.looseObject({ id: z.string() });

export const ListOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const Ok = z.object({ ok: z.literal(true) });
