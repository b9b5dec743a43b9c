import type { BarrierCode, Branch, CountryCode } from '../domain.ts';
import type { CompiledJurisdiction, CompiledScheme, KnowledgeBase } from '../kb/knowledge-base.ts';
import type { Month } from '../time/month.ts';
import { formatMonth } from '../time/month.ts';
import type { CoverageMiss } from './coverage.ts';
import type { WorkHistory } from './history.ts';
import type { InsuredMonths } from './months.ts';
import { aggregate } from './months.ts';
import type {
  Barrier,
  LawChange,
  ReasonDetail,
  Remedy,
  Status,
  TraceStep,
  UnmetCondition,
} from './result.ts';
import { Tracer, cite } from './trace.ts';

// The barriers of the 2011 report and what would remove each (DESIGN §3.4, "Result").

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language's English name from its ISO 639 code ("th" → "Thai"), or the code if unknown. */
function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

const LEGAL: ReadonlySet<BarrierCode> = new Set([
  'nationals_only',
  'residency',
  'documentation',
  'qualifying_period',
  'sector_exclusion',
  'not_paid_abroad',
]);

export function branchWords(branch: Branch): string {
  return branch.replace('_', ' ');
}

export function agreementRemedy(
  parties: CountryCode[],
  provision: 'totalization' | 'export',
  branch: Branch,
): Remedy {
  const what = provision === 'export' ? 'export of benefits' : 'totalization of insurance periods';
  return {
    kind: 'agreement',
    parties,
    provision,
    branch,
    description: `An agreement between ${parties.join(' and ')} with ${what} for ${branchWords(branch)}.`,
  };
}

export function qualifyingBarrier(
  monthsByCountry: ReadonlyMap<CountryCode, InsuredMonths>,
  scheme: CompiledScheme,
  branch: Branch,
  own: InsuredMonths,
  partners: ReadonlyMap<CountryCode, InsuredMonths>,
  required: number | null,
): Barrier {
  const remedies: Remedy[] = [];
  if (required !== null) {
    // Which new agreement would be enough: one with a state where the worker has insured months.
    for (const [c, months] of monthsByCountry) {
      if (c === scheme.country || partners.has(c)) continue;
      const trial = new Map(partners);
      trial.set(c, months);
      if (aggregate(own, trial).total >= required)
        remedies.push(agreementRemedy([scheme.country, c], 'totalization', branch));
    }
    const short = required - aggregate(own, partners).total;
    if (short > 0)
      remedies.push({
        kind: 'action',
        action: 'more_months',
        months: short,
        description: `${short} more insured months.`,
      });
  }
  return {
    code: 'qualifying_period',
    kind: 'legal',
    message:
      required === null
        ? 'The qualifying period is not met.'
        : `The qualifying period of ${required} insured months is not met.`,
    removedBy: remedies,
    detail: required === null ? {} : { requiredMonths: required },
  };
}

export function administrativeBarriers(
  kb: KnowledgeBase,
  h: WorkHistory,
  j: CompiledJurisdiction,
  scheme: CompiledScheme,
  payable: boolean | null,
  tracer: Tracer,
): Barrier[] {
  const claim = scheme.claim;
  if (!claim) return [];
  tracer.add('claim information', claim.howTo, null, cite(j, claim));
  const out: Barrier[] = [];
  const languages =
    h.languages ??
    [...h.nationalities].flatMap((n) => kb.jurisdictions.get(n)?.raw.languages ?? []);
  if (languages.length > 0 && !claim.languages.some((l) => languages.includes(l))) {
    out.push({
      code: 'language',
      kind: 'administrative',
      message: `Claims are made in ${claim.languages.map(languageName).join(', ')}.`,
      detail: { languages: claim.languages },
      removedBy: [
        {
          kind: 'action',
          action: 'help_with_forms',
          description:
            'Ask a migrant resource centre, union or embassy for help with the forms and an interpreter.',
        },
      ],
    });
  }
  if (payable === true && h.residence !== scheme.country && claim.paysToForeignAccounts === 'no') {
    out.push({
      code: 'money_transfer',
      kind: 'administrative',
      message: `${scheme.raw.name} pays only into accounts in ${scheme.country}.`,
      detail: { schemeName: scheme.raw.name, country: scheme.country },
      removedBy: [
        {
          kind: 'action',
          action: 'bank_account',
          country: scheme.country,
          description: `Keep a bank account in ${scheme.country}, or ask whether payment through an embassy is possible.`,
        },
      ],
    });
  }
  if (claim.foreignDocuments === 'certified_only' && !h.nationalities.has(scheme.country)) {
    out.push({
      code: 'document_certification',
      kind: 'administrative',
      message:
        'Civil-status papers issued abroad (birth, marriage, death certificates) must be certified.',
      detail: {},
      removedBy: [
        {
          kind: 'action',
          action: 'certify_papers',
          description: 'Have papers certified by your embassy before you need them.',
        },
      ],
    });
  }
  return out;
}

/** Why a scheme covers none of the worker's months: the same for every branch, so worked out once. */
export interface NotCoveredFacts {
  readonly status: Status;
  readonly barriers: readonly Barrier[];
  readonly reasons: readonly string[];
  readonly reasonDetails: readonly ReasonDetail[];
  readonly missing: readonly string[];
  readonly unverified: readonly string[];
  readonly trace: readonly TraceStep[];
}

export function notCoveredFacts(
  j: CompiledJurisdiction,
  scheme: CompiledScheme,
  misses: readonly CoverageMiss[],
  traceOn: boolean,
): NotCoveredFacts {
  const tracer = new Tracer(traceOn);
  const barriers = new Map<BarrierCode, Barrier>();
  const missing = new Set<string>();
  const reasons = new Map<string, ReasonDetail>();
  const seen = new Set<string>();
  let voluntary: { from: Month; to: Month } | null = null;
  for (const m of misses) {
    if (m.voluntaryNotJoined) {
      voluntary = voluntary
        ? {
            from: Math.min(voluntary.from, m.from) as Month,
            to: Math.max(voluntary.to, m.to) as Month,
          }
        : { from: m.from, to: m.to };
    }
    // Many periods fail the same rule for the same reasons: record each once.
    const conditions = m.failures.map((f) => f.condition).join('; ');
    const key = `${m.rule.index}\u0000${conditions}\u0000${String(m.voluntaryNotJoined)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tracer.add(
      `coverage: ${scheme.id} rule ${m.rule.index} does not apply`,
      false,
      formatMonth(m.from),
      cite(j, m.rule.rule),
      conditions || 'voluntary membership not taken up',
    );
    for (const f of m.failures) {
      if (f.missing) missing.add(f.missing);
      if (f.code && !barriers.has(f.code))
        barriers.set(f.code, coverageBarrier(f.code, f.condition, f.unmet, scheme, m));
      else if (!f.code && !f.missing)
        reasons.set(`Not covered: ${f.condition}.`, { code: 'unmet', unmet: f.unmet ?? null });
    }
  }
  if (voluntary) {
    const from = formatMonth(voluntary.from);
    const to = formatMonth(voluntary.to);
    reasons.set(`Voluntary membership was open (${from}–${to}) but not taken up.`, {
      code: 'voluntary_not_taken',
      from,
      to,
    });
  }
  const hasBarrier = barriers.size > 0 || reasons.size > 0;
  return {
    status: !hasBarrier && missing.size > 0 ? 'cannot_tell' : 'not_covered',
    barriers: [...barriers.values()],
    reasons: [...reasons.keys()],
    reasonDetails: [...reasons.values()],
    missing: [...missing],
    unverified: tracer.unverified,
    trace: tracer.steps,
  };
}

function coverageBarrier(
  code: BarrierCode,
  condition: string,
  unmet: UnmetCondition | undefined,
  scheme: CompiledScheme,
  m: CoverageMiss,
): Barrier {
  const lawChange = (change: LawChange, description: string): Remedy => ({
    kind: 'law_change',
    country: scheme.country,
    scheme: scheme.id,
    description,
    change,
    schemeName: scheme.raw.name,
  });
  const detail = unmet ? { schemeName: scheme.raw.name, unmet } : { schemeName: scheme.raw.name };
  const kind = LEGAL.has(code) ? 'legal' : 'administrative';
  switch (code) {
    case 'nationals_only':
      return {
        code,
        kind,
        message: `${scheme.raw.name} covers nationals only (${condition}).`,
        removedBy: [
          lawChange('open_to_non_nationals', `Open ${scheme.raw.name} to non-nationals.`),
        ],
        detail,
      };
    case 'residency':
      return {
        code,
        kind,
        message: `${scheme.raw.name} covers citizens and permanent residents only.`,
        removedBy: [
          lawChange(
            'open_to_non_residents',
            `Open ${scheme.raw.name} to workers without permanent residence.`,
          ),
        ],
        detail,
      };
    case 'documentation': {
      const permits = m.rule.rule.permits;
      return {
        code,
        kind,
        message: `${scheme.raw.name} covers documented workers only${permits ? ` holding ${permits.join(' or ')}` : ''}.`,
        removedBy: [
          {
            kind: 'action',
            action: 'regularise',
            ...(permits ? { permits } : {}),
            description: `Regularise your status${permits ? ` (${permits.join(' or ')})` : ''}.`,
          },
          lawChange(
            'cover_undocumented',
            `Cover workers whatever their papers in ${scheme.raw.name}.`,
          ),
        ],
        detail,
      };
    }
    case 'sector_exclusion':
      return {
        code,
        kind,
        message: `${scheme.raw.name} excludes this work (${condition}).`,
        removedBy: [lawChange('extend_to_work', `Extend ${scheme.raw.name} to this work.`)],
        detail,
      };
    case 'qualifying_period':
    case 'not_paid_abroad':
    case 'document_certification':
    case 'money_transfer':
    case 'language':
      return { code, kind, message: condition, removedBy: [], detail };
  }
}
