import type { Branch, CountryCode } from '../domain.ts';
import { BRANCHES } from '../domain.ts';
import type { KnowledgeBase } from '../kb/knowledge-base.ts';
import { holdsIn, versionAt } from '../kb/knowledge-base.ts';
import type { Month } from '../time/month.ts';
import type { Openness } from './open-to-migrants.ts';
import { openSchemes } from './open-to-migrants.ts';

/** The report's five principles, plus solidarity and gender equity added in its discussion. */
export const PRINCIPLES = [
  { id: 'equality_of_treatment', title: 'Equality of treatment' },
  { id: 'benefits_abroad', title: 'Provision of benefits abroad' },
  { id: 'administration', title: 'Administration of the system' },
  { id: 'totalization', title: 'Totalizing' },
  { id: 'assistance', title: 'Assistance for migrants' },
  { id: 'solidarity', title: 'Social solidarity' },
  { id: 'gender_equity', title: 'Gender equity' },
] as const;
export type PrincipleId = (typeof PRINCIPLES)[number]['id'];

export type PrincipleLevel = 'met' | 'partly_met' | 'not_met';

export interface PrincipleScore {
  readonly id: PrincipleId;
  readonly title: string;
  readonly score: PrincipleLevel;
  readonly evidence: readonly string[];
  readonly unverified: boolean;
}

export interface CorridorPrinciples {
  readonly origin: CountryCode;
  readonly destination: CountryCode;
  readonly at: Month;
  readonly agreements: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: string;
    readonly binding: boolean;
    readonly inForce: boolean;
  }[];
  readonly principles: readonly PrincipleScore[];
}

const CASH_LONG_TERM: readonly Branch[] = [
  'old_age',
  'invalidity',
  'survivors',
  'employment_injury',
];

const level = (all: number, some: number): PrincipleLevel =>
  all > 0 && some === all ? 'met' : some > 0 ? 'partly_met' : 'not_met';

/**
 * Scores the principles for a corridor (origin → destination) at a date, from the encoded law and
 * agreements only; each score carries its evidence (docs/principles.md explains the method).
 */
export function scorePrinciples(
  kb: KnowledgeBase,
  origin: CountryCode,
  destination: CountryCode,
  at: Month,
): CorridorPrinciples {
  const between = [...(kb.agreementsByCountry.get(origin) ?? [])].filter((a) =>
    a.parties.has(destination),
  );
  const binding = between.filter((a) => a.inForce !== null && holdsIn(a.inForce, at));
  const nonBinding = between.filter((a) => !a.raw.binding);
  const inbound = new Map<Branch, Openness[]>(
    BRANCHES.map((b) => [b, openSchemes(kb, destination, b, at, 'inbound', origin)]),
  );
  const home = new Map<Branch, Openness[]>(
    BRANCHES.map((b) => [b, openSchemes(kb, destination, b, at, 'nationals_at_home')]),
  );
  const unverifiedIn = (list: readonly Openness[]) => list.some((o) => o.unverified);
  const names = (list: readonly Openness[]) =>
    [...new Set(list.map((o) => o.scheme.id))].join(', ');
  const dName = kb.jurisdictions.get(destination)?.raw.name ?? destination;
  const oName = kb.jurisdictions.get(origin)?.raw.name ?? origin;
  const scores: PrincipleScore[] = [];
  const nonBindingNote =
    nonBinding.length > 0
      ? [`Non-binding, so not counted: ${nonBinding.map((a) => a.raw.title).join('; ')}.`]
      : [];

  // 1. Equality of treatment: the branches nationals have at home, open to migrants from the origin.
  {
    // Equal means open on the same conditions as nationals: a condition only migrants face (a
    // particular permit, say) makes the branch count as partly open.
    const nationalBranches = BRANCHES.filter((b) => (home.get(b) ?? []).length > 0);
    let equal = 0;
    let open = 0;
    const evidence = nationalBranches.map((b) => {
      const forNationals = home.get(b) ?? [];
      const forMigrants = inbound.get(b) ?? [];
      if (forMigrants.length === 0) return `${b}: nationals only (${names(forNationals)})`;
      open++;
      // Each scheme nationals are compulsorily in must take migrants on the same terms.
      const compulsory = forNationals.filter((n) => n.membership === 'compulsory');
      const reference = compulsory.length > 0 ? compulsory : forNationals;
      const extras = reference.map((n) => {
        const m = forMigrants.find((x) => x.scheme === n.scheme);
        if (!m) return [`${n.scheme.id} closed to migrants`];
        const extra = m.conditions.filter((c) => !n.conditions.includes(c));
        return m.membership === n.membership
          ? extra
          : [...extra, `${n.scheme.id} only voluntary for migrants`];
      });
      const extra = [...new Set(extras.flat())];
      if (extra.length === 0) equal++;
      return `${b}: open to ${origin} nationals (${names(forMigrants)})${extra.length > 0 ? `; but ${extra.join('; ')}` : ', on the same terms as nationals'}`;
    });
    const eq = binding.filter((a) => a.raw.provisions.equalTreatment);
    if (eq.length > 0) evidence.push(`Equal treatment under ${eq.map((a) => a.id).join(', ')}.`);
    const score: PrincipleLevel =
      nationalBranches.length > 0 && equal === nationalBranches.length
        ? 'met'
        : open > 0
          ? 'partly_met'
          : 'not_met';
    scores.push({
      id: 'equality_of_treatment',
      title: 'Equality of treatment',
      score,
      evidence: evidence.length > 0 ? evidence : [`No scheme of ${dName} is encoded.`],
      unverified: unverifiedIn(nationalBranches.flatMap((b) => inbound.get(b) ?? [])),
    });
  }

  // 2. Provision of benefits abroad: long-term cash benefits payable to a residence in the origin.
  {
    const evidence: string[] = [];
    let covered = 0;
    let exported = 0;
    for (const b of CASH_LONG_TERM) {
      for (const o of inbound.get(b) ?? []) {
        covered++;
        const owner = kb.schemes.get(o.scheme.branchesFrom) ?? o.scheme;
        const rule = versionAt(owner.branches.get(b) ?? [], at)?.rule;
        const byAgreement = binding.find((a) => a.raw.provisions.export && a.branches.has(b));
        if (rule?.paidAbroad === 'yes' || byAgreement) {
          exported++;
          evidence.push(
            `${o.scheme.id} ${b}: paid abroad${byAgreement ? ` under ${byAgreement.id}` : ' by national law'}`,
          );
        } else if (rule?.onDeparture) {
          evidence.push(
            `${o.scheme.id} ${b}: not paid abroad${rule.paidAbroad === 'unknown' ? ' (unknown)' : ''}; instead ${rule.onDeparture.description}`,
          );
        } else
          evidence.push(
            `${o.scheme.id} ${b}: ${rule?.paidAbroad === 'unknown' ? 'payment abroad unknown' : 'not paid abroad'}`,
          );
      }
    }
    if (covered === 0)
      evidence.push(`Migrants from ${oName} have no long-term cash benefit in ${dName}.`);
    scores.push({
      id: 'benefits_abroad',
      title: 'Provision of benefits abroad',
      score: level(covered, exported),
      evidence: [...evidence, ...nonBindingNote],
      unverified: CASH_LONG_TERM.some((b) => unverifiedIn(inbound.get(b) ?? [])),
    });
  }

  // 3. Administration: an agreement that says which state is competent and how institutions cooperate.
  {
    const full = binding.filter(
      (a) => a.raw.provisions.detachment !== null || a.raw.provisions.administrativeAssistance,
    );
    const some = binding.filter(
      (a) =>
        a.raw.provisions.export || a.raw.provisions.totalization || a.raw.provisions.equalTreatment,
    );
    const mous = binding.filter((a) => a.raw.kind === 'labour_mou');
    const evidence = [
      ...full.map(
        (a) =>
          `${a.id}: ${a.raw.provisions.detachment ? `posted workers stay under the sending state for ${a.raw.provisions.detachment.maxMonths} months` : 'administrative assistance between institutions'}`,
      ),
      ...mous.map((a) => `${a.id}: a labour MOU; it grants no social-security coordination`),
      ...nonBindingNote,
    ];
    if (evidence.length === 0)
      evidence.push(`No agreement between ${oName} and ${dName} is encoded.`);
    scores.push({
      id: 'administration',
      title: 'Administration of the system',
      score: full.length > 0 ? 'met' : some.length > 0 ? 'partly_met' : 'not_met',
      evidence,
      unverified: [...full, ...some].some((a) => !a.raw.verified),
    });
  }

  // 4. Totalizing: periods in both states count toward each other's qualifying periods.
  {
    const tot = binding.filter((a) => a.raw.provisions.totalization);
    const branches = new Set(tot.flatMap((a) => [...a.branches]));
    const longTerm = (['old_age', 'invalidity', 'survivors'] as const).filter((b) =>
      branches.has(b),
    );
    const evidence = tot.map((a) => `${a.id}: totalization for ${[...a.branches].join(', ')}`);
    if (tot.length === 0)
      evidence.push(
        `No agreement in force between ${oName} and ${dName} totalizes insurance periods.`,
      );
    scores.push({
      id: 'totalization',
      title: 'Totalizing',
      score: level(3, longTerm.length),
      evidence: [...evidence, ...nonBindingNote],
      unverified: tot.some((a) => !a.raw.verified),
    });
  }

  // 5. Assistance: the origin protects its nationals abroad; the destination's schemes can be claimed in their language or with help.
  {
    const abroad = BRANCHES.flatMap((b) => openSchemes(kb, origin, b, at, 'outbound'));
    const abroadSchemes = [...new Map(abroad.map((o) => [o.scheme.id, o.scheme])).values()];
    const originLanguages = kb.jurisdictions.get(origin)?.raw.languages ?? [];
    const destSchemes = [
      ...new Map(
        BRANCHES.flatMap((b) => inbound.get(b) ?? []).map((o) => [o.scheme.id, o.scheme]),
      ).values(),
    ];
    const inLanguage = destSchemes.filter((s) =>
      s.claim?.languages.some((l) => originLanguages.includes(l)),
    );
    const officesThere = abroadSchemes.filter((s) =>
      s.claim?.offices.some((o) => o.country === destination),
    );
    const evidence = [
      abroadSchemes.length > 0
        ? `${oName} covers its nationals abroad: ${abroadSchemes.map((s) => s.id).join(', ')}`
        : `${oName} has no encoded scheme for its nationals abroad.`,
      inLanguage.length > 0
        ? `Claims in the origin's language: ${inLanguage.map((s) => s.id).join(', ')}`
        : `${dName}'s schemes do not take claims in ${originLanguages.join('/') || 'the origin’s languages'}.`,
      ...(officesThere.length > 0
        ? [`Offices in ${dName}: ${officesThere.map((s) => s.id).join(', ')}`]
        : []),
      ...binding
        .filter((a) => a.raw.provisions.administrativeAssistance)
        .map((a) => `Administrative assistance under ${a.id}.`),
    ];
    const parts = [
      abroadSchemes.length > 0,
      inLanguage.length > 0 || officesThere.length > 0,
    ].filter(Boolean).length;
    scores.push({
      id: 'assistance',
      title: 'Assistance for migrants',
      score: parts === 2 ? 'met' : parts === 1 ? 'partly_met' : 'not_met',
      evidence,
      unverified: abroad.some((o) => o.unverified),
    });
  }

  // 6. Solidarity: migrants pooled in contributory social insurance, not only private or individual cover.
  {
    const open = [
      ...new Map(
        BRANCHES.flatMap((b) => inbound.get(b) ?? []).map((o) => [o.scheme.id, o] as const),
      ).values(),
    ];
    const pooled = open.filter((o) => o.scheme.raw.kind === 'social_insurance');
    const other = open.filter(
      (o) =>
        o.scheme.raw.kind !== 'social_insurance' &&
        o.scheme.raw.kind !== 'mandatory_private_insurance',
    );
    const evidence = open.map((o) => `${o.scheme.id}: ${o.scheme.raw.kind.replace(/_/g, ' ')}`);
    if (open.length === 0)
      evidence.push(`No scheme of ${dName} is open to migrants from ${oName}.`);
    scores.push({
      id: 'solidarity',
      title: 'Social solidarity',
      score: pooled.length > 0 ? 'met' : other.length > 0 ? 'partly_met' : 'not_met',
      evidence,
      unverified: unverifiedIn(open),
    });
  }

  // 7. Gender equity: domestic work (mostly women's work) covered, and maternity open to migrants.
  {
    const cash = CASH_LONG_TERM.flatMap((b) => inbound.get(b) ?? []);
    // Voluntary membership alone is not coverage: domestic workers seldom join what no employer must pay into.
    const domesticIn = cash.filter((o) => !o.excludesDomesticWork && o.membership === 'compulsory');
    const maternity = inbound.get('maternity') ?? [];
    const evidence = [
      domesticIn.length > 0
        ? `Domestic workers compulsorily covered: ${[...new Set(domesticIn.map((o) => o.scheme.id))].join(', ')}`
        : `No compulsory long-term cash scheme covers migrant domestic workers${cash.length > 0 ? ` (${[...new Set(cash.map((o) => o.scheme.id))].join(', ')} exclude them or are voluntary)` : ''}.`,
      maternity.length > 0
        ? `Maternity open to migrants: ${names(maternity)}`
        : 'No maternity benefit for migrants.',
    ];
    const parts = [domesticIn.length > 0, maternity.length > 0].filter(Boolean).length;
    scores.push({
      id: 'gender_equity',
      title: 'Gender equity',
      score: parts === 2 ? 'met' : parts === 1 ? 'partly_met' : 'not_met',
      evidence,
      unverified: unverifiedIn([...domesticIn, ...maternity]),
    });
  }

  return {
    origin,
    destination,
    at,
    agreements: between.map((a) => ({
      id: a.id,
      title: a.raw.title,
      kind: a.raw.kind,
      binding: a.raw.binding,
      inForce: a.inForce !== null && holdsIn(a.inForce, at),
    })),
    principles: scores,
  };
}
