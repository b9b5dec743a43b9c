// The document library, its moderation and the feedback on its sections. Who may see a document
// depends on both its visibility and its moderation status, and is decided here in SQL: lists and
// counts cannot return an unpublished document to anyone but its submitter and the secretariat.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  DocumentInputTable,
  DocumentSectionTable,
  DocumentStatus,
  DocumentTable,
  Visibility,
} from '../schema.ts';

/** A document without its extracted text (lists never carry it). */
export type DocumentRow = Omit<Selectable<DocumentTable>, 'text'> & {
  submitter_name: string | null;
};
export type DocumentSection = Selectable<DocumentSectionTable>;
export type DocumentInput = Selectable<DocumentInputTable> & { author_name: string };

/**
 * Who is looking: the secretariat sees every document; anyone else sees the published ones
 * within their visibility scope, plus their own submissions (`userId`) whatever their status.
 */
export type DocumentViewer =
  { kind: 'secretariat' } | { kind: 'scoped'; scope: readonly Visibility[]; userId: string | null };

export interface DocumentFilter {
  type?: string | undefined;
  /** An ISO 3166-1 alpha-2 code the document's countries include. */
  country?: string | undefined;
  language?: string | undefined;
  status?: DocumentStatus | undefined;
  /** Only the documents this account submitted. */
  submittedBy?: string | undefined;
  /**
   * The documents of a corridor's two ends: about that corridor (either way), or naming either
   * country. ISO 3166-1 alpha-2 codes.
   */
  corridor?: { origin: string; destination: string } | undefined;
  /** Case-insensitive substring of the title. */
  q?: string | undefined;
  limit?: number;
  offset?: number;
}

const COLUMNS = [
  'documents.id',
  'documents.title',
  'documents.language',
  'documents.countries',
  'documents.corridor_origin',
  'documents.corridor_destination',
  'documents.type',
  'documents.programme_id',
  'documents.date',
  'documents.source',
  'documents.visibility',
  'documents.status',
  'documents.moderation_comment',
  'documents.submitted_by',
  'documents.file_name',
  'documents.media_type',
  'documents.size',
  'documents.sha256',
  'documents.created_at',
  'documents.updated_at',
  'documents.published_at',
] as const;

/** Escapes `%`, `_` and `\\` so a user's query is matched literally by LIKE. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL that holds when the viewer may see the row of `documents` (referenced by that name): the
 * one rule for every read of documents, exported so that a search index over them applies it too.
 */
export function documentVisibleTo(viewer: DocumentViewer) {
  if (viewer.kind === 'secretariat') return sql<boolean>`1 = 1`;
  const scope = sql.join([...viewer.scope]);
  const published = sql`(documents.status = 'published' and documents.visibility in (${scope}))`;
  const own = viewer.userId === null ? sql`` : sql` or documents.submitted_by = ${viewer.userId}`;
  // A document must not reveal a programme the viewer may not see, as records.ts does for links.
  const programme = sql`(documents.programme_id is null or exists (select 1 from programmes as linked where linked.id = documents.programme_id and linked.visibility in (${scope})))`;
  return sql<boolean>`((${published}${own}) and ${programme})`;
}

export class Documents {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a document with its bytes (base64). */
  async insert(row: Insertable<DocumentTable>, content: string): Promise<void> {
    await this.db.insertInto('documents').values(row).execute();
    await this.db.insertInto('document_files').values({ id: row.id, content }).execute();
  }

  async update(id: string, patch: Updateable<DocumentTable>): Promise<void> {
    await this.db.updateTable('documents').set(patch).where('id', '=', id).execute();
  }

  /** Replaces the bytes of a document (a resubmission with a new file). */
  async replaceContent(id: string, content: string): Promise<void> {
    await this.db.updateTable('document_files').set({ content }).where('id', '=', id).execute();
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('documents')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Which of `ids` the viewer may see: for records that point at documents. */
  async visibleIds(ids: readonly string[], viewer: DocumentViewer): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.base(viewer)
      .select('documents.id')
      .where('documents.id', 'in', [...new Set(ids)])
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The document if the viewer may see it. */
  async get(id: string, viewer: DocumentViewer): Promise<DocumentRow | undefined> {
    return this.base(viewer).select(COLUMNS).where('documents.id', '=', id).executeTakeFirst();
  }

  /** The extracted text, if the viewer may see the document. */
  async text(id: string, viewer: DocumentViewer): Promise<string | undefined> {
    const row = await this.base(viewer)
      .select('documents.text')
      .where('documents.id', '=', id)
      .executeTakeFirst();
    return row?.text;
  }

  /** The bytes (base64), if the viewer may see the document. */
  async content(id: string, viewer: DocumentViewer): Promise<string | undefined> {
    const row = await this.base(viewer)
      .innerJoin('document_files', 'document_files.id', 'documents.id')
      .select('document_files.content')
      .where('documents.id', '=', id)
      .executeTakeFirst();
    return row?.content;
  }

  /** The documents the viewer may see, newest first. */
  async list(viewer: DocumentViewer, filter: DocumentFilter = {}): Promise<DocumentRow[]> {
    let query = this.filtered(viewer, filter)
      .select(COLUMNS)
      .select('users.display_name as submitter_name')
      .orderBy('documents.date', 'desc')
      .orderBy('documents.created_at', 'desc')
      .orderBy('documents.id');
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    if (filter.offset !== undefined) query = query.offset(filter.offset);
    return query.execute();
  }

  async count(viewer: DocumentViewer, filter: DocumentFilter = {}): Promise<number> {
    const row = await this.filtered(viewer, filter)
      .select(sql<number | string>`cast(count(*) as integer)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async sections(documentId: string): Promise<DocumentSection[]> {
    return this.db
      .selectFrom('document_sections')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async addSection(row: Insertable<DocumentSectionTable>): Promise<void> {
    await this.db.insertInto('document_sections').values(row).execute();
  }

  /**
   * Inputs on a document: every one for the secretariat and the document's author
   * (`authorId` undefined), otherwise only those `authorId` wrote.
   */
  async inputs(documentId: string, authorId?: string): Promise<DocumentInput[]> {
    let query = this.inputQuery().where('document_inputs.document_id', '=', documentId);
    if (authorId !== undefined) query = query.where('document_inputs.author_id', '=', authorId);
    return query.orderBy('document_inputs.created_at').orderBy('document_inputs.id').execute();
  }

  async input(id: string): Promise<DocumentInput | undefined> {
    return this.inputQuery().where('document_inputs.id', '=', id).executeTakeFirst();
  }

  async addInput(row: Insertable<DocumentInputTable>): Promise<void> {
    await this.db.insertInto('document_inputs').values(row).execute();
  }

  async updateInput(id: string, patch: Updateable<DocumentInputTable>): Promise<void> {
    await this.db.updateTable('document_inputs').set(patch).where('id', '=', id).execute();
  }

  private inputQuery() {
    return this.db
      .selectFrom('document_inputs')
      .innerJoin('users', 'users.id', 'document_inputs.author_id')
      .selectAll('document_inputs')
      .select('users.display_name as author_name');
  }

  private base(viewer: DocumentViewer) {
    return this.db
      .selectFrom('documents')
      .leftJoin('users', 'users.id', 'documents.submitted_by')
      .select('users.display_name as submitter_name')
      .where(documentVisibleTo(viewer));
  }

  private filtered(viewer: DocumentViewer, filter: DocumentFilter) {
    let query = this.db
      .selectFrom('documents')
      .leftJoin('users', 'users.id', 'documents.submitted_by')
      .where(documentVisibleTo(viewer));
    if (filter.type !== undefined) query = query.where('documents.type', '=', filter.type as never);
    if (filter.language !== undefined)
      query = query.where('documents.language', '=', filter.language);
    if (filter.status !== undefined) query = query.where('documents.status', '=', filter.status);
    if (filter.submittedBy !== undefined)
      query = query.where('documents.submitted_by', '=', filter.submittedBy);
    if (filter.country !== undefined)
      // Countries are a JSON list of two-letter codes: the quoted code matches one element exactly.
      query = query.where('documents.countries', 'like', `%"${filter.country}"%`);
    if (filter.corridor !== undefined) {
      const { origin, destination } = filter.corridor;
      query = query.where((eb) =>
        eb.or([
          eb.and([
            eb('documents.corridor_origin', 'in', [origin, destination]),
            eb('documents.corridor_destination', 'in', [origin, destination]),
          ]),
          eb('documents.countries', 'like', `%"${origin}"%`),
          eb('documents.countries', 'like', `%"${destination}"%`),
        ]),
      );
    }
    if (filter.q !== undefined && filter.q !== '') {
      query = query.where(
        sql`lower(documents.title)`,
        'like',
        sql`${likePattern(filter.q)} escape '\\'`,
      );
    }
    return query;
  }
}
