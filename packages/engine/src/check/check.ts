import type { Branch, CountryCode } from '../domain.ts';
import { PRO_RATA_BRANCHES } from '../domain.ts';
import type {
  CompiledAgreement,
  CompiledBranchRule,
  CompiledScheme,
  KnowledgeBase,
} from '../kb/knowledge-base.ts';
import { holdsIn, versionAt } from '../kb/knowledge-base.ts';
import type { Profile } from '../schema/profile.ts';
import type { Month } from '../time/month.ts';
import { formatMonth, parseMonth } from '../time/month.ts';
import type { EarningsByMonth, FormulaOutcome } from './amounts.ts';
import { computeFormula, monthlyEarnings, proRata, round2 } from './amounts.ts';
import type { CoverageMiss, CoverageSegment } from './coverage.ts';
import { mapCoverage } from './coverage.ts';
import type { WorkHistory } from './history.ts';
import { readHistory } from './history.ts';
import type { InsuredMonths, MonthSpan } from './months.ts';
import { aggregate, insuredMonths, monthsWithin } from './months.ts';
import { readQuantity } from './quantities.ts';
import type {
  Amount,
  Amounts,
  Barrier,
  BranchResult,
  CheckResult,
  Citation,
  PeriodCoverage,
  ReasonDetail,
  Status,
} from './result.ts';
import { Tracer, cite } from './trace.ts';
import {
  administrativeBarriers,
  agreementRemedy,
  branchWords,
  notCoveredFacts,
  qualifyingBarrier,
} from './barriers.ts';
import type { NotCoveredFacts } from './barriers.ts';

/** The engine's version, written into every result. */
export const ENGINE_VERSION = '0.1.0';

export interface CheckOptions {
  /** The date whose law applies (YYYY-MM or YYYY-MM-DD); months after it have not happened. */
  readonly at: string;
  /** Record the reasoning of every result (default true); off for population runs. */
  readonly trace?: boolean;
}

const NO_AMOUNTS: Amounts = {
  independent: null,
  theoretical: null,
  proRata: null,
  paid: null,
  duration: null,
};

function citeAgreement(a: CompiledAgreement): Citation {
  const src = a.raw.sources[a.raw.source];
  return {
    title: src?.title ?? a.raw.title,
    url: src?.url ?? '',
    ref: a.raw.ref,
    verified: a.raw.verified,
  };
}

/** The schemes reported together (a scheme and those based on it), with what is worked out once for all their branches. */
interface Group {
  readonly owner: CompiledScheme;
  readonly segments: CoverageSegment[];
  readonly misses: CoverageMiss[];
  own?: InsuredMonths;
  earnings?: EarningsByMonth;
  notCovered?: NotCoveredFacts;
}

/** Monthly earnings of each insured month in month order, in the scheme's currency. */
function earningsByMonth(
  segments: readonly CoverageSegment[],
  own: InsuredMonths,
  currency: string,
): EarningsByMonth {
  const { base, length } = own.span;
  // NaN: insured with earnings not known. Where periods overlap, the higher earnings count:
  // order-independent, and a repeated period changes nothing.
  const best = new Float64Array(length).fill(-1);
  for (const s of segments) {
    if (!s.counted) continue;
    const e = monthlyEarnings(s.period.raw, currency);
    for (let m = s.from; m <= s.to; m++) {
      const i = m - base;
      const prev = best[i] ?? -1;
      if (e === null) {
        if (prev < 0) best[i] = Number.NaN;
      } else if (Number.isNaN(prev) || e > prev) best[i] = e;
    }
  }
  const out: (number | null)[] = [];
  for (let i = 0; i < length; i++) {
    if ((own.prio[i] ?? 0) === 0) continue;
    const v = best[i] ?? -1;
    out.push(Number.isNaN(v) || v < 0 ? null : v);
  }
  return out;
}

/** Per-run context shared by every scheme and branch of one check. */
interface Run {
  readonly kb: KnowledgeBase;
  readonly h: WorkHistory;
  readonly at: Month;
  readonly event: Month;
  readonly trace: boolean;
  readonly monthsByCountry: ReadonlyMap<CountryCode, InsuredMonths>;
  readonly span: MonthSpan;
}

/** The months from the first period's start to the last period's end. */
function historySpan(h: WorkHistory): MonthSpan {
  if (h.periods.length === 0) return { base: h.at, length: 1 };
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of h.periods) {
    lo = Math.min(lo, p.from);
    hi = Math.max(hi, p.to);
  }
  return { base: lo, length: hi - lo + 1 };
}

/**
 * Checks a worker profile against the knowledge base at a date (DESIGN §3.4): which schemes cover
 * which months, and for every scheme and branch the status, amounts, payability at the residence,
 * barriers with their remedies, how to claim, and the trace of every rule and parameter used.
 */
export function check(kb: KnowledgeBase, profile: Profile, options: CheckOptions): CheckResult {
  const at = parseMonth(options.at);
  const h = readHistory(profile, at);
  const event =
    profile.claim?.date === undefined
      ? at
      : (Math.min(parseMonth(profile.claim.date), at) as Month);
  const coverage = mapCoverage(kb, h);

  const span = historySpan(h);
  const monthsByCountry = new Map<CountryCode, InsuredMonths>();
  const segmentsByCountry = new Map<CountryCode, CoverageSegment[]>();
  for (const s of coverage.segments) {
    const list = segmentsByCountry.get(s.scheme.country) ?? [];
    list.push(s);
    segmentsByCountry.set(s.scheme.country, list);
  }
  for (const [country, segs] of segmentsByCountry)
    monthsByCountry.set(country, insuredMonths(segs, span));

  const run: Run = { kb, h, at, event, trace: options.trace ?? true, monthsByCountry, span };

  // Schemes are reported by the scheme that owns their branches, so a continuation scheme
  // (Thailand's Section 39 based on Section 33) adds its months to the same benefits.
  const groups = new Map<string, Group>();
  const groupOf = (s: CompiledScheme) => {
    const owner = kb.schemes.get(s.branchesFrom) ?? s;
    let g = groups.get(owner.id);
    if (!g) {
      g = { owner, segments: [], misses: [] };
      groups.set(owner.id, g);
    }
    return g;
  };
  for (const s of coverage.segments) groupOf(s.scheme).segments.push(s);
  for (const m of coverage.misses) groupOf(m.scheme).misses.push(m);

  const results: BranchResult[] = [];
  for (const g of groups.values()) {
    // A scheme meant only for others (migrants, when the worker is a national) is left out.
    if (
      g.segments.length === 0 &&
      g.misses.every((m) => m.failures.some((f) => f.notMeant === true))
    )
      continue;
    const branches = h.claimBranch ? [h.claimBranch] : [...g.owner.branches.keys()];
    for (const branch of branches) {
      const r = evaluateBranch(run, g, branch);
      if (r) results.push(r);
    }
  }

  return {
    at: formatMonth(at),
    engineVersion: ENGINE_VERSION,
    residence: h.residence,
    claim: profile.claim ? { branch: profile.claim.branch, date: formatMonth(event) } : null,
    results,
    coverage: summarizeCoverage(h, coverage.segments),
    notes: h.notes,
  };
}

function summarizeCoverage(h: WorkHistory, segments: readonly CoverageSegment[]): PeriodCoverage[] {
  return h.periods.map((p) => {
    // Adjacent stretches of one scheme under successive rules read as one stretch.
    const merged: {
      scheme: CompiledScheme;
      from: Month;
      to: Month;
      membership: 'compulsory' | 'voluntary';
      counted: boolean;
      detachedUnder: string | null;
    }[] = [];
    const own = segments
      .filter((s) => s.period === p)
      .sort((a, b) => a.scheme.id.localeCompare(b.scheme.id) || a.from - b.from);
    for (const s of own) {
      const last = merged.at(-1);
      const detachedUnder = s.detachedUnder?.id ?? null;
      if (
        last &&
        last.scheme === s.scheme &&
        last.to + 1 === s.from &&
        last.membership === s.membership &&
        last.counted === s.counted &&
        last.detachedUnder === detachedUnder
      )
        last.to = s.to;
      else
        merged.push({
          scheme: s.scheme,
          from: s.from,
          to: s.to,
          membership: s.membership,
          counted: s.counted,
          detachedUnder,
        });
    }
    return {
      period: p.index,
      country: p.country,
      from: formatMonth(p.from),
      to: formatMonth(p.to),
      schemes: merged.map((s) => ({
        scheme: s.scheme.id,
        country: s.scheme.country,
        from: formatMonth(s.from),
        to: formatMonth(s.to),
        membership: s.membership,
        counted: s.counted,
        detachedUnder: s.detachedUnder,
      })),
    };
  });
}

/** The branch version in force at `at`, or the last one of a scheme that has since closed. */
function ruleAt(scheme: CompiledScheme, branch: Branch, at: Month): CompiledBranchRule | undefined {
  const versions = scheme.branches.get(branch);
  if (!versions) return undefined;
  const current = versionAt(versions, at);
  if (current) return current;
  const closed = scheme.to;
  if (closed !== null && closed < at) return versions.filter((v) => v.from <= closed).at(-1);
  return undefined;
}

function agreementsGranting(
  run: Run,
  country: CountryCode,
  branch: Branch,
  provision: 'totalization' | 'export',
): CompiledAgreement[] {
  return (run.kb.agreementsByCountry.get(country) ?? []).filter(
    (a) =>
      a.inForce !== null &&
      holdsIn(a.inForce, run.at) &&
      a.branches.has(branch) &&
      a.raw.provisions[provision],
  );
}

function amount(value: number | null, currency: string, per: Amount['per']): Amount | null {
  return value === null ? null : { amount: round2(value), currency, per };
}

function evaluateBranch(run: Run, group: Group, branch: Branch): BranchResult | null {
  const { owner: scheme, segments, misses } = group;
  const version = ruleAt(scheme, branch, run.at);
  if (!version) return null;
  const rule = version.rule;
  const j = run.kb.jurisdictions.get(scheme.country);
  if (!j) return null;
  const tracer = new Tracer(run.trace);
  const atText = formatMonth(run.at);
  const ruleCitation = cite(j, rule);
  const country = scheme.country;
  const residence = run.h.residence;
  const base: Base = {
    country,
    scheme: scheme.id,
    schemeName: scheme.raw.name,
    branch,
    description: rule.description ?? null,
    residence,
    onDeparture: rule.onDeparture?.description ?? null,
    howToClaim: scheme.claim
      ? {
          howTo: scheme.claim.howTo,
          offices: scheme.claim.offices,
          documents: scheme.claim.documents,
          languages: scheme.claim.languages,
        }
      : null,
  };

  if (segments.length === 0) {
    group.notCovered ??= notCoveredFacts(j, scheme, misses, run.trace);
    const facts = group.notCovered;
    return result(base, {
      status: facts.status,
      benefit: null,
      months: { own: 0, aggregated: 0, required: null },
      amounts: NO_AMOUNTS,
      payableAbroad: null,
      agreements: [],
      barriers: facts.barriers,
      reasons: facts.reasons,
      reasonDetails: facts.reasonDetails,
      missing: facts.missing,
      unverified: facts.unverified,
      trace: facts.trace,
    });
  }

  for (const rc of new Set(segments.map((s) => s.rule))) {
    tracer.add(
      `coverage: ${scheme.id} rule ${rc.index} (${rc.rule.membership}, ${rc.rule.place})`,
      true,
      formatMonth(rc.from),
      cite(j, rc.rule),
    );
  }
  for (const a of new Set(segments.flatMap((s) => (s.detachedUnder ? [s.detachedUnder] : [])))) {
    tracer.add(
      `detachment under ${a.id}`,
      a.raw.provisions.detachment?.maxMonths ?? null,
      atText,
      citeAgreement(a),
      'months the sending state stays competent',
    );
  }
  tracer.add(
    `branch rule: ${scheme.id} ${branch}`,
    version.index,
    formatMonth(version.from),
    ruleCitation,
  );

  if (j.raw.scope === 'partner') {
    return result(base, {
      status: 'cannot_tell',
      benefit: null,
      months: {
        own: (group.own ??= insuredMonths(segments, run.span)).size,
        aggregated: group.own.size,
        required: null,
      },
      amounts: NO_AMOUNTS,
      payableAbroad: null,
      agreements: [],
      barriers: [],
      reasons: [`${j.raw.name} is encoded only as far as agreements need its insurance periods.`],
      reasonDetails: [{ code: 'partner_only', country }],
      missing: [],
      unverified: tracer.unverified,
      trace: tracer.steps,
    });
  }

  group.own ??= insuredMonths(segments, run.span);
  // A branch whose contributions began later than the scheme counts only the months since.
  const own =
    rule.insuredFrom === undefined ? group.own : group.own.from(parseMonth(rule.insuredFrom));
  if (rule.insuredFrom !== undefined && own.size < group.own.size) {
    tracer.add(
      'insured months counted for this branch from',
      rule.insuredFrom,
      atText,
      ruleCitation,
    );
  }
  const ownCount = own.size;
  const missing: string[] = [];
  // Months left out because the profile does not say enough (e.g. the sector): the count may be short.
  for (const m of misses)
    for (const f of m.failures)
      if (f.missing && !missing.includes(f.missing)) missing.push(f.missing);
  tracer.add(
    'insured months in this scheme',
    ownCount,
    atText,
    null,
    'each calendar month once (Reg. 987/2009 art. 12)',
  );

  const totalizing = agreementsGranting(run, country, branch, 'totalization');
  const partners = new Map<CountryCode, InsuredMonths>();
  for (const a of totalizing) {
    tracer.add(`totalization under ${a.id}`, true, atText, citeAgreement(a));
    for (const party of a.parties) {
      const months = run.monthsByCountry.get(party);
      if (party !== country && months) partners.set(party, months);
    }
  }
  const agg = aggregate(own, partners);
  if (partners.size > 0)
    tracer.add(
      'months after aggregation',
      agg.total,
      atText,
      null,
      'Reg. 883/2004 art. 6: each month once across the parties',
    );

  // Qualifying conditions.
  const q = rule.qualifying;
  const reasons: string[] = [];
  const reasonDetails: ReasonDetail[] = [];
  const because = (text: string, detail: ReasonDetail) => {
    reasons.push(text);
    reasonDetails.push(detail);
  };
  const read = (value: Parameters<typeof readQuantity>[1], label: string): number | null => {
    const r = readQuantity(j, value, run.at, label, ruleCitation, tracer);
    if (!r.ok) missing.push(r.missing);
    return r.ok ? r.value : null;
  };
  const required = q.minMonths === undefined ? null : read(q.minMonths, 'qualifying.minMonths');
  let ageOk = true;
  let ageUnknown = false;
  if (q.pensionAge !== undefined) {
    const bySex =
      typeof q.pensionAge === 'object' && 'female' in q.pensionAge ? q.pensionAge : null;
    const sex = run.h.sex;
    let age: number | null = null;
    if (bySex && sex !== 'female' && sex !== 'male') {
      // The law sets different ages by sex; without it (or for "other") the engine cannot choose.
      missing.push('person.sex');
      ageUnknown = true;
    } else if (bySex)
      age = read(
        sex === 'female' ? bySex.female : bySex.male,
        `qualifying.pensionAge.${sex ?? ''}`,
      );
    else if (typeof q.pensionAge === 'number' || 'param' in q.pensionAge)
      age = read(q.pensionAge, 'qualifying.pensionAge');
    if (run.h.birth === null) {
      missing.push('person.birthDate');
      ageUnknown = true;
    } else if (age !== null) {
      // Ages may be fractional (60.25 = 60 years 3 months): compare in months.
      const reached = (run.h.birth + Math.round(age * 12)) as Month;
      if (run.event < reached) {
        ageOk = false;
        because(`Paid from age ${age}, reached in ${formatMonth(reached)}.`, {
          code: 'pension_age',
          age,
          month: formatMonth(reached),
        });
      }
    }
  }
  let recentOwnOk = true;
  let recentAggOk = true;
  if (q.recent) {
    const need = read(q.recent.months, 'qualifying.recent.months');
    const within = read(q.recent.within, 'qualifying.recent.within');
    if (need !== null && within !== null) {
      const partnerMonths = [...partners.values()];
      recentOwnOk = monthsWithin([own], run.event, within) >= need;
      recentAggOk = monthsWithin([own, ...partnerMonths], run.event, within) >= need;
      if (!recentAggOk)
        because(`Needs ${need} insured months within the ${within} months before the event.`, {
          code: 'recent_months',
          months: need,
          within,
        });
    }
  }
  let coveredOk = true;
  if (q.coveredAtEvent) {
    coveredOk = segments.some((s) => s.from <= run.event && run.event <= s.to);
    if (!coveredOk)
      because(`Not covered in ${formatMonth(run.event)}, the month of the event.`, {
        code: 'not_covered_at_event',
        month: formatMonth(run.event),
      });
  }
  const monthsOwnOk = required === null || ownCount >= required;
  const monthsAggOk = required === null || agg.total >= required;
  if (required !== null && !monthsAggOk)
    because(`Needs ${required} insured months; ${agg.total} counted.`, {
      code: 'months_short',
      required,
      counted: agg.total,
    });

  const barriers: Barrier[] = [];
  let status: Status;
  let benefit: BranchResult['benefit'] = null;
  let usedAgreements: CompiledAgreement[] = [];
  const otherOk = ageOk && coveredOk;
  const unknown = ageUnknown || missing.some((m) => m.startsWith('parameter '));

  if (unknown) status = 'cannot_tell';
  else if (monthsOwnOk && recentOwnOk && otherOk) {
    status = 'entitled';
    benefit = 'main';
    if (agg.total > ownCount) usedAgreements = totalizing;
  } else if (monthsAggOk && recentAggOk && otherOk && partners.size > 0) {
    usedAgreements = totalizing.filter((a) => [...a.parties].some((p) => partners.has(p)));
    const minOwn = Math.max(0, ...usedAgreements.map((a) => a.raw.provisions.minOwnMonths ?? 0));
    if (PRO_RATA_BRANCHES.includes(branch) && ownCount < minOwn && !rule.otherwise) {
      // The under-one-year rule (883/2004 art. 57): fewer own months than the minimum and no right
      // on them alone (not even a lump sum), so this state pays nothing; its months still count for the others.
      status = 'not_entitled';
      because(
        `Fewer than ${minOwn} insured months here: under the agreement this state pays nothing, and these months count for the other states.`,
        { code: 'under_minimum', months: minOwn },
      );
      tracer.add(
        'under-one-year rule',
        minOwn,
        atText,
        usedAgreements[0] ? citeAgreement(usedAgreements[0]) : null,
      );
    } else {
      status = 'entitled_through_agreement';
      benefit = 'main';
    }
  } else {
    const monthsFail = !(monthsAggOk && recentAggOk);
    if (monthsFail)
      barriers.push(
        qualifyingBarrier(run.monthsByCountry, scheme, branch, own, partners, required),
      );
    if (monthsFail && otherOk && rule.otherwise) {
      status = 'entitled';
      benefit = 'fallback';
    } else status = 'not_entitled';
  }

  // Amounts.
  let amounts: Amounts = NO_AMOUNTS;
  if (benefit !== null) {
    const earnings =
      own === group.own
        ? (group.earnings ??= earningsByMonth(segments, own, j.raw.currency))
        : earningsByMonth(segments, own, j.raw.currency);
    const ctx = { j, at: run.at, citation: ruleCitation, tracer, earnings };
    const formula = benefit === 'main' ? rule.benefit : (rule.otherwise ?? rule.benefit);
    const compute = (months: number, label: string): FormulaOutcome =>
      computeFormula(formula, { ...ctx, months, label });
    const ownOutcome = compute(ownCount, benefit === 'main' ? 'benefit' : 'otherwise');
    const proRated =
      benefit === 'main' &&
      usedAgreements.length > 0 &&
      PRO_RATA_BRANCHES.includes(branch) &&
      (formula.type === 'pension' || formula.type === 'flat');
    if (!ownOutcome.ok) missing.push(...ownOutcome.missing);
    else if (proRated) {
      const theoretical = compute(agg.total, 'theoretical');
      const fullMonths =
        formula.type === 'pension' && formula.fullMonths !== undefined
          ? read(formula.fullMonths, 'benefit.fullMonths')
          : null;
      if (!theoretical.ok) missing.push(...theoretical.missing);
      else if (theoretical.amount !== null && ownOutcome.amount !== null) {
        const independent = status === 'entitled' ? ownOutcome.amount : 0;
        const p = proRata(theoretical.amount, agg.ownResolved, agg.total, fullMonths);
        tracer.add(
          'pro-rata amount',
          round2(p),
          atText,
          null,
          `T × D_s / min(D_tot, M_s) = ${round2(theoretical.amount)} × ${agg.ownResolved} / ${fullMonths === null ? agg.total : Math.min(agg.total, fullMonths)} (Reg. 883/2004 art. 52(1)(b))`,
        );
        tracer.add(
          'amount paid',
          round2(Math.max(independent, p)),
          atText,
          null,
          'max(independent, pro-rata) (Reg. 883/2004 art. 52(3))',
        );
        amounts = {
          independent: amount(independent, j.raw.currency, ownOutcome.per),
          theoretical: amount(theoretical.amount, j.raw.currency, theoretical.per),
          proRata: amount(p, j.raw.currency, ownOutcome.per),
          paid: amount(Math.max(independent, p), j.raw.currency, ownOutcome.per),
          duration: ownOutcome.duration,
        };
      }
    } else {
      amounts = {
        independent: amount(ownOutcome.amount, j.raw.currency, ownOutcome.per),
        theoretical: null,
        proRata: null,
        paid: amount(ownOutcome.amount, j.raw.currency, ownOutcome.per),
        duration: ownOutcome.duration,
      };
    }
  }

  // Payment at the residence.
  const payable = payability(run, scheme, branch, rule.paidAbroad, tracer);
  if (payable.value === false) {
    barriers.push({
      code: 'not_paid_abroad',
      kind: 'legal',
      message: `${scheme.raw.name} does not pay ${branchWords(branch)} benefits to a residence in ${residence}.${rule.onDeparture ? ` Instead: ${rule.onDeparture.description}` : ''}`,
      detail: {
        schemeName: scheme.raw.name,
        branch,
        country: residence,
        ...(rule.onDeparture ? { onDeparture: rule.onDeparture.description } : {}),
      },
      removedBy: [
        agreementRemedy([country, residence], 'export', branch),
        ...(rule.onDeparture
          ? [
              {
                kind: 'action' as const,
                action: 'claim_before_leaving' as const,
                text: rule.onDeparture.description,
                description: `Claim before leaving: ${rule.onDeparture.description}`,
              },
            ]
          : []),
      ],
    });
  }
  if (status === 'entitled' || status === 'entitled_through_agreement')
    barriers.push(...administrativeBarriers(run.kb, run.h, j, scheme, payable.value, tracer));

  return result(base, {
    status,
    benefit,
    months: { own: ownCount, aggregated: agg.total, required },
    amounts,
    payableAbroad: payable.value,
    agreements: [...new Set([...usedAgreements, ...payable.agreements].map((a) => a.id))],
    barriers,
    reasons,
    reasonDetails,
    missing: [...new Set(missing)],
    unverified: tracer.unverified,
    trace: tracer.steps,
  });
}

function payability(
  run: Run,
  scheme: CompiledScheme,
  branch: Branch,
  paidAbroad: 'yes' | 'no' | 'unknown',
  tracer: Tracer,
): { value: boolean | null; agreements: CompiledAgreement[] } {
  const residence = run.h.residence;
  if (residence === scheme.country) return { value: true, agreements: [] };
  const exporting = agreementsGranting(run, scheme.country, branch, 'export').filter((a) =>
    a.parties.has(residence),
  );
  for (const a of exporting)
    tracer.add(`export under ${a.id}`, true, formatMonth(run.at), citeAgreement(a));
  if (paidAbroad === 'yes' || exporting.length > 0) return { value: true, agreements: exporting };
  return { value: paidAbroad === 'unknown' ? null : false, agreements: [] };
}

/**
 * Builds a result with every field written out: spreading `base` into a literal made V8 build
 * each of tens of thousands of results in dictionary mode, the engine's largest cost.
 */
function result(base: Base, rest: Omit<BranchResult, keyof Base>): BranchResult {
  return {
    country: base.country,
    scheme: base.scheme,
    schemeName: base.schemeName,
    branch: base.branch,
    status: rest.status,
    benefit: rest.benefit,
    description: base.description,
    months: rest.months,
    amounts: rest.amounts,
    payableAbroad: rest.payableAbroad,
    residence: base.residence,
    agreements: rest.agreements,
    barriers: rest.barriers,
    reasons: rest.reasons,
    ...(rest.reasonDetails ? { reasonDetails: rest.reasonDetails } : {}),
    missing: rest.missing,
    onDeparture: base.onDeparture,
    howToClaim: base.howToClaim,
    unverified: rest.unverified,
    trace: rest.trace,
  };
}

type Base = Pick<
  BranchResult,
  | 'country'
  | 'scheme'
  | 'schemeName'
  | 'branch'
  | 'description'
  | 'residence'
  | 'onDeparture'
  | 'howToClaim'
>;
