// A reform built from parts in the studio: each part becomes one change of the engine's reform
// format (docs/engine-semantics.md), so what the studio runs is what the CLI would run.
import type { Branch, CoverageRule, KnowledgeBase, ReformInput } from '@tulay/engine';
import { parseMonth, versionAt } from '@tulay/engine';
import type { MessageKey } from '../i18n/i18n.tsx';

export type ProvisionName =
  'totalization' | 'export' | 'equalTreatment' | 'administrativeAssistance';

/** The provisions an agreement can have, with the message that names each in the interface. */
export const PROVISIONS: readonly { readonly name: ProvisionName; readonly label: MessageKey }[] = [
  { name: 'totalization', label: 'studio.provision.totalization' },
  { name: 'export', label: 'studio.provision.export' },
  { name: 'equalTreatment', label: 'studio.provision.equalTreatment' },
  { name: 'administrativeAssistance', label: 'studio.provision.administrativeAssistance' },
];

export const AGREEMENT_BRANCHES: readonly Branch[] = [
  'old_age',
  'invalidity',
  'survivors',
  'employment_injury',
  'sickness',
  'maternity',
  'medical_care',
  'unemployment',
];

/** Exclusions a coverage rule can have, as the studio offers to lift them. */
export type Exclusion =
  | { readonly kind: 'activity'; readonly value: string }
  | { readonly kind: 'sector'; readonly value: string }
  | { readonly kind: 'documents' }
  | { readonly kind: 'nationality' }
  | { readonly kind: 'employer' };

export type ReformPart =
  | {
      readonly kind: 'agreement';
      readonly parties: readonly [string, string];
      readonly provisions: Readonly<Record<ProvisionName, boolean>>;
      readonly branches: readonly Branch[];
      /** Under-one-year rule: months of own insurance below which a party pays nothing. */
      readonly minOwnMonths: number | null;
    }
  | {
      readonly kind: 'lift';
      readonly country: string;
      readonly scheme: string;
      readonly lift: readonly Exclusion[];
    }
  | {
      readonly kind: 'parameter';
      readonly country: string;
      readonly parameter: string;
      readonly value: number;
    };

export interface ReformDraft {
  readonly title: string;
  readonly from: string;
  readonly parts: readonly ReformPart[];
}

/** The activities a rule can leave out (named in the interface by `activityName.*`). */
const ACTIVITIES: readonly string[] = [
  'employed',
  'self_employed',
  'domestic_worker',
  'seafarer',
  'informal_worker',
  'civil_servant',
];

/**
 * An exclusion in words: the message, and the activity or sector code it names (the interface
 * puts the code's name in the user's language).
 */
export function exclusionMessage(e: Exclusion): {
  readonly key: MessageKey;
  readonly code?: string;
} {
  switch (e.kind) {
    case 'activity':
      return { key: 'studio.exclusion.activity', code: e.value };
    case 'sector':
      return { key: 'studio.exclusion.sector', code: e.value };
    case 'documents':
      return { key: 'studio.exclusion.documents' };
    case 'nationality':
      return { key: 'studio.exclusion.nationality' };
    case 'employer':
      return { key: 'studio.exclusion.employer' };
  }
}

export const exclusionKey = (e: Exclusion): string =>
  'value' in e ? `${e.kind}:${e.value}` : e.kind;

/** The scheme's compulsory in-country rule in force at `at` (the one a lift changes). */
export function mainRule(kb: KnowledgeBase, scheme: string, at: string): CoverageRule | undefined {
  const s = kb.schemes.get(scheme);
  if (!s) return undefined;
  const month = parseMonth(at);
  const inForce = s.coverage.filter(
    (c) => c.rule.place === 'in_country' && versionAt([c], month) !== undefined,
  );
  return (inForce.find((c) => c.rule.membership === 'compulsory') ?? inForce[0])?.rule;
}

/** What the rule excludes, in the terms the studio offers to lift. */
export function exclusionsOf(rule: CoverageRule): Exclusion[] {
  const out: Exclusion[] = [];
  const a = rule.activities;
  if (a?.only)
    for (const x of ACTIVITIES)
      if (!a.only.includes(x as never)) out.push({ kind: 'activity', value: x });
  if (a?.except) for (const x of a.except) out.push({ kind: 'activity', value: x });
  const s = rule.sectors;
  if (s?.except) for (const x of s.except) out.push({ kind: 'sector', value: x });
  if (rule.requiresDocuments || rule.permits) out.push({ kind: 'documents' });
  if (rule.nationality !== 'any') out.push({ kind: 'nationality' });
  if (rule.employer) out.push({ kind: 'employer' });
  return out;
}

type CoverageSet = Record<string, unknown>;

/** The `set` of a change_coverage that lifts the chosen exclusions from the rule. */
export function liftSet(rule: CoverageRule, lift: readonly Exclusion[]): CoverageSet {
  const set: CoverageSet = {};
  const activities = lift
    .filter((e) => e.kind === 'activity')
    .map((e) => ('value' in e ? e.value : ''));
  if (activities.length > 0 && rule.activities) {
    const { only, except } = rule.activities;
    if (only)
      set.activities = { only: [...only, ...activities.filter((x) => !only.includes(x as never))] };
    else if (except) {
      const left = except.filter((x) => !activities.includes(x));
      set.activities = left.length > 0 ? { except: left } : null;
    }
  }
  const sectors = lift.filter((e) => e.kind === 'sector').map((e) => ('value' in e ? e.value : ''));
  if (sectors.length > 0 && rule.sectors?.except) {
    const left = rule.sectors.except.filter((x) => !sectors.includes(x));
    set.sectors = left.length > 0 ? { except: left } : null;
  }
  // Domestic work is both an activity and a sector: lifting one lifts the other.
  if (activities.includes('domestic_worker') && rule.sectors?.except?.includes('domestic_work')) {
    const left = rule.sectors.except.filter((x) => x !== 'domestic_work' && !sectors.includes(x));
    set.sectors = left.length > 0 ? { except: left } : null;
  }
  if (lift.some((e) => e.kind === 'documents')) {
    set.requiresDocuments = false;
    if (rule.permits) set.permits = null;
  }
  if (lift.some((e) => e.kind === 'nationality')) set.nationality = 'any';
  if (lift.some((e) => e.kind === 'employer')) set.employer = null;
  return set;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'reform';

/** The source every part cites: the studio itself, as the proposal is the user's. */
function studioSource(origin: string) {
  return {
    studio: {
      title: 'Drafted in the Tulay simulation studio (a hypothetical reform, not law)',
      url: `${origin}/studio`,
      kind: 'secondary' as const,
    },
  };
}

/** The reform the parts make, in the engine's format; null while it has no complete part. */
export function buildReform(
  draft: ReformDraft,
  kb: KnowledgeBase,
  origin: string,
): ReformInput | null {
  const changes: ReformInput['changes'] = [];
  draft.parts.forEach((part, i) => {
    switch (part.kind) {
      case 'agreement': {
        const [a, b] = part.parties;
        if (!a || !b || a === b) return;
        changes.push({
          op: 'add_agreement',
          agreement: {
            id: `studio-${a.toLowerCase()}-${b.toLowerCase()}-${i + 1}`,
            title: `${a}–${b} social security agreement (hypothetical)`,
            kind: 'social_security_agreement',
            binding: true,
            parties: [a, b],
            inForce: { from: draft.from },
            branches: [...part.branches],
            provisions: {
              equalTreatment: part.provisions.equalTreatment,
              export: part.provisions.export,
              totalization: part.provisions.totalization,
              detachment: null,
              minOwnMonths: part.minOwnMonths,
              administrativeAssistance: part.provisions.administrativeAssistance,
            },
            source: 'studio',
            ref: 'A proposal drafted in the simulation studio',
            verified: false,
            note: 'A proposal, not law.',
            sources: studioSource(origin),
          },
        });
        return;
      }
      case 'lift': {
        const rule = mainRule(kb, part.scheme, draft.from);
        if (!rule || part.lift.length === 0) return;
        changes.push({
          op: 'change_coverage',
          scheme: part.scheme,
          place: 'in_country',
          set: liftSet(rule, part.lift),
        });
        return;
      }
      case 'parameter':
        if (!part.parameter || !Number.isFinite(part.value)) return;
        changes.push({
          op: 'set_parameter',
          country: part.country,
          parameter: part.parameter,
          value: part.value,
        });
    }
  });
  if (changes.length === 0) return null;
  const title = draft.title.trim() || 'A reform drafted in the studio';
  return { id: slug(title), title, from: draft.from, changes };
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_ .,()–'-]*$/;

function scalar(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // A month (2027-01) is a string in YAML 1.2: written plainly, as the example reforms do.
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return s;
  // Quote what YAML would read as something else (numbers, dates, booleans, ": " and "#").
  return PLAIN.test(s) && !/^(true|false|null|yes|no|on|off)$/i.test(s) && !/: |\s#/.test(s)
    ? s
    : JSON.stringify(s);
}

/** The value as YAML (block style), as the reform files in docs/examples/reforms are written. */
export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object'))
      return `[${value.map(scalar).join(', ')}]`;
    return value
      .map((v) => {
        const inner = toYaml(v, `${indent}  `);
        return `\n${indent}- ${inner.replace(/^\n\s*/, '')}`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return entries
      .map(([k, v]) => {
        const inner = toYaml(v, `${indent}  `);
        return `\n${indent}${k}:${inner.startsWith('\n') ? inner : ` ${inner}`}`;
      })
      .join('');
  }
  return scalar(value);
}

/** The reform as a YAML document. */
export function reformYaml(reform: unknown): string {
  return `${toYaml(reform).replace(/^\n/, '')}\n`;
}
