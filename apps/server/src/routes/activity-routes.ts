// The caucus's activities for the five areas for action: exchange visits (and their
// recommendations becoming commitments), national caucuses with their status history, bills with
// sponsors and actions, the bodies' meetings and the caucus's engagements with them (with an
// iCalendar feed), collaborations with CSOs and trade unions, and the corridor view.
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import type { Resource } from './resource-routes.ts';
import { resourceRoutes } from './resource-routes.ts';
import {
  BillActionIn,
  BillActionName,
  BillIn,
  BodyEventIn,
  CalendarQuery,
  CaucusStatusIn,
  CaucusStatusName,
  CaucusStatusParams,
  CaucusStatusPatch,
  CollaborationIn,
  CorridorParams,
  CorridorQuery,
  Country,
  EngagementIn,
  NationalCaucusIn,
  RecommendationCommitmentIn,
  RecommendationParams,
  VisitIn,
} from '../schemas/activities.ts';
import { IdParams, ListOf, RecordOut } from '../schemas/common.ts';

/** A member's own activities, or those members recorded, by kind. */
const ActivitiesByKind = z.object({
  bills: z.array(RecordOut),
  visits: z.array(RecordOut),
  engagements: z.array(RecordOut),
});
import {
  ACTIVITY_KINDS,
  addBillAction,
  changeCaucusStatus,
  changeCaucusStatusEntry,
  createActivity,
  createNationalCaucus,
  getActivity,
  listActivities,
  listNationalCaucuses,
  membersActivities,
  myActivities,
  nationalCaucusDetail,
  recommendationToCommitment,
  removeCaucusStatusEntry,
  updateActivity,
} from '../use-cases/activities.ts';
import { engagementCalendar } from '../use-cases/calendar.ts';
import { corridorView } from '../use-cases/corridor.ts';

const RESOURCES: Resource[] = [
  {
    path: 'visits',
    tag: 'activities',
    kind: ACTIVITY_KINDS.visits,
    input: VisitIn,
    filters: z.object({ host_country: Country.optional() }),
  },
  {
    path: 'bills',
    tag: 'activities',
    kind: ACTIVITY_KINDS.bills,
    input: BillIn,
    fixed: { actions: true },
    filters: z.object({
      organization_id: z.string().max(80).optional(),
      status: BillActionName.optional(),
    }),
  },
  {
    path: 'body-events',
    tag: 'activities',
    kind: ACTIVITY_KINDS.bodyEvents,
    input: BodyEventIn,
    filters: z.object({ organization_id: z.string().max(80).optional() }),
  },
  {
    path: 'engagements',
    tag: 'activities',
    kind: ACTIVITY_KINDS.engagements,
    input: EngagementIn,
    filters: z.object({
      organization_id: z.string().max(80).optional(),
      event_id: z.string().max(80).optional(),
    }),
  },
  {
    path: 'collaborations',
    tag: 'activities',
    kind: ACTIVITY_KINDS.collaborations,
    input: CollaborationIn,
    filters: z.object({
      organization_id: z.string().max(80).optional(),
      topic_id: z.string().max(80).optional(),
    }),
  },
];

export function activityRoutes(deps: Deps): void {
  const { app, options } = deps;

  resourceRoutes(deps, RESOURCES, {
    list: listActivities,
    get: getActivity,
    create: createActivity,
    update: updateActivity,
    createVerb: 'Record',
  });

  route(app, options, {
    method: 'GET',
    url: '/api/activities/mine',
    tag: 'activities',
    summary:
      "The signed-in member's own bills (sponsored or recorded), visits and engagements, as their staff see them too",
    response: ActivitiesByKind,
    handler: ({ request }) => myActivities(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/activities/from-members',
    tag: 'activities',
    summary:
      'Bills, visits and engagements recorded by members and their staff, unpublished first, for the secretariat to review',
    response: ActivitiesByKind,
    handler: ({ request }) => membersActivities(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/visits/:id/recommendations/:n/commitment',
    tag: 'activities',
    summary: "Turn a visit's recommendation n (from 0) into a commitment linked to the visit",
    params: RecommendationParams,
    body: RecommendationCommitmentIn,
    status: 201,
    response: RecordOut,
    handler: ({ params, body, request }) =>
      recommendationToCommitment(contextOf(deps, request), params.id, params.n, body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/bills/:id/actions',
    tag: 'activities',
    summary: "Record an action on a bill; the bill's status becomes its latest action's",
    params: IdParams,
    body: BillActionIn,
    status: 201,
    response: RecordOut,
    handler: ({ params, body, request }) =>
      addBillAction(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/national-caucuses',
    tag: 'activities',
    summary: 'National parliamentary caucuses and committees on labour migration, with status',
    query: z.object({ country: Country.optional(), status: CaucusStatusName.optional() }),
    response: ListOf(RecordOut),
    handler: ({ query, request }) => listNationalCaucuses(contextOf(deps, request), query),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/national-caucuses/:id',
    tag: 'activities',
    summary: 'One national caucus: its status history and members',
    params: IdParams,
    response: RecordOut,
    handler: ({ params, request }) => nationalCaucusDetail(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/national-caucuses',
    tag: 'activities',
    summary: 'Record a national caucus or committee (a Popolo Organization) and its status',
    body: NationalCaucusIn,
    status: 201,
    response: RecordOut,
    handler: ({ body, request }) => createNationalCaucus(contextOf(deps, request), body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/national-caucuses/:id/status',
    tag: 'activities',
    summary: "Record a change of a national caucus's status (the history is kept)",
    params: IdParams,
    body: CaucusStatusIn,
    status: 201,
    response: RecordOut,
    handler: ({ params, body, request }) =>
      changeCaucusStatus(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/national-caucuses/:id/status/:status_id',
    tag: 'activities',
    summary:
      "Correct an entry of a national caucus's status history, or change who may see it (publish it)",
    params: CaucusStatusParams,
    body: CaucusStatusPatch,
    response: RecordOut,
    handler: ({ params, body, request }) =>
      changeCaucusStatusEntry(contextOf(deps, request), params.id, params.status_id, body),
  });

  route(app, options, {
    method: 'DELETE',
    url: '/api/national-caucuses/:id/status/:status_id',
    tag: 'activities',
    summary:
      "Remove an entry recorded by mistake from a national caucus's status history (not its only one)",
    params: CaucusStatusParams,
    response: RecordOut,
    handler: ({ params, request }) =>
      removeCaucusStatusEntry(contextOf(deps, request), params.id, params.status_id),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/corridors/:origin/:destination',
    tag: 'activities',
    summary:
      'A corridor, both ends: bills, agreements (in force at ?at=), commitments, visits, documents',
    params: CorridorParams,
    query: CorridorQuery,
    response: RecordOut.omit({ id: true }),
    handler: ({ params, query, request }) =>
      corridorView(
        contextOf(deps, request),
        deps.knowledge(),
        params.origin,
        params.destination,
        query.at,
      ),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/engagements.ics',
    tag: 'activities',
    summary: 'iCalendar feed of the public meetings of the bodies the caucus engages (?body=)',
    query: CalendarQuery,
    response: z.string(),
    contentType: 'text/calendar; charset=utf-8',
    handler: ({ query, request }) =>
      engagementCalendar(contextOf(deps, request), {
        body: query.body,
        host: new URL(deps.baseUrl).hostname,
      }),
  });
}
