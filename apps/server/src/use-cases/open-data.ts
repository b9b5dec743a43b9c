// Open data: the public records of every exportable kind, as JSON and CSV, whoever asks. Every
// dataset reads through the public scope only (a signed-in secretariat gets the same files as a
// visitor), and nothing in a file points at a record that is not public: references in columns
// are filtered in SQL by the records repository, and references kept in a record's extra fields
// (`*_id`, `*_ids`, at any depth) are dropped when they name no public record.
//
// Adding a kind is a few lines in OPEN_DATASETS below (see docs/api.md, "Open data"):
// `recordDataset(...)` for a table the records repository reads, or an object with `rows()`
// for anything else.
import type { RecordTable, Repositories } from '@tulay/store';
import { PUBLIC } from '../access.ts';
import { ApiError } from '../errors.ts';
import type { Context } from './context.ts';
import type { ActivityKind } from './activities.ts';
import { ACTIVITY_KINDS, billDetail, presentActivityRows } from './activities.ts';
import { toCsv } from './csv.ts';
import { presentDocument } from './documents.ts';
import { present } from './present.ts';
import { resultsOf } from './workshops.ts';
import { popoloExport } from './caucus.ts';

const SCOPE = ['public'] as const;
/** The document library as the public sees it: published, public documents only. */
const PUBLIC_DOCUMENTS = { kind: 'scoped', scope: SCOPE, userId: null } as const;

type Row = Record<string, unknown>;

/** What a dataset reads from: the repositories, and whether an id names a public record. */
export interface PublicSource {
  repos: Repositories;
  /** A context acting as the public visitor, for use cases that take one. */
  ctx: Context;
  isPublic: (id: string) => Promise<boolean>;
}

/** One exportable kind. */
export interface OpenDataset {
  /** The name in the URL: `/api/open-data/<kind>.json` and `.csv`. */
  kind: string;
  title: string;
  description: string;
  /** The CSV's first columns, in order (always present); other fields follow by name. */
  columns: readonly string[];
  /** The public rows, each with an `id`; nothing in them may point at a non-public record. */
  rows: (source: PublicSource) => Promise<Row[]>;
  /**
   * Whether to drop extra-field references that name no public record (default true). Off only
   * where the rows are built from ids that are not records (a workshop's groups and questions).
   */
  scrubReferences?: boolean;
}

/** A record as published: no visibility (it is public), nulls left out. */
function published(row: { id: string }): Row {
  const out = present(row);
  delete out.visibility;
  return out;
}

/** A dataset over a table of the records repository. */
export function recordDataset(spec: {
  kind: string;
  table: RecordTable;
  title: string;
  description: string;
  columns: readonly string[];
  /** Adds or changes fields of each row (e.g. a text's versions). */
  enrich?: (row: Row, source: PublicSource) => Promise<Row>;
}): OpenDataset {
  return {
    kind: spec.kind,
    title: spec.title,
    description: spec.description,
    columns: spec.columns,
    async rows(source) {
      const rows = (await source.repos.records.list(spec.table, SCOPE)).map(published);
      const enrich = spec.enrich;
      return enrich ? Promise.all(rows.map((r) => enrich(r, source))) : rows;
    },
  };
}

const STAMPS = ['created_at', 'updated_at'];

/**
 * A dataset of one of the caucus's activities, read through its use case as the public visitor
 * would see it (id lists narrowed to public records, a bill with its sponsors and actions).
 */
function activityDataset(spec: {
  kind: string;
  activity: ActivityKind;
  title: string;
  description: string;
  columns: readonly string[];
}): OpenDataset {
  return {
    kind: spec.kind,
    title: spec.title,
    description: spec.description,
    columns: spec.columns,
    async rows({ repos, ctx }) {
      const rows = await repos.records.list(spec.activity.table, SCOPE);
      const presented =
        spec.activity === ACTIVITY_KINDS.bills
          ? await Promise.all(rows.map((r) => billDetail(ctx, r.id)))
          : await presentActivityRows(ctx, spec.activity.table, rows.map(present));
      return presented.map((row): Row => {
        const out: Row = { ...row };
        delete out.visibility;
        return out;
      });
    },
  };
}
const POPOLO_EXTRAS = ['other_names', 'identifiers', 'links', 'sources'];

export const OPEN_DATASETS: OpenDataset[] = [
  recordDataset({
    kind: 'people',
    table: 'people',
    title: 'People',
    description: 'Parliamentarians and others named in the caucus’s records (Popolo Person fields)',
    columns: [
      'id',
      'name',
      'sort_name',
      'honorific_prefix',
      'national_identity',
      'area_id',
      'summary',
      ...POPOLO_EXTRAS,
      ...STAMPS,
    ],
  }),
  recordDataset({
    kind: 'organizations',
    table: 'organizations',
    title: 'Organisations',
    description: 'Parliaments, parties, CSOs, trade unions, regional and international bodies',
    columns: [
      'id',
      'name',
      'classification',
      'parent_id',
      'area_id',
      'founding_date',
      'dissolution_date',
      'description',
      ...POPOLO_EXTRAS,
      ...STAMPS,
    ],
  }),
  recordDataset({
    kind: 'posts',
    table: 'posts',
    title: 'Posts',
    description: 'Seats and offices that exist apart from whoever holds them',
    columns: [
      'id',
      'organization_id',
      'label',
      'role',
      'area_id',
      'start_date',
      'end_date',
      ...STAMPS,
    ],
  }),
  recordDataset({
    kind: 'memberships',
    table: 'memberships',
    title: 'Memberships',
    description: 'Who holds or held which office in which body, with party and dates',
    columns: [
      'id',
      'person_id',
      'organization_id',
      'post_id',
      'on_behalf_of_id',
      'role',
      'label',
      'area_id',
      'start_date',
      'end_date',
      'status',
      ...STAMPS,
    ],
  }),
  recordDataset({
    kind: 'programmes',
    table: 'programmes',
    title: 'Programmes',
    description: 'The caucus’s programmes and meetings',
    columns: [
      'id',
      'name',
      'classification',
      'series_number',
      'start_date',
      'end_date',
      'city',
      'area_id',
      'description',
      'organization_ids',
      ...STAMPS,
    ],
  }),
  recordDataset({
    kind: 'sessions',
    table: 'programme_sessions',
    title: 'Sessions',
    description: 'The sessions of each programme, in order',
    columns: ['id', 'programme_id', 'name', 'position', 'start_date', 'description', ...STAMPS],
  }),
  recordDataset({
    kind: 'texts',
    table: 'texts',
    title: 'Resolutions and statements',
    description: 'Texts with every version in every language, and their public endorsement count',
    columns: [
      'id',
      'kind',
      'programme_id',
      'authoritative_language',
      'status',
      'is_endorsable',
      'endorsement_count',
      'versions',
      ...STAMPS,
    ],
    async enrich(row, { repos }) {
      const versions = await repos.texts.all(row.id as string);
      const latest = versions.reduce((at, v) => (v.created_at > at ? v.created_at : at), '');
      return {
        ...row,
        is_endorsable: row.is_endorsable === 1,
        endorsement_count: await repos.endorsements.count(row.id as string),
        versions: versions.map((v) => ({
          version: v.version,
          language: v.language,
          title: v.title,
          body: v.body,
          ...(v.note !== null ? { note: v.note } : {}),
          created_at: v.created_at,
        })),
        updated_at: latest > String(row.updated_at) ? latest : row.updated_at,
      };
    },
  }),
  recordDataset({
    kind: 'commitments',
    table: 'commitments',
    title: 'Commitments',
    description: 'Commitments with their status, owners and public evidence',
    columns: [
      'id',
      'programme_id',
      'title',
      'description',
      'status',
      'review_date',
      'owners',
      'evidence',
      ...STAMPS,
    ],
    async enrich(row, { repos, isPublic }) {
      const id = row.id as string;
      const owners = [];
      for (const o of await repos.commitments.owners([id])) {
        if (o.owner_type === 'country' || (await isPublic(o.owner_id)))
          owners.push({ type: o.owner_type, id: o.owner_id });
      }
      const evidence = (await repos.commitments.evidence(id, SCOPE)).map((e) => ({
        id: e.id,
        description: e.description,
        ...(e.url !== null ? { url: e.url } : {}),
        ...(e.evidence_date !== null ? { evidence_date: e.evidence_date } : {}),
        created_at: e.created_at,
      }));
      return { ...row, owners, evidence };
    },
  }),
  recordDataset({
    kind: 'topics',
    table: 'topics',
    title: 'Topics',
    description:
      'Areas for action, spaces for advocacy, principles, barriers and ways to overcome them',
    columns: ['id', 'kind', 'name', 'description', 'position', ...STAMPS],
  }),
  {
    kind: 'workshops',
    title: 'Strategy workshops',
    description:
      'Each public workshop’s results: the matrix of answers (groups × questions) and, per area for action, the priorities that fed it and how many picked each (never who picked what)',
    columns: [
      'id',
      'programme_id',
      'session_id',
      'title',
      'date',
      'status',
      'picks_recorded',
      'tally_state',
      'participants_who_picked',
      'matrix',
      'areas',
      'unassigned_priorities',
      ...STAMPS,
    ],
    // Built from the workshop's results, read in the public scope: group and question ids are
    // not records, and people and topics are already filtered.
    scrubReferences: false,
    async rows({ repos }) {
      const rows = [];
      for (const w of await repos.workshops.list(SCOPE)) {
        const results = await resultsOf(repos, PUBLIC, w);
        const workshop: Row = { ...results.workshop };
        delete workshop.visibility;
        rows.push({
          ...workshop,
          tally_state: results.tally.state,
          participants_who_picked: results.tally.participants_who_picked,
          matrix: results.matrix,
          areas: results.areas,
          unassigned_priorities: results.unassigned_priorities,
        });
      }
      return rows;
    },
  },
  activityDataset({
    kind: 'visits',
    activity: ACTIVITY_KINDS.visits,
    title: 'Exchange visits and study tours',
    description:
      'Host and visiting countries, delegation, sites, dates, findings, report and recommendations',
    columns: [
      'id',
      'title',
      'host_country',
      'visiting_countries',
      'delegation_person_ids',
      'start_date',
      'end_date',
      'findings',
      'report_document_id',
      'recommendations',
      ...STAMPS,
    ],
  }),
  activityDataset({
    kind: 'bills',
    activity: ACTIVITY_KINDS.bills,
    title: 'Bills',
    description: 'Bills before the parliaments, with sponsors, versions, actions and status',
    columns: [
      'id',
      'organization_id',
      'identifier',
      'title',
      'status',
      'status_date',
      'sponsors',
      'actions',
      'versions',
      'commitment_ids',
      'topic_ids',
      ...STAMPS,
    ],
  }),
  activityDataset({
    kind: 'body-events',
    activity: ACTIVITY_KINDS.bodyEvents,
    title: 'Meetings of the bodies the caucus engages',
    description: 'Meetings and their cycles, with whether each date was verified at its source',
    columns: [
      'id',
      'organization_id',
      'title',
      'start_date',
      'end_date',
      'place',
      'recurrence',
      'is_verified',
      ...STAMPS,
    ],
  }),
  activityDataset({
    kind: 'engagements',
    activity: ACTIVITY_KINDS.engagements,
    title: 'Engagements with regional and international bodies',
    description: 'What the caucus asked of a body, and what came back',
    columns: [
      'id',
      'organization_id',
      'event_id',
      'title',
      'engagement_date',
      'asked',
      'response',
      ...STAMPS,
    ],
  }),
  activityDataset({
    kind: 'collaborations',
    activity: ACTIVITY_KINDS.collaborations,
    title: 'Collaborations with civil society and trade unions',
    description: 'Work done together with a CSO or trade union, by area for action',
    columns: ['id', 'organization_id', 'topic_id', 'title', 'start_date', 'end_date', ...STAMPS],
  }),
  {
    kind: 'documents',
    title: 'Documents',
    description:
      'The library’s published public documents: metadata and the file’s facts (the files themselves at /api/documents/:id/file)',
    columns: [
      'id',
      'title',
      'type',
      'language',
      'countries',
      'corridor',
      'programme_id',
      'date',
      'source',
      'file',
      'published_at',
      ...STAMPS,
    ],
    async rows({ repos }) {
      return (await repos.documents.list(PUBLIC_DOCUMENTS)).map((row) => {
        // Published and public by construction: moderation fields say nothing more.
        const document = presentDocument(row, PUBLIC);
        const out: Row = { ...document };
        delete out.visibility;
        delete out.status;
        delete out.moderation_comment;
        delete out.submitted_by;
        return out;
      });
    },
  },
];

/** Ids of every public record, to tell which references may be published. */
function publicIds(repos: Repositories): (id: string) => Promise<boolean> {
  let ids: Promise<Set<string>> | undefined;
  const tables: RecordTable[] = [
    'people',
    'organizations',
    'posts',
    'memberships',
    'programmes',
    'programme_sessions',
    'participants',
    'texts',
    'commitments',
    'follow_ups',
    'topics',
    'visits',
    'bills',
    'body_events',
    'engagements',
    'collaborations',
  ];
  const load = async () => {
    const set = new Set<string>();
    for (const table of tables)
      for (const row of await repos.records.list(table, SCOPE)) set.add(row.id);
    for (const w of await repos.workshops.list(SCOPE)) set.add(w.id);
    for (const d of await repos.documents.list(PUBLIC_DOCUMENTS)) set.add(d.id);
    return set;
  };
  return async (id) => (await (ids ??= load())).has(id);
}

/** Open Civic Data ids and the like name places, not records: they are always kept. */
const isPlace = (key: string, value: string): boolean =>
  key === 'area_id' || key.includes('division') || value.startsWith('ocd-division/');

/** Drops references (`*_id`, `*_ids`, at any depth) that name no public record. */
async function scrub(
  value: unknown,
  isPublic: (id: string) => Promise<boolean>,
  key = '',
): Promise<unknown> {
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) {
      if (key.endsWith('_ids') && typeof item === 'string') {
        if (isPlace(key, item) || (await isPublic(item))) out.push(item);
      } else out.push(await scrub(item, isPublic));
    }
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith('_id') && typeof v === 'string' && !isPlace(k, v) && !(await isPublic(v)))
      continue;
    out[k] = await scrub(v, isPublic, k);
  }
  return out;
}

function datasetOf(kind: string): OpenDataset {
  const dataset = OPEN_DATASETS.find((d) => d.kind === kind);
  if (!dataset) {
    throw new ApiError(
      'not_found',
      `no open-data dataset "${kind}": the datasets are ${[...OPEN_DATASETS.map((d) => d.kind), 'popolo'].join(', ')}`,
    );
  }
  return dataset;
}

function sourceOf(ctx: Context): PublicSource {
  const repos = ctx.store.repos;
  return { repos, ctx: { ...ctx, actor: PUBLIC }, isPublic: publicIds(repos) };
}

async function rowsOf(dataset: OpenDataset, source: PublicSource): Promise<Row[]> {
  const rows = await dataset.rows(source);
  if (dataset.scrubReferences === false) return rows;
  return Promise.all(rows.map(async (r) => (await scrub(r, source.isPublic)) as Row));
}

/** The latest change among the rows (their `updated_at`, or `created_at`). */
function lastModified(rows: readonly Row[]): string | null {
  let latest: string | null = null;
  for (const r of rows) {
    const at = r.updated_at ?? r.created_at;
    if (typeof at === 'string' && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

/** The CSV's columns: the dataset's own, then every other field of the rows, by name. */
function columnsOf(dataset: OpenDataset, rows: readonly Row[]): string[] {
  const rest = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r)) if (!dataset.columns.includes(k)) rest.add(k);
  return [...dataset.columns, ...[...rest].sort()];
}

/**
 * The licence of the data. The repository states none (the code is AGPL-3.0-or-later; the
 * records are the caucus's), so it is left for the secretariat to decide.
 */
export const DATA_LICENCE = {
  id: null,
  name: null,
  note: 'The licence of this data has not been decided yet: it is for the caucus secretariat to choose. Until then, ask the secretariat before reusing it. The records are drawn from public sources, each cited in its `source`.',
};

const urlOf = (kind: string, format: 'json' | 'csv') => `/api/open-data/${kind}.${format}`;

/** Every dataset with its URLs, licence, record count and last change. */
export async function openDataIndex(ctx: Context) {
  const source = sourceOf(ctx);
  const datasets = [];
  for (const dataset of OPEN_DATASETS) {
    const rows = await rowsOf(dataset, source);
    datasets.push({
      kind: dataset.kind,
      title: dataset.title,
      description: dataset.description,
      count: rows.length,
      last_modified: lastModified(rows),
      formats: [
        {
          format: 'json' as const,
          media_type: 'application/json',
          url: urlOf(dataset.kind, 'json'),
        },
        { format: 'csv' as const, media_type: 'text/csv', url: urlOf(dataset.kind, 'csv') },
      ],
    });
  }
  const popolo = await openPopolo(ctx);
  const popoloRows = [
    ...popolo.persons,
    ...popolo.organizations,
    ...popolo.posts,
    ...popolo.memberships,
  ];
  datasets.push({
    kind: 'popolo',
    title: 'People, organisations, posts and memberships (Popolo)',
    description:
      'The Popolo JSON document of the public people, organisations, posts and memberships',
    count: popoloRows.length,
    last_modified: lastModified(
      await Promise.all(
        ['people', 'organizations', 'posts', 'memberships'].map(async (kind) => ({
          updated_at: lastModified(await rowsOf(datasetOf(kind), source)),
        })),
      ),
    ),
    formats: [
      { format: 'json' as const, media_type: 'application/json', url: urlOf('popolo', 'json') },
    ],
  });
  return { licence: DATA_LICENCE, datasets };
}

/** One dataset as JSON. */
export async function openDataJson(ctx: Context, kind: string) {
  const dataset = datasetOf(kind);
  const rows = await rowsOf(dataset, sourceOf(ctx));
  return {
    kind: dataset.kind,
    title: dataset.title,
    licence: DATA_LICENCE,
    count: rows.length,
    last_modified: lastModified(rows),
    items: rows as (Row & { id: string })[],
  };
}

/** One dataset as CSV (RFC 4180; nested values JSON-encoded; formula cells guarded). */
export async function openDataCsv(ctx: Context, kind: string, options: { bom: boolean }) {
  const dataset = datasetOf(kind);
  const rows = await rowsOf(dataset, sourceOf(ctx));
  return toCsv(columnsOf(dataset, rows), rows, options);
}

/** The Popolo document of the public records, whoever asks. */
export async function openPopolo(ctx: Context) {
  const { isPublic } = sourceOf(ctx);
  const document = await popoloExport({ ...ctx, actor: PUBLIC });
  const clean = (rows: Row[]) =>
    Promise.all(rows.map(async (r) => (await scrub(r, isPublic)) as Row & { id: string }));
  return {
    persons: await clean(document.persons),
    organizations: await clean(document.organizations),
    posts: await clean(document.posts),
    memberships: await clean(document.memberships),
  };
}
