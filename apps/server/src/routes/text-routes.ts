// Resolutions and statements, their versions and endorsements, and endorsement drives.
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { route } from '../http/route.ts';
import { Id, IdParams, Language, Text, Visibility } from '../schemas/common.ts';
import {
  createDrive,
  driveStatus,
  endorse,
  endorsementsCsv,
  listDrives,
  listEndorsements,
  voidEndorsement,
  withdraw,
} from '../use-cases/endorsements.ts';
import {
  addVersion,
  createText,
  getText,
  listTexts,
  textVersions,
  updateText,
} from '../use-cases/texts.ts';

const TextStatus = z.enum(['draft', 'open', 'closed']);
const VersionOut = z.object({
  version: z.number().int(),
  language: z.string(),
  title: z.string(),
  body: z.string(),
  note: z.string().optional(),
  created_at: z.string(),
});
const TextOut = z.looseObject({
  id: z.string(),
  kind: z.enum(['resolution', 'statement']),
  authoritative_language: z.string(),
  status: TextStatus,
  is_endorsable: z.boolean(),
  visibility: Visibility,
  version: z.number().int(),
  versions: z.array(VersionOut),
  endorsement_count: z.number().int(),
});
const Office = z.object({
  organization_id: z.string(),
  organization_name: z.string(),
  role: z.string().nullable(),
  label: z.string().nullable(),
  on_behalf_of_id: z.string().nullable(),
  area_id: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  is_dated: z.boolean(),
});
const EndorsementOut = z.object({
  id: z.string(),
  text_id: z.string(),
  text_version: z.number().int(),
  person_id: z.string(),
  person_name: z.string().optional(),
  office: z.array(Office),
  signed_on: z.string(),
  withdrawn_at: z.string().optional(),
  visibility: z.string(),
});

const NotInvitedReason = z.enum(['not_a_parliamentarian', 'has_account', 'already_invited']);

export function textRoutes(deps: Deps): void {
  const { app, options } = deps;
  const tag = 'texts';

  route(app, options, {
    method: 'GET',
    url: '/api/texts',
    tag,
    summary: 'Resolutions and statements, with their latest versions and endorsement counts',
    query: z.object({
      kind: z.enum(['resolution', 'statement']).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ items: z.array(TextOut), total: z.number().int() }),
    handler: ({ query, request }) => listTexts(contextOf(deps, request), query),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/texts/:id',
    tag,
    summary:
      'A resolution or statement: its latest version in each language and its endorsement count',
    params: IdParams,
    response: TextOut,
    handler: ({ params, request }) => getText(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/texts/:id/versions',
    tag,
    summary: 'Every version of a text in every language',
    params: IdParams,
    response: z.object({ items: z.array(VersionOut) }),
    handler: ({ params, request }) => textVersions(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/texts',
    tag,
    summary:
      'Create a resolution or statement with its first version in its authoritative language',
    body: z.strictObject({
      id: Id.optional(),
      kind: z.enum(['resolution', 'statement']),
      programme_id: Id.optional(),
      authoritative_language: Language,
      status: TextStatus.optional(),
      is_endorsable: z.boolean().optional(),
      title: Text(500),
      body: Text(200_000),
      visibility: Visibility.optional(),
    }),
    status: 201,
    response: TextOut,
    handler: ({ body, request }) => createText(contextOf(deps, request), body),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/texts/:id/versions',
    tag,
    summary: 'Add a new version (authoritative language) or a translation of the current version',
    params: IdParams,
    body: z.strictObject({
      language: Language,
      title: Text(500),
      body: Text(200_000),
      note: Text(2000).optional(),
      is_new_version: z.boolean().default(false),
    }),
    status: 201,
    response: TextOut,
    handler: ({ params, body, request }) => addVersion(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/texts/:id',
    tag,
    summary: 'Open or close a text for endorsement, or change who may see it',
    params: IdParams,
    body: z
      .strictObject({ status: TextStatus.optional(), visibility: Visibility.optional() })
      .refine((v) => Object.keys(v).length > 0, 'give at least one field to change'),
    response: TextOut,
    handler: ({ params, body, request }) => updateText(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/texts/:id/endorsements',
    tag,
    summary:
      'The public count of endorsements, and the endorsers the viewer may see with their offices',
    params: IdParams,
    response: z.object({ count: z.number().int(), items: z.array(EndorsementOut) }),
    handler: ({ params, request }) => listEndorsements(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/texts/:id/endorsements.csv',
    tag,
    summary: 'The endorsers the viewer may see, as CSV',
    params: IdParams,
    response: z.string(),
    contentType: 'text/csv; charset=utf-8',
    handler: ({ params, request }) => endorsementsCsv(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/texts/:id/endorsements',
    tag,
    summary:
      'Endorse a text as the signed-in verified member; your offices today are recorded with it',
    params: IdParams,
    body: z.strictObject({
      visibility: z.enum(['public', 'caucus']).optional(),
      drive_id: z.uuid().optional(),
    }),
    status: 201,
    response: EndorsementOut,
    handler: ({ params, body, request }) => endorse(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'DELETE',
    url: '/api/texts/:id/endorsements/mine',
    tag,
    summary: 'Withdraw your endorsement of a text',
    params: IdParams,
    response: EndorsementOut,
    handler: ({ params, request }) => withdraw(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/endorsements/:id/void',
    tag,
    summary:
      'Void a wrong endorsement (secretariat): it leaves the count, and the audit log keeps the reason',
    params: z.object({ id: z.uuid() }),
    body: z.strictObject({ reason: Text(1000) }),
    response: EndorsementOut,
    handler: ({ params, body, request }) =>
      voidEndorsement(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/drives',
    tag,
    summary: 'Every endorsement drive, newest first, with its text and how many it reached',
    response: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          text_id: z.string(),
          text_title: z.string(),
          programme_ids: z.array(z.string()),
          created_at: z.string(),
          closes_at: z.string(),
          invited: z.number().int(),
          endorsed: z.number().int(),
          not_invited: z.number().int(),
        }),
      ),
      total: z.number().int(),
    }),
    handler: ({ request }) => listDrives(contextOf(deps, request)),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/drives',
    tag,
    summary:
      "Open an endorsement drive: one-time links for the programmes' past participants who hold a seat (returned once)",
    body: z.strictObject({
      text_id: Id,
      programme_ids: z.array(Id).min(1).max(20),
      message: Text(5000).optional(),
      expires_in_days: z.number().int().min(1).max(365).default(30),
    }),
    status: 201,
    response: z.object({
      id: z.string(),
      text_id: z.string(),
      closes_at: z.string(),
      links: z.array(z.object({ person_id: z.string(), url: z.string(), expires_at: z.string() })),
      not_invited: z.array(
        z.object({
          person_id: z.string(),
          name: z.string(),
          reason: NotInvitedReason,
          drive_id: z.string().optional(),
          expires_at: z.string().optional(),
        }),
      ),
    }),
    handler: ({ body, request }) => createDrive(contextOf(deps, request), body, deps.baseUrl),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/drives/:id',
    tag,
    summary: 'Who a drive invited, and who has and has not responded',
    params: z.object({ id: z.uuid() }),
    response: z.object({
      id: z.string(),
      text_id: z.string(),
      text_title: z.string(),
      programme_ids: z.array(z.string()),
      created_at: z.string(),
      closes_at: z.string(),
      invited: z.number().int(),
      responded: z.number().int(),
      not_responded: z.number().int(),
      participants: z.array(
        z.object({
          person_id: z.string(),
          name: z.string(),
          is_parliamentarian: z.boolean(),
          invited: z.boolean(),
          not_invited_reason: NotInvitedReason.nullable(),
          has_account: z.boolean(),
          invitation_used: z.boolean().nullable(),
          endorsement_id: z.string().nullable(),
          endorsed_on: z.string().nullable(),
          withdrawn_at: z.string().nullable(),
          has_responded: z.boolean(),
        }),
      ),
    }),
    handler: ({ params, request }) => driveStatus(contextOf(deps, request), params.id),
  });
}
