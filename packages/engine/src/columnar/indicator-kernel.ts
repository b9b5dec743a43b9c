import type { BarrierCode, Branch } from '../domain.ts';
import { BRANCHES, PRO_RATA_BRANCHES } from '../domain.ts';
import type {
  CompiledBranchRule,
  CompiledJurisdiction,
  CompiledScheme,
  KnowledgeBase,
} from '../kb/knowledge-base.ts';
import { holdsIn, versionAt } from '../kb/knowledge-base.ts';
import { EARNINGS_PER_MONTH, proRata, round2 } from '../check/amounts.ts';
import { ACTIVITIES, PERMITS, SECTORS } from '../schema/common.ts';
import type { CoverageRule, Formula, Quantity } from '../schema/jurisdiction.ts';
import type { Month } from '../time/month.ts';
import { parseMonth } from '../time/month.ts';
import type { OutcomeColumns } from './outcome-columns.ts';
import { OUTCOME_BARRIER_CODES } from './outcome-columns.ts';
import type { PopulationColumns } from './population-columns.ts';
import { COUNTRY_INDEX, EARNINGS_PER, countryIndex } from './population-columns.ts';

// The whole indicator set of check() + outcomeOf() + diffResults(), compiled into flat tables per
// (scheme, coverage rule, branch version) at one date, and evaluated worker by worker over the
// typed-array columns with month bitsets. docs/simulation.md says what is supported; a worker
// outside it is flagged, and the caller runs the scalar engine for that worker.

const bar = (c: BarrierCode): number => 1 << OUTCOME_BARRIER_CODES.indexOf(c);
const B_NATIONALS_ONLY = bar('nationals_only');
const B_RESIDENCY = bar('residency');
const B_DOCUMENTATION = bar('documentation');
const B_QUALIFYING = bar('qualifying_period');
const B_SECTOR = bar('sector_exclusion');
const B_NOT_PAID_ABROAD = bar('not_paid_abroad');
const B_CERTIFICATION = bar('document_certification');
const B_MONEY = bar('money_transfer');
const B_LANGUAGE = bar('language');

// A rule's verdict on a period, as a 16-bit code: barrier bits, and these flags.
const FAIL = 1 << 12;
const NOT_MEANT = 1 << 13;
/** A failure that the permit "permanent_residence" lifts (nationals and permanent residents). */
const UNLESS_PR = 1 << 14;
const CODES = (1 << 12) - 1;

const N_ACT = ACTIVITIES.length;
const N_SEC = SECTORS.length + 1;
const N_PER = PERMITS.length + 1;
const N_COUNTRY = COUNTRY_INDEX.length;
const PR = 1 + PERMITS.indexOf('permanent_residence');
const INSURANCE_VOLUNTARY = 2;
const INSURANCE_NONE = 3;
const SEX_FEMALE = 1;
const SEX_MALE = 2;
const OLD_AGE = BRANCHES.indexOf('old_age');

interface RuleT {
  readonly compulsory: boolean;
  /** requiresDocuments. */
  readonly documents: boolean;
  /** Permit codes that pass (bit p for code p; code 0, no permit, never passes); 0: no permit condition. */
  readonly permits: number;
  /** The permit condition binds nationals too (a rule for work abroad). */
  readonly permitsBindNationals: boolean;
  /** Activity codes that pass (bit a). */
  readonly activities: number;
  /** Sector codes that pass (bit s; code 0, no sector, fails when the rule names sectors). */
  readonly sectors: number;
  /** An employer condition: never met by a population (it says nothing of the employer). */
  readonly employer: boolean;
  /** Verdict of the nationality condition, by the worker's nationality code. */
  readonly nat: Uint16Array;
  readonly hasAge: boolean;
  readonly ageMin: number | undefined;
  readonly ageMax: number | undefined;
}

interface EpochT {
  /** First month of the stretch in which the scheme and its rules in force do not change. */
  readonly start: number;
  readonly end: number;
  readonly holds: boolean;
  readonly inCountry: readonly RuleT[];
  readonly abroad: readonly RuleT[];
}

interface SchemeT {
  readonly local: number;
  readonly country: number;
  /** Local index of the scheme whose branches these are (the group's owner). */
  readonly owner: number;
  readonly epochs: readonly EpochT[];
}

const enum FormulaKind {
  None = 0,
  Flat = 1,
  FixedRefund = 2,
  /** From the average monthly earnings (check/amounts.ts computeFormula). */
  Pension = 3,
  Replacement = 4,
  RateRefund = 5,
}

/** A benefit formula at the date (one shape for every kind, so that reading it stays monomorphic). */
interface FormulaT {
  readonly kind: FormulaKind;
  /** The flat amount or the refund per month; NaN when a parameter has no value. */
  readonly value: number;
  /** Every parameter of an earnings formula has a value at the date (else no amount, as check()). */
  readonly known: boolean;
  /** The pension's or the replacement's rate; the refund's rates summed. */
  readonly rate: number;
  readonly accrualPerYear: number;
  readonly accrualAfter: number;
  /** Average over the last N insured months; 0: all of them. */
  readonly lastN: number;
  /** Infinity without a ceiling. */
  readonly ceiling: number;
  /** M_s of the pro-rata formula; NaN without one (the aggregated months are used). */
  readonly fullMonths: number;
}

interface AgreementT {
  readonly parties: readonly number[];
  readonly minOwn: number;
}

interface BranchT {
  readonly branch: number;
  readonly bit: number;
  readonly key: number;
  readonly proRata: boolean;
  /** Index into the group's views: the months it counts (from insuredFrom, with which partners). */
  view: number;
  readonly insuredFrom: number;
  readonly requiredUnknown: boolean;
  /** -1: no minimum. */
  readonly required: number;
  /** 0 none, 1 one age, 2 by sex. Ages in months (Math.round(age × 12)); NaN when unknown. */
  readonly ageKind: 0 | 1 | 2;
  readonly age: number;
  readonly ageFemale: number;
  readonly ageMale: number;
  /** 0 none, 1 known, 2 a parameter has no value. */
  readonly recentKind: 0 | 1 | 2;
  readonly recentNeed: number;
  readonly recentWithin: number;
  readonly coveredAtEvent: boolean;
  readonly hasOtherwise: boolean;
  readonly totalizing: readonly AgreementT[];
  readonly partnerCountries: readonly number[];
  readonly main: FormulaT;
  readonly otherwise: FormulaT | null;
  /** The main formula is pension or flat: pro-rated under an agreement. */
  readonly mainProRatable: boolean;
  /** 0 no, 1 yes, 2 unknown. */
  readonly paidAbroad: 0 | 1 | 2;
  readonly exportTo: Uint8Array;
  readonly hasClaim: boolean;
  readonly language: Uint8Array;
  readonly moneyNo: boolean;
  readonly certifiedOnly: boolean;
  /**
   * The decision reads the months (a minimum, a recent window, old age's months lost, a refund
   * per month, a pro-rated amount): without, the months are not counted for it.
   */
  readonly needsCounts: boolean;
  /** A pension's amount reads them too, for a worker with earnings (without, it has no amount). */
  readonly earningsCounts: boolean;
}

/** The months a branch counts: its own from `insuredFrom`, aggregated with the partners' months. */
interface ViewT {
  readonly insuredFrom: number;
  readonly partners: readonly number[];
}

interface GroupT {
  readonly country: number;
  readonly partner: boolean;
  readonly branches: readonly BranchT[];
  readonly views: readonly ViewT[];
  /** The jurisdiction's currency: earnings in another are not known to it (check/amounts.ts). */
  readonly currency: string;
  /** Equal signatures: the group decides every worker the same way under both laws. */
  readonly signature: string;
}

/** One law (a knowledge base at a date) compiled into tables. */
interface LawT {
  readonly schemes: readonly SchemeT[];
  readonly groups: readonly (GroupT | null)[];
  /** Schemes with rules for work in the country, by country code. */
  readonly inCountry: readonly (readonly SchemeT[])[];
  /** Schemes of a nationality state with rules for work abroad, by country code. */
  readonly abroad: readonly (readonly SchemeT[])[];
  /** Equal signatures: both laws cover every period the same way. */
  readonly coverageSignature: string;
}

/** Why a law cannot be evaluated by the kernel at all (every worker then takes the scalar path). */
export interface KernelLawProblem {
  readonly reason: string;
}

function readQuantity(j: CompiledJurisdiction, q: Quantity, at: Month): number {
  if (typeof q === 'number') return q;
  const p = j.parameters.get(q.param);
  const v = p ? versionAt(p.values, at) : undefined;
  return v ? v.value : Number.NaN;
}

/** The branch version in force at `at`, or the last one of a scheme that has since closed (as check()). */
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
  kb: KnowledgeBase,
  country: string,
  branch: Branch,
  provision: 'totalization' | 'export',
  at: Month,
) {
  return (kb.agreementsByCountry.get(country as never) ?? []).filter(
    (a) =>
      a.inForce !== null &&
      holdsIn(a.inForce, at) &&
      a.branches.has(branch) &&
      a.raw.provisions[provision],
  );
}

/** The conditions but nationality and age (check/coverage.ts checkRule) as bitmasks over the codes. */
function conditionMasks(
  rule: CoverageRule,
): Pick<
  RuleT,
  'documents' | 'permits' | 'permitsBindNationals' | 'activities' | 'sectors' | 'employer'
> {
  let permits = 0;
  if (rule.permits)
    for (let p = 1; p < N_PER; p++)
      if (rule.permits.includes(PERMITS[p - 1] as (typeof PERMITS)[number])) permits |= 1 << p;
  let activities = 0;
  for (let a = 0; a < N_ACT; a++) {
    const act = ACTIVITIES[a] as (typeof ACTIVITIES)[number];
    const fails =
      (rule.activities?.only !== undefined && !rule.activities.only.includes(act)) ||
      rule.activities?.except?.includes(act) === true;
    if (!fails) activities |= 1 << a;
  }
  let sectors = 0;
  const sr = rule.sectors;
  const named = sr !== undefined && (sr.only !== undefined || sr.except !== undefined);
  for (let x = 0; x < N_SEC; x++) {
    let fails = false;
    if (named) {
      if (x === 0) fails = true;
      else {
        const sec = SECTORS[x - 1] as (typeof SECTORS)[number];
        if (sr.only && !sr.only.includes(sec)) fails = true;
        if (sr.except?.includes(sec)) fails = true;
      }
    }
    if (!fails) sectors |= 1 << x;
  }
  return {
    documents: rule.requiresDocuments,
    permits: rule.permits ? permits : 0,
    permitsBindNationals: rule.place !== 'in_country',
    activities,
    sectors,
    employer: rule.employer?.nationality === 'nationals_or_permanent_residents',
  };
}

/** The verdict of the nationality condition for a worker of each nationality (one nationality). */
function nationalityTable(rule: CoverageRule, schemeCountry: string): Uint16Array {
  const out = new Uint16Array(N_COUNTRY);
  const n = rule.nationality;
  for (let i = 0; i < N_COUNTRY; i++) {
    const code = COUNTRY_INDEX[i] ?? '';
    const isNational = code === schemeCountry;
    let f = 0;
    if (n === 'nationals' && !isNational) f = FAIL | B_NATIONALS_ONLY;
    else if (n === 'non_nationals' && isNational) f = FAIL | NOT_MEANT;
    else if (n === 'nationals_and_permanent_residents' && !isNational)
      f = FAIL | B_RESIDENCY | UNLESS_PR;
    else if (typeof n === 'object' && 'only' in n && !n.only.includes(code as never))
      f = FAIL | (isNational ? NOT_MEANT : B_NATIONALS_ONLY);
    else if (typeof n === 'object' && 'except' in n && n.except.includes(code as never))
      f = FAIL | (isNational ? NOT_MEANT : B_NATIONALS_ONLY);
    out[i] = f;
  }
  return out;
}

const NO_FORMULA: FormulaT = {
  kind: FormulaKind.None,
  value: Number.NaN,
  known: false,
  rate: Number.NaN,
  accrualPerYear: 0,
  accrualAfter: 0,
  lastN: 0,
  ceiling: Number.POSITIVE_INFINITY,
  fullMonths: Number.NaN,
};

function formulaT(j: CompiledJurisdiction, f: Formula, at: Month): FormulaT {
  const q = (x: Quantity) => readQuantity(j, x, at);
  const ceilingOf = (x: Quantity | undefined) =>
    x === undefined ? Number.POSITIVE_INFINITY : q(x);
  switch (f.type) {
    case 'flat':
      return { ...NO_FORMULA, kind: FormulaKind.Flat, value: q(f.amount) };
    case 'contribution_refund': {
      if (f.fixedPerMonth !== undefined)
        return { ...NO_FORMULA, kind: FormulaKind.FixedRefund, value: q(f.fixedPerMonth) };
      // Summed from 0 in their order, as computeFormula does.
      const rate = (f.rates ?? []).reduce<number>((sum, r) => sum + q(r), 0);
      const ceiling = ceilingOf(f.earningsCeiling);
      const known = !Number.isNaN(rate) && !Number.isNaN(ceiling);
      return { ...NO_FORMULA, kind: FormulaKind.RateRefund, known, rate, ceiling };
    }
    case 'pension': {
      const rate = q(f.rate);
      const accrualPerYear = f.accrual ? q(f.accrual.ratePerYear) : 0;
      const accrualAfter = f.accrual ? q(f.accrual.afterMonths) : 0;
      const ceiling = ceilingOf(f.earningsCeiling);
      return {
        ...NO_FORMULA,
        kind: FormulaKind.Pension,
        known: [rate, accrualPerYear, accrualAfter, ceiling].every((x) => !Number.isNaN(x)),
        rate,
        accrualPerYear,
        accrualAfter,
        lastN: f.averageOverMonths ?? 0,
        ceiling,
        fullMonths: f.fullMonths === undefined ? Number.NaN : q(f.fullMonths),
      };
    }
    case 'earnings_replacement': {
      const rate = q(f.rate);
      const ceiling = ceilingOf(f.earningsCeiling);
      // A duration whose count has no value makes the whole formula missing, as computeFormula.
      const duration = f.duration ? q(f.duration.count) : 0;
      return {
        ...NO_FORMULA,
        kind: FormulaKind.Replacement,
        known: [rate, ceiling, duration].every((x) => !Number.isNaN(x)),
        rate,
        lastN: 3,
        ceiling,
      };
    }
    case 'account_balance':
    case 'in_kind':
    case 'not_computable':
      // No amount (as computeFormula).
      return NO_FORMULA;
  }
}

function compileLaw(
  kb: KnowledgeBase,
  at: Month,
  schemeKey: (id: string) => number,
): LawT | KernelLawProblem {
  const list = [...kb.schemes.values()];
  const local = new Map(list.map((s, i) => [s.id, i]));
  const schemes: SchemeT[] = [];
  const inCountry: SchemeT[][] = Array.from({ length: N_COUNTRY }, () => []);
  const abroad: SchemeT[][] = Array.from({ length: N_COUNTRY }, () => []);
  for (const [i, s] of list.entries()) {
    for (const r of s.coverage) {
      const age = r.rule.age;
      if (age && !Number.isInteger(age.min ?? 0) && !Number.isInteger(age.max ?? 0))
        return { reason: `${s.id}: an age bound that is not a whole number of years` };
      if (age && (!Number.isInteger(age.min ?? 0) || !Number.isInteger(age.max ?? 0)))
        return { reason: `${s.id}: an age bound that is not a whole number of years` };
    }
    const cuts = new Set<number>([s.from]);
    if (s.to !== null) cuts.add(s.to + 1);
    for (const r of s.coverage) {
      cuts.add(r.from);
      if (r.to !== null) cuts.add(r.to + 1);
    }
    const starts = [-1e9, ...[...cuts].sort((a, b) => a - b)];
    const tables = new Map<CoverageRule, RuleT>();
    const ruleT = (rule: CoverageRule): RuleT => {
      let t = tables.get(rule);
      if (!t) {
        t = {
          compulsory: rule.membership === 'compulsory',
          ...conditionMasks(rule),
          nat: nationalityTable(rule, s.country),
          hasAge: rule.age !== undefined,
          ageMin: rule.age?.min,
          ageMax: rule.age?.max,
        };
        tables.set(rule, t);
      }
      return t;
    };
    const epochs: EpochT[] = starts.map((start, k) => {
      const end = (starts[k + 1] ?? 1e9) - 1;
      const holds = start > -1e9 && holdsIn(s, start as Month);
      const rulesFor = (place: CoverageRule['place']) =>
        holds
          ? s.coverage
              .filter((r) => r.rule.place === place && holdsIn(r, start as Month))
              // Compulsory first (a stable sort, as check()).
              .sort((a, b) =>
                a.rule.membership === b.rule.membership
                  ? 0
                  : a.rule.membership === 'compulsory'
                    ? -1
                    : 1,
              )
              .map((r) => ruleT(r.rule))
          : [];
      return { start, end, holds, inCountry: rulesFor('in_country'), abroad: rulesFor('abroad') };
    });
    const owner = local.get(s.branchesFrom) ?? i;
    const t: SchemeT = { local: i, country: countryIndex(s.country), owner, epochs };
    schemes.push(t);
    if (s.coverage.some((r) => r.rule.place === 'in_country')) inCountry[t.country]?.push(t);
    if (s.coverage.some((r) => r.rule.place === 'abroad')) abroad[t.country]?.push(t);
  }

  const groups: (GroupT | null)[] = list.map((s, i) => {
    if ((local.get(s.branchesFrom) ?? i) !== i) return null;
    const j = kb.jurisdictions.get(s.country);
    const country = countryIndex(s.country);
    if (!j)
      return { country, partner: false, branches: [], views: [], currency: '', signature: s.id };
    const branches: BranchT[] = [];
    for (const branch of s.branches.keys()) {
      const version = ruleAt(s, branch, at);
      if (!version) continue;
      branches.push(compileBranch(kb, j, s, branch, version, at, schemeKey));
    }
    const views: ViewT[] = [];
    const viewKeys: string[] = [];
    for (const b of branches) {
      const key = `${b.insuredFrom}:${b.partnerCountries.join(',')}`;
      let v = viewKeys.indexOf(key);
      if (v < 0) {
        v = views.length;
        viewKeys.push(key);
        views.push({ insuredFrom: b.insuredFrom, partners: b.partnerCountries });
      }
      b.view = v;
    }
    const partner = j.raw.scope === 'partner';
    // Branches that count the same months next to each other: each view is worked out once.
    branches.sort((a, b) => a.view - b.view);
    return {
      country,
      partner,
      branches,
      views,
      currency: j.raw.currency,
      signature: JSON.stringify([s.id, partner, branches], (_k, v: unknown) =>
        v instanceof Uint8Array ? Array.from(v.keys()).filter((i) => v[i] === 1) : v,
      ),
    };
  });
  // The currency too: both laws then read a worker's earnings alike, from the same coverage.
  const coverageSignature = JSON.stringify(
    list.map((s) => [
      s.id,
      s.country,
      s.from,
      s.to,
      s.branchesFrom,
      s.coverage,
      kb.jurisdictions.get(s.country)?.raw.currency,
    ]),
  );
  return { schemes, groups, inCountry, abroad, coverageSignature };
}

function compileBranch(
  kb: KnowledgeBase,
  j: CompiledJurisdiction,
  s: CompiledScheme,
  branch: Branch,
  version: CompiledBranchRule,
  at: Month,
  schemeKey: (id: string) => number,
): BranchT {
  const rule = version.rule;
  const q = rule.qualifying;
  const b = BRANCHES.indexOf(branch);
  const required = q.minMonths === undefined ? -1 : readQuantity(j, q.minMonths, at);
  let ageKind: 0 | 1 | 2 = 0;
  let age = Number.NaN;
  let ageFemale = Number.NaN;
  let ageMale = Number.NaN;
  const months = (x: number) => (Number.isNaN(x) ? x : Math.round(x * 12));
  if (q.pensionAge !== undefined) {
    if (typeof q.pensionAge === 'object' && 'female' in q.pensionAge) {
      ageKind = 2;
      ageFemale = months(readQuantity(j, q.pensionAge.female, at));
      ageMale = months(readQuantity(j, q.pensionAge.male, at));
    } else {
      ageKind = 1;
      age = months(readQuantity(j, q.pensionAge, at));
    }
  }
  let recentKind: 0 | 1 | 2 = 0;
  let recentNeed = 0;
  let recentWithin = 0;
  if (q.recent) {
    recentNeed = readQuantity(j, q.recent.months, at);
    recentWithin = readQuantity(j, q.recent.within, at);
    recentKind = Number.isNaN(recentNeed) || Number.isNaN(recentWithin) ? 2 : 1;
  }
  const totalizing = agreementsGranting(kb, s.country, branch, 'totalization', at);
  const partnerCountries = new Set<number>();
  for (const a of totalizing)
    for (const p of a.parties) if (p !== s.country) partnerCountries.add(countryIndex(p));
  const exportTo = new Uint8Array(N_COUNTRY);
  for (const a of agreementsGranting(kb, s.country, branch, 'export', at))
    for (const p of a.parties) exportTo[countryIndex(p)] = 1;
  const language = new Uint8Array(N_COUNTRY);
  const main = formulaT(j, rule.benefit, at);
  const otherwise = rule.otherwise ? formulaT(j, rule.otherwise, at) : null;
  const proRataBranch = PRO_RATA_BRANCHES.includes(branch);
  const mainProRatable = rule.benefit.type === 'pension' || rule.benefit.type === 'flat';
  const claim = s.claim;
  if (claim)
    for (let i = 0; i < N_COUNTRY; i++) {
      const langs = kb.jurisdictions.get((COUNTRY_INDEX[i] ?? '') as never)?.raw.languages ?? [];
      if (langs.length > 0 && !claim.languages.some((l) => langs.includes(l))) language[i] = 1;
    }
  return {
    branch: b,
    bit: 1 << b,
    key: schemeKey(s.id) * BRANCHES.length + b,
    proRata: proRataBranch,
    view: 0,
    insuredFrom: rule.insuredFrom === undefined ? -1e9 : parseMonth(rule.insuredFrom),
    requiredUnknown: Number.isNaN(required),
    required,
    ageKind,
    age,
    ageFemale,
    ageMale,
    recentKind,
    recentNeed,
    recentWithin,
    coveredAtEvent: q.coveredAtEvent === true,
    hasOtherwise: rule.otherwise !== undefined,
    totalizing: totalizing.map((a) => ({
      parties: [...a.parties].map(countryIndex),
      minOwn: a.raw.provisions.minOwnMonths ?? 0,
    })),
    partnerCountries: [...partnerCountries],
    main,
    otherwise,
    mainProRatable,
    paidAbroad: rule.paidAbroad === 'no' ? 0 : rule.paidAbroad === 'yes' ? 1 : 2,
    exportTo,
    hasClaim: claim !== undefined,
    language,
    moneyNo: claim?.paysToForeignAccounts === 'no',
    certifiedOnly: claim?.foreignDocuments === 'certified_only',
    // Without a minimum (or with an unknown one: NaN is not < 0, so counted), a recent window,
    // old age, a refund or a pro-rated amount, every month count the decision could read is
    // unused: monthsOwnOk and monthsAggOk hold, `used` only matters to a pro-rated amount, and the
    // aggregation path is reached only when otherOk fails, where it fails too.
    needsCounts:
      !(required < 0) ||
      recentKind === 1 ||
      b === OLD_AGE ||
      main.kind === FormulaKind.FixedRefund ||
      otherwise?.kind === FormulaKind.FixedRefund ||
      (proRataBranch && mainProRatable && main.kind === FormulaKind.Flat),
    earningsCounts: main.kind === FormulaKind.Pension || otherwise?.kind === FormulaKind.Pension,
  };
}

/** The share of average earnings a pension pays after `months` insured months (computeFormula). */
function pensionShare(f: FormulaT, months: number): number {
  return f.rate + f.accrualPerYear * Math.floor(Math.max(0, months - f.accrualAfter) / 12);
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The bits of word `k` at or after span-relative month `cut` (insuredFrom). */
function cutMask(cut: number, k: number): number {
  const low = k * 32;
  if (cut <= low) return -1;
  return cut >= low + 32 ? 0 : -1 << (cut - low);
}

/** Sets bits [a, b] (inclusive, relative to the span) of the bitset at `o`. */
function setRange(bits: Int32Array, o: number, a: number, b: number): void {
  const wa = a >>> 5;
  const wb = b >>> 5;
  const ma = -1 << (a & 31);
  const mb = -1 >>> (31 - (b & 31));
  if (wa === wb) bits[o + wa] = (bits[o + wa] ?? 0) | (ma & mb);
  else {
    bits[o + wa] = (bits[o + wa] ?? 0) | ma;
    for (let w = wa + 1; w < wb; w++) bits[o + w] = -1;
    bits[o + wb] = (bits[o + wb] ?? 0) | mb;
  }
}

/** Per-law results of one worker (one per scheme and branch), for the indicators and the comparison. */
class Results {
  n = 0;
  key = new Int32Array(256);
  bit = new Uint16Array(256);
  entitled = new Uint8Array(256);
  /** 0 none, 1 main, 2 fallback. */
  benefit = new Uint8Array(256);
  paid = new Float64Array(256);
  /** payableAbroad: 0 false, 1 true, 2 null. */
  pay = new Uint8Array(256);
  barriers = new Uint16Array(256);
  /** The scheme covers the worker in the evaluation month. */
  cov = new Uint8Array(256);
  /** Aggregated months of an old-age result with own months; -1 otherwise. */
  agg = new Int32Array(256);
  covered = 0;
  receives = 0;
  notPayable = 0;
  monthsLost = 0;

  push(
    key: number,
    bit: number,
    entitled: number,
    benefit: number,
    paid: number,
    pay: number,
    bars: number,
    cov: number,
    agg: number,
  ): void {
    if (this.n === this.key.length) this.grow();
    const i = this.n++;
    this.key[i] = key;
    this.bit[i] = bit;
    this.entitled[i] = entitled;
    this.benefit[i] = benefit;
    this.paid[i] = paid;
    this.pay[i] = pay;
    this.barriers[i] = bars;
    this.cov[i] = cov;
    this.agg[i] = agg;
  }

  /** Appends result `i` of `o`. */
  copyOne(o: Results, i: number): void {
    this.push(
      o.key[i] ?? 0,
      o.bit[i] ?? 0,
      o.entitled[i] ?? 0,
      o.benefit[i] ?? 0,
      o.paid[i] ?? 0,
      o.pay[i] ?? 0,
      o.barriers[i] ?? 0,
      o.cov[i] ?? 0,
      o.agg[i] ?? -1,
    );
  }

  /** outcomeOf: the masks and the months lost, given every insured month counted once. */
  finish(insured: number): void {
    let covered = 0;
    let receives = 0;
    let notPayable = 0;
    let best = -1;
    for (let i = 0; i < this.n; i++) {
      const bit = this.bit[i] ?? 0;
      if (this.cov[i] === 1) covered |= bit;
      if (this.entitled[i] === 1) {
        receives |= bit;
        if (this.pay[i] === 0) notPayable |= bit;
      }
      best = Math.max(best, this.agg[i] ?? -1);
    }
    this.covered = covered;
    this.receives = receives;
    this.notPayable = notPayable;
    this.monthsLost = best < 0 ? 0 : Math.max(0, insured - best);
  }

  private grow(): void {
    const size = this.key.length * 2;
    const g = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.key = g(this.key, new Int32Array(size));
    this.bit = g(this.bit, new Uint16Array(size));
    this.entitled = g(this.entitled, new Uint8Array(size));
    this.benefit = g(this.benefit, new Uint8Array(size));
    this.paid = g(this.paid, new Float64Array(size));
    this.pay = g(this.pay, new Uint8Array(size));
    this.barriers = g(this.barriers, new Uint16Array(size));
    this.cov = g(this.cov, new Uint8Array(size));
    this.agg = g(this.agg, new Int32Array(size));
  }
}

// Per-group state of one worker under one law.
const G_SEG = 1;
const G_AT = 2;
const G_MEANT = 4;
const G_TOUCHED = 8;

// Month counts of a view, cached per group while its branches are decided.
const V_OWN = 0;
const V_OWN_C = 1;
const V_TOTAL = 2;
const V_RESOLVED = 3;
const V_PARTNERS = 4;
const V_SIZE = 5;

/**
 * The simulation's indicators computed over typed-array columns: coverage of every period by
 * every scheme (rule conditions as tables over small enums, validity as month stretches), insured
 * months as bitsets over the worker's span, aggregation under agreements, qualifying conditions,
 * fallback benefits, the under-one-year rule, export, administrative barriers, and the comparison
 * of baseline and reform — the same decisions as check(), outcomeOf() and diffResults().
 */
export class IndicatorKernel {
  private readonly laws: readonly LawT[];
  /** Why the laws cannot be evaluated here at all; null when they can. */
  readonly problem: string | null;
  /** Baseline and reform cover every period alike: coverage is worked out once per worker. */
  readonly sharedCoverage: boolean;
  /**
   * Per group of the reform, per branch: the index of the baseline's branch that decides alike
   * (its result is copied), or -1. Only with shared coverage.
   */
  private readonly sameBranch: readonly (Int16Array | null)[];
  /** Per group: every branch decides alike under both laws (a worker covered only by such groups is unchanged by the reform). */
  private readonly identical: Uint8Array;
  /**
   * Per group of the reform, per branch: the baseline's branch that differs at most in its
   * agreements (totalization partners, export), or -1. For a worker with no months in any of
   * `alikePartners` and whose nationality `alikeExport` does not flag, such a branch decides
   * alike: its partners' months are never counted and its export at home is the same.
   */
  private readonly alikeBranch: readonly (Int16Array | null)[];
  /** Per group: every branch has an alike baseline branch, one to one. */
  private readonly alikeAll: Uint8Array;
  /** Per group: every totalization partner of its branches, under either law. */
  private readonly alikePartners: readonly Int32Array[];
  /** Per group, by nationality: 1 where some branch exports there under one law and not the other. */
  private readonly alikeExport: readonly Uint8Array[];
  private readonly at: number;

  // Scratch, reused worker after worker.
  private bits = new Int32Array(4096);
  private tmp = new Int32Array(1024);
  private readonly viewData: Int32Array;
  private viewOg = 0;
  private viewCut = 0;
  /** Per group: own months (all, compulsory) without a cut, for worker `workerSerial`. */
  private readonly ownStamp: Int32Array;
  private readonly ownAll: Int32Array;
  private readonly ownC: Int32Array;
  private workerSerial = 0;
  private readonly groupSlot: Int32Array;
  private readonly groupFlags: Uint8Array;
  private readonly groupMiss: Uint16Array;
  private readonly touched: Int32Array;
  private readonly resultFrom: Int32Array;
  private readonly resultTo: Int32Array;
  private nTouched = 0;
  private readonly countrySlot: Int32Array;
  private readonly countries: Int32Array;
  private nCountries = 0;
  private slots = 0;
  private words = 0;
  private base = 0;
  private length = 0;
  private insured = 0;
  private readonly results: readonly Results[];
  private readonly stampA: Int32Array;
  private readonly posA: Int32Array;
  private readonly stampB: Int32Array;
  private serial = 0;
  /** The law whose coverage cover() is working out, and the period row it is at. */
  private coverLaw: LawT | null = null;
  private coverRow = 0;
  private columns: PopulationColumns | null = null;
  /** The worker has earnings in some period: the groups keep their insured months' earnings. */
  private hasEarnings = false;
  /**
   * Per group: where its monthly earnings over the span start in `earn` (valid for worker
   * `earnSerial[g]`): -1 not insured, NaN insured with earnings not known to it, else the highest
   * monthly earnings of the month's periods (check.ts earningsByMonth).
   */
  private earn = new Float64Array(1024);
  private earnUsed = 0;
  private readonly earnAt: Int32Array;
  private readonly earnSerial: Int32Array;

  constructor(baseline: KnowledgeBase, reform: KnowledgeBase | null, at: Month) {
    this.at = at;
    const ids = new Map<string, number>();
    const schemeKey = (id: string) => {
      let k = ids.get(id);
      if (k === undefined) {
        k = ids.size;
        ids.set(id, k);
      }
      return k;
    };
    for (const kb of reform ? [baseline, reform] : [baseline])
      for (const id of kb.schemes.keys()) schemeKey(id);
    const laws: LawT[] = [];
    let problem: string | null = null;
    for (const kb of reform ? [baseline, reform] : [baseline]) {
      const law = compileLaw(kb, at, schemeKey);
      if ('reason' in law) problem = law.reason;
      else laws.push(law);
    }
    this.laws = laws;
    this.problem = problem;
    const [a, b] = laws;
    this.sharedCoverage =
      a !== undefined && b !== undefined && a.coverageSignature === b.coverageSignature;
    this.sameBranch = (b?.groups ?? []).map((g, i) => {
      const ga = a?.groups[i];
      if (!this.sharedCoverage || !g || !ga || g.partner !== ga.partner) return null;
      const sig = (br: BranchT) =>
        JSON.stringify(br, (_k, v: unknown) =>
          v instanceof Uint8Array ? Array.from(v.keys()).filter((x) => v[x] === 1) : v,
        );
      const before = ga.branches.map(sig);
      return Int16Array.from(g.branches, (br) => before.indexOf(sig(br)));
    });
    const oneToOne = (m: Int16Array | null, i: number) => {
      const n = a?.groups[i]?.branches.length ?? -1;
      return m !== null && m.length === n && new Set(m).size === n && !m.includes(-1) ? 1 : 0;
    };
    this.identical = Uint8Array.from(this.sameBranch, oneToOne);
    const AGREEMENT_FIELDS = new Set(['view', 'totalizing', 'partnerCountries', 'exportTo']);
    const loose = (br: BranchT) =>
      JSON.stringify(br, (k, v: unknown) => (AGREEMENT_FIELDS.has(k) ? undefined : v));
    this.alikeBranch = (b?.groups ?? []).map((g, i) => {
      const ga = a?.groups[i];
      if (this.sameBranch[i] === null || !g || !ga) return null;
      const before = ga.branches.map(loose);
      return Int16Array.from(g.branches, (br) => before.indexOf(loose(br)));
    });
    this.alikeAll = Uint8Array.from(this.alikeBranch, oneToOne);
    this.alikePartners = (b?.groups ?? []).map((g, i) => {
      const all = new Set<number>();
      for (const br of [...(g?.branches ?? []), ...(a?.groups[i]?.branches ?? [])])
        for (const p of br.partnerCountries) all.add(p);
      return Int32Array.from(all);
    });
    this.alikeExport = this.alikeBranch.map((m, i) => {
      const out = new Uint8Array(N_COUNTRY);
      const before = a?.groups[i]?.branches ?? [];
      const after = b?.groups[i]?.branches ?? [];
      if (m)
        m.forEach((j, bi) => {
          const x = after[bi]?.exportTo;
          const y = before[j]?.exportTo;
          if (j >= 0 && x && y) for (let n = 0; n < N_COUNTRY; n++) if (x[n] !== y[n]) out[n] = 1;
        });
      return out;
    });
    const keys = ids.size * BRANCHES.length;
    const maxSchemes = Math.max(0, ...laws.map((l) => l.schemes.length));
    const maxViews = Math.max(
      1,
      ...laws.flatMap((l) => l.groups.map((g) => (g ? g.views.length : 0))),
    );
    this.viewData = new Int32Array(maxViews * V_SIZE);
    this.groupSlot = new Int32Array(maxSchemes).fill(-1);
    this.ownStamp = new Int32Array(maxSchemes);
    this.ownAll = new Int32Array(maxSchemes);
    this.ownC = new Int32Array(maxSchemes);
    this.groupFlags = new Uint8Array(maxSchemes);
    this.groupMiss = new Uint16Array(maxSchemes);
    this.touched = new Int32Array(maxSchemes);
    this.resultFrom = new Int32Array(maxSchemes);
    this.resultTo = new Int32Array(maxSchemes);
    this.countrySlot = new Int32Array(N_COUNTRY).fill(-1);
    this.countries = new Int32Array(N_COUNTRY);
    this.results = [new Results(), new Results()];
    this.stampA = new Int32Array(keys);
    this.posA = new Int32Array(keys);
    this.stampB = new Int32Array(keys);
    this.earnAt = new Int32Array(maxSchemes);
    this.earnSerial = new Int32Array(maxSchemes);
  }

  /**
   * Whether the kernel decides worker `w` exactly as check() would; false means the caller runs
   * the scalar engine for it: a period that ends before it starts (which validation rejects), or
   * laws the kernel cannot read.
   */
  supports(c: PopulationColumns, w: number): boolean {
    if (this.problem !== null) return false;
    const end = c.firstPeriod[w + 1] ?? 0;
    for (let r = c.firstPeriod[w] ?? 0; r < end; r++)
      if ((c.to[r] ?? 0) < (c.from[r] ?? 0)) return false;
    return true;
  }

  /**
   * Evaluates every worker of the chunk under the baseline (and the reform) into `out`; sets
   * `fallback[w]` to 1 for a worker the kernel does not support, whose outcomes are left at 0.
   * Returns the number of such workers.
   */
  evaluate(c: PopulationColumns, out: OutcomeColumns, fallback: Uint8Array): number {
    let fallbacks = 0;
    const [ra, rb] = this.results as [Results, Results];
    const [lawA, lawB] = this.laws as [LawT, LawT | undefined];
    for (let w = 0; w < c.workers; w++) {
      if (!this.supports(c, w)) {
        fallback[w] = 1;
        fallbacks++;
        continue;
      }
      fallback[w] = 0;
      this.cover(lawA, c, w);
      this.decide(lawA, c, w, ra, null);
      out.coveredBaseline[w] = ra.covered;
      out.receivesBaseline[w] = ra.receives;
      out.notPayableBaseline[w] = ra.notPayable;
      out.monthsLostBaseline[w] = ra.monthsLost;
      if (!lawB) {
        out.coveredReform[w] = ra.covered;
        out.receivesReform[w] = ra.receives;
        out.notPayableReform[w] = ra.notPayable;
        out.monthsLostReform[w] = ra.monthsLost;
        out.change[w] = 0;
        out.barriersRemoved[w] = 0;
        continue;
      }
      if (this.sharedCoverage && this.unchanged(c.nationality[w] ?? 0)) {
        out.coveredReform[w] = ra.covered;
        out.receivesReform[w] = ra.receives;
        out.notPayableReform[w] = ra.notPayable;
        out.monthsLostReform[w] = ra.monthsLost;
        out.change[w] = 0;
        out.barriersRemoved[w] = 0;
        continue;
      }
      if (this.sharedCoverage) this.decide(lawB, c, w, rb, ra);
      else {
        this.cover(lawB, c, w);
        this.decide(lawB, c, w, rb, null);
      }
      out.coveredReform[w] = rb.covered;
      out.receivesReform[w] = rb.receives;
      out.notPayableReform[w] = rb.notPayable;
      out.monthsLostReform[w] = rb.monthsLost;
      this.compare(ra, rb, out, w);
    }
    return fallbacks;
  }

  /** With shared coverage: every scheme that covers the worker decides alike under both laws. */
  private unchanged(nat: number): boolean {
    for (let t = 0; t < this.nTouched; t++) {
      const g = this.touched[t] ?? 0;
      if (((this.groupFlags[g] ?? 0) & G_SEG) === 0 || this.identical[g] === 1) continue;
      if (this.alikeAll[g] !== 1 || !this.alikeFor(g, nat)) return false;
    }
    return true;
  }

  /** The group's alike branches decide alike for this worker: no partner months, the same export home. */
  private alikeFor(g: number, nat: number): boolean {
    if (this.alikeExport[g]?.[nat] === 1) return false;
    const partners = this.alikePartners[g];
    if (partners)
      for (let i = 0; i < partners.length; i++)
        if ((this.countrySlot[partners[i] ?? 0] ?? -1) >= 0) return false;
    return true;
  }

  /** diffResults + changeOf: gains or better, loses or worse, and the barriers removed where it gains. */
  private compare(a: Results, b: Results, out: OutcomeColumns, w: number): void {
    const s = ++this.serial;
    const { stampA, posA, stampB } = this;
    for (let i = 0; i < a.n; i++) {
      const k = a.key[i] ?? 0;
      stampA[k] = s;
      posA[k] = i;
    }
    let change = 0;
    let removed = 0;
    for (let j = 0; j < b.n; j++) {
      const k = b.key[j] ?? 0;
      stampB[k] = s;
      const was = stampA[k] === s;
      const i = posA[k] ?? 0;
      const wasEntitled = was && a.entitled[i] === 1;
      const isEntitled = b.entitled[j] === 1;
      const barsA = was ? (a.barriers[i] ?? 0) : 0;
      if (!wasEntitled && isEntitled) {
        change |= 1;
        removed |= barsA & ~(b.barriers[j] ?? 0);
        continue;
      }
      if (wasEntitled && !isEntitled) {
        change |= 2;
        continue;
      }
      if (!was) continue;
      const payA = a.pay[i] === 1 ? 1 : 0;
      const payB = b.pay[j] === 1 ? 1 : 0;
      const paidA = a.paid[i] ?? 0;
      const paidB = b.paid[j] ?? 0;
      const benA = a.benefit[i] ?? 0;
      const benB = b.benefit[j] ?? 0;
      if (payB > payA || paidB > paidA || (benA === 2 && benB === 1)) {
        change |= 1;
        removed |= barsA & ~(b.barriers[j] ?? 0);
      } else if (payB < payA || paidB < paidA || (benA === 1 && benB === 2)) change |= 2;
    }
    // Results only under the baseline: loses if it was entitled.
    for (let i = 0; i < a.n; i++) {
      const k = a.key[i] ?? 0;
      if (stampB[k] !== s && a.entitled[i] === 1) change |= 2;
    }
    out.change[w] = change;
    out.barriersRemoved[w] = removed;
  }

  private slot(): number {
    const o = this.slots * 2 * this.words;
    this.slots++;
    const need = o + 2 * this.words;
    if (need > this.bits.length) {
      const grown = new Int32Array(Math.max(need, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits.fill(0, o, need);
    return o;
  }

  private countryOf(country: number): number {
    let o = this.countrySlot[country] ?? -1;
    if (o < 0) {
      o = this.slot();
      this.countrySlot[country] = o;
      this.countries[this.nCountries++] = country;
    }
    return o;
  }

  /** Records that the worker met the group (a miss or a segment). */
  private touch(owner: number): void {
    const flags = this.groupFlags[owner] ?? 0;
    if ((flags & G_TOUCHED) === 0) {
      this.groupFlags[owner] = flags | G_TOUCHED;
      this.touched[this.nTouched++] = owner;
    }
  }

  /** The group's month bitsets (allocated at its first segment). */
  private groupOf(owner: number): number {
    let o = this.groupSlot[owner] ?? -1;
    if (o < 0) {
      this.touch(owner);
      o = this.slot();
      this.groupSlot[owner] = o;
    }
    return o;
  }

  /** mapCoverage of check/coverage.ts: every period by every candidate scheme, into the groups' and countries' month bitsets. */
  private cover(law: LawT, c: PopulationColumns, w: number): void {
    const at = this.at;
    const nat = c.nationality[w] ?? 0;
    const birth = c.birth[w] ?? -1;
    const first = c.firstPeriod[w] ?? 0;
    const end = c.firstPeriod[w + 1] ?? 0;
    for (let i = 0; i < this.nTouched; i++) {
      const g = this.touched[i] ?? 0;
      this.groupSlot[g] = -1;
      this.groupFlags[g] = 0;
      this.groupMiss[g] = 0;
    }
    this.nTouched = 0;
    for (let i = 0; i < this.nCountries; i++) this.countrySlot[this.countries[i] ?? 0] = -1;
    this.nCountries = 0;
    this.slots = 0;
    this.insured = 0;
    this.workerSerial++;
    this.coverLaw = law;
    this.columns = c;
    this.earnUsed = 0;
    let earnings = false;
    for (let r = first; r < end; r++)
      if (!Number.isNaN(c.earnings[r] ?? Number.NaN) && (c.earningsPer[r] ?? 0) > 0)
        earnings = true;
    this.hasEarnings = earnings;
    // The span: from the first month of work to the last (periods cut at `at`).
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = first; r < end; r++) {
      const from = c.from[r] ?? 0;
      if (from > at) continue;
      lo = Math.min(lo, from);
      hi = Math.max(hi, Math.min(c.to[r] ?? 0, at));
    }
    if (lo === Infinity) {
      this.words = 0;
      return;
    }
    this.base = lo;
    this.length = hi - lo + 1;
    this.words = (this.length + 31) >>> 5;

    for (let r = first; r < end; r++) {
      const from = c.from[r] ?? 0;
      if (from > at) continue;
      const to = Math.min(c.to[r] ?? 0, at);
      const country = c.country[r] ?? 0;
      const permit = c.permit[r] ?? 0;
      const activity = c.activity[r] ?? 0;
      const sector = c.sector[r] ?? 0;
      const documented = c.documented[r] ?? 0;
      const insurance = c.insurance[r] ?? 0;
      this.coverRow = r;
      const here = law.inCountry[country];
      if (here)
        for (const s of here)
          this.coverPeriod(
            s,
            false,
            nat,
            nat === country,
            activity,
            sector,
            permit,
            documented,
            insurance,
            birth,
            from,
            to,
          );
      if (nat !== country) {
        const home = law.abroad[nat];
        if (home)
          for (const s of home)
            this.coverPeriod(
              s,
              true,
              nat,
              true,
              activity,
              sector,
              permit,
              documented,
              insurance,
              birth,
              from,
              to,
            );
      }
    }
    // Every insured month, each once.
    const { bits, words } = this;
    let insured = 0;
    for (let k = 0; k < words; k++) {
      let x = 0;
      for (let i = 0; i < this.nCountries; i++) {
        const o = this.countrySlot[this.countries[i] ?? 0] ?? 0;
        x |= (bits[o + k] ?? 0) | (bits[o + words + k] ?? 0);
      }
      insured += popcount(x);
    }
    this.insured = insured;
  }

  /** coverStretch of check/coverage.ts for every stretch of the period in which the scheme's rules do not change. */
  private coverPeriod(
    s: SchemeT,
    abroad: boolean,
    nat: number,
    national: boolean,
    activity: number,
    sector: number,
    permit: number,
    documented: number,
    insurance: number,
    birth: number,
    from: number,
    to: number,
  ): void {
    const epochs = s.epochs;
    for (let e = 0; e < epochs.length; e++) {
      const epoch = epochs[e] as EpochT;
      if (epoch.end < from) continue;
      if (epoch.start > to) break;
      if (!epoch.holds) continue;
      const rules = abroad ? epoch.abroad : epoch.inCountry;
      if (rules.length === 0) continue;
      const a = Math.max(from, epoch.start);
      const b = Math.min(to, epoch.end);
      let missMask = 0;
      let allNotMeant = true;
      let matched = false;
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i] as RuleT;
        let f = rule.nat[nat] ?? 0;
        if ((f & UNLESS_PR) !== 0 && permit === PR) f = 0;
        if (rule.documents && documented === 0) f |= FAIL | B_DOCUMENTATION;
        // Permits bind non-nationals only for work in the worker's own country.
        if (
          rule.permits !== 0 &&
          (rule.permitsBindNationals || !national) &&
          ((rule.permits >>> permit) & 1) === 0
        )
          f |= FAIL | B_DOCUMENTATION;
        if (((rule.activities >>> activity) & 1) === 0) f |= FAIL | B_SECTOR;
        if (((rule.sectors >>> sector) & 1) === 0) f |= FAIL | B_SECTOR;
        if (rule.employer) f |= FAIL | B_SECTOR;
        let wa = a;
        let wb = b;
        if (rule.hasAge) {
          if (birth < 0) f |= FAIL;
          else {
            if (rule.ageMin !== undefined) wa = Math.max(a, birth + rule.ageMin * 12);
            if (rule.ageMax !== undefined) wb = Math.min(b, birth + (rule.ageMax + 1) * 12 - 1);
            if (wa > wb) f |= FAIL;
          }
        }
        if ((f & FAIL) !== 0) {
          missMask |= f & CODES;
          if ((f & NOT_MEANT) === 0) allNotMeant = false;
          continue;
        }
        if (!rule.compulsory && insurance !== INSURANCE_VOLUNTARY) {
          // Voluntary membership not taken up: a miss without a failure.
          allNotMeant = false;
          continue;
        }
        matched = true;
        this.segment(s, wa, wb, rule.compulsory, insurance !== INSURANCE_NONE);
        break;
      }
      if (!matched) {
        const g = s.owner;
        this.touch(g);
        if (!allNotMeant) this.groupFlags[g] = (this.groupFlags[g] ?? 0) | G_MEANT;
        this.groupMiss[g] = (this.groupMiss[g] ?? 0) | missMask;
      }
    }
  }

  private segment(
    s: SchemeT,
    from: number,
    to: number,
    compulsory: boolean,
    counted: boolean,
  ): void {
    const g = s.owner;
    const og = this.groupOf(g);
    let flags = (this.groupFlags[g] ?? 0) | G_SEG;
    if (from <= this.at && this.at <= to) flags |= G_AT;
    this.groupFlags[g] = flags;
    const oc = this.countryOf(s.country);
    if (!counted) return;
    const a = from - this.base;
    const b = to - this.base;
    const v = compulsory ? 0 : this.words;
    setRange(this.bits, og + v, a, b);
    setRange(this.bits, oc + v, a, b);
    if (this.hasEarnings) this.addEarnings(g, a, b);
  }

  /** earningsByMonth of check.ts, for months [a, b] of the group from the period at `coverRow`. */
  private addEarnings(g: number, a: number, b: number): void {
    const c = this.columns as PopulationColumns;
    const r = this.coverRow;
    const length = this.length;
    if (this.earnSerial[g] !== this.workerSerial) {
      const o = this.earnUsed;
      if (o + length > this.earn.length) {
        const grown = new Float64Array(Math.max(o + length, this.earn.length * 2));
        grown.set(this.earn.subarray(0, o));
        this.earn = grown;
      }
      this.earn.fill(-1, o, o + length);
      this.earnUsed = o + length;
      this.earnAt[g] = o;
      this.earnSerial[g] = this.workerSerial;
    }
    const o = this.earnAt[g] ?? 0;
    const amount = c.earnings[r] ?? Number.NaN;
    const per = EARNINGS_PER[c.earningsPer[r] ?? 0];
    const currency = this.coverLaw?.groups[g]?.currency;
    // Not known to the scheme: no earnings, or earnings in another currency.
    const e =
      Number.isNaN(amount) ||
      per === undefined ||
      per === '' ||
      c.currencies[c.currency[r] ?? 0] !== currency
        ? Number.NaN
        : amount * EARNINGS_PER_MONTH[per];
    const earn = this.earn;
    for (let m = o + a; m <= o + b; m++) {
      const prev = earn[m] ?? -1;
      if (Number.isNaN(e)) {
        if (prev < 0) earn[m] = Number.NaN;
      } else if (Number.isNaN(prev) || e > prev) earn[m] = e;
    }
  }

  /**
   * computeFormula's amount from earnings (and its pro-rata under an agreement), rounded to the
   * cent; 0 where it has none (no earnings known to the scheme). Apart from decide(), which runs
   * for every worker, so that code only workers with earnings reach stays out of it.
   */
  private earningsAmount(
    f: FormulaT,
    g: number,
    og: number,
    cut: number,
    ownCount: number,
    total: number,
    ownResolved: number,
    proRated: boolean,
    through: boolean,
  ): number {
    if (f.kind === FormulaKind.RateRefund) {
      const earned = this.totalEarnings(g, og, cut, f.ceiling);
      return Number.isNaN(earned) ? 0 : round2(earned * f.rate);
    }
    const avg = this.averageEarnings(g, og, cut, f.lastN, f.ceiling);
    if (Number.isNaN(avg)) return 0;
    if (f.kind === FormulaKind.Replacement) return round2(avg * f.rate);
    if (f.kind !== FormulaKind.Pension) return 0;
    const own = avg * pensionShare(f, ownCount);
    if (!proRated) return round2(own);
    const independent = through ? 0 : own;
    const full = Number.isNaN(f.fullMonths) ? null : f.fullMonths;
    return round2(
      Math.max(independent, proRata(avg * pensionShare(f, total), ownResolved, total, full)),
    );
  }

  /**
   * The average of the known monthly earnings over the group's last `lastN` insured months from
   * span month `cut` (all of them for 0), each capped at `ceiling`; NaN when none is known.
   * Summed in month order, as check/amounts.ts does, so the amounts agree to the last bit.
   */
  private averageEarnings(
    g: number,
    og: number,
    cut: number,
    lastN: number,
    ceiling: number,
  ): number {
    if (!this.hasEarnings || this.earnSerial[g] !== this.workerSerial) return Number.NaN;
    const first = this.insuredMonthsFrom(og, cut, lastN);
    const o = this.earnAt[g] ?? 0;
    let sum = 0;
    let known = 0;
    for (let m = first; m < this.length; m++) {
      if (!this.insuredAt(og, m, cut)) continue;
      const v = this.earn[o + m] ?? Number.NaN;
      if (Number.isNaN(v) || v < 0) continue;
      sum += Math.min(v, ceiling);
      known++;
    }
    return known === 0 ? Number.NaN : sum / known;
  }

  /** The earnings over every insured month of the group from `cut`, capped; NaN if one is not known or none is insured. */
  private totalEarnings(g: number, og: number, cut: number, ceiling: number): number {
    if (!this.hasEarnings || this.earnSerial[g] !== this.workerSerial) return Number.NaN;
    const o = this.earnAt[g] ?? 0;
    let sum = 0;
    let months = 0;
    for (let m = Math.max(0, cut); m < this.length; m++) {
      if (!this.insuredAt(og, m, cut)) continue;
      const v = this.earn[o + m] ?? Number.NaN;
      if (Number.isNaN(v) || v < 0) return Number.NaN;
      sum += Math.min(v, ceiling);
      months++;
    }
    return months === 0 ? Number.NaN : sum;
  }

  /** Month `m` (span-relative) is one of the group's insured months counted from `cut`. */
  private insuredAt(og: number, m: number, cut: number): boolean {
    if (m < cut) return false;
    const k = m >>> 5;
    const x = (this.bits[og + k] ?? 0) | (this.bits[og + this.words + k] ?? 0);
    return ((x >>> (m & 31)) & 1) === 1;
  }

  /** The span month from which the group's last `lastN` insured months (from `cut`) run; all for 0. */
  private insuredMonthsFrom(og: number, cut: number, lastN: number): number {
    const start = Math.max(0, cut);
    if (lastN <= 0) return start;
    let n = 0;
    for (let m = this.length - 1; m >= start; m--)
      if (this.insuredAt(og, m, cut) && ++n === lastN) return m;
    return start;
  }

  /**
   * Month counts of a group's view: own months from insuredFrom, and aggregated with the partners'
   * (883/2004 art. 6, 987/2009 art. 12). Leaves the partners' months in tmp for within().
   */
  private view(owner: number, og: number, view: ViewT, d: number): void {
    const { bits, words, base, viewData } = this;
    if (this.tmp.length < 2 * words) this.tmp = new Int32Array(2 * words);
    const t = this.tmp;
    const PA = words;
    const cut = view.insuredFrom - base;
    this.viewOg = og;
    this.viewCut = cut;
    let own = 0;
    let ownC = 0;
    if (cut <= 0) {
      // No cut: the group's own counts, worked out once per worker for both laws.
      if (this.ownStamp[owner] !== this.workerSerial) {
        let o = 0;
        let oc = 0;
        for (let k = 0; k < words; k++) {
          const cw = bits[og + k] ?? 0;
          o += popcount(cw | (bits[og + words + k] ?? 0));
          oc += popcount(cw);
        }
        this.ownStamp[owner] = this.workerSerial;
        this.ownAll[owner] = o;
        this.ownC[owner] = oc;
      }
      own = this.ownAll[owner] ?? 0;
      ownC = this.ownC[owner] ?? 0;
    } else
      for (let k = 0; k < words; k++) {
        const m = cutMask(cut, k);
        const cw = (bits[og + k] ?? 0) & m;
        own += popcount(cw | ((bits[og + words + k] ?? 0) & m));
        ownC += popcount(cw);
      }
    let partners = 0;
    let total = own;
    let resolved = own;
    for (const p of view.partners) {
      const op = this.countrySlot[p] ?? -1;
      if (op < 0) continue;
      if (partners === 0) t.fill(0, 0, 2 * words);
      partners++;
      for (let k = 0; k < words; k++) {
        const cw = bits[op + k] ?? 0;
        t[k] = (t[k] ?? 0) | cw;
        t[PA + k] = (t[PA + k] ?? 0) | cw | (bits[op + words + k] ?? 0);
      }
    }
    if (partners > 0) {
      total = 0;
      resolved = ownC;
      for (let k = 0; k < words; k++) {
        const m = cutMask(cut, k);
        const cw = (bits[og + k] ?? 0) & m;
        const vw = (bits[og + words + k] ?? 0) & m;
        total += popcount(cw | vw | (t[PA + k] ?? 0));
        // A voluntary month here gives way to a compulsory month of a partner.
        resolved += popcount(vw & ~cw & ~(t[k] ?? 0));
      }
    }
    viewData[d + V_OWN] = own;
    viewData[d + V_OWN_C] = ownC;
    viewData[d + V_TOTAL] = total;
    viewData[d + V_RESOLVED] = resolved;
    viewData[d + V_PARTNERS] = partners;
  }

  /** Insured months within [a, b] (span-relative) of the last view: own, or own and partners. */
  private within(a: number, b: number, withPartners: boolean): number {
    const { tmp, bits, words, length } = this;
    const og = this.viewOg;
    const cut = this.viewCut;
    const lo = Math.max(0, a);
    const hi = Math.min(length - 1, b);
    if (lo > hi) return 0;
    const wa = lo >>> 5;
    const wb = hi >>> 5;
    let n = 0;
    for (let k = wa; k <= wb; k++) {
      let m = -1;
      if (k === wa) m &= -1 << (lo & 31);
      if (k === wb) m &= -1 >>> (31 - (hi & 31));
      // Own months from insuredFrom; the partners' whatever their date.
      let x = ((bits[og + k] ?? 0) | (bits[og + words + k] ?? 0)) & cutMask(cut, k);
      if (withPartners) x |= tmp[words + k] ?? 0;
      n += popcount(x & m);
    }
    return n;
  }

  /**
   * evaluateBranch of check.ts for every group and branch, then outcomeOf. With `same`, the
   * baseline's results of a group that decides alike under both laws are copied.
   */
  private decide(
    law: LawT,
    c: PopulationColumns,
    w: number,
    res: Results,
    same: Results | null,
  ): void {
    res.n = 0;
    if (this.words === 0) {
      res.finish(0);
      return;
    }
    const { bits, words, base, at, viewData } = this;
    const nat = c.nationality[w] ?? 0;
    const birth = c.birth[w] ?? -1;
    const sex = c.sex[w] ?? 0;
    for (let t = 0; t < this.nTouched; t++) {
      const owner = this.touched[t] ?? 0;
      const start = res.n;
      const fromA = this.resultFrom[t] ?? 0;
      this.resultFrom[t] = start;
      this.resultTo[t] = start;
      const group = law.groups[owner];
      if (!group) continue;
      const flags = this.groupFlags[owner] ?? 0;
      if ((flags & G_SEG) === 0) {
        // Not covered: skipped when every miss says the scheme was never meant for the worker.
        // When both laws cover alike, a scheme that covers nothing gives the same result under
        // both (not entitled, nothing paid), which no indicator counts: left out.
        if ((flags & G_MEANT) !== 0 && !this.sharedCoverage) {
          const bars = this.groupMiss[owner] ?? 0;
          for (const br of group.branches) res.push(br.key, br.bit, 0, 0, 0, 2, bars, 0, -1);
        }
        this.resultTo[t] = res.n;
        continue;
      }
      const og = this.groupSlot[owner] ?? 0;
      const coversAt = (flags & G_AT) !== 0 ? 1 : 0;
      if (group.partner) {
        // A state encoded only as a partner: cannot tell, with its months.
        let size = 0;
        for (let k = 0; k < words; k++)
          size += popcount((bits[og + k] ?? 0) | (bits[og + words + k] ?? 0));
        for (const br of group.branches)
          res.push(
            br.key,
            br.bit,
            0,
            0,
            0,
            2,
            0,
            coversAt,
            br.branch === OLD_AGE && size > 0 ? size : -1,
          );
        this.resultTo[t] = res.n;
        continue;
      }
      const copies = same
        ? this.alikeFor(owner, nat)
          ? this.alikeBranch[owner]
          : this.sameBranch[owner]
        : null;
      let current = -1;
      for (let bi = 0; bi < group.branches.length; bi++) {
        const br = group.branches[bi] as BranchT;
        const j = copies ? (copies[bi] ?? -1) : -1;
        if (same && j >= 0) {
          res.copyOne(same, fromA + j);
          continue;
        }
        let ownCount = 0;
        let total = 0;
        let ownResolved = 0;
        let partners = 0;
        if (br.needsCounts || (br.earningsCounts && this.hasEarnings)) {
          const d = br.view * V_SIZE;
          if (current !== br.view) {
            // Branches are sorted by view: each view's months are worked out once.
            this.view(owner, og, group.views[br.view] as ViewT, d);
            current = br.view;
          }
          ownCount = viewData[d + V_OWN] ?? 0;
          total = viewData[d + V_TOTAL] ?? 0;
          ownResolved = viewData[d + V_RESOLVED] ?? 0;
          partners = viewData[d + V_PARTNERS] ?? 0;
        }
        // Qualifying conditions.
        let unknown = br.requiredUnknown || br.recentKind === 2;
        let ageOk = true;
        if (br.ageKind !== 0) {
          let ageMonths = br.age;
          if (br.ageKind === 2) {
            if (sex !== SEX_FEMALE && sex !== SEX_MALE) unknown = true;
            ageMonths = sex === SEX_FEMALE ? br.ageFemale : br.ageMale;
          }
          if (birth < 0) unknown = true;
          else if (Number.isNaN(ageMonths)) unknown = true;
          else if (at < birth + ageMonths) ageOk = false;
        }
        let recentOwnOk = true;
        let recentAggOk = true;
        if (br.recentKind === 1) {
          // Months within the `within` months before the event month (check/months.ts monthsWithin).
          const a = at - br.recentWithin - base;
          const b = at - 1 - base;
          recentOwnOk = this.within(a, b, false) >= br.recentNeed;
          recentAggOk = partners > 0 ? this.within(a, b, true) >= br.recentNeed : recentOwnOk;
        }
        const coveredOk = !br.coveredAtEvent || coversAt === 1;
        const monthsOwnOk = br.required < 0 || ownCount >= br.required;
        const monthsAggOk = br.required < 0 || total >= br.required;
        const otherOk = ageOk && coveredOk;
        let entitled = 0;
        let through = false;
        let benefit = 0;
        let used = 0;
        let bars = 0;
        if (unknown) {
          // cannot_tell
        } else if (monthsOwnOk && recentOwnOk && otherOk) {
          entitled = 1;
          benefit = 1;
          if (total > ownCount) used = br.totalizing.length;
        } else if (monthsAggOk && recentAggOk && otherOk && partners > 0) {
          let minOwn = 0;
          for (const ag of br.totalizing) {
            let has = false;
            for (const p of ag.parties)
              if (p !== group.country && (this.countrySlot[p] ?? -1) >= 0) has = true;
            if (has) {
              used++;
              minOwn = Math.max(minOwn, ag.minOwn);
            }
          }
          if (!(br.proRata && ownCount < minOwn && !br.hasOtherwise)) {
            // Not the under-one-year rule: entitled through the agreement.
            entitled = 1;
            through = true;
            benefit = 1;
          }
        } else {
          const monthsFail = !(monthsAggOk && recentAggOk);
          if (monthsFail) bars |= B_QUALIFYING;
          if (monthsFail && otherOk && br.hasOtherwise) {
            entitled = 1;
            benefit = 2;
          }
        }
        // The amount paid (0 where check() has none: a parameter or the earnings missing).
        let paid = 0;
        if (benefit !== 0) {
          const f = benefit === 1 ? br.main : (br.otherwise ?? br.main);
          const proRated = benefit === 1 && used > 0 && br.proRata && br.mainProRatable;
          if (f.kind === FormulaKind.Flat && !Number.isNaN(f.value)) {
            if (proRated) {
              const independent = through ? 0 : f.value;
              paid = round2(Math.max(independent, proRata(f.value, ownResolved, total, null)));
            } else paid = round2(f.value);
          } else if (f.kind === FormulaKind.FixedRefund && !Number.isNaN(f.value))
            paid = round2(f.value * ownCount);
          else if (f.known && this.hasEarnings)
            paid = this.earningsAmount(
              f,
              owner,
              og,
              br.insuredFrom - base,
              ownCount,
              total,
              ownResolved,
              proRated,
              through,
            );
        }
        // Payment at home: 0 false, 1 true, 2 null.
        let pay = 0;
        if (nat === group.country || br.paidAbroad === 1 || br.exportTo[nat] === 1) pay = 1;
        else if (br.paidAbroad === 2) pay = 2;
        if (pay === 0) bars |= B_NOT_PAID_ABROAD;
        if (entitled === 1 && br.hasClaim) {
          if (br.language[nat] === 1) bars |= B_LANGUAGE;
          if (pay === 1 && nat !== group.country && br.moneyNo) bars |= B_MONEY;
          if (br.certifiedOnly && nat !== group.country) bars |= B_CERTIFICATION;
        }
        const agg = br.branch === OLD_AGE && ownCount > 0 ? total : -1;
        res.push(br.key, br.bit, entitled, benefit, paid, pay, bars, coversAt, agg);
      }
      this.resultTo[t] = res.n;
    }
    res.finish(this.insured);
  }
}
