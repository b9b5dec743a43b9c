// Search, counts, exports and the server's own health.
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import { RecordOut } from '../schemas/common.ts';
import { SearchParams, SearchResults } from '../schemas/search.ts';
import { health, popoloExport, search, stats } from '../use-cases/caucus.ts';

export function siteRoutes(deps: Deps): void {
  const { app, options } = deps;

  route(app, options, {
    method: 'GET',
    url: '/api/health',
    tag: 'site',
    summary: 'Whether the server and its database answer',
    response: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
    handler: ({ request }) => health(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/search',
    tag: 'site',
    summary:
      'Ranked full-text search (every script of the region) across texts in every language, people, organisations, programmes and commitments the viewer may see',
    query: SearchParams,
    response: SearchResults,
    handler: ({ query, request }) => search(contextOf(deps, request), query),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/stats',
    tag: 'site',
    summary: 'How many records of each kind the viewer may see',
    response: z.record(z.string(), z.number().int()),
    handler: ({ request }) => stats(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/export/popolo.json',
    tag: 'site',
    summary:
      'People, organisations, posts and memberships as Popolo JSON (what the viewer may see)',
    response: z.object({
      persons: z.array(RecordOut),
      organizations: z.array(RecordOut),
      posts: z.array(RecordOut),
      memberships: z.array(RecordOut),
    }),
    handler: ({ request }) => popoloExport(contextOf(deps, request)),
  });
}
