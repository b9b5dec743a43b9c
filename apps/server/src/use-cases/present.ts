// Rows to API objects: Popolo field names as they are, extras merged in, nulls left out, and
// references to records the viewer may not see left out too.
import type { RecordTable, Repositories } from '@tulay/store';
import type { Actor } from '../access.ts';
import { scopeOf } from '../access.ts';
import { viewerOf } from './documents.ts';

/** A record as the API shows it. */
export type Presented = Record<string, unknown> & { id: string };

/** A stored row as the API shows it. */
export function present(row: { id: string }): Presented {
  const out: Presented = { id: row.id };
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (value === null || key === 'extra') continue;
    out[key] = value;
  }
  const extra = (row as { extra?: unknown }).extra;
  if (typeof extra === 'string' && extra !== '{}') {
    const parsed = JSON.parse(extra) as Record<string, unknown>;
    for (const [key, value] of Object.entries(parsed)) if (!(key in out)) out[key] = value;
  }
  for (const key of [
    'organization_ids',
    'programme_ids',
    'office',
    'visiting_countries',
    'delegation_person_ids',
    'sites',
    'recommendations',
    'versions',
    'commitment_ids',
    'topic_ids',
  ]) {
    const value = out[key];
    // JSON columns hold arrays or objects; a plain string of that name (a seed's extra) stays.
    if (typeof value === 'string' && /^[[{]/.test(value)) out[key] = JSON.parse(value) as unknown;
  }
  return out;
}

/** Splits an input into the table's columns and the rest (kept as `extra`). */
export function split(
  input: Record<string, unknown>,
  columns: readonly string[],
): { columns: Record<string, unknown>; extra: Record<string, unknown> } {
  const cols: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (columns.includes(key)) cols[key] = value;
    else extra[key] = value;
  }
  return { columns: cols, extra };
}

/**
 * Fields that name another record without making their own record hidden when that one is
 * (records.ts in the store hides a row whose LINKS point at a hidden record; these do not: a
 * public organisation stays public under a parent kept to the caucus, a public visit whose report
 * is still under moderation). A viewer who may not see the record named does not see the
 * reference: a single id is left out, a list keeps the ids the viewer may see (as the open-data
 * export and the activities' lists do). A record of a table is seen by its visibility; a document
 * of the library by the library's own rule, which adds its moderation status and its submitter
 * (`documentVisibleTo` in the store).
 */
export const REFERENCES: Partial<Record<RecordTable, Record<string, RecordTable | 'documents'>>> = {
  organizations: { parent_id: 'organizations' },
  programmes: { organization_ids: 'organizations' },
  visits: { report_document_id: 'documents' },
};

/** `rows` of `table` with the references to records the actor may not see taken out. */
export async function withoutHiddenReferences(
  repos: Repositories,
  actor: Actor,
  table: RecordTable,
  rows: readonly Presented[],
): Promise<Presented[]> {
  const fields = Object.entries(REFERENCES[table] ?? {});
  if (fields.length === 0) return [...rows];
  const ids = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : [];
  const visible = new Map<string, Set<string>>();
  for (const [field, target] of fields) {
    const named = rows.flatMap((r) => ids(r[field]));
    visible.set(
      field,
      target === 'documents'
        ? await repos.documents.visibleIds(named, viewerOf(actor))
        : await repos.activities.visibleIds(target, named, scopeOf(actor)),
    );
  }
  return rows.map((row) => {
    const out: Presented = { id: row.id };
    for (const [key, value] of Object.entries(row)) {
      const seen = visible.get(key);
      if (seen === undefined) out[key] = value;
      else if (typeof value === 'string') {
        if (seen.has(value)) out[key] = value;
      } else if (Array.isArray(value))
        out[key] = value.filter((v) => typeof v !== 'string' || seen.has(v));
      else out[key] = value;
    }
    return out;
  });
}
