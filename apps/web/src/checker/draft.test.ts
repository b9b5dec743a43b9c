import { describe, expect, it } from 'vitest';
import type { Draft } from './draft.ts';
import { draftToProfile, emptyDraft, emptyPeriod, restoreDraft } from './draft.ts';
import { EXAMPLES } from './examples.ts';

const AT = '2026-11-15';

function worker(change: Partial<Draft> = {}): Draft {
  return {
    ...emptyDraft(),
    nationality: 'KH',
    residence: 'TH',
    periods: [
      { ...emptyPeriod('TH'), from: '2010-06', to: '2020-12', documented: 'yes', permit: 'mou' },
    ],
    ...change,
  };
}

describe('draftToProfile', () => {
  it('turns the answers into a valid profile, with an ongoing period running to the law’s month', () => {
    const out = draftToProfile(
      worker({
        birthMonth: '1988-03',
        periods: [
          {
            ...emptyPeriod('TH'),
            from: '2010-06',
            isOngoing: true,
            documented: 'yes',
            sector: 'construction',
            earnings: '11000',
            currency: 'THB',
          },
        ],
      }),
      AT,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.profile.person).toEqual({
      nationalities: ['KH'],
      residence: 'TH',
      birthDate: '1988-03',
    });
    expect(out.profile.periods[0]).toMatchObject({
      country: 'TH',
      from: '2010-06',
      to: '2026-11',
      sector: 'construction',
      documented: true,
      earnings: { amount: 11000, currency: 'THB', per: 'month' },
    });
    expect(out.profile.claim).toBeUndefined();
  });

  it('a claim takes the event month, or the law’s month when none is given', () => {
    const withDate = draftToProfile(
      worker({ event: 'old_age', eventMonth: '2024-05', payTo: 'KH' }),
      AT,
    );
    expect(withDate.ok && withDate.profile.claim).toEqual({
      branch: 'old_age',
      date: '2024-05',
      residence: 'KH',
    });
    const without = draftToProfile(worker({ event: 'unemployment' }), AT);
    expect(without.ok && without.profile.claim).toEqual({
      branch: 'unemployment',
      date: '2026-11',
    });
  });

  it.each([
    ['no nationality', worker({ nationality: '' }), 'nationality', 'error.required'],
    ['no residence', worker({ residence: '' }), 'residence', 'error.required'],
    [
      'a birth month that is not a month',
      worker({ birthMonth: '1988' }),
      'birthMonth',
      'error.month',
    ],
    ['no period of work', worker({ periods: [] }), 'periods', 'work.none'],
  ] as const)('names the field when there is %s', (_what, draft, field, message) => {
    const out = draftToProfile(draft, AT);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors).toContainEqual({ field, message });
  });

  it('names each wrong answer in a period by its field', () => {
    const p = {
      ...emptyPeriod(''),
      from: '2015-01',
      to: '2014-12',
      documented: '' as const,
      earnings: 'lots',
    };
    const out = draftToProfile(worker({ periods: [p] }), AT);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map((e) => [e.field, e.message])).toEqual([
      [`${p.key}-country`, 'error.required'],
      [`${p.key}-to`, 'error.toBeforeFrom'],
      [`${p.key}-documented`, 'error.required'],
      [`${p.key}-earnings`, 'error.amount'],
    ]);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    'the example %s is a valid profile',
    (_id, e) => {
      expect(draftToProfile(e.draft(), AT).ok).toBe(true);
    },
  );
});

describe('a draft kept in the history', () => {
  it('comes back as it was, and new periods get keys of their own', () => {
    const draft = { ...emptyDraft(), nationality: 'KH', residence: 'TH' };
    const kept = JSON.parse(
      JSON.stringify({ ...draft, periods: [{ ...draft.periods[0], key: 'p900' }] }),
    ) as unknown;
    const back = restoreDraft(kept);
    expect(back?.nationality).toBe('KH');
    expect(back?.periods[0]?.key).toBe('p900');
    expect(emptyPeriod().key).not.toBe('p900');
    expect(Number(emptyPeriod().key.slice(1))).toBeGreaterThan(900);
  });

  it('is ignored when it is not a draft', () => {
    expect(restoreDraft(null)).toBeNull();
    expect(restoreDraft({ nationality: 'KH' })).toBeNull();
    expect(restoreDraft({ ...emptyDraft(), periods: [] })).toBeNull();
    expect(
      restoreDraft({ ...emptyDraft(), periods: [{ ...emptyPeriod(), from: 2015 }] }),
    ).toBeNull();
    expect(restoreDraft({ ...emptyDraft(), sex: 3 })).toBeNull();
  });
});
