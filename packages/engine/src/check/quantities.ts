import type { CompiledJurisdiction } from '../kb/knowledge-base.ts';
import { versionAt } from '../kb/knowledge-base.ts';
import type { Quantity } from '../schema/jurisdiction.ts';
import type { Month } from '../time/month.ts';
import { formatMonth } from '../time/month.ts';
import type { Citation } from './result.ts';
import type { Tracer } from './trace.ts';
import { cite } from './trace.ts';

/** A number read from the law at a date: written in the rule, or a dated parameter value. */
export type QuantityReading =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly missing: string };

/**
 * Reads a quantity at month `at`, recording it in the trace with the parameter's own source (or the
 * rule's, for a number written in the rule).
 */
export function readQuantity(
  j: CompiledJurisdiction,
  q: Quantity,
  at: Month,
  label: string,
  ruleCitation: Citation,
  tracer: Tracer,
): QuantityReading {
  if (typeof q === 'number') {
    tracer.add(label, q, formatMonth(at), ruleCitation);
    return { ok: true, value: q };
  }
  const parameter = j.parameters.get(q.param);
  const value = parameter ? versionAt(parameter.values, at) : undefined;
  if (!parameter || !value)
    return {
      ok: false,
      missing: `parameter ${q.param} has no value in force at ${formatMonth(at)}`,
    };
  const fact = parameter.raw.values[value.index];
  tracer.add(`${label} (${q.param})`, value.value, formatMonth(at), fact ? cite(j, fact) : null);
  return { ok: true, value: value.value };
}
