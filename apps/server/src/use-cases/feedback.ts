// Research feedback: participants leave written inputs on the sections of a draft. An input is
// seen by its own author, the document's author (its submitter) and the secretariat, never by
// other participants or the public; the secretariat or the author sets its status and replies.
import type { DocumentInput, DocumentSection, InputStatus } from '@tulay/store';
import { markdownHeadings } from '@tulay/store';
import { authorise } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';
import { isAuthorOrSecretariat, viewerOf } from './documents.ts';

const presentSection = (s: DocumentSection) => ({
  id: s.id,
  document_id: s.document_id,
  heading: s.heading,
  position: s.position,
});

const presentInput = (i: DocumentInput) => ({
  id: i.id,
  document_id: i.document_id,
  section_id: i.section_id,
  author: { id: i.author_id, name: i.author_name },
  body: i.body,
  status: i.status,
  reply: i.reply,
  replied_at: i.replied_at,
  created_at: i.created_at,
  updated_at: i.updated_at,
});

async function visibleDocument(ctx: Context, id: string) {
  const row = await ctx.store.repos.documents.get(id, viewerOf(ctx.actor));
  if (!row) throw notFound('document');
  return row;
}

/** The sections of a document, for whoever may see the document. */
export async function listSections(ctx: Context, documentId: string) {
  await visibleDocument(ctx, documentId);
  const sections = await ctx.store.repos.documents.sections(documentId);
  return { items: sections.map(presentSection) };
}

/** Adds a section, or derives every section from the text's headings (secretariat or author). */
export async function addSections(
  ctx: Context,
  documentId: string,
  input: {
    heading?: string | undefined;
    position?: number | undefined;
    from_headings?: true | undefined;
  },
) {
  authorise(ctx.actor, 'document.submit');
  const actor = ctx.actor;
  const document = await visibleDocument(ctx, documentId);
  if (!isAuthorOrSecretariat(actor, document))
    throw forbidden('only the secretariat or the document’s author may define its sections');
  await change(ctx, async ({ repos, now, audit }) => {
    const existing = await repos.documents.sections(documentId);
    const rows: { heading: string; position: number }[] = [];
    if (input.from_headings === true) {
      if (existing.length > 0)
        throw new ApiError('conflict', 'the document already has sections', [
          { path: 'body.from_headings', message: 'only for a document without sections' },
        ]);
      const text = (await repos.documents.text(documentId, viewerOf(actor))) ?? '';
      const headings = markdownHeadings(text);
      if (headings.length === 0)
        throw new ApiError('invalid_request', 'the document’s text has no Markdown headings', [
          { path: 'body.from_headings', message: 'no "#" headings in the text' },
        ]);
      headings.forEach((h, i) => rows.push({ heading: h.heading.slice(0, 500), position: i + 1 }));
    } else {
      const last = existing.reduce((max, s) => Math.max(max, s.position), 0);
      rows.push({ heading: input.heading ?? '', position: input.position ?? last + 1 });
    }
    for (const r of rows) {
      const row = {
        id: newId(),
        document_id: documentId,
        ...r,
        created_at: now,
        created_by: actor.userId,
      };
      await repos.documents.addSection(row);
      await audit('create', 'document_sections', row.id, null, row);
    }
  });
  return listSections(ctx, documentId);
}

/** Inputs on a document: all of them for the secretariat and the author, else one's own. */
export async function listInputs(
  ctx: Context,
  documentId: string,
  query: { section_id?: string | undefined },
) {
  if (ctx.actor.kind === 'public') throw new ApiError('unauthenticated', 'sign in first');
  const actor = ctx.actor;
  const document = await visibleDocument(ctx, documentId);
  const inputs = await ctx.store.repos.documents.inputs(
    documentId,
    isAuthorOrSecretariat(actor, document) ? undefined : actor.userId,
  );
  return {
    items: inputs
      .filter((i) => query.section_id === undefined || i.section_id === query.section_id)
      .map(presentInput),
  };
}

/** A participant's input on a section of a document they may see. */
export async function addInput(
  ctx: Context,
  documentId: string,
  input: { section_id: string; body: string },
) {
  authorise(ctx.actor, 'document.feedback');
  const actor = ctx.actor;
  await visibleDocument(ctx, documentId);
  const id = newId();
  await change(ctx, async ({ repos, now, audit }) => {
    const sections = await repos.documents.sections(documentId);
    if (!sections.some((s) => s.id === input.section_id))
      throw new ApiError('invalid_request', 'no such section in this document', [
        { path: 'body.section_id', message: `no section "${input.section_id}" in this document` },
      ]);
    const row = {
      id,
      document_id: documentId,
      section_id: input.section_id,
      author_id: actor.userId,
      body: input.body,
      status: 'open' as const,
      reply: null,
      replied_by: null,
      replied_at: null,
      created_at: now,
      updated_at: now,
    };
    await repos.documents.addInput(row);
    await audit('create', 'document_inputs', id, null, row);
  });
  const created = await ctx.store.repos.documents.input(id);
  if (!created) throw notFound('input');
  return presentInput(created);
}

/** Sets an input's status or replies to it: the secretariat or the document's author. */
export async function updateInput(
  ctx: Context,
  id: string,
  patch: { status?: InputStatus | undefined; reply?: string | undefined },
) {
  authorise(ctx.actor, 'document.feedback');
  const actor = ctx.actor;
  await change(ctx, async ({ repos, now, audit }) => {
    const before = await repos.documents.input(id);
    // An input on a document the actor cannot see does not exist for them.
    const document =
      before === undefined
        ? undefined
        : await repos.documents.get(before.document_id, viewerOf(actor));
    if (!before || !document) throw notFound('input');
    if (!isAuthorOrSecretariat(actor, document))
      throw forbidden('only the secretariat or the document’s author may set an input’s status');
    await repos.documents.updateInput(id, {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.reply !== undefined
        ? { reply: patch.reply, replied_by: actor.userId, replied_at: now }
        : {}),
      updated_at: now,
    });
    await audit('update', 'document_inputs', id, before, await repos.documents.input(id));
  });
  const updated = await ctx.store.repos.documents.input(id);
  if (!updated) throw notFound('input');
  return presentInput(updated);
}
