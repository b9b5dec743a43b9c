import type { Branch, CountryCode } from '../domain.ts';
import type { Agreement } from '../schema/agreement.ts';
import type { Formula, Jurisdiction, Quantity, Scheme } from '../schema/jurisdiction.ts';
import type { Month } from '../time/month.ts';
import { parseMonth } from '../time/month.ts';
import type { JsonPath } from '../validation.ts';
import type {
  CompiledAgreement,
  CompiledBranchRule,
  CompiledJurisdiction,
  CompiledParameter,
  CompiledScheme,
  Dated,
  KnowledgeBase,
  KnowledgeInput,
} from './knowledge-base.ts';

/** Where in the input a problem lies: which document, and the JSON path inside it. */
export interface KbLocation {
  readonly document:
    | { readonly kind: 'jurisdiction'; readonly country: string }
    | { readonly kind: 'agreement'; readonly id: string };
  readonly path: JsonPath;
}

/** A load-time problem with the knowledge base. Errors make it unusable; warnings do not. */
export interface KbProblem extends KbLocation {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The compiled knowledge base and every problem found while compiling it. */
export interface CompileOutcome {
  readonly kb: KnowledgeBase;
  readonly problems: readonly KbProblem[];
}

function dated(from: string, to: string | undefined): Dated {
  return { from: parseMonth(from), to: to === undefined ? null : parseMonth(to) };
}

/**
 * Compiles validated packages and agreements into an indexed knowledge base, checking what a
 * schema cannot: references to sources, parameters and schemes; dated versions that overlap or
 * leave gaps; cycles in `basedOn`; duplicate ids.
 */
export function compileKnowledgeBase(input: KnowledgeInput): CompileOutcome {
  const problems: KbProblem[] = [];
  const jurisdictions = new Map<CountryCode, CompiledJurisdiction>();
  const schemes = new Map<string, CompiledScheme>();

  for (const j of input.jurisdictions) {
    const at = (path: JsonPath, message: string, severity: 'error' | 'warning' = 'error') =>
      problems.push({
        document: { kind: 'jurisdiction', country: j.country },
        path,
        message,
        severity,
      });
    if (jurisdictions.has(j.country)) {
      at(['country'], `a second package for ${j.country}: one package per country`);
      continue;
    }
    const compiled = compileJurisdiction(j, at);
    jurisdictions.set(j.country, compiled);
    for (const s of compiled.schemes) {
      if (schemes.has(s.id)) at(['schemes', s.index, 'id'], `scheme id "${s.id}" is used twice`);
      else schemes.set(s.id, s);
    }
  }

  const agreements: CompiledAgreement[] = [];
  const agreementIds = new Set<string>();
  for (const a of input.agreements) {
    const at = (path: JsonPath, message: string, severity: 'error' | 'warning' = 'error') =>
      problems.push({ document: { kind: 'agreement', id: a.id }, path, message, severity });
    if (agreementIds.has(a.id)) at(['id'], `agreement id "${a.id}" is used twice`);
    agreementIds.add(a.id);
    agreements.push(compileAgreement(a, jurisdictions, at));
  }

  const agreementsByCountry = new Map<CountryCode, CompiledAgreement[]>();
  for (const a of agreements) {
    for (const party of a.parties) {
      const list = agreementsByCountry.get(party) ?? [];
      list.push(a);
      agreementsByCountry.set(party, list);
    }
  }

  return { kb: { jurisdictions, schemes, agreements, agreementsByCountry, input }, problems };
}

type Report = (path: JsonPath, message: string, severity?: 'error' | 'warning') => void;

function checkSource(
  sources: Record<string, unknown>,
  key: string,
  path: JsonPath,
  at: Report,
): void {
  if (!(key in sources))
    at([...path, 'source'], `cites source "${key}", which is not in this file's sources`);
}

/** Checks that dated versions are in order, neither overlap nor leave gaps, and each ends after it starts. */
function checkTimeline(
  items: readonly (Dated & { index: number })[],
  path: JsonPath,
  what: string,
  at: Report,
): void {
  const sorted = [...items].sort((a, b) => a.from - b.from);
  for (const item of items) {
    if (item.to !== null && item.to < item.from)
      at([...path, item.index, 'to'], `${what}: "to" is before "from"`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (!prev || !cur) continue;
    if (prev.to === null || prev.to >= cur.from) {
      at(
        [...path, cur.index, 'from'],
        `${what}: overlaps the version from ${monthText(prev.from)} (entry ${prev.index})`,
      );
    } else if (prev.to + 1 < cur.from) {
      at(
        [...path, cur.index, 'from'],
        `${what}: gap after ${monthText(prev.to)} (entry ${prev.index}); end the previous version the month before`,
      );
    }
  }
}

function monthText(m: Month): string {
  const y = Math.floor(m / 12);
  return `${y}-${String(m - y * 12 + 1).padStart(2, '0')}`;
}

function quantities(f: Formula): Quantity[] {
  switch (f.type) {
    case 'pension':
      return [
        f.rate,
        ...(f.accrual ? [f.accrual.ratePerYear, f.accrual.afterMonths] : []),
        ...(f.earningsCeiling ? [f.earningsCeiling] : []),
        ...(f.fullMonths ? [f.fullMonths] : []),
      ];
    case 'flat':
      return [f.amount];
    case 'earnings_replacement':
      return [
        f.rate,
        ...(f.earningsCeiling ? [f.earningsCeiling] : []),
        ...(f.duration ? [f.duration.count] : []),
      ];
    case 'contribution_refund':
      return [
        ...(f.rates ?? []),
        ...(f.fixedPerMonth ? [f.fixedPerMonth] : []),
        ...(f.earningsCeiling ? [f.earningsCeiling] : []),
      ];
    case 'account_balance':
    case 'in_kind':
    case 'not_computable':
      return [];
  }
}

function compileJurisdiction(j: Jurisdiction, at: Report): CompiledJurisdiction {
  const parameters = new Map<string, CompiledParameter>();
  for (const [id, p] of Object.entries(j.parameters)) {
    const values = p.values.map((v, index) => ({ ...dated(v.from, v.to), index, value: v.value }));
    checkTimeline(values, ['parameters', id, 'values'], `parameter ${id}`, at);
    p.values.forEach((v, i) => {
      checkSource(j.sources, v.source, ['parameters', id, 'values', i], at);
    });
    if (p.unit === 'money' && p.currency === undefined)
      at(['parameters', id, 'currency'], 'a money parameter needs its currency');
    parameters.set(id, {
      id,
      country: j.country,
      raw: p,
      values: values.sort((a, b) => a.from - b.from),
    });
  }

  const checkQuantity = (q: Quantity, path: JsonPath): void => {
    if (typeof q !== 'number' && !parameters.has(q.param)) {
      at(
        [...path, 'param'],
        `refers to parameter "${q.param}", which this package does not define`,
      );
    }
  };

  const byId = new Map(j.schemes.map((s) => [s.id, s] as const));
  const compiled: CompiledScheme[] = j.schemes.map((s, index) => {
    const path = ['schemes', index] as const;
    if (!s.id.startsWith(`${j.country.toLowerCase()}.`)) {
      at([...path, 'id'], `scheme ids of ${j.country} start with "${j.country.toLowerCase()}."`);
    }
    s.coverage.forEach((r, i) => {
      checkSource(j.sources, r.source, [...path, 'coverage', i], at);
      const d = dated(r.from, r.to);
      if (d.to !== null && d.to < d.from)
        at([...path, 'coverage', i, 'to'], 'coverage rule: "to" is before "from"');
    });
    if (s.claim) checkSource(j.sources, s.claim.source, [...path, 'claim'], at);
    const branchesFrom = resolveBasedOn(s, byId, [...path, 'basedOn'], at);
    const owner = byId.get(branchesFrom) ?? s;
    const branches = new Map<Branch, CompiledBranchRule[]>();
    for (const [branch, versions] of Object.entries(owner.branches) as [
      Branch,
      Scheme['branches'][Branch],
    ][]) {
      if (!versions) continue;
      const ownerIndex = j.schemes.indexOf(owner);
      const bpath = ['schemes', ownerIndex, 'branches', branch] as const;
      const list = versions.map((rule, i) => ({ ...dated(rule.from, rule.to), index: i, rule }));
      if (owner === s) {
        checkTimeline(list, bpath, `${s.id} ${branch}`, at);
        versions.forEach((rule, i) => {
          checkSource(j.sources, rule.source, [...bpath, i], at);
          const q = rule.qualifying;
          if (q.minMonths !== undefined)
            checkQuantity(q.minMonths, [...bpath, i, 'qualifying', 'minMonths']);
          const age = q.pensionAge;
          if (age !== undefined && typeof age === 'object' && 'female' in age) {
            checkQuantity(age.female, [...bpath, i, 'qualifying', 'pensionAge', 'female']);
            checkQuantity(age.male, [...bpath, i, 'qualifying', 'pensionAge', 'male']);
          } else if (age !== undefined)
            checkQuantity(age, [...bpath, i, 'qualifying', 'pensionAge']);
          if (q.recent) {
            checkQuantity(q.recent.months, [...bpath, i, 'qualifying', 'recent', 'months']);
            checkQuantity(q.recent.within, [...bpath, i, 'qualifying', 'recent', 'within']);
          }
          for (const key of ['benefit', 'otherwise'] as const) {
            const f = rule[key];
            if (f) for (const q2 of quantities(f)) checkQuantity(q2, [...bpath, i, key]);
          }
          if (rule.onDeparture?.formula)
            for (const q2 of quantities(rule.onDeparture.formula))
              checkQuantity(q2, [...bpath, i, 'onDeparture']);
        });
      }
      branches.set(
        branch,
        list.sort((a, b) => a.from - b.from),
      );
    }
    const validity = dated(s.from, s.to);
    if (validity.to !== null && validity.to < validity.from)
      at([...path, 'to'], 'scheme: "to" is before "from"');
    return {
      id: s.id,
      country: j.country,
      index,
      raw: s,
      ...validity,
      coverage: s.coverage.map((rule, i) => ({ ...dated(rule.from, rule.to), index: i, rule })),
      branches,
      branchesFrom,
      claim: s.claim ?? owner.claim,
    };
  });

  for (const [id, p] of parameters) {
    if (p.raw.values.length === 0) at(['parameters', id], 'no values');
  }

  return { country: j.country, raw: j, sources: j.sources, parameters, schemes: compiled };
}

/** Follows `basedOn` to the scheme that owns the branches, reporting unknown ids and cycles. */
function resolveBasedOn(
  s: Scheme,
  byId: ReadonlyMap<string, Scheme>,
  path: JsonPath,
  at: Report,
): string {
  const seen = [s.id];
  let current = s;
  while (current.basedOn !== undefined && Object.keys(current.branches).length === 0) {
    const next = byId.get(current.basedOn);
    if (!next) {
      at(path, `basedOn "${current.basedOn}" is not a scheme of this package`);
      return s.id;
    }
    if (seen.includes(next.id)) {
      at(path, `basedOn makes a cycle: ${[...seen, next.id].join(' → ')}`);
      return s.id;
    }
    seen.push(next.id);
    current = next;
  }
  if (s.basedOn !== undefined && Object.keys(s.branches).length > 0) {
    at(
      path,
      'basedOn is only used when the scheme lists no branches of its own; remove one of them',
      'warning',
    );
  }
  return current.id;
}

function compileAgreement(
  a: Agreement,
  jurisdictions: ReadonlyMap<CountryCode, CompiledJurisdiction>,
  at: Report,
): CompiledAgreement {
  checkSource(a.sources, a.source, [], at);
  const p = a.provisions;
  const grantsSomething = p.export || p.totalization || p.detachment !== null;
  a.parties.forEach((party, i) => {
    if (!jurisdictions.has(party)) {
      at(
        ['parties', i],
        `party ${party} has no jurisdiction package${grantsSomething && a.binding ? ': its periods cannot be counted' : ''}`,
        grantsSomething && a.binding ? 'error' : 'warning',
      );
    }
  });
  if (new Set(a.parties).size !== a.parties.length) at(['parties'], 'a party is listed twice');
  let inForce: Dated | null = a.inForce ? dated(a.inForce.from, a.inForce.to) : null;
  if (inForce && inForce.to !== null && inForce.to < inForce.from)
    at(['inForce', 'to'], '"to" is before "from"');
  if (!a.binding) inForce = null; // a non-binding instrument grants nothing, whatever it hopes for
  if (grantsSomething && a.branches.length === 0)
    at(['branches'], 'grants coordination but lists no branches');
  return { id: a.id, raw: a, parties: new Set(a.parties), inForce, branches: new Set(a.branches) };
}
