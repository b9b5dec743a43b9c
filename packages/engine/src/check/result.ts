import type { Requirement } from '../analysis/open-to-migrants.ts';
import type { BarrierCode, Branch, CountryCode, Money } from '../domain.ts';
import type { PERMITS } from '../schema/common.ts';

/** What the engine concludes for one scheme and branch (DESIGN §3.4). */
export type Status =
  'entitled' | 'entitled_through_agreement' | 'not_entitled' | 'not_covered' | 'cannot_tell';

/** An amount with the period it is paid for. */
export interface Amount extends Money {
  readonly per: 'month' | 'year' | 'once';
}

/** The amounts of a benefit (Reg. 883/2004 art. 52): independent, theoretical, pro-rata, and paid. */
export interface Amounts {
  readonly independent: Amount | null;
  readonly theoretical: Amount | null;
  readonly proRata: Amount | null;
  readonly paid: Amount | null;
  /** For benefits paid over a time, how long (e.g. 180 days of sickness benefit). */
  readonly duration: { readonly count: number; readonly unit: 'days' | 'months' } | null;
}

/**
 * A coverage condition the worker does not meet, structured: a requirement of the countries
 * matrix, or one of the conditions that only a worker can fail (nationality, age).
 */
export type UnmetCondition =
  | Requirement
  | {
      readonly kind:
        | 'nationals'
        | 'non_nationals'
        | 'nationals_and_permanent_residents'
        | 'age'
        | 'sector_unknown';
    };

/** A law change that would remove a barrier, as a code (its `description` says it in English). */
export type LawChange =
  'open_to_non_nationals' | 'open_to_non_residents' | 'cover_undocumented' | 'extend_to_work';

/** A worker's own step that would remove a barrier, as a code (its `description` says it in English). */
export type RemedyAction =
  | 'more_months'
  | 'help_with_forms'
  | 'bank_account'
  | 'certify_papers'
  | 'regularise'
  | 'claim_before_leaving';

/** Something that would remove a barrier. The English `description` is for the CLI and logs; interfaces in other languages say it from the structured fields. */
export type Remedy =
  | {
      readonly kind: 'agreement';
      readonly parties: readonly CountryCode[];
      readonly provision: 'totalization' | 'export' | 'equal_treatment';
      readonly branch: Branch;
      readonly description: string;
    }
  | {
      readonly kind: 'law_change';
      readonly country: CountryCode;
      readonly scheme: string;
      readonly description: string;
      readonly change?: LawChange;
      readonly schemeName?: string;
    }
  | {
      readonly kind: 'action';
      readonly description: string;
      readonly action?: RemedyAction;
      /** more_months: how many. */
      readonly months?: number;
      /** bank_account: where. */
      readonly country?: CountryCode;
      /** regularise: the papers that would do. */
      readonly permits?: readonly (typeof PERMITS)[number][];
      /** claim_before_leaving: what to claim, English prose from the knowledge base. */
      readonly text?: string;
    };

/** The facts a barrier's English `message` is made of, for interfaces that say it in another language. */
export interface BarrierDetail {
  readonly schemeName?: string;
  readonly unmet?: UnmetCondition;
  /** qualifying_period: the insured months needed (absent when not known). */
  readonly requiredMonths?: number;
  /** language: the languages claims are made in (ISO 639). */
  readonly languages?: readonly string[];
  /** money_transfer: where accounts must be; not_paid_abroad: the residence. */
  readonly country?: CountryCode;
  readonly branch?: Branch;
  /** not_paid_abroad: what is paid instead, English prose from the knowledge base. */
  readonly onDeparture?: string;
}

export interface Barrier {
  readonly code: BarrierCode;
  readonly kind: 'legal' | 'administrative';
  readonly message: string;
  readonly removedBy: readonly Remedy[];
  readonly detail?: BarrierDetail;
}

/** One of a result's `reasons`, structured (same index), for interfaces in other languages. */
export type ReasonDetail =
  | { readonly code: 'pension_age'; readonly age: number; readonly month: string }
  | { readonly code: 'recent_months'; readonly months: number; readonly within: number }
  | { readonly code: 'not_covered_at_event'; readonly month: string }
  | { readonly code: 'months_short'; readonly required: number; readonly counted: number }
  | { readonly code: 'under_minimum'; readonly months: number }
  | { readonly code: 'partner_only'; readonly country: CountryCode }
  | { readonly code: 'unmet'; readonly unmet: UnmetCondition | null }
  | { readonly code: 'voluntary_not_taken'; readonly from: string; readonly to: string };

/** Where a fact used by the engine comes from. */
export interface Citation {
  readonly title: string;
  readonly url: string;
  readonly ref: string;
  readonly verified: boolean;
}

/** One step of the reasoning: a rule or parameter used, its value, the date it was read at, and its source. */
export interface TraceStep {
  readonly step: string;
  readonly value: string | number | boolean | null;
  readonly at: string | null;
  readonly source: Citation | null;
  readonly note?: string;
}

export interface HowToClaim {
  readonly howTo: string;
  readonly offices: readonly {
    readonly name: string;
    readonly country: string;
    readonly url?: string;
    readonly note?: string;
  }[];
  readonly documents: readonly string[];
  readonly languages: readonly string[];
}

/** The result for one scheme and branch. */
export interface BranchResult {
  readonly country: CountryCode;
  readonly scheme: string;
  readonly schemeName: string;
  readonly branch: Branch;
  readonly status: Status;
  /** `main` when the branch's benefit applies; `fallback` when only its `otherwise` (e.g. a lump sum) does. */
  readonly benefit: 'main' | 'fallback' | null;
  readonly description: string | null;
  readonly months: {
    /** Insured months in this scheme (each calendar month once). */
    readonly own: number;
    /** Months counted after aggregation under agreements (equals own without one). */
    readonly aggregated: number;
    /** Months the qualifying condition needs, if any. */
    readonly required: number | null;
  };
  readonly amounts: Amounts;
  /** Whether the benefit can be paid at the claim's residence; null when the law is not known. */
  readonly payableAbroad: boolean | null;
  readonly residence: CountryCode;
  readonly agreements: readonly string[];
  readonly barriers: readonly Barrier[];
  readonly reasons: readonly string[];
  /** The reasons, structured, index for index (absent from results made before it existed). */
  readonly reasonDetails?: readonly ReasonDetail[];
  readonly missing: readonly string[];
  readonly onDeparture: string | null;
  readonly howToClaim: HowToClaim | null;
  /** Facts this result rests on that are marked unverified in the knowledge base. */
  readonly unverified: readonly string[];
  readonly trace: readonly TraceStep[];
}

/** Which schemes cover a period of the profile, and when. */
export interface PeriodCoverage {
  readonly period: number;
  readonly country: CountryCode;
  readonly from: string;
  readonly to: string;
  readonly schemes: readonly {
    readonly scheme: string;
    readonly country: CountryCode;
    readonly from: string;
    readonly to: string;
    readonly membership: 'compulsory' | 'voluntary';
    readonly counted: boolean;
    readonly detachedUnder: string | null;
  }[];
}

/** The whole answer for one profile at one date. */
export interface CheckResult {
  readonly at: string;
  readonly engineVersion: string;
  readonly residence: CountryCode;
  readonly claim: { readonly branch: Branch; readonly date: string } | null;
  readonly results: readonly BranchResult[];
  readonly coverage: readonly PeriodCoverage[];
  readonly notes: readonly string[];
}
