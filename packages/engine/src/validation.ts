import type { z } from 'zod';

/** A path into a JSON document: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/** One thing wrong with an input, located by its JSON path. */
export interface ValidationIssue {
  readonly path: JsonPath;
  readonly message: string;
}

/** The outcome of validating an input: the typed value, or every issue found. */
export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Formats a JSON path as `$.periods[2].to`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const key of path) {
    out +=
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `.${key}`
          : `[${JSON.stringify(key)}]`;
  }
  return out;
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown field at its own path, so the message points at the typo.
      for (const key of issue.keys) issues.push({ path: [...path, key], message: 'unknown field' });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      issues.push({ path, message: describeUnion(issue) });
    } else {
      issues.push({ path, message: issue.message });
    }
  }
  return issues;
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion): string {
  // Report the alternative that came closest (fewest issues) rather than zod's generic message.
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
  const first = best?.[0];
  if (!first) return issue.message;
  const where =
    first.path.length > 0
      ? ` (at ${formatJsonPath(first.path.filter((k): k is string | number => typeof k !== 'symbol'))})`
      : '';
  return `${first.message}${where}`;
}

/** Validates `input` against a schema, turning zod's issues into located, readable ones. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: toIssues(parsed.error) };
}
