// GET /api/search: the query's parameters and the ranked results (the shared API contract).
import { z } from 'zod';
import { Language, PartialDate } from './common.ts';

export const SEARCH_KINDS = [
  'document',
  'text',
  'person',
  'organization',
  'programme',
  'commitment',
  'bill',
] as const;

export const SearchParams = z
  .object({
    q: z.string().trim().min(1, 'must not be empty').max(200),
    kind: z.enum(SEARCH_KINDS).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, such as TH')
      .optional(),
    language: Language.optional(),
    type: z.string().trim().min(1, 'must not be empty').max(50).optional(),
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict()
  .superRefine((q, ctx) => {
    // Compared at the coarser precision: from=2011-09 to=2011 is one year, not an empty range.
    if (q.from !== undefined && q.to !== undefined) {
      const n = Math.min(q.from.length, q.to.length);
      if (q.from.slice(0, n) > q.to.slice(0, n))
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });

export const SearchResults = z.object({
  items: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      title: z.string(),
      snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
      score: z.number(),
      language: z.string().nullable(),
      date: z.string().nullable(),
      countries: z.array(z.string()),
      type: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});
