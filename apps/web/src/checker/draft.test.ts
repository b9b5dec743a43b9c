import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageFile } from '../i18n/i18n.tsx';
import { createI18n } from '../i18n/i18n.tsx';
import type { Draft } from './draft.ts';
import {
  draftToProfile,
  emptyDraft,
  emptyPeriod,
  errorSummaryLine,
  restoreDraft,
} from './draft.ts';
import { EXAMPLES } from './examples.ts';

const AT = '2026-11-15';

const messages = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../i18n/messages/${locale}.json`), 'utf8'),
  ) as MessageFile;
const en = createI18n('en', messages('en'));

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
    [
      'no nationality',
      worker({ nationality: '' }),
      'nationality',
      'error.required',
      'person.nationality',
    ],
    ['no residence', worker({ residence: '' }), 'residence', 'error.required', 'person.residence'],
    [
      'a birth month that is not a month',
      worker({ birthMonth: '1988' }),
      'birthMonth',
      'error.month',
      'person.birth',
    ],
    ['no period of work', worker({ periods: [] }), 'periods', 'work.none', undefined],
  ] as const)('names the field when there is %s', (_what, draft, field, message, question) => {
    const out = draftToProfile(draft, AT);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.errors).toContainEqual(
        question ? { field, message, question } : { field, message },
      );
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
    expect(out.errors.map((e) => [e.field, e.message, e.question, e.period])).toEqual([
      [`${p.key}-country`, 'error.required', 'work.country', 1],
      [`${p.key}-to`, 'error.toBeforeFrom', 'work.to', 1],
      [`${p.key}-documented`, 'error.required', 'work.documented', 1],
      [`${p.key}-earnings`, 'error.amount', 'work.earnings', 1],
    ]);
  });

  it('the summary of errors names the question of each, not only "Please answer this question"', () => {
    const second = {
      ...emptyPeriod('TH'),
      from: '2015-01',
      to: '2016-01',
      documented: 'yes' as const,
    };
    const out = draftToProfile(
      worker({ residence: '', periods: [second, { ...second, key: 'p-x', activity: '' }] }),
      AT,
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const lines = out.errors.map((e) => errorSummaryLine(e, en.t));
    expect(lines).toContain('Where do you live now?: Please answer this question.');
    expect(lines).toContain('Work 2, Kind of work: Please answer this question.');
    // Every line says something of its own.
    expect(new Set(lines).size).toBe(lines.length);
    const km = createI18n('km', messages('km'));
    const inKhmer = out.errors.map((e) => errorSummaryLine(e, km.t));
    for (const line of inKhmer) expect(line).toMatch(/[\u1780-\u17FF]/);
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
