import { formatProblem } from '@tulay/knowledge';
import { loadKnowledge } from '@tulay/knowledge/node';
import type { Io } from '../io.ts';
import { EXIT } from '../io.ts';
import { sourcedFactCount } from '../sourced-facts.ts';

/** `tulay kb validate [DIR]`: loads every file, prints every problem, and counts sourced and unverified facts. */
export function kbValidate(io: Io, dir: string | undefined): number {
  const loaded = loadKnowledge(dir);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  const warnings = loaded.problems.filter((p) => p.severity === 'warning');
  for (const p of loaded.problems) io.err(formatProblem(p));
  const facts = sourcedFactCount(loaded.kb, loaded.instruments);
  io.out(
    `${loaded.files} files: ${loaded.kb.jurisdictions.size} jurisdictions, ${loaded.kb.schemes.size} schemes, ` +
      `${loaded.kb.agreements.length} agreements, ${loaded.instruments.instruments.length} instruments, ` +
      `${loaded.instruments.ratifications.length} ratification records.`,
  );
  io.out(
    `${facts.total} dated facts, every one with a source; ${facts.unverified} marked unverified.`,
  );
  if (errors.length > 0) {
    io.out(`Invalid: ${errors.length} error(s), ${warnings.length} warning(s).`);
    return EXIT.problems;
  }
  io.out(`Valid${warnings.length > 0 ? ` (${warnings.length} warning(s))` : ''}.`);
  return EXIT.ok;
}
