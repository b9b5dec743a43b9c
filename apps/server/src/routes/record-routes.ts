// The caucus's records: list, read, create and change, one set of routes per kind.
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import { IdParams, ListOf, Paging, PartialDate, RecordOut } from '../schemas/common.ts';
import {
  CommitmentIn,
  CommitmentStatus,
  EvidenceIn,
  FollowUpIn,
  MembershipIn,
  OrganizationIn,
  ParticipantIn,
  PersonIn,
  PostIn,
  ProgrammeIn,
  SessionIn,
  TopicIn,
  patchOf,
} from '../schemas/records.ts';
import {
  addEvidence,
  commitmentDetail,
  createCommitment,
  followUpsDue,
  personDetail,
  programmeDetail,
} from '../use-cases/caucus.ts';
import type { RecordKind } from '../use-cases/records.ts';
import { KINDS, createRecord, getRecord, listRecords, updateRecord } from '../use-cases/records.ts';

interface Resource {
  path: string;
  tag: string;
  kind: RecordKind;
  input: z.ZodObject;
  /** Filters the list accepts, as query parameters with the same names as columns. */
  filters: z.ZodObject;
}

const RESOURCES: Resource[] = [
  { path: 'people', tag: 'people', kind: KINDS.people, input: PersonIn, filters: z.object({}) },
  {
    path: 'organizations',
    tag: 'people',
    kind: KINDS.organizations,
    input: OrganizationIn,
    filters: z.object({ classification: z.string().max(50).optional() }),
  },
  {
    path: 'posts',
    tag: 'people',
    kind: KINDS.posts,
    input: PostIn,
    filters: z.object({ organization_id: z.string().max(80).optional() }),
  },
  {
    path: 'memberships',
    tag: 'people',
    kind: KINDS.memberships,
    input: MembershipIn,
    filters: z.object({
      person_id: z.string().max(80).optional(),
      organization_id: z.string().max(80).optional(),
    }),
  },
  {
    path: 'programmes',
    tag: 'programmes',
    kind: KINDS.programmes,
    input: ProgrammeIn,
    filters: z.object({}),
  },
  {
    path: 'sessions',
    tag: 'programmes',
    kind: KINDS.sessions,
    input: SessionIn,
    filters: z.object({ programme_id: z.string().max(80).optional() }),
  },
  {
    path: 'participants',
    tag: 'programmes',
    kind: KINDS.participants,
    input: ParticipantIn,
    filters: z.object({
      programme_id: z.string().max(80).optional(),
      person_id: z.string().max(80).optional(),
    }),
  },
  {
    path: 'commitments',
    tag: 'commitments',
    kind: KINDS.commitments,
    input: CommitmentIn,
    filters: z.object({
      programme_id: z.string().max(80).optional(),
      status: CommitmentStatus.optional(),
    }),
  },
  {
    path: 'follow-ups',
    tag: 'commitments',
    kind: KINDS.followUps,
    input: FollowUpIn,
    filters: z.object({
      commitment_id: z.string().max(80).optional(),
      status: z.enum(['open', 'done']).optional(),
    }),
  },
  {
    path: 'topics',
    tag: 'programmes',
    kind: KINDS.topics,
    input: TopicIn,
    filters: z.object({ kind: z.string().max(50).optional() }),
  },
];

/** Only the filters that were given. */
function given(filters: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters))
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  return out;
}

export function recordRoutes(deps: Deps): void {
  const { app, options } = deps;

  for (const resource of RESOURCES) {
    const { kind, path, tag } = resource;
    const query = Paging.extend(resource.filters.shape);

    route(app, options, {
      method: 'GET',
      url: `/api/${path}`,
      tag,
      summary: `List ${kind.table.replace('_', ' ')} (filtered by what the viewer may see)`,
      query,
      response: ListOf(RecordOut),
      handler: ({ query: q, request }) => {
        const {
          q: text,
          limit,
          offset,
          ...filters
        } = q as z.output<typeof Paging> & Record<string, unknown>;
        return listRecords(contextOf(deps, request), kind, {
          q: text,
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
      handler: ({ params, request }) => {
        const ctx = contextOf(deps, request);
        if (kind === KINDS.people) return personDetail(ctx, params.id);
        if (kind === KINDS.programmes) return programmeDetail(ctx, params.id);
        if (kind === KINDS.commitments) return commitmentDetail(ctx, params.id);
        return getRecord(ctx, kind, params.id);
      },
    });

    route(app, options, {
      method: 'POST',
      url: `/api/${path}`,
      tag,
      summary: `Create a ${kind.noun}`,
      body: resource.input,
      status: 201,
      response: RecordOut,
      handler: ({ body, request }) => {
        const ctx = contextOf(deps, request);
        const input = body as Record<string, unknown> & { id?: string };
        if (kind === KINDS.commitments) return createCommitment(ctx, input);
        return createRecord(ctx, kind, input);
      },
    });

    route(app, options, {
      method: 'PATCH',
      url: `/api/${path}/:id`,
      tag,
      summary: `Change a ${kind.noun}`,
      params: IdParams,
      body: patchOf(
        kind === KINDS.commitments ? CommitmentIn.omit({ owners: true }) : resource.input,
      ),
      response: RecordOut,
      handler: ({ params, body, request }) =>
        updateRecord(contextOf(deps, request), kind, params.id, body as Record<string, unknown>),
    });
  }

  route(app, options, {
    method: 'POST',
    url: '/api/commitments/:id/evidence',
    tag: 'commitments',
    summary:
      'Add evidence to a commitment (secretariat; or the member who owns it, or their staff)',
    params: IdParams,
    body: EvidenceIn,
    status: 201,
    response: RecordOut,
    handler: ({ params, body, request }) => addEvidence(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/follow-ups/due',
    tag: 'commitments',
    summary: 'Open follow-ups due on or before a date',
    query: z.object({ by: PartialDate }),
    response: z.object({ items: z.array(RecordOut) }),
    handler: ({ query, request }) => followUpsDue(contextOf(deps, request), query.by),
  });
}
