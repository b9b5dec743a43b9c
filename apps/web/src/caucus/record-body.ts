// What a record form sends, worked out apart from the form: the optional fields that were filled
// in, a text area's lines, a record's source, and a change as only the fields that changed (the
// API's PATCH takes any of a create's fields, at least one, and cannot empty a field).
import type { Organization, RecordSource, Visibility } from './api.ts';
import { ApiError } from './api.ts';

export type Body = Readonly<Record<string, unknown>>;

/** The message of the error the API gave for `path` or a field under it (`body.sites.0.name`). */
export function errorAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
}

/** Only the optional fields that were filled in, trimmed. */
export function filled(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v.trim() !== '') out[k] = v.trim();
  return out;
}

/** Lines of a text area, blank ones left out. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * What a change sends: the fields whose value differs from the record's as the form first showed
 * it. A field emptied is sent empty (the API refuses to empty a field, naming it, rather than the
 * form dropping the change in silence); an object emptied is sent as null, refused the same way.
 */
export function changedFields(before: Body, after: Body): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const is = after[key];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    if (is !== undefined) out[key] = is;
    else if (typeof was === 'string') out[key] = '';
    else if (Array.isArray(was)) out[key] = [];
    else out[key] = null;
  }
  return out;
}

/** A record's source as the API takes it, from the form's title and address (none if both empty). */
export function sourceOf(title: string, url: string): Body {
  const given = filled({ title, url });
  return Object.keys(given).length > 0 ? { source: given } : {};
}

/**
 * Whether a record's source says more than the form's two fields (the founding report's section
 * and quote, a publisher, a note): the form then leaves it as it is, since a change replaces the
 * whole source and would drop the rest.
 */
export function isSourceKept(source: RecordSource | undefined): boolean {
  return source !== undefined && Object.keys(source).some((k) => k !== 'title' && k !== 'url');
}

/** The title and address of a record's source, as far as it has them. */
export function sourceFields(source: RecordSource | undefined): { title: string; url: string } {
  return { title: source?.title ?? '', url: source?.url ?? '' };
}

/** What a bodies' meeting and a collaboration have in common (`BodyEvent`, `Collaboration`). */
export interface ActivityRecord {
  readonly organization_id: string;
  readonly title: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly description?: string;
  readonly source?: RecordSource;
  readonly visibility: Visibility;
}

/** A meeting's or a collaboration's common fields as its form shows them (empty for a new one). */
export function activityValues(record: ActivityRecord | undefined) {
  const source = sourceFields(record?.source);
  return {
    organization_id: record?.organization_id ?? '',
    title: record?.title ?? '',
    start_date: record?.start_date ?? '',
    end_date: record?.end_date ?? '',
    description: record?.description ?? '',
    sourceTitle: source.title,
    sourceUrl: source.url,
    visibility: record?.visibility ?? publicRecord,
  };
}

export type ActivityValues = ReturnType<typeof activityValues>;

/** Those fields as the API takes them; the source left out where the record keeps its own. */
export function activityBody(v: ActivityValues, keepsSource: boolean): Body {
  return {
    organization_id: v.organization_id,
    title: v.title,
    ...filled({ start_date: v.start_date, end_date: v.end_date, description: v.description }),
    ...(keepsSource ? {} : sourceOf(v.sourceTitle, v.sourceUrl)),
    visibility: v.visibility,
  };
}

/** Who may see a record, as the secretariat chooses (a member chooses the caucus or itself). */
export const ALL_VISIBILITIES: readonly Visibility[] = ['public', 'caucus', 'secretariat'];

/** The secretariat's new records are public unless it chooses otherwise, as its other forms. */
export const publicRecord: Visibility = 'public';

/** Records kept to the caucus or the secretariat before the published, each group in its order. */
export function unpublishedFirst<T extends { readonly visibility: string }>(
  items: readonly T[],
): T[] {
  return [
    ...items.filter((x) => x.visibility !== 'public'),
    ...items.filter((x) => x.visibility === 'public'),
  ];
}

/** The choices, and the organisation a record already names if it is not among them. */
export function withOwn(
  choices: readonly Organization[],
  own: string,
  all: readonly Organization[],
): readonly Organization[] {
  if (choices.some((o) => o.id === own)) return choices;
  const found = all.find((o) => o.id === own);
  return found ? [...choices, found] : choices;
}
