// Strategy workshops: the secretariat sets one up (groups, questions, answers, priorities,
// condensation into areas for action); participants pick their top three; anyone who may see
// the workshop reads its results.

import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import { Id, ListOf, Paging } from '../schemas/common.ts';
import {
  AllPicksOut,
  AnswerIn,
  AnswerPatch,
  CondensationIn,
  GroupIn,
  GroupPatch,
  PartOut,
  PartParams,
  PicksForIn,
  PicksIn,
  PicksOut,
  PriorityIn,
  PriorityPatch,
  QuestionIn,
  QuestionPatch,
  ResultsOut,
  WorkshopDetailOut,
  WorkshopIn,
  WorkshopOut,
  WorkshopParams,
  WorkshopPatch,
} from '../schemas/workshops.ts';
import {
  addAnswer,
  addGroup,
  addPriority,
  addQuestion,
  allPicks,
  createWorkshop,
  getWorkshop,
  listWorkshops,
  myPicks,
  pickFor,
  pickMine,
  setCondensation,
  updateGroup,
  updatePart,
  updateWorkshop,
  workshopResults,
} from '../use-cases/workshops.ts';

export function workshopRoutes(deps: Deps): void {
  const { app, options } = deps;
  const tag = 'workshops';
  const ctx = (request: Parameters<typeof contextOf>[1]) => contextOf(deps, request);

  route(app, options, {
    method: 'GET',
    url: '/api/workshops',
    tag,
    summary: 'Strategy workshops the viewer may see',
    query: Paging.omit({ q: true }).extend({ programme_id: Id.optional() }),
    response: ListOf(WorkshopOut),
    handler: ({ query, request }) => listWorkshops(ctx(request), query),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops',
    tag,
    summary: 'Set up a workshop of a programme (secretariat)',
    body: WorkshopIn,
    status: 201,
    response: WorkshopDetailOut,
    handler: ({ body, request }) => createWorkshop(ctx(request), body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/workshops/:id',
    tag,
    summary: 'A workshop with its groups, questions, answers, priorities and areas for action',
    params: WorkshopParams,
    response: WorkshopDetailOut,
    handler: ({ params, request }) => getWorkshop(ctx(request), params.id),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/workshops/:id',
    tag,
    summary:
      'Change a workshop: open or close picking, its title, date or visibility (secretariat)',
    params: WorkshopParams,
    body: WorkshopPatch,
    response: WorkshopDetailOut,
    handler: ({ params, body, request }) => updateWorkshop(ctx(request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/workshops/:id/results',
    tag,
    summary:
      'The matrix (groups × questions) and, per area for action, the priorities that fed it and how many picked each',
    params: WorkshopParams,
    response: ResultsOut,
    handler: ({ params, request }) => workshopResults(ctx(request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/groups',
    tag,
    summary: 'Add a group; its members are participants of the programme (secretariat)',
    params: WorkshopParams,
    body: GroupIn,
    status: 201,
    response: PartOut,
    handler: ({ params, body, request }) => addGroup(ctx(request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/workshops/:id/groups/:part_id',
    tag,
    summary: "Rename, reorder or replace a group's members (secretariat)",
    params: PartParams,
    body: GroupPatch,
    response: PartOut,
    handler: ({ params, body, request }) =>
      updateGroup(ctx(request), params.id, params.part_id, body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/questions',
    tag,
    summary: 'Add a question every group answers (secretariat)',
    params: WorkshopParams,
    body: QuestionIn,
    status: 201,
    response: PartOut,
    handler: ({ params, body, request }) => addQuestion(ctx(request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/workshops/:id/questions/:part_id',
    tag,
    summary: 'Change a question (secretariat)',
    params: PartParams,
    body: QuestionPatch,
    response: PartOut,
    handler: ({ params, body, request }) =>
      updatePart(ctx(request), 'workshop_questions', params.id, params.part_id, body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/answers',
    tag,
    summary: "Add a point to a group's answer to a question: a cell of the matrix (secretariat)",
    params: WorkshopParams,
    body: AnswerIn,
    status: 201,
    response: PartOut,
    handler: ({ params, body, request }) => addAnswer(ctx(request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/workshops/:id/answers/:part_id',
    tag,
    summary: 'Change an answer (secretariat)',
    params: PartParams,
    body: AnswerPatch,
    response: PartOut,
    handler: ({ params, body, request }) =>
      updatePart(ctx(request), 'workshop_answers', params.id, params.part_id, body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/priorities',
    tag,
    summary: 'Add a priority participants may pick: drawn from an answer or written (secretariat)',
    params: WorkshopParams,
    body: PriorityIn,
    status: 201,
    response: PartOut,
    handler: ({ params, body, request }) => addPriority(ctx(request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/workshops/:id/priorities/:part_id',
    tag,
    summary: 'Change a priority (secretariat)',
    params: PartParams,
    body: PriorityPatch,
    response: PartOut,
    handler: ({ params, body, request }) =>
      updatePart(ctx(request), 'workshop_priorities', params.id, params.part_id, body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/condensation',
    tag,
    summary:
      'Set the areas for action and which priorities fed each (replaces the earlier condensation; secretariat)',
    params: WorkshopParams,
    body: CondensationIn,
    response: WorkshopDetailOut,
    handler: ({ params, body, request }) => setCondensation(ctx(request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/workshops/:id/picks/mine',
    tag,
    summary: 'Your own picks (a verified participant)',
    params: WorkshopParams,
    response: PicksOut,
    handler: ({ params, request }) => myPicks(ctx(request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/picks/mine',
    tag,
    summary:
      'Pick your top three priorities, ranked (a verified participant; replaces your earlier picks)',
    params: WorkshopParams,
    body: PicksIn,
    response: PicksOut,
    handler: ({ params, body, request }) => pickMine(ctx(request), params.id, body.priority_ids),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/workshops/:id/picks',
    tag,
    summary: 'Who picked what (secretariat only)',
    params: WorkshopParams,
    response: AllPicksOut,
    handler: ({ params, request }) => allPicks(ctx(request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/workshops/:id/picks',
    tag,
    summary: "Enter a participant's picks, e.g. from a paper form (secretariat)",
    params: WorkshopParams,
    body: PicksForIn,
    response: PicksOut,
    handler: ({ params, body, request }) => pickFor(ctx(request), params.id, body),
  });
}
