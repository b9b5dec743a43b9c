import type { Agreement } from '../schema/agreement.ts';
import type { BranchRule, CoverageRule, Jurisdiction } from '../schema/jurisdiction.ts';
import type { Reform, ReformChange } from '../schema/reform.ts';
import type { KnowledgeInput } from '../kb/knowledge-base.ts';
import type { Month } from '../time/month.ts';
import { formatMonth, parseMonth } from '../time/month.ts';
import type { ValidationIssue } from '../validation.ts';

/** A reform applied to the knowledge base's input, or the changes that refer to nothing. */
export type AppliedReform =
  | { readonly ok: true; readonly input: KnowledgeInput }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

interface DatedItem {
  from: string;
  to?: string | undefined;
}

/**
 * Splits a list of dated versions at month `from`: versions that end before it stay; the one in
 * force is closed the month before and a changed copy starts at `from`; later ones are changed in
 * place. Law before the reform is untouched, so baseline and reform agree on the past.
 */
function splitAt<T extends DatedItem>(
  versions: readonly T[],
  from: Month,
  change: (v: T) => T,
  applies: (v: T) => boolean = () => true,
): T[] {
  const out: T[] = [];
  const before = formatMonth((from - 1) as Month);
  for (const v of versions) {
    if (!applies(v)) {
      out.push(v);
      continue;
    }
    const vFrom = parseMonth(v.from);
    const vTo = v.to === undefined ? null : parseMonth(v.to);
    if (vTo !== null && vTo < from) out.push(v);
    else if (vFrom >= from) out.push(change(v));
    else {
      out.push({ ...v, to: before });
      out.push(change({ ...v, from: formatMonth(from) }));
    }
  }
  return out;
}

function clone<T>(x: T): T {
  // Inputs are plain JSON data: a JSON round trip is a faithful deep copy.
  return JSON.parse(JSON.stringify(x)) as T;
}

/**
 * Applies a reform to the knowledge base's input (DESIGN §3.3: a reform is data). Changes take
 * effect from the reform's month; references to unknown schemes, parameters or agreements are
 * reported with the path of the change.
 */
export function applyReform(input: KnowledgeInput, reform: Reform): AppliedReform {
  const from = parseMonth(reform.from);
  const jurisdictions: Jurisdiction[] = clone([...input.jurisdictions]);
  let agreements: Agreement[] = clone([...input.agreements]);
  const issues: ValidationIssue[] = [];
  const schemeOf = (id: string) => {
    for (const j of jurisdictions) {
      const s = j.schemes.find((x) => x.id === id);
      if (s) return s;
    }
    return undefined;
  };

  reform.changes.forEach((change: ReformChange, i) => {
    const at = (field: string, message: string) =>
      issues.push({ path: ['changes', i, field], message });
    switch (change.op) {
      case 'add_agreement':
        if (agreements.some((a) => a.id === change.agreement.id))
          at('agreement', `an agreement "${change.agreement.id}" already exists`);
        else agreements.push(change.agreement);
        break;
      case 'remove_agreement': {
        const a = agreements.find((x) => x.id === change.id);
        if (!a) at('id', `no agreement "${change.id}"`);
        else if (a.inForce && parseMonth(a.inForce.from) >= from)
          agreements = agreements.filter((x) => x !== a);
        else if (a.inForce) a.inForce = { ...a.inForce, to: formatMonth((from - 1) as Month) };
        break;
      }
      case 'change_agreement': {
        const a = agreements.find((x) => x.id === change.id);
        if (!a) {
          at('id', `no agreement "${change.id}"`);
          break;
        }
        const changed: Agreement = {
          ...a,
          id: `${a.id}.${reform.id}`,
          provisions: { ...a.provisions, ...change.provisions },
          branches: change.branches ?? a.branches,
          parties: change.parties ?? a.parties,
          inForce: { from: reform.from },
        };
        if (a.inForce && parseMonth(a.inForce.from) < from) {
          a.inForce = { ...a.inForce, to: formatMonth((from - 1) as Month) };
          agreements.push(changed);
        } else {
          agreements = agreements.map((x) =>
            x === a ? { ...changed, id: a.id, inForce: a.inForce } : x,
          );
        }
        break;
      }
      case 'set_parameter': {
        const j = jurisdictions.find((x) => x.country === change.country);
        const p = j?.parameters[change.parameter];
        if (!j) at('country', `no jurisdiction package for ${change.country}`);
        else if (!p) at('parameter', `${change.country} has no parameter "${change.parameter}"`);
        else {
          const template = p.values.at(-1);
          if (!template) break;
          const kept = p.values
            .filter((v) => parseMonth(v.from) < from)
            .map((v) =>
              v.to === undefined || parseMonth(v.to) >= from
                ? { ...v, to: formatMonth((from - 1) as Month) }
                : v,
            );
          p.values = [
            ...kept,
            {
              ...template,
              from: reform.from,
              to: undefined,
              value: change.value,
              ref: `reform ${reform.id}`,
              note: reform.title,
            },
          ];
        }
        break;
      }
      case 'change_coverage': {
        const s = schemeOf(change.scheme);
        if (!s) {
          at('scheme', `no scheme "${change.scheme}"`);
          break;
        }
        s.coverage = splitAt(
          s.coverage,
          from,
          (rule) => withCoverage(rule, change.set),
          (rule) => change.place === undefined || rule.place === change.place,
        );
        break;
      }
      case 'set_paid_abroad': {
        const s = schemeOf(change.scheme);
        const versions = s?.branches[change.branch];
        if (!s) at('scheme', `no scheme "${change.scheme}"`);
        else if (!versions) at('branch', `${change.scheme} has no ${change.branch} branch`);
        else
          s.branches[change.branch] = splitAt<BranchRule>(versions, from, (v) => ({
            ...v,
            paidAbroad: change.paidAbroad,
          }));
        break;
      }
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, input: { jurisdictions, agreements } };
}

function withCoverage(
  rule: CoverageRule,
  set: Extract<ReformChange, { op: 'change_coverage' }>['set'],
): CoverageRule {
  const out: CoverageRule = { ...rule };
  if (set.nationality !== undefined) out.nationality = set.nationality;
  if (set.requiresDocuments !== undefined) out.requiresDocuments = set.requiresDocuments;
  if (set.membership !== undefined) out.membership = set.membership;
  if (set.permits !== undefined) out.permits = set.permits ?? undefined;
  if (set.activities !== undefined) out.activities = set.activities ?? undefined;
  if (set.sectors !== undefined) out.sectors = set.sectors ?? undefined;
  if (set.employer !== undefined) out.employer = set.employer ?? undefined;
  return out;
}
