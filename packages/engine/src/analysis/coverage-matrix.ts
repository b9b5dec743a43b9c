import type { Branch, CountryCode } from '../domain.ts';
import { BRANCHES } from '../domain.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import type { Month } from '../time/month.ts';
import type { Openness, Requirement } from './open-to-migrants.ts';
import { openSchemes } from './open-to-migrants.ts';

/** One cell of the matrix: whether migrant workers are covered for a branch, and how. */
export interface MatrixCell {
  readonly level: 'compulsory' | 'voluntary' | 'none';
  readonly schemes: readonly string[];
  readonly conditions: readonly string[];
  /** The same conditions, structured (to say them in words). */
  readonly requirements: readonly Requirement[];
  readonly unverified: boolean;
}

export interface MatrixRow {
  readonly country: CountryCode;
  readonly name: string;
  readonly inbound: Readonly<Record<Branch, MatrixCell>>;
  readonly outbound: Readonly<Record<Branch, MatrixCell>>;
}

function cell(open: readonly Openness[]): MatrixCell {
  if (open.length === 0)
    return { level: 'none', schemes: [], conditions: [], requirements: [], unverified: false };
  const compulsory = open.filter((o) => o.membership === 'compulsory');
  const used = compulsory.length > 0 ? compulsory : open;
  // The least demanding scheme's conditions are the ones a migrant worker meets at best.
  const easiest = [...used].sort((a, b) => a.conditions.length - b.conditions.length)[0];
  return {
    level: compulsory.length > 0 ? 'compulsory' : 'voluntary',
    schemes: used.map((o) => o.scheme.id),
    conditions: easiest?.conditions ?? [],
    requirements: easiest?.requirements ?? [],
    unverified: used.some((o) => o.unverified),
  };
}

/**
 * Per country (fully encoded) and branch, at `at`: whether foreign workers in the country
 * (inbound) and its nationals working abroad (outbound) are covered, compulsorily or voluntarily.
 */
export function coverageMatrix(kb: KnowledgeBase, at: Month): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const j of kb.jurisdictions.values()) {
    if (j.raw.scope !== 'full') continue;
    const inbound = {} as Record<Branch, MatrixCell>;
    const outbound = {} as Record<Branch, MatrixCell>;
    for (const b of BRANCHES) {
      inbound[b] = cell(openSchemes(kb, j.country, b, at, 'inbound'));
      outbound[b] = cell(openSchemes(kb, j.country, b, at, 'outbound'));
    }
    rows.push({ country: j.country, name: j.raw.name, inbound, outbound });
  }
  return rows.sort((a, b) => a.country.localeCompare(b.country));
}
