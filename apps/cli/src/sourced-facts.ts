import type { KnowledgeBase } from '@tulay/engine';
import type { InstrumentsFile } from '@tulay/knowledge';

/**
 * Counts the facts of the knowledge base. The schema makes `source`, `ref` and `verified` required
 * on each, and the loader checks that every source exists, so every counted fact is sourced.
 */
export function sourcedFactCount(
  kb: KnowledgeBase,
  instruments: InstrumentsFile,
): { total: number; unverified: number } {
  let total = 0;
  let unverified = 0;
  const count = (f: { verified: boolean }) => {
    total++;
    if (!f.verified) unverified++;
  };
  for (const j of kb.jurisdictions.values()) {
    for (const p of Object.values(j.raw.parameters)) p.values.forEach(count);
    for (const s of j.raw.schemes) {
      s.coverage.forEach(count);
      for (const versions of Object.values(s.branches)) versions.forEach(count);
      if (s.claim) count(s.claim);
    }
  }
  for (const a of kb.agreements) count(a.raw);
  instruments.ratifications.forEach(count);
  for (const i of instruments.instruments) i.counts.forEach(count);
  return { total, unverified };
}
