// The workspace API from the browser: JSON in and out, the session cookie sent by the browser,
// and the CSRF token (GET /api/auth/csrf) fetched once and sent with every change.

/** One field the server named as wrong (docs/api.md, Errors). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An answer of the API that is not a success, or no answer at all (code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldError[];
  constructor(status: number, code: string, message: string, fields: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: Promise<string> | null = null;

async function csrf(): Promise<string> {
  csrfToken ??= fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then(async (res) => {
      if (!res.ok) throw await errorOf(res);
      return ((await res.json()) as { token: string }).token;
    })
    .catch((e: unknown) => {
      csrfToken = null;
      throw e;
    });
  return csrfToken;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; fields?: FieldError[] };
    };
    const e = body.error;
    return new ApiError(res.status, e?.code ?? 'internal', e?.message ?? res.statusText, e?.fields);
  } catch {
    return new ApiError(res.status, res.status === 404 ? 'not_found' : 'internal', res.statusText);
  }
}

/** Calls the API; a FormData body goes as multipart, anything else as JSON. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'no answer from the server');
  }
  if (!res.ok) {
    const error = await errorOf(res);
    // A CSRF secret can change (a new cookie); fetch a fresh token next time.
    if (error.code === 'csrf_invalid') csrfToken = null;
    throw error;
  }
  return (await res.json()) as T;
}

/** A query string from the values that are set. */
export function query(
  params: Readonly<Record<string, string | number | undefined | null>>,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

// The shapes the pages use (apps/server/openapi.json; documents and search: the shared contract).

export type Role = 'member' | 'staff' | 'partner' | 'secretariat' | 'admin';
export type Visibility = 'public' | 'caucus' | 'secretariat';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly display_name: string;
  readonly role: Role;
  readonly person_id: string | null;
  readonly is_verified: boolean;
  readonly has_totp: boolean;
  readonly is_disabled: boolean;
}

export interface List<T> {
  readonly items: T[];
  readonly total: number;
}

export interface TextVersion {
  readonly version: number;
  readonly language: string;
  readonly title: string;
  readonly body: string;
  readonly note?: string;
  readonly created_at: string;
}

export interface CaucusText {
  readonly id: string;
  readonly kind: 'resolution' | 'statement';
  readonly programme_id?: string | null;
  readonly authoritative_language: string;
  readonly status: 'draft' | 'open' | 'closed';
  readonly is_endorsable: boolean;
  readonly visibility: Visibility;
  readonly version: number;
  readonly versions: TextVersion[];
  readonly endorsement_count: number;
}

export interface Office {
  readonly organization_name: string;
  readonly label: string | null;
  readonly role: string | null;
}

export interface Endorsement {
  readonly id: string;
  readonly person_id: string;
  readonly person_name?: string;
  readonly office: Office[];
  readonly signed_on: string;
  readonly withdrawn_at?: string;
  readonly visibility: string;
}

export interface Programme {
  readonly id: string;
  readonly name: string;
  readonly classification: string;
  readonly series_number?: number | null;
  readonly start_date?: string | null;
  readonly end_date?: string | null;
  readonly city?: string | null;
  readonly area_id?: string | null;
  readonly description?: string | null;
  readonly theme?: string;
  readonly visibility: Visibility;
  readonly sessions?: { id: string; name: string; position: number }[];
  readonly participants?: { id: string; person_id: string; role: string }[];
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly honorific_prefix?: string | null;
  readonly national_identity?: string | null;
  readonly area_id?: string | null;
  readonly summary?: string | null;
  readonly visibility: Visibility;
}

export type CommitmentStatus =
  'proposed' | 'in_progress' | 'done' | 'stalled' | 'dropped' | 'unknown';

export interface Evidence {
  readonly id: string;
  readonly description: string;
  readonly url?: string | null;
  readonly evidence_date?: string | null;
  readonly created_at: string;
}

export interface Commitment {
  readonly id: string;
  readonly programme_id?: string | null;
  readonly title: string;
  readonly description?: string | null;
  readonly status: CommitmentStatus;
  readonly review_date?: string | null;
  readonly year?: number;
  readonly place?: string;
  readonly visibility: Visibility;
  readonly owners?: { owner_type: string; owner_id: string }[];
  readonly evidence?: Evidence[];
  readonly follow_ups?: FollowUp[];
  /** Where a seeded commitment comes from (the founding report's section and words). */
  readonly source?: { readonly section?: string; readonly quote?: string; readonly note?: string };
}

export interface FollowUp {
  readonly id: string;
  readonly commitment_id?: string | null;
  readonly title: string;
  readonly due_date?: string | null;
  readonly status: 'open' | 'done';
}

export const DOCUMENT_TYPES = ['report', 'statement', 'resolution', 'research', 'news'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type DocumentStatus = 'submitted' | 'returned' | 'rejected' | 'published';

export interface CaucusDocument {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly countries: string[];
  readonly corridor: { origin: string; destination: string } | null;
  readonly type: DocumentType;
  readonly programme_id: string | null;
  readonly date: string;
  readonly source: string | null;
  readonly visibility: Visibility;
  readonly status: DocumentStatus;
  readonly moderation_comment: string | null;
  readonly submitted_by: { id: string; name: string } | null;
  readonly file: { name: string; media_type: string; size: number; sha256: string };
  readonly created_at: string;
  readonly updated_at: string;
  readonly published_at: string | null;
}

/** What POST /api/documents takes as its `metadata` part. */
export interface DocumentMetadata {
  title: string;
  language: string;
  countries: string[];
  corridor?: { origin: string; destination: string };
  type: DocumentType;
  programme_id?: string;
  date: string;
  source?: string;
  visibility: Visibility;
}

export interface SearchHit {
  readonly kind: string;
  readonly id: string;
  readonly title: string;
  readonly snippet: { text: string; match: boolean }[];
  readonly score: number;
  readonly language: string | null;
  readonly date: string | null;
  readonly countries: string[];
  readonly type: string | null;
}

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly classification: string;
  readonly parent_id?: string | null;
  readonly area_id?: string | null;
  readonly visibility: Visibility;
}

/**
 * Where a record's facts come from: a cited source (`title`, `url`…) as the API takes it, or the
 * founding report's `section` and `quote` (the seed's records).
 */
export interface RecordSource {
  readonly title?: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly section?: string;
  readonly quote?: string;
}

export const MEETING_FREQUENCIES = ['yearly', 'twice_yearly', 'biennial', 'irregular'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

/** A meeting of a body the caucus engages (`/api/body-events`). */
export interface BodyEvent {
  readonly id: string;
  readonly organization_id: string;
  readonly title: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly place?: string;
  readonly recurrence?: string;
  readonly cycle?: { readonly frequency: MeetingFrequency; readonly note?: string };
  readonly description?: string;
  readonly is_verified?: boolean;
  readonly source?: RecordSource;
  readonly visibility: Visibility;
}

/** Work with a CSO or a trade union (`/api/collaborations`). */
export interface Collaboration {
  readonly id: string;
  readonly organization_id: string;
  readonly topic_id?: string | null;
  readonly title: string;
  readonly description?: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly source?: RecordSource;
  readonly visibility: Visibility;
}

export const CAUCUS_STATUSES = [
  'none',
  'informal_group',
  'formal_caucus',
  'standing_committee',
] as const;
export type CaucusStatus = (typeof CAUCUS_STATUSES)[number];

export interface CaucusStatusChange {
  readonly status: CaucusStatus;
  readonly status_date: string;
  readonly note?: string;
  readonly source?: string;
  readonly recorded_at: string;
}

export interface Membership {
  readonly id: string;
  readonly person_id: string;
  readonly organization_id: string;
  readonly role?: string | null;
  readonly label?: string | null;
  readonly start_date?: string | null;
  readonly end_date?: string | null;
  readonly visibility: Visibility;
}

/** A national caucus or committee (`/api/national-caucuses`): a Popolo Organization and its status. */
export interface NationalCaucus {
  readonly id: string;
  readonly name: string;
  readonly country: string | null;
  readonly parliament_id: string | null;
  readonly founding_date?: string | null;
  readonly description?: string | null;
  readonly status: CaucusStatus | null;
  readonly status_date: string | null;
  readonly history: CaucusStatusChange[];
  /** One caucus (`GET …/:id`) comes with its members. */
  readonly members?: Membership[];
  readonly visibility: Visibility;
}

export interface Topic {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}
