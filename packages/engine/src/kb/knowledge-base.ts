import type { Branch, CountryCode } from '../domain.ts';
import type { Agreement } from '../schema/agreement.ts';
import type {
  BranchRule,
  ClaimInfo,
  CoverageRule,
  Jurisdiction,
  Parameter,
  Scheme,
  Source,
} from '../schema/jurisdiction.ts';
import type { Month } from '../time/month.ts';

/** Something dated: holds from its first month to its last (null: open-ended). */
export interface Dated {
  readonly from: Month;
  readonly to: Month | null;
}

export interface CompiledParameter {
  readonly id: string;
  readonly country: CountryCode;
  readonly raw: Parameter;
  readonly values: readonly (Dated & { readonly index: number; readonly value: number })[];
}

export interface CompiledCoverageRule extends Dated {
  readonly index: number;
  readonly rule: CoverageRule;
}

export interface CompiledBranchRule extends Dated {
  readonly index: number;
  readonly rule: BranchRule;
}

export interface CompiledScheme extends Dated {
  readonly id: string;
  readonly country: CountryCode;
  readonly index: number;
  readonly raw: Scheme;
  readonly coverage: readonly CompiledCoverageRule[];
  /** Branches with their dated versions, after `basedOn` is resolved. */
  readonly branches: ReadonlyMap<Branch, readonly CompiledBranchRule[]>;
  /** The scheme whose branches these are (itself, or the one it is based on). */
  readonly branchesFrom: string;
  readonly claim: ClaimInfo | undefined;
}

export interface CompiledJurisdiction {
  readonly country: CountryCode;
  readonly raw: Jurisdiction;
  readonly sources: Readonly<Record<string, Source>>;
  readonly parameters: ReadonlyMap<string, CompiledParameter>;
  readonly schemes: readonly CompiledScheme[];
}

export interface CompiledAgreement {
  readonly id: string;
  readonly raw: Agreement;
  readonly parties: ReadonlySet<CountryCode>;
  /** When it binds; null if never (not in force, or not binding). */
  readonly inForce: Dated | null;
  readonly branches: ReadonlySet<Branch>;
}

/** The whole law the engine knows, indexed for evaluation. Immutable: reforms build a new one. */
export interface KnowledgeBase {
  readonly jurisdictions: ReadonlyMap<CountryCode, CompiledJurisdiction>;
  readonly schemes: ReadonlyMap<string, CompiledScheme>;
  readonly agreements: readonly CompiledAgreement[];
  /** Agreements each country is a party to. */
  readonly agreementsByCountry: ReadonlyMap<CountryCode, readonly CompiledAgreement[]>;
  /** The raw inputs, kept so a reform can rebuild from them. */
  readonly input: KnowledgeInput;
}

/** The knowledge base as written: validated packages and agreements. */
export interface KnowledgeInput {
  readonly jurisdictions: readonly Jurisdiction[];
  readonly agreements: readonly Agreement[];
}

/** Whether a dated thing holds in `month`. */
export function holdsIn(d: Dated, month: Month): boolean {
  return d.from <= month && (d.to === null || month <= d.to);
}

/** The one version of a dated list that holds in `month`, if any. */
export function versionAt<T extends Dated>(versions: readonly T[], month: Month): T | undefined {
  return versions.find((v) => holdsIn(v, month));
}
