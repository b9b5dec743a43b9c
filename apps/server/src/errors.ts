import type { ZodError } from 'zod';

/** A field that is wrong, by its path in the request (e.g. `body.email`), and why. */
export interface FieldError {
  path: string;
  message: string;
}

/** The error codes of the API; each has one HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  forbidden: 403,
  not_a_parliamentarian: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  already_endorsed: 409,
  not_endorsable: 409,
  invitation_used: 410,
  invitation_expired: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  unreadable_document: 422,
  login_throttled: 429,
  rate_limited: 429,
  internal: 500,
  simulations_busy: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error the API reports to the client as `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The body of every error response. */
export function errorBody(code: ErrorCode, message: string, fields: FieldError[] = []) {
  return { error: { code, message, fields } };
}

/** Turns zod's issues into field errors under `part` (body, query or params). */
export function fieldsFromZod(part: string, error: ZodError): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [part, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        fields.push({ path: `${base}.${key}`, message: 'unknown field' });
    } else {
      fields.push({ path: base, message: issue.message });
    }
  }
  return fields;
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `${what} not found`);
export const forbidden = (why: string): ApiError => new ApiError('forbidden', why);
