import type { Branch, CountryCode } from '../domain.ts';
import type { CompiledScheme, KnowledgeBase } from '../kb/knowledge-base.ts';
import { holdsIn, versionAt } from '../kb/knowledge-base.ts';
import type { CoverageRule } from '../schema/jurisdiction.ts';
import type { Month } from '../time/month.ts';

/** How a scheme is open to a group of workers for a branch, read from its rules at a date. */
export interface Openness {
  readonly scheme: CompiledScheme;
  readonly membership: 'compulsory' | 'voluntary';
  /** Conditions that still apply: documentation, permits, excluded activities and sectors, employer. */
  readonly conditions: readonly string[];
  readonly excludesDomesticWork: boolean;
  readonly unverified: boolean;
}

/** Whether a nationality condition lets in a worker of `nationality` who is not a national of the scheme's country. */
function admitsForeign(n: CoverageRule['nationality'], nationality: CountryCode | null): boolean {
  if (n === 'any' || n === 'non_nationals') return true;
  if (n === 'nationals' || n === 'nationals_and_permanent_residents') return false;
  if ('only' in n) return nationality !== null && n.only.includes(nationality);
  return nationality === null || !n.except.includes(nationality);
}

function admitsNational(n: CoverageRule['nationality']): boolean {
  if (n === 'any' || n === 'nationals' || n === 'nationals_and_permanent_residents') return true;
  return typeof n === 'object' && 'except' in n;
}

function conditionsOf(rule: CoverageRule, forNationals: boolean): string[] {
  const out: string[] = [];
  if (rule.requiresDocuments) out.push('documented');
  // Permits are immigration papers: nationals at home need none.
  if (rule.permits && !forNationals) out.push(`permit: ${rule.permits.join('/')}`);
  if (rule.activities?.only) out.push(`only ${rule.activities.only.join(', ')}`);
  if (rule.activities?.except) out.push(`not ${rule.activities.except.join(', ')}`);
  if (rule.sectors?.only) out.push(`only ${rule.sectors.only.join(', ')}`);
  if (rule.sectors?.except) out.push(`not ${rule.sectors.except.join(', ')}`);
  if (rule.employer) out.push('employer a national or PR');
  if (typeof rule.nationality === 'object')
    out.push(
      'only' in rule.nationality
        ? `nationals of ${rule.nationality.only.join(', ')}`
        : `not nationals of ${rule.nationality.except.join(', ')}`,
    );
  return out;
}

function excludesDomestic(rule: CoverageRule): boolean {
  return (
    rule.activities?.except?.includes('domestic_worker') === true ||
    (rule.activities?.only !== undefined && !rule.activities.only.includes('domestic_worker')) ||
    rule.sectors?.except?.includes('domestic_work') === true ||
    (rule.sectors?.only !== undefined && !rule.sectors.only.includes('domestic_work'))
  );
}

/** Whether the scheme provides the branch at `at` (its own rules or those it is based on). */
export function providesBranch(
  kb: KnowledgeBase,
  scheme: CompiledScheme,
  branch: Branch,
  at: Month,
): boolean {
  const owner = kb.schemes.get(scheme.branchesFrom) ?? scheme;
  const versions = owner.branches.get(branch);
  return versions !== undefined && versionAt(versions, at) !== undefined;
}

/**
 * The schemes of `country` open at `at`, for `branch`, to foreign workers there (`inbound`, of
 * nationality `nationality` or any), to its own nationals working abroad (`outbound`), or to its
 * nationals working at home (`nationals_at_home`).
 */
export function openSchemes(
  kb: KnowledgeBase,
  country: CountryCode,
  branch: Branch,
  at: Month,
  direction: 'inbound' | 'outbound' | 'nationals_at_home',
  nationality: CountryCode | null = null,
): Openness[] {
  const out: Openness[] = [];
  for (const scheme of kb.jurisdictions.get(country)?.schemes ?? []) {
    if (!holdsIn(scheme, at) || !providesBranch(kb, scheme, branch, at)) continue;
    const rules = scheme.coverage
      .filter((r) => holdsIn(r, at))
      .map((r) => r.rule)
      .filter((r) => {
        if (direction === 'inbound')
          return r.place === 'in_country' && admitsForeign(r.nationality, nationality);
        if (direction === 'outbound') return r.place === 'abroad' && admitsNational(r.nationality);
        return r.place === 'in_country' && admitsNational(r.nationality);
      });
    if (rules.length === 0) continue;
    const best = rules.find((r) => r.membership === 'compulsory') ?? rules[0];
    if (!best) continue;
    out.push({
      scheme,
      membership: best.membership,
      conditions: conditionsOf(best, direction === 'nationals_at_home'),
      excludesDomesticWork: rules.every(excludesDomestic),
      unverified: rules.some((r) => !r.verified),
    });
  }
  return out;
}
