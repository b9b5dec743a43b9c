// What the search index holds, one "source" per kind of record: which table the records are in,
// what makes one visible to a viewer, and how a record reads into index entries. Adding a kind
// (documents, bills) is one more definition in SEARCH_SOURCES; see docs/storage.md.
import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Database, Visibility } from '../schema.ts';

/** The kinds the API names in results (`kind`). */
export type SearchKind =
  'document' | 'text' | 'person' | 'organization' | 'programme' | 'commitment' | 'bill';

/** Who is searching: their visibility scope and, when signed in, their account. */
export interface SearchViewer {
  scope: readonly Visibility[];
  userId: string | null;
}

/** One entry of the index: a record, or one language version of a text. */
export interface SearchEntryInput {
  /** Tells a record's entries apart (a text's language); omitted when a record has one. */
  key?: string;
  language: string | null;
  title: string;
  /** The plain text searched and shown in snippets (a text's body, a person's summary). */
  body: string;
  /** ISO 3166-1 alpha-2, upper case. */
  countries: readonly string[];
  type: string | null;
  date: string | null;
  visibility: Visibility;
  /**
   * False while the record is not published (a document under moderation): it is then found
   * only by those `access` lets see it, and counts in no one's ranking statistics. Default: true.
   */
  published?: boolean;
}

export interface SearchSource {
  kind: SearchKind;
  /** The table the records are in; `record_id` is its `id`. */
  table: string;
  /**
   * Columns of `table` naming other records, and their tables: a record is found only when
   * every record it points to is visible too (as records.ts's LINKS). Default: none.
   */
  links?: Record<string, string>;
  /**
   * More conditions on the row (SQL over `table`, unaliased) beyond visibility and links, e.g.
   * a document is found by others only once published. Default: none.
   */
  access?: (viewer: SearchViewer) => RawBuilder<boolean>;
  /**
   * The entries of each of these records (at most a few hundred ids at a time); a record that
   * does not exist is left out. Read in bulk so that a rebuild is a few queries per batch.
   */
  read(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, SearchEntryInput[]>>;
  /** Every record's id, for `reindex`. */
  ids(db: Kysely<Database>): Promise<string[]>;
}

type Extra = Record<string, unknown>;

function parseExtra(json: string): Extra {
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'object' && value !== null ? (value as Extra) : {};
  } catch {
    return {};
  }
}

/** `ocd-division/country:th…` → `TH`. */
export function countryOf(division: string | null | undefined): string | null {
  const match = /^ocd-division\/country:([a-z]{2})\b/.exec(division ?? '');
  return match?.[1] !== undefined ? match[1].toUpperCase() : null;
}

const distinct = (values: readonly (string | null)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

/** Popolo `other_names` (abbreviations, native names) as lines of text. */
function otherNames(extra: Extra): string[] {
  const names = extra.other_names;
  if (!Array.isArray(names)) return [];
  return names.flatMap((n: unknown) =>
    typeof n === 'object' && n !== null && typeof (n as Extra).name === 'string'
      ? [(n as Extra).name as string]
      : [],
  );
}

const lines = (...parts: (string | null | undefined | string[])[]): string =>
  parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join('\n');

const allIds =
  (
    table:
      'people' | 'organizations' | 'programmes' | 'texts' | 'commitments' | 'documents' | 'bills',
  ) =>
  async (db: Kysely<Database>): Promise<string[]> =>
    (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

/** The country and start date of the programmes these rows belong to. */
async function programmesOf(
  db: Kysely<Database>,
  rows: readonly { programme_id: string | null }[],
) {
  const ids = distinct(rows.map((r) => r.programme_id));
  const found =
    ids.length === 0
      ? []
      : await db
          .selectFrom('programmes')
          .select(['id', 'area_id', 'start_date'])
          .where('id', 'in', ids)
          .execute();
  return new Map(found.map((p) => [p.id, p]));
}

/** One entry per row. */
function entries<R extends { id: string }>(
  rows: readonly R[],
  entry: (row: R) => SearchEntryInput,
): Map<string, SearchEntryInput[]> {
  return new Map(rows.map((r) => [r.id, [entry(r)]]));
}

const person: SearchSource = {
  kind: 'person',
  table: 'people',
  async read(db, ids) {
    const rows = await db
      .selectFrom('people')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return entries(rows, (row) => ({
      language: null,
      title: row.name,
      body: lines(
        row.honorific_prefix,
        row.sort_name,
        otherNames(parseExtra(row.extra)),
        row.national_identity,
        row.summary,
      ),
      countries: distinct([countryOf(row.area_id)]),
      type: null,
      date: null,
      visibility: row.visibility,
    }));
  },
  ids: allIds('people'),
};

// No links: an organisation under a parent the viewer may not see is still found (its entry
// does not name the parent), as its list shows it without the parent (docs/api.md).
const organization: SearchSource = {
  kind: 'organization',
  table: 'organizations',
  async read(db, ids) {
    const rows = await db
      .selectFrom('organizations')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return entries(rows, (row) => ({
      language: null,
      title: row.name,
      body: lines(otherNames(parseExtra(row.extra)), row.description),
      countries: distinct([countryOf(row.area_id)]),
      type: row.classification,
      date: row.founding_date,
      visibility: row.visibility,
    }));
  },
  ids: allIds('organizations'),
};

const programme: SearchSource = {
  kind: 'programme',
  table: 'programmes',
  async read(db, ids) {
    const rows = await db
      .selectFrom('programmes')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return entries(rows, (row) => {
      const extra = parseExtra(row.extra);
      return {
        language: null,
        title: row.name,
        body: lines(
          typeof extra.theme === 'string' ? extra.theme : null,
          row.city,
          row.description,
        ),
        countries: distinct([countryOf(row.area_id)]),
        type: row.classification,
        date: row.start_date,
        visibility: row.visibility,
      };
    });
  },
  ids: allIds('programmes'),
};

/** A resolution or statement: one entry per language, of its latest version in that language. */
const text: SearchSource = {
  kind: 'text',
  table: 'texts',
  links: { programme_id: 'programmes' },
  async read(db, ids) {
    const rows = await db
      .selectFrom('texts')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    if (rows.length === 0) return new Map();
    const versions = await db
      .selectFrom('text_versions')
      .selectAll()
      .where(
        'text_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('version', 'desc')
      .orderBy('language')
      .execute();
    const programmes = await programmesOf(db, rows);
    const out = new Map<string, SearchEntryInput[]>();
    for (const row of rows) {
      const extra = parseExtra(row.extra);
      const where = row.programme_id !== null ? programmes.get(row.programme_id) : undefined;
      const date =
        (typeof extra.adopted_date === 'string' ? extra.adopted_date : null) ??
        where?.start_date ??
        null;
      const latest = new Map<string, (typeof versions)[number]>();
      for (const v of versions)
        if (v.text_id === row.id && !latest.has(v.language)) latest.set(v.language, v);
      out.set(
        row.id,
        [...latest.values()].map((v) => ({
          key: v.language,
          language: v.language,
          title: v.title,
          body: v.body,
          countries: distinct([countryOf(where?.area_id)]),
          type: row.kind,
          date,
          visibility: row.visibility,
        })),
      );
    }
    return out;
  },
  ids: allIds('texts'),
};

const commitment: SearchSource = {
  kind: 'commitment',
  table: 'commitments',
  links: { programme_id: 'programmes' },
  async read(db, ids) {
    const rows = await db
      .selectFrom('commitments')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    if (rows.length === 0) return new Map();
    const owners = await db
      .selectFrom('commitment_owners')
      .select(['commitment_id', 'owner_id'])
      .where(
        'commitment_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('owner_type', '=', 'country')
      .execute();
    const programmes = await programmesOf(db, rows);
    return entries(rows, (row) => {
      const where = row.programme_id !== null ? programmes.get(row.programme_id) : undefined;
      const extra = parseExtra(row.extra);
      return {
        language: null,
        title: row.title,
        body: lines(
          row.description,
          typeof extra.place === 'string' ? extra.place : null,
          typeof extra.text === 'string' && extra.text !== row.title ? extra.text : null,
        ),
        countries: distinct([
          ...owners.filter((o) => o.commitment_id === row.id).map((o) => countryOf(o.owner_id)),
          countryOf(where?.area_id),
        ]),
        type: row.status,
        date:
          (typeof extra.year === 'number' ? String(extra.year) : null) ??
          where?.start_date ??
          row.review_date,
        visibility: row.visibility,
      };
    });
  },
  ids: allIds('commitments'),
};

/**
 * Every kind the index holds. To add one, write its SearchSource (see docs/storage.md) and list
 * it here; then call `repos.search.refresh(kind, id)` where its records change.
 */
/** Countries of a JSON list of ISO codes, as stored in `documents.countries`. */
function countryList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The document library: others find a document once it is published; its submitter and the
 * secretariat before (the same rule as repositories/documents.ts, which decides every other read).
 */
const document: SearchSource = {
  kind: 'document',
  table: 'documents',
  links: { programme_id: 'programmes' },
  access: (viewer) =>
    viewer.scope.includes('secretariat')
      ? sql<boolean>`1 = 1`
      : viewer.userId === null
        ? sql<boolean>`documents.status = 'published'`
        : sql<boolean>`(documents.status = 'published' or documents.submitted_by = ${viewer.userId})`,
  async read(db, ids) {
    const rows = await db
      .selectFrom('documents')
      .select([
        'id',
        'title',
        'language',
        'countries',
        'type',
        'date',
        'visibility',
        'status',
        'text',
      ])
      .where('id', 'in', [...ids])
      .execute();
    return entries(rows, (row) => ({
      language: row.language,
      title: row.title,
      body: row.text,
      countries: countryList(row.countries),
      type: row.type,
      date: row.date,
      visibility: row.visibility,
      published: row.status === 'published',
    }));
  },
  ids: allIds('documents'),
};

/** Bills: found by title, identifier and summary; their country is their parliament's. */
const bill: SearchSource = {
  kind: 'bill',
  table: 'bills',
  links: { organization_id: 'organizations' },
  async read(db, ids) {
    const rows = await db
      .selectFrom('bills')
      .innerJoin('organizations as parliament', 'parliament.id', 'bills.organization_id')
      .leftJoin('organizations as parent', 'parent.id', 'parliament.parent_id')
      .select([
        'bills.id',
        'bills.title',
        'bills.identifier',
        'bills.summary',
        'bills.status',
        'bills.status_date',
        'bills.visibility',
        'parliament.area_id as area_id',
        'parent.area_id as parent_area_id',
      ])
      .where('bills.id', 'in', [...ids])
      .execute();
    return entries(rows, (row) => ({
      language: null,
      title: row.title,
      body: lines(row.identifier, row.summary),
      countries: distinct([countryOf(row.area_id) ?? countryOf(row.parent_area_id)]),
      type: row.status,
      date: row.status_date,
      visibility: row.visibility,
    }));
  },
  ids: allIds('bills'),
};

export const SEARCH_SOURCES: readonly SearchSource[] = [
  text,
  person,
  organization,
  programme,
  commitment,
  document,
  bill,
];
