// The four routes every kind of record has — list, read one, create, change — written once: the
// caucus's records (record-routes.ts) and its activities (activity-routes.ts) differ only in the
// use cases that serve them.
import type { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import { IdParams, ListOf, Paging, RecordOut } from '../schemas/common.ts';
import { patchOf } from '../schemas/records.ts';
import type { Context } from '../use-cases/context.ts';
import type { RecordKind } from '../use-cases/records.ts';

/** One kind of record as the API shows it. */
export interface Resource<K extends RecordKind = RecordKind> {
  /** The path after `/api/`. */
  path: string;
  /** The OpenAPI tag. */
  tag: string;
  kind: K;
  /** The body of a create; a change takes any of its fields. */
  input: z.ZodObject;
  /** Fields a change may not set (they have routes of their own). */
  fixed?: Record<string, true>;
  /** Filters the list accepts, as query parameters with the same names as columns. */
  filters: z.ZodObject;
}

type Input = Record<string, unknown> & { id?: string };
/** A record as the routes answer it (RecordOut). */
type Out = Record<string, unknown> & { id: string };

/** The use cases behind a set of resources. */
export interface ResourceUseCases<K extends RecordKind> {
  list(
    ctx: Context,
    kind: K,
    options: {
      q?: string | undefined;
      limit: number;
      offset: number;
      where: Record<string, string | number>;
    },
  ): Promise<{ items: Out[]; total: number }>;
  get(ctx: Context, kind: K, id: string): Promise<Out>;
  create(ctx: Context, kind: K, input: Input): Promise<Out>;
  update(ctx: Context, kind: K, id: string, patch: Record<string, unknown>): Promise<Out>;
  /** The verb of a create's summary ("Create", "Record"). */
  createVerb: string;
}

/** Only the filters that were given. */
function given(filters: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters))
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  return out;
}

export function resourceRoutes<K extends RecordKind>(
  deps: Deps,
  resources: readonly Resource<K>[],
  useCases: ResourceUseCases<K>,
): void {
  const { app, options } = deps;
  for (const resource of resources) {
    const { kind, path, tag } = resource;

    route(app, options, {
      method: 'GET',
      url: `/api/${path}`,
      tag,
      summary: `List ${kind.table.replace('_', ' ')} (filtered by what the viewer may see)`,
      query: Paging.extend(resource.filters.shape),
      response: ListOf(RecordOut),
      handler: ({ query, request }) => {
        const { q, limit, offset, ...filters } = query as z.output<typeof Paging> &
          Record<string, unknown>;
        return useCases.list(contextOf(deps, request), kind, {
          q,
          limit,
          offset,
          where: given(filters),
        });
      },
    });

    route(app, options, {
      method: 'GET',
      url: `/api/${path}/:id`,
      tag,
      summary: `One ${kind.noun}`,
      params: IdParams,
      response: RecordOut,
      handler: ({ params, request }) => useCases.get(contextOf(deps, request), kind, params.id),
    });

    route(app, options, {
      method: 'POST',
      url: `/api/${path}`,
      tag,
      summary: `${useCases.createVerb} a ${kind.noun}`,
      body: resource.input,
      status: 201,
      response: RecordOut,
      handler: ({ body, request }) =>
        useCases.create(contextOf(deps, request), kind, body as Input),
    });

    route(app, options, {
      method: 'PATCH',
      url: `/api/${path}/:id`,
      tag,
      summary: `Change a ${kind.noun}`,
      params: IdParams,
      body: patchOf(resource.input.omit((resource.fixed ?? {}) as never)),
      response: RecordOut,
      handler: ({ params, body, request }) =>
        useCases.update(contextOf(deps, request), kind, params.id, body as Record<string, unknown>),
    });
  }
}
