// Open data: an index of the datasets, each public record kind as JSON and as CSV, and the
// Popolo document. Public records only, whoever asks.
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import { RecordOut } from '../schemas/common.ts';
import { openDataCsv, openDataIndex, openDataJson, openPopolo } from '../use-cases/open-data.ts';

const Licence = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  note: z.string(),
});
const KindParams = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_-]{0,59}$/, 'must be a dataset name such as people'),
});

export function openDataRoutes(deps: Deps): void {
  const { app, options } = deps;
  const tag = 'open data';

  route(app, options, {
    method: 'GET',
    url: '/api/open-data',
    tag,
    summary: 'The open datasets: their URLs, licence, record counts and last change',
    response: z.object({
      licence: Licence,
      datasets: z.array(
        z.object({
          kind: z.string(),
          title: z.string(),
          description: z.string(),
          count: z.number().int(),
          last_modified: z.string().nullable(),
          formats: z.array(
            z.object({ format: z.enum(['json', 'csv']), media_type: z.string(), url: z.string() }),
          ),
        }),
      ),
    }),
    handler: ({ request }) => openDataIndex(contextOf(deps, request)),
  });

  // Registered before the parametric routes: the static path wins.
  route(app, options, {
    method: 'GET',
    url: '/api/open-data/popolo.json',
    tag,
    summary: 'The public people, organisations, posts and memberships as Popolo JSON',
    response: z.object({
      persons: z.array(RecordOut),
      organizations: z.array(RecordOut),
      posts: z.array(RecordOut),
      memberships: z.array(RecordOut),
    }),
    handler: ({ request }) => openPopolo(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/open-data/:kind.json',
    tag,
    summary: 'One dataset of public records as JSON',
    params: KindParams,
    response: z.object({
      kind: z.string(),
      title: z.string(),
      licence: Licence,
      count: z.number().int(),
      last_modified: z.string().nullable(),
      items: z.array(RecordOut),
    }),
    handler: ({ params, request }) => openDataJson(contextOf(deps, request), params.kind),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/open-data/:kind.csv',
    tag,
    summary:
      'One dataset of public records as CSV (RFC 4180, UTF-8; bom=true adds a byte-order mark for spreadsheets)',
    params: KindParams,
    query: z.object({
      bom: z
        .enum(['true', 'false'], { error: 'must be true or false' })
        .default('false')
        .transform((v) => v === 'true'),
    }),
    response: z.string(),
    contentType: 'text/csv; charset=utf-8; header=present',
    handler: async ({ params, query, request, reply }) => {
      const csv = await openDataCsv(contextOf(deps, request), params.kind, { bom: query.bom });
      void reply.header('content-disposition', `attachment; filename="${params.kind}.csv"`);
      return csv;
    },
  });
}
