import type { BarrierCode, CountryCode } from '../domain.ts';
import type {
  CompiledAgreement,
  CompiledCoverageRule,
  CompiledScheme,
  KnowledgeBase,
} from '../kb/knowledge-base.ts';
import { holdsIn } from '../kb/knowledge-base.ts';
import type { CoverageRule } from '../schema/jurisdiction.ts';
import type { Month } from '../time/month.ts';
import type { WorkHistory, WorkPeriod } from './history.ts';
import type { UnmetCondition } from './result.ts';

/** Months of a period that a scheme covers, under one rule. */
export interface CoverageSegment {
  readonly period: WorkPeriod;
  readonly scheme: CompiledScheme;
  readonly rule: CompiledCoverageRule;
  readonly from: Month;
  readonly to: Month;
  readonly membership: 'compulsory' | 'voluntary';
  /** Whether these months count as insured months (contributions paid or presumed paid). */
  readonly counted: boolean;
  readonly detachedUnder: CompiledAgreement | null;
}

/** Why a scheme that could have covered some months did not. */
export interface CoverageFailure {
  readonly code: BarrierCode | null;
  readonly condition: string;
  readonly missing: string | null;
  /** The condition, structured (`condition` is the same in English). */
  readonly unmet?: UnmetCondition;
  /** The rule was never meant for this worker (a scheme for migrants, and the worker is a national). */
  readonly notMeant?: boolean;
}

export interface CoverageMiss {
  readonly period: WorkPeriod;
  readonly scheme: CompiledScheme;
  readonly rule: CompiledCoverageRule;
  readonly from: Month;
  readonly to: Month;
  readonly failures: readonly CoverageFailure[];
  /** The rule matched but is voluntary and the worker did not say they paid. */
  readonly voluntaryNotJoined: boolean;
}

export interface CoverageMap {
  readonly segments: readonly CoverageSegment[];
  readonly misses: readonly CoverageMiss[];
}

/** Where the law treats a stretch of a period as performed, after detachment. */
interface Placement {
  readonly country: CountryCode;
  readonly from: Month;
  readonly to: Month;
  readonly detachedUnder: CompiledAgreement | null;
}

/** Splits a period into the stretches governed by the sending state (detachment) and by the state of work. */
function placements(kb: KnowledgeBase, p: WorkPeriod): Placement[] {
  const sender = p.raw.postedFrom;
  if (sender === undefined || sender === p.country)
    return [{ country: p.country, from: p.from, to: p.to, detachedUnder: null }];
  const agreement = (kb.agreementsByCountry.get(sender) ?? []).find(
    (a) =>
      a.parties.has(p.country) &&
      a.inForce !== null &&
      holdsIn(a.inForce, p.from) &&
      a.raw.provisions.detachment !== null,
  );
  const detachment = agreement?.raw.provisions.detachment;
  if (!agreement || !detachment)
    return [{ country: p.country, from: p.from, to: p.to, detachedUnder: null }];
  // The agreement's detachment article: the sending state stays competent for up to maxMonths.
  const lastPosted = Math.min(p.to, p.from + detachment.maxMonths - 1) as Month;
  const out: Placement[] = [
    { country: sender, from: p.from, to: lastPosted, detachedUnder: agreement },
  ];
  if (lastPosted < p.to)
    out.push({
      country: p.country,
      from: (lastPosted + 1) as Month,
      to: p.to,
      detachedUnder: null,
    });
  return out;
}

function checkRule(
  rule: CoverageRule,
  h: WorkHistory,
  p: WorkPeriod,
  schemeCountry: CountryCode,
): CoverageFailure[] {
  const failures: CoverageFailure[] = [];
  const isNational = h.nationalities.has(schemeCountry);
  const hasPr = p.raw.permit === 'permanent_residence';
  const n = rule.nationality;
  if (n === 'nationals' && !isNational)
    failures.push({
      code: 'nationals_only',
      condition: 'nationality: nationals only',
      unmet: { kind: 'nationals' },
      missing: null,
    });
  else if (n === 'non_nationals' && isNational)
    failures.push({
      code: null,
      condition: 'nationality: non-nationals only',
      unmet: { kind: 'non_nationals' },
      missing: null,
      notMeant: true,
    });
  else if (n === 'nationals_and_permanent_residents' && !isNational && !hasPr) {
    failures.push({
      code: 'residency',
      condition: 'nationals and permanent residents only',
      unmet: { kind: 'nationals_and_permanent_residents' },
      missing: null,
    });
  } else if (
    typeof n === 'object' &&
    'only' in n &&
    ![...h.nationalities].some((c) => n.only.includes(c))
  ) {
    // Open to some foreign nationalities only: a barrier for a foreigner left out, not for a
    // national (for whom a scheme for migrants was never meant).
    failures.push({
      code: isNational ? null : 'nationals_only',
      condition: `nationality: only ${n.only.join(', ')}`,
      unmet: { kind: 'nationalities_only', countries: n.only },
      missing: null,
      notMeant: isNational,
    });
  } else if (
    typeof n === 'object' &&
    'except' in n &&
    [...h.nationalities].every((c) => n.except.includes(c))
  ) {
    failures.push({
      code: isNational ? null : 'nationals_only',
      condition: `nationality: not ${n.except.join(', ')}`,
      unmet: { kind: 'nationalities_except', countries: n.except },
      missing: null,
      notMeant: isNational,
    });
  }
  if (rule.requiresDocuments && !p.raw.documented)
    failures.push({
      code: 'documentation',
      condition: 'documented workers only',
      missing: null,
      unmet: { kind: 'documented' },
    });
  // Permits are immigration papers: a national working in their own country needs none (an
  // origin country's own permit for work abroad, such as Nepal's labour permit, still counts).
  if (rule.permits && !(isNational && rule.place === 'in_country')) {
    if (p.raw.permit === undefined)
      failures.push({
        code: 'documentation',
        condition: `permit: one of ${rule.permits.join(', ')}`,
        unmet: { kind: 'permit', permits: rule.permits },
        missing: `periods[${p.index}].permit`,
      });
    else if (!rule.permits.includes(p.raw.permit))
      failures.push({
        code: 'documentation',
        condition: `permit: one of ${rule.permits.join(', ')}`,
        unmet: { kind: 'permit', permits: rule.permits },
        missing: null,
      });
  }
  const a = rule.activities;
  if (a?.only && !a.only.includes(p.raw.activity))
    failures.push({
      code: 'sector_exclusion',
      condition: `activity: only ${a.only.join(', ')}`,
      unmet: { kind: 'activities_only', activities: a.only },
      missing: null,
    });
  if (a?.except?.includes(p.raw.activity))
    failures.push({
      code: 'sector_exclusion',
      condition: `activity excluded: ${p.raw.activity}`,
      unmet: { kind: 'activities_except', activities: [p.raw.activity] },
      missing: null,
    });
  const s = rule.sectors;
  if (s && (s.only || s.except)) {
    const sector = p.raw.sector;
    if (sector === undefined) {
      failures.push({
        code: 'sector_exclusion',
        condition: 'sector decides coverage',
        unmet: { kind: 'sector_unknown' },
        missing: `periods[${p.index}].sector`,
      });
    } else {
      if (s.only && !s.only.includes(sector))
        failures.push({
          code: 'sector_exclusion',
          condition: `sector: only ${s.only.join(', ')}`,
          unmet: { kind: 'sectors_only', sectors: s.only },
          missing: null,
        });
      if (s.except?.includes(sector))
        failures.push({
          code: 'sector_exclusion',
          condition: `sector excluded: ${sector}`,
          unmet: { kind: 'sectors_except', sectors: [sector] },
          missing: null,
        });
    }
  }
  if (rule.employer?.nationality === 'nationals_or_permanent_residents') {
    const e = p.raw.employer;
    if (e?.nationality === undefined && e?.isPermanentResident === undefined) {
      failures.push({
        code: 'sector_exclusion',
        condition: 'employer must be a national or permanent resident',
        unmet: { kind: 'employer_national_or_pr' },
        missing: `periods[${p.index}].employer.nationality`,
      });
    } else if (e.nationality !== schemeCountry && e.isPermanentResident !== true) {
      failures.push({
        code: 'sector_exclusion',
        condition: 'employer must be a national or permanent resident',
        unmet: { kind: 'employer_national_or_pr' },
        missing: null,
      });
    }
  }
  return failures;
}

/** Months in [from, to] during which the worker's age is within the rule's bounds, or null if none. */
function ageWindow(
  rule: CoverageRule,
  birth: Month | null,
  from: Month,
  to: Month,
): { from: Month; to: Month } | 'unknown' | null {
  if (!rule.age) return { from, to };
  if (birth === null) return 'unknown';
  const lo = rule.age.min === undefined ? from : Math.max(from, birth + rule.age.min * 12);
  const hi = rule.age.max === undefined ? to : Math.min(to, birth + (rule.age.max + 1) * 12 - 1);
  return lo <= hi ? { from: lo as Month, to: hi as Month } : null;
}

/** Schemes that could cover work placed in `country`: its own (in the country), and the worker's nationality states' (abroad). */
function candidateSchemes(
  kb: KnowledgeBase,
  h: WorkHistory,
  country: CountryCode,
): { scheme: CompiledScheme; place: CoverageRule['place'] }[] {
  const out: { scheme: CompiledScheme; place: CoverageRule['place'] }[] = [];
  for (const s of kb.jurisdictions.get(country)?.schemes ?? [])
    out.push({ scheme: s, place: 'in_country' });
  for (const nat of h.nationalities) {
    if (nat === country) continue;
    for (const s of kb.jurisdictions.get(nat)?.schemes ?? [])
      out.push({ scheme: s, place: 'abroad' });
  }
  return out;
}

/** The month boundaries inside [from, to] at which some rule of the scheme (or the scheme itself) starts or ends. */
function boundaries(scheme: CompiledScheme, from: Month, to: Month): Month[] {
  const cuts = new Set<number>([from, to + 1]);
  const add = (m: number) => {
    if (m > from && m <= to) cuts.add(m);
  };
  add(scheme.from);
  if (scheme.to !== null) add(scheme.to + 1);
  for (const r of scheme.coverage) {
    add(r.from);
    if (r.to !== null) add(r.to + 1);
  }
  return [...cuts].sort((a, b) => a - b) as Month[];
}

/**
 * Which schemes cover each month of each period (DESIGN §3.4 "coverage per period"): every scheme
 * whose coverage rules in force that month match the work, after detachment under agreements.
 */
export function mapCoverage(kb: KnowledgeBase, h: WorkHistory): CoverageMap {
  const segments: CoverageSegment[] = [];
  const misses: CoverageMiss[] = [];
  for (const p of h.periods) {
    for (const place of placements(kb, p)) {
      for (const { scheme, place: where } of candidateSchemes(kb, h, place.country)) {
        const cuts = boundaries(scheme, place.from, place.to);
        for (let i = 0; i + 1 < cuts.length; i++) {
          const from = cuts[i] as Month;
          const to = ((cuts[i + 1] as number) - 1) as Month;
          if (!holdsIn(scheme, from)) continue;
          coverStretch(scheme, where, p, place, from, to, h, segments, misses);
        }
      }
    }
  }
  return { segments, misses };
}

function coverStretch(
  scheme: CompiledScheme,
  where: CoverageRule['place'],
  p: WorkPeriod,
  place: Placement,
  from: Month,
  to: Month,
  h: WorkHistory,
  segments: CoverageSegment[],
  misses: CoverageMiss[],
): void {
  const rules = scheme.coverage.filter((r) => r.rule.place === where && holdsIn(r, from));
  // Compulsory rules first: when several match, compulsory membership wins over voluntary.
  rules.sort((a, b) =>
    a.rule.membership === b.rule.membership ? 0 : a.rule.membership === 'compulsory' ? -1 : 1,
  );
  const localMisses: CoverageMiss[] = [];
  for (const r of rules) {
    const failures = checkRule(r.rule, h, p, scheme.country);
    const window = ageWindow(r.rule, h.birth, from, to);
    if (window === 'unknown')
      failures.push({
        code: null,
        condition: 'age',
        missing: 'person.birthDate',
        unmet: { kind: 'age' },
      });
    else if (window === null)
      failures.push({ code: null, condition: 'age', missing: null, unmet: { kind: 'age' } });
    if (failures.length > 0 || window === 'unknown' || window === null) {
      localMisses.push({
        period: p,
        scheme,
        rule: r,
        from,
        to,
        failures,
        voluntaryNotJoined: false,
      });
      continue;
    }
    const insurance = p.raw.insurance;
    if (r.rule.membership === 'voluntary') {
      const joined =
        insurance === 'voluntary' && (p.raw.scheme === undefined || p.raw.scheme === scheme.id);
      if (!joined) {
        localMisses.push({
          period: p,
          scheme,
          rule: r,
          from,
          to,
          failures: [],
          voluntaryNotJoined: true,
        });
        continue;
      }
    }
    segments.push({
      period: p,
      scheme,
      rule: r,
      from: window.from,
      to: window.to,
      membership: r.rule.membership,
      // A compulsory scheme covers by law; months count as insured unless the worker says nothing was paid.
      counted: insurance !== 'none',
      detachedUnder: place.detachedUnder,
    });
    return;
  }
  misses.push(...localMisses);
}
