// The document library, its moderation queue, and feedback on research drafts' sections.
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { contextOf } from '../http/deps.ts';
import { MAX_UPLOAD_BYTES, readUpload } from '../http/multipart.ts';
import { route } from '../http/route.ts';
import { Id, IdParams, ListOf } from '../schemas/common.ts';
import {
  Comment,
  DocumentOut,
  DocumentPatch,
  DocumentQuery,
  InputIn,
  InputOut,
  InputPatch,
  ResubmitForm,
  SectionIn,
  SectionOut,
  UploadForm,
} from '../schemas/documents.ts';
import {
  createDocument,
  documentFile,
  documentText,
  getDocument,
  listDocuments,
  moderate,
  moderationQueue,
  myDocuments,
  resubmitDocument,
  updateDocument,
} from '../use-cases/documents.ts';
import {
  addInput,
  addSections,
  listInputs,
  listSections,
  updateInput,
} from '../use-cases/feedback.ts';

const Page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `attachment` with the stored name, ASCII-safe and in full as RFC 5987 UTF-8. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function documentRoutes(deps: Deps): void {
  const { app, options } = deps;
  const tag = 'documents';

  // Multipart is parsed only for the two upload routes; everything else keeps the JSON body limit.
  void app.register(async (uploads) => {
    await uploads.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 64 * 1024 },
    });

    route(uploads, options, {
      method: 'POST',
      url: '/api/documents',
      tag,
      summary:
        'Upload a document (multipart: file + metadata JSON); a participant’s upload waits for moderation',
      multipart: UploadForm,
      status: 201,
      response: DocumentOut,
      handler: async ({ request }) =>
        createDocument(contextOf(deps, request), await readUpload(request)),
    });

    route(uploads, options, {
      method: 'POST',
      url: '/api/documents/:id/resubmit',
      tag,
      summary: 'Resubmit a returned document, with a new file or metadata if you wish',
      params: IdParams,
      multipart: ResubmitForm,
      response: DocumentOut,
      handler: async ({ params, request }) =>
        resubmitDocument(contextOf(deps, request), params.id, await readUpload(request)),
    });
  });

  route(app, options, {
    method: 'GET',
    url: '/api/documents',
    tag,
    summary:
      'The documents the viewer may see: published ones in their scope, their own submissions, all for the secretariat',
    query: DocumentQuery,
    response: ListOf(DocumentOut),
    handler: ({ query, request }) => listDocuments(contextOf(deps, request), query),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/documents/mine',
    tag,
    summary: 'Your own submissions, with their status and the secretariat’s comment',
    query: Page,
    response: ListOf(DocumentOut),
    handler: ({ query, request }) => myDocuments(contextOf(deps, request), query),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/documents/:id',
    tag,
    summary: 'A document’s metadata, moderation status and file facts',
    params: IdParams,
    response: DocumentOut,
    handler: ({ params, request }) => getDocument(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/documents/:id/file',
    tag,
    summary: 'The document’s file, as an attachment with its sniffed media type',
    params: IdParams,
    response: z.unknown(),
    contentType: 'application/octet-stream',
    handler: async ({ params, request, reply }) => {
      const { row, bytes } = await documentFile(contextOf(deps, request), params.id);
      void reply
        .type(row.media_type === 'text/plain' ? 'text/plain; charset=utf-8' : row.media_type)
        .header('content-disposition', disposition(row.file_name));
      return bytes;
    },
  });

  route(app, options, {
    method: 'GET',
    url: '/api/documents/:id/text',
    tag,
    summary: 'The text extracted from the document’s file',
    params: IdParams,
    response: z.object({ text: z.string() }),
    handler: ({ params, request }) => documentText(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/documents/:id',
    tag,
    summary:
      'Change a document’s metadata: the secretariat, or the submitter while it is submitted or returned',
    params: IdParams,
    body: DocumentPatch.refine((v) => Object.keys(v).length > 0, 'give at least one field'),
    response: DocumentOut,
    handler: ({ params, body, request }) =>
      updateDocument(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/moderation/documents',
    tag,
    summary: 'The moderation queue: submissions waiting for the secretariat',
    query: Page,
    response: ListOf(DocumentOut),
    handler: ({ query, request }) => moderationQueue(contextOf(deps, request), query),
  });

  const decisions = [
    ['publish', 'Publish a submission (optional comment to the submitter)', false],
    ['return', 'Return a submission to its submitter with a comment on what to change', true],
    ['reject', 'Reject a submission with a comment saying why', true],
  ] as const;
  for (const [decision, summary, isCommentRequired] of decisions) {
    route(app, options, {
      method: 'POST',
      url: `/api/documents/:id/${decision}`,
      tag,
      summary,
      params: IdParams,
      // Publishing needs no body at all; returning and rejecting need the comment.
      body: isCommentRequired
        ? z.strictObject({ comment: Comment })
        : z.strictObject({ comment: Comment.optional() }).nullish(),
      response: DocumentOut,
      handler: ({ params, body, request }) =>
        moderate(contextOf(deps, request), params.id, decision, body?.comment),
    });
  }

  route(app, options, {
    method: 'GET',
    url: '/api/documents/:id/sections',
    tag,
    summary: 'The sections of a document that feedback is given on',
    params: IdParams,
    response: z.object({ items: z.array(SectionOut) }),
    handler: ({ params, request }) => listSections(contextOf(deps, request), params.id),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/documents/:id/sections',
    tag,
    summary:
      'Add a section, or take them all from the text’s Markdown headings (secretariat or the document’s author)',
    params: IdParams,
    body: SectionIn,
    status: 201,
    response: z.object({ items: z.array(SectionOut) }),
    handler: ({ params, body, request }) => addSections(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'GET',
    url: '/api/documents/:id/inputs',
    tag,
    summary:
      'Inputs on a document’s sections: all for the secretariat and the author, your own otherwise',
    params: IdParams,
    query: z.object({ section_id: Id.optional() }),
    response: z.object({ items: z.array(InputOut) }),
    handler: ({ params, query, request }) => listInputs(contextOf(deps, request), params.id, query),
  });

  route(app, options, {
    method: 'POST',
    url: '/api/documents/:id/inputs',
    tag,
    summary: 'Leave a written input on a section of a document',
    params: IdParams,
    body: InputIn,
    status: 201,
    response: InputOut,
    handler: ({ params, body, request }) => addInput(contextOf(deps, request), params.id, body),
  });

  route(app, options, {
    method: 'PATCH',
    url: '/api/inputs/:id',
    tag,
    summary: 'Set an input’s status or reply to it (secretariat or the document’s author)',
    params: z.object({ id: z.uuid() }),
    body: InputPatch,
    response: InputOut,
    handler: ({ params, body, request }) => updateInput(contextOf(deps, request), params.id, body),
  });
}
