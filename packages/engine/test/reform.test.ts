import { describe, expect, it } from 'vitest';
import type { ReformInput } from '../src/index.ts';
import {
  applyReform,
  check,
  compileKnowledgeBase,
  diffResults,
  reformSchema,
} from '../src/index.ts';
import { fixtureKb, homeThenAbroad, profile } from './fixtures.ts';

const baselineKb = fixtureKb({ withSsa: false });

function reformed(input: ReformInput) {
  const applied = applyReform(baselineKb.input, reformSchema.parse(input));
  if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
  const { kb, problems } = compileKnowledgeBase(applied.input);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return kb;
}

// The worker of the multi-country tests (her permit does not matter here).
const worker = homeThenAbroad;

describe('reforms', () => {
  it('adding an agreement from a date: baseline vs reform, per branch', () => {
    const kb = reformed({
      id: 'xa-xb-totalization',
      title: 'An Arcadia–Borduria agreement with totalization and export',
      from: '2025-01',
      changes: [
        {
          op: 'add_agreement',
          agreement: {
            id: 'xa-xb-new',
            title: 'New agreement',
            kind: 'social_security_agreement',
            binding: true,
            parties: ['XA', 'XB'],
            inForce: { from: '2025-01' },
            branches: ['old_age'],
            provisions: {
              equalTreatment: true,
              export: true,
              totalization: true,
              detachment: null,
              minOwnMonths: null,
              administrativeAssistance: true,
            },
            source: 'x',
            ref: 'hypothetical',
            verified: false,
            sources: {
              x: {
                title: 'Reform proposal',
                url: 'https://example.org/proposal',
                kind: 'secondary',
              },
            },
          },
        },
      ],
    });
    const before = check(baselineKb, worker, { at: '2025-06' });
    const after = check(kb, worker, { at: '2025-06' });
    const diff = diffResults(before, after);
    const xa = diff.changes.find((c) => c.scheme === 'xa.si' && c.branch === 'old_age');
    // Before: a 9000.00 refund (fallback, entitled); after: a 250.00 monthly pro-rata pension, payable at home.
    expect(xa).toMatchObject({
      change: 'better',
      before: { paid: 9000, payableAbroad: false },
      after: { paid: 250, payableAbroad: true },
    });
    expect(xa?.barriersRemoved).toEqual(
      expect.arrayContaining(['qualifying_period', 'not_paid_abroad']),
    );
    // Before the reform's date the law is unchanged.
    expect(check(kb, worker, { at: '2024-06' }).results).toEqual(
      check(baselineKb, worker, { at: '2024-06' }).results,
    );
  });

  it('lifting an exclusion from a date covers the months after it only', () => {
    const kb = reformed({
      id: 'xa-domestic',
      title: 'Cover domestic workers in Arcadia',
      from: '2021-01',
      changes: [{ op: 'change_coverage', scheme: 'xa.si', set: { activities: null } }],
    });
    const domestic = profile({
      person: { nationalities: ['XB'], residence: 'XA' },
      periods: [
        {
          country: 'XA',
          from: '2020-01',
          to: '2021-12',
          activity: 'domestic_worker',
          sector: 'care',
          documented: true,
        },
      ],
    });
    const r = check(kb, domestic, { at: '2022-01' }).results.find(
      (x) => x.scheme === 'xa.si' && x.branch === 'sickness',
    );
    expect(r?.months.own).toBe(12);
    expect(r?.status).toBe('entitled');
  });

  it('changing a parameter and export from a date', () => {
    const kb = reformed({
      id: 'xa-shorter',
      title: 'Shorter qualifying period, paid abroad',
      from: '2025-01',
      changes: [
        { op: 'set_parameter', country: 'XA', parameter: 'xa.oa.min_months', value: 60 },
        { op: 'set_paid_abroad', scheme: 'xa.si', branch: 'old_age', paidAbroad: 'yes' },
      ],
    });
    const r = check(kb, worker, { at: '2025-06' }).results.find(
      (x) => x.scheme === 'xa.si' && x.branch === 'old_age',
    );
    expect(r).toMatchObject({
      status: 'entitled',
      benefit: 'main',
      payableAbroad: true,
      months: { own: 60, required: 60 },
    });
  });

  it('names the change that refers to nothing', () => {
    const applied = applyReform(
      baselineKb.input,
      reformSchema.parse({
        id: 'bad',
        title: 'Bad',
        from: '2025-01',
        changes: [
          { op: 'remove_agreement', id: 'nope' },
          { op: 'set_paid_abroad', scheme: 'xa.none', branch: 'old_age', paidAbroad: 'yes' },
        ],
      }),
    );
    expect(applied.ok).toBe(false);
    if (!applied.ok)
      expect(applied.issues).toEqual([
        { path: ['changes', 0, 'id'], message: 'no agreement "nope"' },
        { path: ['changes', 1, 'scheme'], message: 'no scheme "xa.none"' },
      ]);
  });
});
