import type { CompiledScheme } from '../kb/knowledge-base.ts';
import { holdsIn } from '../kb/knowledge-base.ts';
import { ACTIVITIES, PERMITS, SECTORS } from '../schema/common.ts';
import type { Month } from '../time/month.ts';
import type { PopulationColumns } from './population-columns.ts';
import { countryIndex } from './population-columns.ts';

/** Why a scheme cannot be evaluated by the columnar kernel: the scalar engine must do it. */
export interface KernelUnsupported {
  readonly ok: false;
  readonly reason: string;
}

/** A compiled coverage test: fills `out[w]` with 1 where the scheme covers worker `w` in the month. */
export interface CoverageKernel {
  readonly ok: true;
  run(c: PopulationColumns, out: Uint8Array): void;
}

const setOf = (list: readonly string[], all: readonly string[], offset: number): Uint8Array => {
  const mask = new Uint8Array(all.length + offset);
  for (const x of list) {
    const i = all.indexOf(x);
    if (i >= 0) mask[i + offset] = 1;
  }
  return mask;
};

/**
 * Compiles "is the worker covered by `scheme` in month `at`" into a loop over typed-array columns
 * (DESIGN §3.5 columnar path). Only what the scalar engine decides the same way is supported: a
 * scheme whose rules in force at `at` are one compulsory in-country rule without employer
 * conditions, for populations without posting (detachment). Anything else returns the reason, and
 * the caller uses the scalar engine. The rule is the one `check()` applies (check/coverage.ts).
 */
export function compileCoverageKernel(
  scheme: CompiledScheme,
  at: Month,
): CoverageKernel | KernelUnsupported {
  if (!holdsIn(scheme, at)) return { ok: true, run: (_c, out) => out.fill(0) };
  const rules = scheme.coverage.filter((r) => holdsIn(r, at));
  if (rules.length === 0) return { ok: true, run: (_c, out) => out.fill(0) };
  const [only, ...more] = rules;
  if (!only || more.length > 0) return { ok: false, reason: 'several coverage rules in force' };
  const rule = only.rule;
  if (rule.place !== 'in_country') return { ok: false, reason: 'a rule for work abroad' };
  if (rule.membership !== 'compulsory') return { ok: false, reason: 'voluntary membership' };
  if (rule.employer) return { ok: false, reason: 'an employer condition' };

  const country = countryIndex(scheme.country);
  const n = rule.nationality;
  // Nationality test per nationality code: 1 passes.
  const nationalityOk = new Uint8Array(1024).fill(1);
  if (n === 'nationals') {
    nationalityOk.fill(0);
    nationalityOk[country] = 1;
  } else if (n === 'non_nationals') nationalityOk[country] = 0;
  else if (n === 'nationals_and_permanent_residents') {
    return { ok: false, reason: 'a permanent-residence condition' };
  } else if (typeof n === 'object' && 'only' in n) {
    nationalityOk.fill(0);
    for (const x of n.only) nationalityOk[countryIndex(x)] = 1;
  } else if (typeof n === 'object' && 'except' in n) {
    for (const x of n.except) nationalityOk[countryIndex(x)] = 0;
  }
  const needsDocuments = rule.requiresDocuments ? 1 : 0;
  const permitOk = rule.permits ? setOf(rule.permits, PERMITS, 1) : null;
  const activityOnly = rule.activities?.only ? setOf(rule.activities.only, ACTIVITIES, 0) : null;
  const activityExcept = rule.activities?.except
    ? setOf(rule.activities.except, ACTIVITIES, 0)
    : null;
  const sectorRule =
    rule.sectors && (rule.sectors.only || rule.sectors.except) ? rule.sectors : null;
  const sectorOnly = sectorRule?.only ? setOf(sectorRule.only, SECTORS, 1) : null;
  const sectorExcept = sectorRule?.except ? setOf(sectorRule.except, SECTORS, 1) : null;
  const ageMin = rule.age?.min;
  const ageMax = rule.age?.max;

  return {
    ok: true,
    run(c, out) {
      for (let w = 0; w < c.workers; w++) {
        out[w] = 0;
        const nat = c.nationality[w] ?? 0;
        if (nationalityOk[nat] !== 1) continue;
        if (ageMin !== undefined || ageMax !== undefined) {
          const birth = c.birth[w] ?? -1;
          if (birth < 0) continue;
          // The month is within the age band [birth + 12 min, birth + 12 (max + 1) - 1].
          if (ageMin !== undefined && at < birth + ageMin * 12) continue;
          if (ageMax !== undefined && at > birth + (ageMax + 1) * 12 - 1) continue;
        }
        const end = c.firstPeriod[w + 1] ?? 0;
        for (let r = c.firstPeriod[w] ?? 0; r < end; r++) {
          if (c.country[r] !== country || (c.from[r] ?? 0) > at || (c.to[r] ?? 0) < at) continue;
          if (needsDocuments === 1 && c.documented[r] !== 1) continue;
          // Permits bind non-nationals only for work in the worker's own country.
          if (permitOk && nat !== country && permitOk[c.permit[r] ?? 0] !== 1) continue;
          const a = c.activity[r] ?? 0;
          if (activityOnly && activityOnly[a] !== 1) continue;
          if (activityExcept && activityExcept[a] === 1) continue;
          const s = c.sector[r] ?? 0;
          if (sectorRule && s === 0) continue;
          if (sectorOnly && sectorOnly[s] !== 1) continue;
          if (sectorExcept && sectorExcept[s] === 1) continue;
          out[w] = 1;
          break;
        }
      }
    },
  };
}
