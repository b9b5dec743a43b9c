import type { CompiledJurisdiction } from '../kb/knowledge-base.ts';
import type { Citation, TraceStep } from './result.ts';

/** Collects the reasoning of one result; a disabled tracer records nothing and costs nothing. */
export class Tracer {
  readonly steps: TraceStep[] = [];
  readonly unverified: string[] = [];

  constructor(readonly enabled: boolean) {}

  /** Records a step (when enabled) and remembers any unverified fact it rests on (always). */
  add(
    step: string,
    value: TraceStep['value'],
    at: string | null,
    source: Citation | null,
    note?: string,
  ): void {
    if (source && !source.verified && !this.unverified.includes(step)) this.unverified.push(step);
    if (!this.enabled) return;
    this.steps.push(
      note === undefined ? { step, value, at, source } : { step, value, at, source, note },
    );
  }
}

/** The citation for a fact of a jurisdiction package. */
export function cite(
  j: CompiledJurisdiction,
  fact: { source: string; ref: string; verified: boolean },
): Citation {
  const src = j.sources[fact.source];
  return {
    title: src?.title ?? fact.source,
    url: src?.url ?? '',
    ref: fact.ref,
    verified: fact.verified,
  };
}
