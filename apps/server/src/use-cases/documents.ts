// The document library: uploads checked by their content, moderation by the secretariat, and
// reading what the viewer may see. A participant's upload is a submission that only they and the
// secretariat see until it is published; the secretariat's own uploads are published at once.
import { createHash } from 'node:crypto';
import type { DocumentRow, DocumentStatus, DocumentTable, DocumentViewer } from '@tulay/store';
import { markdownHeadings } from '@tulay/store';
import type { z } from 'zod';
import type { Actor } from '../access.ts';
import { authorise, can, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import { UnreadableDocument, extractText } from '../documents/extract.ts';
import { TEXT, sanitiseFileName, sniff } from '../documents/sniff.ts';
import type { FieldError } from '../errors.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { Upload } from '../http/multipart.ts';
import type { DocumentPatch } from '../schemas/documents.ts';
import { DocumentMetadata, DocumentPatch as PatchSchema } from '../schemas/documents.ts';
import type { Change, Context } from './context.ts';
import { change } from './context.ts';

/** The documents the actor may see, as the store filters them. */
export function viewerOf(actor: Actor): DocumentViewer {
  if (can(actor, 'document.moderate')) return { kind: 'secretariat' };
  return {
    kind: 'scoped',
    scope: scopeOf(actor),
    userId: actor.kind === 'user' ? actor.userId : null,
  };
}

/** A document as the API shows it (the contract's Document). */
export function presentDocument(row: DocumentRow, actor: Actor) {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    countries: JSON.parse(row.countries) as string[],
    corridor:
      row.corridor_origin !== null && row.corridor_destination !== null
        ? { origin: row.corridor_origin, destination: row.corridor_destination }
        : null,
    type: row.type,
    programme_id: row.programme_id,
    date: row.date,
    source: row.source,
    visibility: row.visibility,
    status: row.status,
    moderation_comment: row.moderation_comment,
    // Who submitted a document is for signed-in participants, not for the public.
    submitted_by:
      actor.kind === 'public' || row.submitted_by === null
        ? null
        : { id: row.submitted_by, name: row.submitter_name ?? '' },
    file: { name: row.file_name, media_type: row.media_type, size: row.size, sha256: row.sha256 },
    created_at: row.created_at,
    updated_at: row.updated_at,
    published_at: row.published_at,
  };
}

/** Zod's path as `metadata.countries[1]`. */
function metadataFields(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
      'metadata',
    );
    return issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: `${path}.${key}`, message: 'unknown field' }))
      : [{ path, message: issue.message }];
  });
}

function parseMetadata<T extends z.ZodType>(schema: T, raw: string | undefined): z.output<T> {
  if (raw === undefined)
    throw new ApiError('invalid_request', 'the form has no "metadata" part', [
      { path: 'metadata', message: 'required: the document’s metadata as JSON' },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiError('invalid_request', 'the "metadata" part is not valid JSON', [
      { path: 'metadata', message: 'must be a JSON object' },
    ]);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = metadataFields(result.error);
    throw new ApiError(
      'invalid_request',
      `invalid metadata: ${fields.map((f) => f.path).join(', ')}`,
      fields,
    );
  }
  return result.data;
}

/** The file's facts and text, or the error that says why it is refused. */
async function readFile(file: NonNullable<Upload['file']>) {
  if (file.bytes.byteLength === 0)
    throw new ApiError('invalid_request', 'the file is empty', [
      { path: 'file', message: 'must not be empty' },
    ]);
  const sniffed = await sniff(file.bytes);
  if (!sniffed.ok) {
    throw new ApiError(
      'unsupported_media_type',
      `the file is ${sniffed.detected}; the library accepts PDF, DOCX and UTF-8 text`,
      [{ path: 'file', message: `detected ${sniffed.detected}` }],
    );
  }
  let text: string;
  try {
    text = await extractText(file.bytes, sniffed.mediaType);
  } catch (error) {
    if (error instanceof UnreadableDocument)
      throw new ApiError('unreadable_document', error.message, [
        { path: 'file', message: error.message },
      ]);
    throw error;
  }
  return {
    file_name: sanitiseFileName(file.filename, 'document'),
    media_type: sniffed.mediaType,
    size: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    text,
    content: file.bytes.toString('base64'),
  };
}

/** The metadata as columns; only the fields given. */
function columnsOf(input: DocumentPatch): Partial<DocumentTable> {
  const out: Partial<DocumentTable> = {};
  if (input.title !== undefined) out.title = input.title;
  if (input.language !== undefined) out.language = input.language;
  if (input.countries !== undefined) out.countries = JSON.stringify([...new Set(input.countries)]);
  if (input.corridor !== undefined) {
    out.corridor_origin = input.corridor?.origin ?? null;
    out.corridor_destination = input.corridor?.destination ?? null;
  }
  if (input.type !== undefined) out.type = input.type;
  if (input.programme_id !== undefined) out.programme_id = input.programme_id;
  if (input.date !== undefined) out.date = input.date;
  if (input.source !== undefined) out.source = input.source;
  if (input.visibility !== undefined) out.visibility = input.visibility;
  return out;
}

/** A programme the document points to must exist and be visible to the one who names it. */
async function checkProgramme(
  c: Change,
  actor: Actor,
  programmeId: string | null | undefined,
  path: string,
): Promise<void> {
  if (programmeId === undefined || programmeId === null) return;
  if (!(await c.repos.records.get('programmes', programmeId, scopeOf(actor)))) {
    throw new ApiError('invalid_request', 'a referenced record does not exist', [
      { path, message: `no programme with id "${programmeId}"` },
    ]);
  }
}

/** Research drafts in plain text are split into sections by their Markdown headings. */
async function deriveSections(c: Change, documentId: string, text: string, by: string | null) {
  const headings = markdownHeadings(text);
  for (const [i, { heading }] of headings.entries()) {
    const row = {
      id: newId(),
      document_id: documentId,
      heading: heading.slice(0, 500),
      position: i + 1,
      created_at: c.now,
      created_by: by,
    };
    await c.repos.documents.addSection(row);
    await c.audit('create', 'document_sections', row.id, null, row);
  }
  return headings.length;
}

/** The audit's view of a document: its metadata, not its text. */
const audited = (row: DocumentRow | undefined) =>
  row === undefined ? null : { ...row, submitter_name: undefined };

export async function getDocument(ctx: Context, id: string) {
  const row = await ctx.store.repos.documents.get(id, viewerOf(ctx.actor));
  if (!row) throw notFound('document');
  return presentDocument(row, ctx.actor);
}

/** Uploads a document: a submission, or published at once when the secretariat uploads it. */
export async function createDocument(ctx: Context, upload: Upload) {
  authorise(ctx.actor, 'document.submit');
  const actor = ctx.actor;
  const metadata = parseMetadata(DocumentMetadata, upload.metadata);
  if (!upload.file)
    throw new ApiError('invalid_request', 'the form has no "file" part', [
      { path: 'file', message: 'required' },
    ]);
  const { content, ...file } = await readFile(upload.file);
  const isSecretariat = can(actor, 'document.moderate');
  const id = newId();
  await change(ctx, async (c) => {
    await checkProgramme(c, actor, metadata.programme_id, 'metadata.programme_id');
    const row = {
      id,
      title: metadata.title,
      language: metadata.language,
      countries: '[]',
      corridor_origin: null,
      corridor_destination: null,
      type: metadata.type,
      programme_id: null,
      date: metadata.date,
      source: null,
      visibility: metadata.visibility,
      ...columnsOf(metadata),
      status: isSecretariat ? ('published' as const) : ('submitted' as const),
      moderation_comment: null,
      submitted_by: actor.userId,
      ...file,
      created_at: c.now,
      updated_at: c.now,
      published_at: isSecretariat ? c.now : null,
    };
    await c.repos.documents.insert(row, content);
    if (row.type === 'research' && row.media_type === TEXT)
      await deriveSections(c, id, row.text, actor.userId);
    await c.repos.search.refresh('document', id);
    await c.audit('create', 'documents', id, null, { ...row, text: undefined });
  });
  return getDocument(ctx, id);
}

export async function listDocuments(
  ctx: Context,
  query: {
    q?: string | undefined;
    type?: string | undefined;
    country?: string | undefined;
    language?: string | undefined;
    status?: DocumentStatus | undefined;
    limit: number;
    offset: number;
  },
  options: { mine?: boolean; queue?: boolean } = {},
) {
  const viewer = viewerOf(ctx.actor);
  const filter = {
    q: query.q,
    type: query.type,
    country: query.country,
    language: query.language,
    status: options.queue === true ? ('submitted' as const) : query.status,
    submittedBy: options.mine === true && ctx.actor.kind === 'user' ? ctx.actor.userId : undefined,
  };
  const [rows, total] = await Promise.all([
    ctx.store.repos.documents.list(viewer, { ...filter, limit: query.limit, offset: query.offset }),
    ctx.store.repos.documents.count(viewer, filter),
  ]);
  return { items: rows.map((r) => presentDocument(r, ctx.actor)), total };
}

/** The caller's own submissions, whatever their status, with the secretariat's comments. */
export function myDocuments(ctx: Context, query: { limit: number; offset: number }) {
  if (ctx.actor.kind === 'public') throw new ApiError('unauthenticated', 'sign in first');
  return listDocuments(ctx, query, { mine: true });
}

/** The moderation queue: submissions waiting for the secretariat. */
export function moderationQueue(ctx: Context, query: { limit: number; offset: number }) {
  authorise(ctx.actor, 'document.moderate');
  return listDocuments(ctx, query, { queue: true });
}

export async function documentFile(ctx: Context, id: string) {
  const viewer = viewerOf(ctx.actor);
  const row = await ctx.store.repos.documents.get(id, viewer);
  const content = await ctx.store.repos.documents.content(id, viewer);
  if (!row || content === undefined) throw notFound('document');
  return { row, bytes: Buffer.from(content, 'base64') };
}

export async function documentText(ctx: Context, id: string) {
  const text = await ctx.store.repos.documents.text(id, viewerOf(ctx.actor));
  if (text === undefined) throw notFound('document');
  return { text };
}

/** Loads a document for a change by its submitter or the secretariat; 404 if not visible. */
async function forChange(c: Change, actor: Actor, id: string) {
  const row = await c.repos.documents.get(id, viewerOf(actor));
  if (!row) throw notFound('document');
  return row;
}

function conflict(row: DocumentRow, action: string, allowed: string): ApiError {
  return new ApiError(
    'conflict',
    `the document is ${row.status}: only a ${allowed} document can be ${action}`,
  );
}

/** Changes metadata: the secretariat at any time, the submitter while it is submitted or returned. */
export async function updateDocument(ctx: Context, id: string, patch: DocumentPatch) {
  authorise(ctx.actor, 'document.submit');
  const actor = ctx.actor;
  await change(ctx, async (c) => {
    const before = await forChange(c, actor, id);
    if (!can(actor, 'document.moderate')) {
      if (before.submitted_by !== actor.userId)
        throw forbidden('only the submitter or the secretariat may change this document');
      if (before.status !== 'submitted' && before.status !== 'returned')
        throw conflict(before, 'changed by its submitter', 'submitted or returned');
    }
    await checkProgramme(c, actor, patch.programme_id, 'body.programme_id');
    await c.repos.documents.update(id, { ...columnsOf(patch), updated_at: c.now });
    await c.repos.search.refresh('document', id);
    await c.audit(
      'update',
      'documents',
      id,
      audited(before),
      audited(await forChange(c, actor, id)),
    );
  });
  return getDocument(ctx, id);
}

type Decision = 'publish' | 'return' | 'reject';
const FROM: Record<Decision, readonly string[]> = {
  publish: ['submitted', 'returned'],
  return: ['submitted'],
  reject: ['submitted', 'returned'],
};
const TO = { publish: 'published', return: 'returned', reject: 'rejected' } as const;

/** The secretariat's decision on a submission, with its comment for the submitter. */
export async function moderate(
  ctx: Context,
  id: string,
  decision: Decision,
  comment: string | undefined,
) {
  authorise(ctx.actor, 'document.moderate');
  const actor = ctx.actor;
  await change(ctx, async (c) => {
    const before = await forChange(c, actor, id);
    if (!FROM[decision].includes(before.status))
      throw conflict(before, TO[decision], FROM[decision].join(' or '));
    await c.repos.documents.update(id, {
      status: TO[decision],
      moderation_comment: comment ?? null,
      updated_at: c.now,
      ...(decision === 'publish' ? { published_at: c.now } : {}),
    });
    await c.repos.search.refresh('document', id);
    await c.audit(
      decision,
      'documents',
      id,
      audited(before),
      audited(await forChange(c, actor, id)),
    );
  });
  return getDocument(ctx, id);
}

/** The submitter sends a returned document back, with a new file or metadata if they wish. */
export async function resubmitDocument(ctx: Context, id: string, upload: Upload) {
  authorise(ctx.actor, 'document.submit');
  const actor = ctx.actor;
  const patch = upload.metadata === undefined ? {} : parseMetadata(PatchSchema, upload.metadata);
  const file = upload.file ? await readFile(upload.file) : undefined;
  await change(ctx, async (c) => {
    const before = await forChange(c, actor, id);
    if (before.submitted_by !== actor.userId)
      throw forbidden('only the submitter may resubmit a document');
    if (before.status !== 'returned') throw conflict(before, 'resubmitted', 'returned');
    await checkProgramme(c, actor, patch.programme_id, 'metadata.programme_id');
    if (file) {
      const { content, ...facts } = file;
      await c.repos.documents.replaceContent(id, content);
      await c.repos.documents.update(id, facts);
    }
    await c.repos.documents.update(id, {
      ...columnsOf(patch),
      status: 'submitted',
      updated_at: c.now,
    });
    await c.repos.search.refresh('document', id);
    await c.audit(
      'resubmit',
      'documents',
      id,
      audited(before),
      audited(await forChange(c, actor, id)),
    );
  });
  return getDocument(ctx, id);
}

/** Whether the actor is the secretariat or the document's submitter (its author). */
export function isAuthorOrSecretariat(actor: Actor, row: DocumentRow): boolean {
  return (
    can(actor, 'document.moderate') ||
    (actor.kind === 'user' && row.submitted_by !== null && row.submitted_by === actor.userId)
  );
}
