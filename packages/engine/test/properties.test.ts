import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BranchResult, CheckResult, ProfileInput } from '../src/index.ts';
import { check, formatMonth, monthOf, parseMonth } from '../src/index.ts';
import { fixtureKb, profile } from './fixtures.ts';

const kb = fixtureKb();
const kbWithoutSsa = fixtureKb({ withSsa: false });
// Totalization alone: the fixture agreement without its detachment article, which moves posted
// months between states and so may rightly move an entitlement too.
const kbTotalizationOnly = fixtureKb({ detachment: false });
const AT = '2024-06';

const periodArb = fc
  .record({
    country: fc.constantFrom('XA', 'XB'),
    start: fc.integer({ min: monthOf(1995, 1), max: monthOf(2024, 6) }),
    length: fc.integer({ min: 1, max: 180 }),
    activity: fc.constantFrom('employed', 'domestic_worker', 'self_employed'),
    sector: fc.constantFrom('manufacturing', 'fishing', 'construction', 'domestic_work'),
    documented: fc.boolean(),
    insurance: fc.constantFrom('compulsory', 'voluntary', 'none', 'unknown'),
    basis: fc.constantFrom('real', 'real', 'credited'),
    earnings: fc.integer({ min: 100, max: 30000 }),
    posted: fc.constantFrom(undefined, undefined, undefined, 'XA', 'XB'),
    recordedDays: fc.option(fc.integer({ min: 0, max: 2000 }), { freq: 5 }),
  })
  .map((p) => ({
    country: p.country,
    from: formatMonth(p.start as never),
    to: formatMonth((p.start + p.length - 1) as never),
    activity: p.activity,
    sector: p.sector,
    documented: p.documented,
    insurance: p.insurance,
    basis: p.basis,
    earnings: { amount: p.earnings, currency: 'XTS', per: 'month' as const },
    ...(p.posted === undefined || p.posted === p.country ? {} : { postedFrom: p.posted }),
    ...(p.recordedDays === null
      ? {}
      : { recorded: { count: p.recordedDays, unit: 'days' as const, system: 6 as const } }),
  }));

const profileArb = fc
  .record({
    birthYear: fc.integer({ min: 1950, max: 2000 }),
    nationality: fc.constantFrom('XA', 'XB'),
    residence: fc.constantFrom('XA', 'XB'),
    periods: fc.array(periodArb, { minLength: 1, maxLength: 8 }),
  })
  .map((g): ProfileInput => ({
    person: {
      birthDate: `${g.birthYear}-03`,
      nationalities: [g.nationality],
      residence: g.residence,
    },
    periods: g.periods,
  }));

/** What a result decides, without the trace (whose order follows the input). */
const decision = (r: BranchResult) => ({
  scheme: r.scheme,
  branch: r.branch,
  status: r.status,
  benefit: r.benefit,
  months: r.months,
  amounts: r.amounts,
  payable: r.payableAbroad,
  barriers: r.barriers.map((b) => b.code).sort(),
});
const decisions = (c: CheckResult) =>
  c.results
    .map(decision)
    .sort((a, b) => `${a.scheme}/${a.branch}`.localeCompare(`${b.scheme}/${b.branch}`));

const ENTITLED = new Set(['entitled', 'entitled_through_agreement']);

describe('engine invariants (property tests)', () => {
  it('results do not depend on the order of periods', () => {
    fc.assert(
      fc.property(profileArb, fc.integer(), (input, seed) => {
        const shuffled = [...input.periods]
          .sort(
            (a, b) =>
              ((a.from.charCodeAt(5) * 31 + seed) % 7) - ((b.from.charCodeAt(5) * 31 + seed) % 7) ||
              0,
          )
          .reverse();
        const a = check(kb, profile(input), { at: AT, trace: false });
        const b = check(kb, profile({ ...input, periods: shuffled }), { at: AT, trace: false });
        expect(decisions(b)).toEqual(decisions(a));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('months counted never exceed the calendar months worked', () => {
    fc.assert(
      fc.property(profileArb, (input) => {
        const p = profile(input);
        const calendar = new Set<number>();
        const at = parseMonth(AT);
        for (const period of p.periods)
          for (let m = parseMonth(period.from); m <= Math.min(parseMonth(period.to), at); m++)
            calendar.add(m);
        for (const r of check(kb, p, { at: AT, trace: false }).results) {
          expect(r.months.own).toBeLessThanOrEqual(calendar.size);
          expect(r.months.aggregated).toBeLessThanOrEqual(calendar.size);
          expect(r.months.own).toBeLessThanOrEqual(r.months.aggregated);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('the pro-rata amount never exceeds the full (theoretical) benefit, and the paid amount is max(I, P)', () => {
    fc.assert(
      fc.property(profileArb, (input) => {
        for (const r of check(kb, profile(input), { at: AT, trace: false }).results) {
          const { theoretical, proRata, independent, paid } = r.amounts;
          if (theoretical && proRata)
            expect(proRata.amount).toBeLessThanOrEqual(theoretical.amount);
          if (proRata && independent && paid)
            expect(paid.amount).toBe(Math.max(independent.amount, proRata.amount));
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('adding a totalization agreement never takes an entitlement away', () => {
    fc.assert(
      fc.property(profileArb, (input) => {
        const p = profile(input);
        const before = check(kbWithoutSsa, p, { at: AT, trace: false });
        const after = check(kbTotalizationOnly, p, { at: AT, trace: false });
        for (const r of before.results) {
          if (!ENTITLED.has(r.status)) continue;
          const same = after.results.find((x) => x.scheme === r.scheme && x.branch === r.branch);
          expect(same && ENTITLED.has(same.status), `${r.scheme} ${r.branch} lost`).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('overlap removal is idempotent: repeating every period changes nothing', () => {
    fc.assert(
      fc.property(profileArb, (input) => {
        const once = check(kb, profile(input), { at: AT, trace: false });
        const twice = check(
          kb,
          profile({ ...input, periods: [...input.periods, ...input.periods] }),
          { at: AT, trace: false },
        );
        expect(decisions(twice)).toEqual(decisions(once));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});
