import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { JsonPath } from '@tulay/engine';
import { formatJsonPath } from '@tulay/engine';

/** A problem in a file of the knowledge base (or a profile, or a reform), located for a person to fix. */
export interface FileProblem {
  readonly file: string;
  readonly line: number | null;
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** Formats a problem as `file:line: $.path: message`. */
export function formatProblem(p: FileProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.path === '$' ? '' : `${p.path}: `}${p.message}${p.severity === 'warning' ? ' (warning)' : ''}`;
}

/** A parsed YAML or JSON text that can say on which line a JSON path lies. */
export interface SourceDocument {
  readonly file: string;
  readonly value: unknown;
  readonly syntaxProblems: readonly FileProblem[];
  lineOf(path: JsonPath): number | null;
  problem(path: JsonPath, message: string, severity?: 'error' | 'warning'): FileProblem;
}

/**
 * Parses YAML (and therefore JSON, which is YAML 1.2) keeping positions, so that validation
 * errors can name the line as well as the path.
 */
export function parseSourceDocument(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntaxProblems: FileProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0].line ?? null,
    path: '$',
    message: `syntax error: ${e.message.split('\n')[0] ?? e.message}`,
    severity: 'error',
  }));
  const value: unknown = syntaxProblems.length > 0 ? undefined : doc.toJS();

  const lineOf = (path: JsonPath): number | null => {
    // Walk up to the deepest part of the path that exists (a missing field is reported at its parent).
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };

  return {
    file,
    value,
    syntaxProblems,
    lineOf,
    problem: (path, message, severity = 'error') => ({
      file,
      line: lineOf(path),
      path: formatJsonPath(path),
      message,
      severity,
    }),
  };
}
