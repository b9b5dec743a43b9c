import type { Branch, CountryCode } from '../domain.ts';
import type { CompiledScheme, KnowledgeBase } from '../kb/knowledge-base.ts';
import { holdsIn, versionAt } from '../kb/knowledge-base.ts';
import type { CoverageRule } from '../schema/jurisdiction.ts';
import type { ACTIVITIES, PERMITS, SECTORS } from '../schema/common.ts';

/**
 * A condition a coverage rule still sets, in structured form, for interfaces that say it in
 * words (the web app's matrix, in the user's language); `conditions` is the same as text.
 */
export type Requirement =
  | { readonly kind: 'documented' }
  | { readonly kind: 'permit'; readonly permits: readonly (typeof PERMITS)[number][] }
  | {
      readonly kind: 'activities_only' | 'activities_except';
      readonly activities: readonly (typeof ACTIVITIES)[number][];
    }
  | {
      readonly kind: 'sectors_only' | 'sectors_except';
      readonly sectors: readonly (typeof SECTORS)[number][];
    }
  | { readonly kind: 'employer_national_or_pr' }
  | {
      readonly kind: 'nationalities_only' | 'nationalities_except';
      readonly countries: readonly CountryCode[];
    };
import type { Month } from '../time/month.ts';

/** How a scheme is open to a group of workers for a branch, read from its rules at a date. */
export interface Openness {
  readonly scheme: CompiledScheme;
  readonly membership: 'compulsory' | 'voluntary';
  /** Conditions that still apply: documentation, permits, excluded activities and sectors, employer. */
  readonly conditions: readonly string[];
  /** The same conditions, structured. */
  readonly requirements: readonly Requirement[];
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

function requirementsOf(rule: CoverageRule, forNationals: boolean): Requirement[] {
  const out: Requirement[] = [];
  if (rule.requiresDocuments) out.push({ kind: 'documented' });
  // Permits are immigration papers: nationals at home need none.
  if (rule.permits && !forNationals) out.push({ kind: 'permit', permits: rule.permits });
  if (rule.activities?.only)
    out.push({ kind: 'activities_only', activities: rule.activities.only });
  if (rule.activities?.except)
    out.push({ kind: 'activities_except', activities: rule.activities.except });
  if (rule.sectors?.only) out.push({ kind: 'sectors_only', sectors: rule.sectors.only });
  if (rule.sectors?.except) out.push({ kind: 'sectors_except', sectors: rule.sectors.except });
  if (rule.employer) out.push({ kind: 'employer_national_or_pr' });
  if (typeof rule.nationality === 'object')
    out.push(
      'only' in rule.nationality
        ? { kind: 'nationalities_only', countries: rule.nationality.only }
        : { kind: 'nationalities_except', countries: rule.nationality.except },
    );
  return out;
}

/** A requirement as the short technical text the CLI report and the principles' evidence use. */
export function requirementText(r: Requirement): string {
  switch (r.kind) {
    case 'documented':
      return 'documented';
    case 'permit':
      return `permit: ${r.permits.join('/')}`;
    case 'activities_only':
      return `only ${r.activities.join(', ')}`;
    case 'activities_except':
      return `not ${r.activities.join(', ')}`;
    case 'sectors_only':
      return `only ${r.sectors.join(', ')}`;
    case 'sectors_except':
      return `not ${r.sectors.join(', ')}`;
    case 'employer_national_or_pr':
      return 'employer a national or PR';
    case 'nationalities_only':
      return `nationals of ${r.countries.join(', ')}`;
    case 'nationalities_except':
      return `not nationals of ${r.countries.join(', ')}`;
  }
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
    const requirements = requirementsOf(best, direction === 'nationals_at_home');
    out.push({
      scheme,
      membership: best.membership,
      conditions: requirements.map(requirementText),
      requirements,
      excludesDomesticWork: rules.every(excludesDomestic),
      unverified: rules.some((r) => !r.verified),
    });
  }
  return out;
}
