// Rows to API objects: Popolo field names as they are, extras merged in, nulls left out.

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
