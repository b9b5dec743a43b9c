// What the search index holds, one "source" per kind of record: which table the records are in,
// what makes one visible to a viewer, and how a record reads into index entries. Adding a kind
// (documents, bills) is one more definition in SEARCH_SOURCES; see docs/storage.md.
import type { Kysely, RawBuilder } from 'kysely';
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
  /** The record's entries; none when it does not exist. */
  read(db: Kysely<Database>, id: string): Promise<SearchEntryInput[]>;
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
  (table: 'people' | 'organizations' | 'programmes' | 'texts' | 'commitments') =>
  async (db: Kysely<Database>): Promise<string[]> =>
    (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

async function programmeOf(db: Kysely<Database>, id: string | null) {
  if (id === null) return undefined;
  return db
    .selectFrom('programmes')
    .select(['area_id', 'start_date'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const person: SearchSource = {
  kind: 'person',
  table: 'people',
  async read(db, id) {
    const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return [];
    const extra = parseExtra(row.extra);
    return [
      {
        language: null,
        title: row.name,
        body: lines(
          row.honorific_prefix,
          row.sort_name,
          otherNames(extra),
          row.national_identity,
          row.summary,
        ),
        countries: distinct([countryOf(row.area_id)]),
        type: null,
        date: null,
        visibility: row.visibility,
      },
    ];
  },
  ids: allIds('people'),
};

const organization: SearchSource = {
  kind: 'organization',
  table: 'organizations',
  links: { parent_id: 'organizations' },
  async read(db, id) {
    const row = await db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return [];
    return [
      {
        language: null,
        title: row.name,
        body: lines(otherNames(parseExtra(row.extra)), row.description),
        countries: distinct([countryOf(row.area_id)]),
        type: row.classification,
        date: row.founding_date,
        visibility: row.visibility,
      },
    ];
  },
  ids: allIds('organizations'),
};

const programme: SearchSource = {
  kind: 'programme',
  table: 'programmes',
  async read(db, id) {
    const row = await db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return [];
    const extra = parseExtra(row.extra);
    return [
      {
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
      },
    ];
  },
  ids: allIds('programmes'),
};

/** A resolution or statement: one entry per language, of its latest version in that language. */
const text: SearchSource = {
  kind: 'text',
  table: 'texts',
  links: { programme_id: 'programmes' },
  async read(db, id) {
    const row = await db.selectFrom('texts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return [];
    const versions = await db
      .selectFrom('text_versions')
      .selectAll()
      .where('text_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
    const extra = parseExtra(row.extra);
    const where = await programmeOf(db, row.programme_id);
    const date =
      (typeof extra.adopted_date === 'string' ? extra.adopted_date : null) ??
      where?.start_date ??
      null;
    const latest = new Map<string, (typeof versions)[number]>();
    for (const v of versions) if (!latest.has(v.language)) latest.set(v.language, v);
    return [...latest.values()].map((v) => ({
      key: v.language,
      language: v.language,
      title: v.title,
      body: v.body,
      countries: distinct([countryOf(where?.area_id)]),
      type: row.kind,
      date,
      visibility: row.visibility,
    }));
  },
  ids: allIds('texts'),
};

const commitment: SearchSource = {
  kind: 'commitment',
  table: 'commitments',
  links: { programme_id: 'programmes' },
  async read(db, id) {
    const row = await db
      .selectFrom('commitments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return [];
    const owners = await db
      .selectFrom('commitment_owners')
      .select('owner_id')
      .where('commitment_id', '=', id)
      .where('owner_type', '=', 'country')
      .execute();
    const where = await programmeOf(db, row.programme_id);
    const extra = parseExtra(row.extra);
    return [
      {
        language: null,
        title: row.title,
        body: lines(
          row.description,
          typeof extra.place === 'string' ? extra.place : null,
          typeof extra.text === 'string' && extra.text !== row.title ? extra.text : null,
        ),
        countries: distinct([
          ...owners.map((o) => countryOf(o.owner_id)),
          countryOf(where?.area_id),
        ]),
        type: row.status,
        date:
          (typeof extra.year === 'number' ? String(extra.year) : null) ??
          where?.start_date ??
          row.review_date,
        visibility: row.visibility,
      },
    ];
  },
  ids: allIds('commitments'),
};

/**
 * Every kind the index holds. To add one, write its SearchSource (see docs/storage.md) and list
 * it here; then call `repos.search.refresh(kind, id)` where its records change.
 */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  text,
  person,
  organization,
  programme,
  commitment,
];
