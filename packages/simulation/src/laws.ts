import type { KnowledgeBase, KnowledgeInput, Reform } from '@tulay/engine';
import { applyReform, compileKnowledgeBase, formatJsonPath } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';
import type { Laws } from './evaluate-chunk.ts';

/** What a run evaluates: the knowledge directory, the reform (or none) and the date. Plain data, so it crosses to worker threads. */
export interface LawSpec {
  /** Knowledge directory; the shipped knowledge base when absent. */
  readonly kbDir?: string | undefined;
  readonly reform: Reform | null;
  readonly at: string;
  /**
   * The knowledge base already read and validated (a server keeps it): compiled as it is, which
   * spares each thread reading and validating the files. `kbDir` is ignored when it is given.
   */
  readonly input?: KnowledgeInput | undefined;
}

function baselineOf(spec: LawSpec): KnowledgeBase {
  if (spec.input !== undefined) {
    const compiled = compileKnowledgeBase(spec.input);
    const errors = compiled.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0)
      throw new LawError(
        `the knowledge base has ${errors.length} error(s)`,
        errors.map((p) => `${formatJsonPath(p.path)}: ${p.message}`),
      );
    return compiled.kb;
  }
  const loaded = loadKnowledge(spec.kbDir);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new LawError(
      `the knowledge base has ${errors.length} error(s); run "tulay kb validate"`,
      errors.map((p) => `${p.file}:${p.line ?? ''} ${p.path}: ${p.message}`),
    );
  return loaded.kb;
}

/** An error in the law a run was asked to use: the knowledge base, or a reform that does not apply. */
export class LawError extends Error {
  override readonly name = 'LawError';
  constructor(
    message: string,
    readonly details: readonly string[],
  ) {
    super(message);
  }
}

/** Loads the knowledge base and applies the reform; throws LawError with every problem. */
export function compileLaws(spec: LawSpec): Laws {
  const baseline = baselineOf(spec);
  if (spec.reform === null) return { baseline, reform: null, at: spec.at };
  const applied = applyReform(baseline.input, spec.reform);
  if (!applied.ok)
    throw new LawError(
      'the reform does not apply to the knowledge base',
      applied.issues.map((i) => `${formatJsonPath(i.path)}: ${i.message}`),
    );
  const compiled = compileKnowledgeBase(applied.input);
  const problems = compiled.problems.filter((p) => p.severity === 'error');
  if (problems.length > 0)
    throw new LawError(
      'the reformed law is inconsistent',
      problems.map((p) => `${formatJsonPath(p.path)}: ${p.message}`),
    );
  return { baseline, reform: compiled.kb, at: spec.at };
}
