// Loads the founding report's content (packages/store/seed/*.yaml, Popolo field names) into the
// store. Idempotent: a record whose id is already there is left alone, so edits made through the
// workspace survive restarts, and content added to the files later is picked up. Fields without
// a column are kept in the record's `extra`, so nothing the files say is dropped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import type { RecordTable } from '../repositories/records.ts';
import type { WorkshopPartTable } from '../repositories/workshops.ts';
import type { Visibility } from '../schema.ts';
import { VISIBILITIES } from '../schema.ts';
import type { Repositories, Store } from '../store.ts';
import { seedDocuments } from './seed-documents.ts';

type Rec = Record<string, unknown>;

/** The seed folder that ships with the store. */
export const SEED_DIR = join(import.meta.dirname, '..', '..', 'seed');

/** What a load did: rows created per table, and records skipped with the reason. */
export interface SeedReport {
  created: Record<string, number>;
  skipped: string[];
}

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null;
const int = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : null;
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const visibility = (v: unknown): Visibility =>
  (VISIBILITIES as readonly unknown[]).includes(v) ? (v as Visibility) : 'secretariat';

function readYaml(dir: string, file: string): unknown {
  const path = join(dir, file);
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) as unknown) : undefined;
}

/** Everything in `record` except `columns`, as the `extra` JSON. */
function extraOf(record: Rec, columns: readonly string[]): string {
  const extra: Rec = {};
  for (const [key, value] of Object.entries(record))
    if (!columns.includes(key) && key !== 'visibility') extra[key] = value;
  return JSON.stringify(extra);
}

/** Lines of text from a nested description (the report's summaries of texts it does not reproduce). */
function render(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const text = isRec(item) ? str(item.text) : str(item);
      return text === null ? render(item, depth + 1) : [`${i + 1}. ${text.trim()}`];
    });
  }
  if (isRec(value)) {
    return Object.entries(value).flatMap(([key, v]) =>
      key.endsWith('_id') || key === 'id' || key.endsWith('_note') ? [] : render(v, depth + 1),
    );
  }
  return [];
}

/** The area of an organisation: its first Open Civic Data identifier. */
function ocdOf(record: Rec): string | null {
  for (const identifier of list(record.identifiers)) {
    const id = str(identifier.identifier);
    if (id?.startsWith('ocd-division/') === true) return id;
  }
  return str(record.area_id);
}

/** Orders records so that each parent comes before its children. */
function parentsFirst(records: Rec[]): Rec[] {
  const byId = new Map(records.map((r) => [str(r.id), r]));
  const out: Rec[] = [];
  const seen = new Set<Rec>();
  const visit = (r: Rec, depth: number): void => {
    if (seen.has(r) || depth > records.length) return;
    const parent = byId.get(str(r.parent_id));
    if (parent) visit(parent, depth + 1);
    seen.add(r);
    out.push(r);
  };
  for (const r of records) visit(r, 0);
  return out;
}

/** The workshop tables the seed fills (areas and parts are checked through their workshop). */
type WorkshopSeedTable = 'workshops' | WorkshopPartTable | 'workshop_areas';

interface Row {
  table: RecordTable | 'text_versions' | 'commitment_owners' | WorkshopSeedTable;
  id: string;
  values: Rec;
  /** Columns naming records that must exist first. */
  references: [string, RecordTable | 'workshops'][];
}

/** Turns the seed files into rows, in the order they must be inserted. */
export function seedRows(dir: string, now: string): Row[] {
  const rows: Row[] = [];
  const recorded = (record: Rec) => ({
    visibility: visibility(record.visibility),
    created_at: now,
    updated_at: now,
  });
  const add = (table: Row['table'], values: Rec, references: Row['references'] = []) => {
    const id = str(values.id);
    if (id !== null) rows.push({ table, id, values, references });
  };

  for (const p of list(readYaml(dir, 'people.yaml'))) {
    const columns = [
      'id',
      'name',
      'sort_name',
      'honorific_prefix',
      'national_identity',
      'area_id',
      'summary',
    ];
    add('people', {
      id: str(p.id),
      name: str(p.name) ?? str(p.id),
      sort_name: str(p.sort_name),
      honorific_prefix: str(p.honorific_prefix),
      national_identity: str(p.national_identity),
      area_id: str(p.area_id),
      summary: str(p.summary) ?? str(p.biography),
      extra: extraOf(p, columns),
      ...recorded(p),
    });
  }

  for (const o of parentsFirst(list(readYaml(dir, 'organizations.yaml')))) {
    const columns = [
      'id',
      'name',
      'classification',
      'parent_id',
      'founding_date',
      'dissolution_date',
      'description',
    ];
    add(
      'organizations',
      {
        id: str(o.id),
        name: str(o.name) ?? str(o.id),
        classification: str(o.classification) ?? 'other',
        parent_id: str(o.parent_id),
        area_id: ocdOf(o),
        founding_date: str(o.founding_date),
        dissolution_date: str(o.dissolution_date),
        description: str(o.description),
        extra: extraOf(o, columns),
        ...recorded(o),
      },
      [['parent_id', 'organizations']],
    );
  }

  for (const m of list(readYaml(dir, 'memberships.yaml'))) {
    const columns = [
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
    ];
    add(
      'memberships',
      {
        id: str(m.id),
        person_id: str(m.person_id),
        organization_id: str(m.organization_id),
        post_id: null,
        on_behalf_of_id: str(m.on_behalf_of_id),
        role: str(m.role),
        label: str(m.label),
        area_id: str(m.area_id),
        start_date: str(m.start_date),
        end_date: str(m.end_date),
        status: str(m.status),
        extra: extraOf(m, columns),
        ...recorded(m),
      },
      [
        ['person_id', 'people'],
        ['organization_id', 'organizations'],
        ['on_behalf_of_id', 'organizations'],
      ],
    );
  }

  const programmes = list(readYaml(dir, 'programmes.yaml'));
  for (const p of programmes) {
    const location = isRec(p.location) ? p.location : {};
    const columns = [
      'id',
      'name',
      'classification',
      'series_number',
      'start_date',
      'end_date',
      'organization_ids',
      'sessions',
    ];
    add('programmes', {
      id: str(p.id),
      name: str(p.name) ?? str(p.id),
      classification: str(p.classification) ?? 'programme',
      series_number: int(p.series_number),
      start_date: str(p.start_date),
      end_date: str(p.end_date),
      city: str(location.city),
      area_id: str(location.division_id),
      description: str(p.purpose) ?? str(p.description),
      organization_ids: JSON.stringify(Array.isArray(p.organization_ids) ? p.organization_ids : []),
      extra: extraOf(p, columns),
      ...recorded(p),
    });
  }
  for (const p of programmes) {
    const programmeId = str(p.id);
    if (programmeId === null) continue;
    const speakers = new Map<string, Rec>();
    for (const [i, s] of list(p.sessions).entries()) {
      const columns = ['id', 'name', 'order', 'start_date', 'description'];
      add(
        'programme_sessions',
        {
          id: str(s.id),
          programme_id: programmeId,
          name: str(s.name) ?? str(s.id),
          position: int(s.order) ?? i + 1,
          start_date: str(s.start_date),
          description: str(s.description),
          extra: extraOf(s, columns),
          ...recorded(s),
        },
        [['programme_id', 'programmes']],
      );
      for (const speaker of list(s.speakers)) {
        const personId = str(speaker.person_id);
        if (personId !== null && !speakers.has(personId))
          speakers.set(personId, { ...speaker, session_id: s.id });
      }
    }
    const participants = isRec(p.participants) ? p.participants : {};
    const named = Array.isArray(participants.named_person_ids)
      ? participants.named_person_ids.map(str)
      : [];
    for (const personId of new Set([...named, ...speakers.keys()])) {
      if (personId === null) continue;
      const speaker = speakers.get(personId);
      add(
        'participants',
        {
          id: `${programmeId}__${personId}`,
          programme_id: programmeId,
          person_id: personId,
          role: speaker ? 'speaker' : 'participant',
          organization_id: null,
          extra: JSON.stringify(
            speaker ? { part: speaker.part, session_id: speaker.session_id } : {},
          ),
          ...recorded(p),
        },
        [
          ['programme_id', 'programmes'],
          ['person_id', 'people'],
        ],
      );
    }
  }

  for (const t of list(readYaml(dir, 'texts.yaml'))) {
    const id = str(t.id);
    if (id === null) continue;
    const language = str(t.authoritative_language) ?? 'en';
    const columns = [
      'id',
      'kind',
      'authoritative_language',
      'title',
      'full_text',
      'full_text_note',
      'translations',
    ];
    add(
      'texts',
      {
        id,
        kind: t.kind === 'statement' ? 'statement' : 'resolution',
        programme_id:
          str(t.adopted_at_programme_id) ?? str(t.presented_at_programme_id) ?? str(t.programme_id),
        authoritative_language: language,
        // The report's next steps: circulate the resolution and solicit endorsements.
        status: 'open',
        is_endorsable: 1,
        extra: extraOf(t, columns),
        ...recorded(t),
      },
      [['programme_id', 'programmes']],
    );
    const summary = [
      ...(str(t.calls_on) !== null ? [`Calls on ${str(t.calls_on) ?? ''} to:`] : []),
      ...render(t.content_as_reported ?? t.calls),
    ];
    add('text_versions', {
      id: `${id}__v1__${language}`,
      text_id: id,
      version: 1,
      language,
      title: str(t.title) ?? id,
      body: str(t.full_text) ?? (summary.join('\n\n') || '(text not yet available)'),
      note: str(t.full_text) === null ? str(t.full_text_note) : null,
      created_at: now,
      created_by: null,
    });
    // Translations of the first version, each with its note (who translated it, whether reviewed).
    for (const tr of list(t.translations)) {
      const trLanguage = str(tr.language);
      const trBody = str(tr.body);
      if (trLanguage === null || trBody === null || trLanguage === language) continue;
      add('text_versions', {
        id: `${id}__v1__${trLanguage}`,
        text_id: id,
        version: 1,
        language: trLanguage,
        title: str(tr.title) ?? str(t.title) ?? id,
        body: trBody,
        note: str(tr.note),
        created_at: now,
        created_by: null,
      });
    }
  }

  for (const c of list(readYaml(dir, 'commitments.yaml'))) {
    const id = str(c.id);
    if (id === null) continue;
    if (str(c.kind)?.startsWith('follow_up') === true) {
      add(
        'follow_ups',
        {
          id,
          commitment_id: str(c.commitment_id),
          title: str(c.text) ?? str(c.title) ?? id,
          description: str(c.description),
          due_date: str(c.due),
          status: c.status === 'done' ? 'done' : 'open',
          extra: extraOf(c, [
            'id',
            'commitment_id',
            'text',
            'title',
            'description',
            'due',
            'status',
          ]),
          ...recorded(c),
        },
        [['commitment_id', 'commitments']],
      );
      continue;
    }
    const statuses = ['proposed', 'in_progress', 'done', 'stalled', 'dropped'];
    add(
      'commitments',
      {
        id,
        programme_id: str(c.programme_id),
        title: str(c.text) ?? str(c.title) ?? id,
        description: str(c.description),
        // The report says what was committed, not whether it was kept.
        status: statuses.includes(String(c.status)) ? c.status : 'unknown',
        review_date: str(c.review_date),
        extra: extraOf(c, [
          'id',
          'programme_id',
          'text',
          'title',
          'description',
          'status',
          'review_date',
        ]),
        ...recorded(c),
      },
      [['programme_id', 'programmes']],
    );
    const owner = isRec(c.owner) ? c.owner : undefined;
    const ownerId = owner
      ? (str(owner.person_id) ?? str(owner.organization_id) ?? str(owner.division_id))
      : null;
    if (owner && ownerId !== null) {
      const type =
        str(owner.person_id) !== null
          ? 'person'
          : str(owner.organization_id) !== null
            ? 'organization'
            : 'country';
      add('commitment_owners', {
        id: `${id}__${ownerId}`,
        commitment_id: id,
        owner_type: type,
        owner_id: ownerId,
      });
    }
  }

  const topic = (kind: string, records: Rec[]) => {
    for (const [i, t] of records.entries()) {
      const columns = ['id', 'name', 'title', 'description', 'text', 'order'];
      add('topics', {
        id: str(t.id),
        kind,
        name: str(t.name) ?? str(t.title) ?? str(t.id),
        description: str(t.description) ?? str(t.text) ?? str(t.aim),
        position: int(t.order) ?? i + 1,
        extra: extraOf(t, columns),
        ...recorded(t),
      });
    }
  };
  const areas = readYaml(dir, 'areas-for-action.yaml');
  if (isRec(areas)) {
    topic('area_for_action', list(areas.areas));
    if (isRec(areas.workshop)) workshopRows(areas.workshop, list(areas.areas), now, add);
  }
  topic('space_for_advocacy', list(readYaml(dir, 'advocacy-spaces.yaml')));
  const principles = readYaml(dir, 'principles-and-barriers.yaml');
  if (isRec(principles)) {
    topic('principle', list(principles.principles));
    topic('barrier', list(principles.barriers));
    topic('way_to_overcome', list(principles.ways_to_overcome));
  }
  // The caucus's activities (migration 0004): bodies' meetings, engagements, collaborations.
  const activities = readYaml(dir, 'activities.yaml');
  if (isRec(activities)) {
    for (const e of list(activities.body_events)) {
      const columns = ['id', 'organization_id', 'title', 'start_date', 'end_date', 'place'];
      add(
        'body_events',
        {
          id: str(e.id),
          organization_id: str(e.organization_id),
          title: str(e.title) ?? str(e.id),
          start_date: str(e.start_date),
          end_date: str(e.end_date),
          place: str(e.place),
          recurrence: str(e.recurrence),
          description: str(e.description),
          is_verified: e.verified === true ? 1 : 0,
          extra: extraOf(e, [...columns, 'recurrence', 'description', 'verified']),
          ...recorded(e),
        },
        [['organization_id', 'organizations']],
      );
    }
    for (const e of list(activities.engagements)) {
      const columns = ['id', 'organization_id', 'event_id', 'title', 'engagement_date'];
      add(
        'engagements',
        {
          id: str(e.id),
          organization_id: str(e.organization_id),
          event_id: str(e.event_id),
          title: str(e.title) ?? str(e.id),
          engagement_date: str(e.engagement_date),
          asked: str(e.asked),
          response: str(e.response),
          commitment_ids: JSON.stringify(Array.isArray(e.commitment_ids) ? e.commitment_ids : []),
          extra: extraOf(e, [...columns, 'asked', 'response', 'commitment_ids']),
          ...recorded(e),
        },
        [
          ['organization_id', 'organizations'],
          ['event_id', 'body_events'],
        ],
      );
    }
    for (const c of list(activities.collaborations)) {
      const columns = ['id', 'organization_id', 'topic_id', 'title', 'description'];
      add(
        'collaborations',
        {
          id: str(c.id),
          organization_id: str(c.organization_id),
          topic_id: str(c.topic_id),
          title: str(c.title) ?? str(c.id),
          description: str(c.description),
          start_date: str(c.start_date),
          end_date: str(c.end_date),
          commitment_ids: JSON.stringify(Array.isArray(c.commitment_ids) ? c.commitment_ids : []),
          extra: extraOf(c, [...columns, 'start_date', 'end_date', 'commitment_ids']),
          ...recorded(c),
        },
        [
          ['organization_id', 'organizations'],
          ['topic_id', 'topics'],
        ],
      );
    }
  }
  return rows;
}

/** A workshop, its groups and questions, and the areas for action it produced. */
function workshopRows(
  w: Rec,
  areas: Rec[],
  now: string,
  add: (table: Row['table'], values: Rec, references?: Row['references']) => void,
): void {
  const workshopId = str(w.id);
  if (workshopId === null) return;
  const stamps = { created_at: now, updated_at: now };
  const statuses = ['preparing', 'picking', 'closed'];
  add(
    'workshops',
    {
      id: workshopId,
      programme_id: str(w.programme_id),
      session_id: str(w.session_id),
      title: str(w.title) ?? str(w.name) ?? workshopId,
      date: str(w.date),
      description: str(w.description) ?? str(w.aim),
      status: statuses.includes(String(w.status)) ? w.status : 'closed',
      picks_recorded: w.picks_recorded === false ? 0 : 1,
      extra: extraOf(w, [
        'id',
        'programme_id',
        'session_id',
        'title',
        'name',
        'date',
        'description',
        'status',
        'picks_recorded',
        'groups',
        'questions',
      ]),
      visibility: visibility(w.visibility),
      ...stamps,
    },
    [
      ['programme_id', 'programmes'],
      ['session_id', 'programme_sessions'],
    ],
  );
  const parts = (table: WorkshopPartTable, records: Rec[], text: 'name' | 'text') => {
    for (const [i, r] of records.entries()) {
      add(
        table,
        {
          id: str(r.id),
          workshop_id: workshopId,
          [text]: str(r[text]) ?? str(r.id),
          position: int(r.order) ?? i + 1,
          extra: extraOf(r, ['id', text, 'order']),
          ...stamps,
        },
        [['workshop_id', 'workshops']],
      );
    }
  };
  parts('workshop_groups', list(w.groups), 'name');
  parts('workshop_questions', list(w.questions), 'text');
  for (const [i, a] of areas.entries()) {
    const topicId = str(a.id);
    if (topicId === null || (str(a.workshop_id) ?? workshopId) !== workshopId) continue;
    const prioritisation = str(w.prioritisation);
    add(
      'workshop_areas',
      {
        id: `${workshopId}__${topicId}`,
        workshop_id: workshopId,
        topic_id: topicId,
        position: int(a.order) ?? i + 1,
        extra: JSON.stringify(
          prioritisation === null
            ? {}
            : { source: { section: 'Strategy Building', quote: prioritisation } },
        ),
      },
      [
        ['workshop_id', 'workshops'],
        ['topic_id', 'topics'],
      ],
    );
  }
}

const WORKSHOP_PARTS: readonly string[] = [
  'workshop_groups',
  'workshop_questions',
  'workshop_answers',
  'workshop_priorities',
];

async function referenceExists(
  repos: Repositories,
  table: RecordTable | 'workshops',
  id: string,
): Promise<boolean> {
  return table === 'workshops' ? repos.workshops.exists(id) : repos.records.exists(table, id);
}

async function insertRow(repos: Repositories, row: Row): Promise<void> {
  const values = row.values as never;
  if (row.table === 'text_versions') await repos.texts.add(values);
  else if (row.table === 'commitment_owners') await repos.commitments.addOwner(values);
  else if (row.table === 'workshops') await repos.workshops.insert(values);
  else if (row.table === 'workshop_areas') await repos.workshops.addArea(values);
  else if (WORKSHOP_PARTS.includes(row.table))
    await repos.workshops.insertPart(row.table as 'workshop_groups', values);
  else await repos.records.insert(row.table as RecordTable, values);
}

async function exists(repos: Repositories, row: Row): Promise<boolean> {
  if (row.table === 'workshops') return repos.workshops.exists(row.id);
  if (row.table === 'workshop_areas') return repos.workshops.areaExists(row.id);
  if (WORKSHOP_PARTS.includes(row.table))
    return repos.workshops.partExists(row.table as WorkshopPartTable, row.id);
  if (row.table === 'text_versions') {
    return (await repos.texts.all(String(row.values.text_id))).some((v) => v.id === row.id);
  }
  if (row.table === 'commitment_owners') {
    return (await repos.commitments.owners([String(row.values.commitment_id)])).some(
      (o) => o.id === row.id,
    );
  }
  return repos.records.exists(row.table as RecordTable, row.id);
}

/** Loads the seed files into the store, in one transaction; returns what it did. */
export async function loadSeed(
  store: Store,
  options: { dir?: string; now?: string; reportPath?: string } = {},
): Promise<SeedReport> {
  const now = options.now ?? new Date().toISOString();
  const rows = seedRows(options.dir ?? SEED_DIR, now);
  return store.transaction(async (repos) => {
    const report: SeedReport = { created: {}, skipped: [] };
    for (const row of rows) {
      if (await exists(repos, row)) continue;
      const missing = [];
      for (const [column, table] of row.references) {
        const target = row.values[column];
        if (typeof target === 'string' && !(await referenceExists(repos, table, target)))
          missing.push(`${column} "${target}"`);
      }
      if (
        row.table === 'text_versions' &&
        !(await repos.records.exists('texts', String(row.values.text_id)))
      )
        missing.push('text_id');
      if (
        row.table === 'commitment_owners' &&
        !(await repos.records.exists('commitments', String(row.values.commitment_id)))
      )
        missing.push('commitment_id');
      if (missing.length > 0) {
        report.skipped.push(`${row.table} ${row.id}: no ${missing.join(', ')}`);
        continue;
      }
      await insertRow(repos, row);
      report.created[row.table] = (report.created[row.table] ?? 0) + 1;
      await repos.audit.record({
        id: randomUUID(),
        at: now,
        actor: 'seed',
        action: 'create',
        entityType: row.table,
        entityId: row.id,
        before: null,
        after: row.values,
      });
    }
    const documents = await seedDocuments(repos, now, options.reportPath);
    for (const [table, n] of Object.entries(documents.created))
      report.created[table] = (report.created[table] ?? 0) + n;
    report.skipped.push(...documents.skipped);
    // New records are searchable at once; an index left empty (a database from before search,
    // or restored by hand) is rebuilt. Otherwise the use cases keep it current.
    const created = Object.values(report.created).some((n) => n > 0);
    if (created || !(await repos.search.hasEntries())) await repos.search.reindex();
    await repos.meta.set('seed.loaded_at', now);
    return report;
  });
}
