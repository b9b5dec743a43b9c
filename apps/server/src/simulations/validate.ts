// What zod cannot check in a simulation request: that the corridors are calibrated and that the
// reform applies to the knowledge base (its agreement ids, parameters and schemes exist).
import type { KbProblem, Reform } from '@tulay/engine';
import { applyReform, compileKnowledgeBase } from '@tulay/engine';
import type { CorridorKey } from '@tulay/simulation';
import { CORRIDORS } from '@tulay/simulation';
import type { FieldError } from '../errors.ts';
import { ApiError } from '../errors.ts';
import { shippedKnowledgeBase } from '../knowledge.ts';

/** The corridors the generator can draw workers in, as `origin-destination`. */
export function calibratedCorridors(): string[] {
  return CORRIDORS.map((c) => `${c.origin}-${c.destination}`);
}

/**
 * Where in the request a problem of the reformed law lies: in the agreement a change adds or
 * changes when it is one, else the reform as a whole (with the law's own path in the message).
 */
function reformPath(reform: Reform, p: KbProblem, part: string): string {
  const doc = p.document;
  if (doc.kind === 'agreement') {
    const i = reform.changes.findIndex(
      (c) =>
        (c.op === 'add_agreement' && c.agreement.id === doc.id) ||
        (c.op === 'change_agreement' && c.id === doc.id),
    );
    const change = reform.changes[i];
    if (change?.op === 'add_agreement')
      return [part, 'reform', 'changes', i, 'agreement', ...p.path].join('.');
    if (change?.op === 'change_agreement')
      return [part, 'reform', 'changes', i, ...p.path].join('.');
  }
  return `${part}.reform`;
}

/**
 * Throws 400 naming every corridor that is not calibrated and every change that does not apply;
 * `part` is where the request is (`body`, or `request` in an upload's form).
 */
export function checkSimulationRequest(
  corridors: readonly CorridorKey[],
  reform: Reform | null,
  part = 'body',
): void {
  const fields: FieldError[] = [];
  const known = new Set(calibratedCorridors());
  corridors.forEach((c, i) => {
    if (!known.has(`${c.origin}-${c.destination}`))
      fields.push({
        path: `${part}.corridors.${i}`,
        message: `no calibrated corridor ${c.origin}-${c.destination}; calibrated: ${[...known].join(', ')}`,
      });
  });
  if (reform !== null) {
    const applied = applyReform(shippedKnowledgeBase().input, reform);
    if (!applied.ok) {
      for (const issue of applied.issues)
        fields.push({
          path: [part, 'reform', ...issue.path].join('.'),
          message: issue.message,
        });
    } else {
      for (const p of compileKnowledgeBase(applied.input).problems) {
        if (p.severity !== 'error') continue;
        fields.push({ path: reformPath(reform, p, part), message: p.message });
      }
    }
  }
  if (fields.length > 0)
    throw new ApiError(
      'invalid_request',
      `invalid ${part}: ${fields.map((f) => f.path).join(', ')}`,
      fields,
    );
}
