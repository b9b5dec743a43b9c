// The caucus's records: list, read, create and change, one set of routes per kind.
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import type { Resource } from './resource-routes.ts';
import { resourceRoutes } from './resource-routes.ts';
import { IdParams, PartialDate, RecordOut } from '../schemas/common.ts';
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
} from '../schemas/records.ts';
import {
  addEvidence,
  commitmentDetail,
  createCommitment,
  followUpsDue,
  personDetail,
  programmeDetail,
} from '../use-cases/caucus.ts';
import { KINDS, createRecord, getRecord, listRecords, updateRecord } from '../use-cases/records.ts';

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
    // Owners change through their own reads and writes of the commitment, not a patch.
    fixed: { owners: true },
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

export function recordRoutes(deps: Deps): void {
  const { app, options } = deps;

  resourceRoutes(deps, RESOURCES, {
    list: listRecords,
    get: (ctx, kind, id) => {
      if (kind === KINDS.people) return personDetail(ctx, id);
      if (kind === KINDS.programmes) return programmeDetail(ctx, id);
      if (kind === KINDS.commitments) return commitmentDetail(ctx, id);
      return getRecord(ctx, kind, id);
    },
    create: (ctx, kind, input) =>
      kind === KINDS.commitments ? createCommitment(ctx, input) : createRecord(ctx, kind, input),
    update: updateRecord,
    createVerb: 'Create',
  });

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
