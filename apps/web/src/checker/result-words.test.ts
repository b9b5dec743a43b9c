// The checker's findings in words: every barrier, remedy, reason and missing fact is said through
// the messages, with no code of the engine left (snake_case values, ISO country codes, months as
// YYYY-MM), in English and in the languages the review found English in.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Barrier,
  BranchResult,
  CheckResult,
  CountryCode,
  ReasonDetail,
  Remedy,
} from '@tulay/engine';
import { check, compileKnowledgeBase } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';
import type { ReactNode } from 'react';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { KNOWLEDGE_DIR } from '../../build/knowledge-plugin.ts';
import type { I18n, MessageFile } from '../i18n/i18n.tsx';
import { createI18n } from '../i18n/i18n.tsx';
import type { Draft, PeriodDraft } from './draft.ts';
import { draftToProfile, emptyDraft, emptyPeriod } from './draft.ts';
import { barrierSentence, missingKey, reasonSentence, remedySentence } from './result-words.tsx';

// As in Debian's Chromium (the browser tests' and many workers' phones): no Intl data for Khmer,
// Lao, Burmese or Nepali, so the app must not lean on Intl's English for them.
vi.mock('../i18n/intl-locale.ts', () => ({
  intlLocaleFor: (locale: string) =>
    ['km', 'lo', 'my', 'ne'].includes(locale)
      ? { tag: 'en', isFallback: true }
      : { tag: locale, isFallback: false },
  hasIntlData: (tag: string) => !['km', 'lo', 'my', 'ne'].includes(tag),
}));

const file = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../i18n/messages/${locale}.json`), 'utf8'),
  ) as MessageFile;
const en = createI18n('en', file('en'));
const km = createI18n('km', file('km'));
const my = createI18n('my', file('my'));

/** The words of a node, without the English names from the knowledge base (lang="en"). */
function words(node: ReactNode): string {
  return renderToStaticMarkup(createElement(Fragment, null, node))
    .replace(/<span lang="en">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&quot;|&amp;/g, "'");
}

/** All the text of a node but the knowledge base's own English (scheme names, what is paid on leaving). */
function allWords(node: ReactNode): string {
  let text = renderToStaticMarkup(createElement(Fragment, null, node)).replace(/<[^>]+>/g, '');
  for (const name of KB_PROSE) text = text.split(name).join('');
  return text;
}

/** What the review found: an engine value, a country code or a month left as a code. */
const CODE = /\b[a-z]+(?:_[a-z]+)+\b|\b[A-Z]{2}\b|\b\d{4}-\d{2}\b|\b(?:mou|nationality_verified)\b/;
/** English words in a sentence that should be Khmer or Burmese. */
const ENGLISH = /\b(?:the|and|or|your|you|with|only|covers|months?|papers?|insured)\b/i;

const SCHEME = 'Social Security Act, Section 33';
const KB_PROSE = [SCHEME, 'Employees Provident Fund', 'A lump sum of the savings.'];
const TH = 'TH' as CountryCode;
const KH = 'KH' as CountryCode;

const barriers: readonly Barrier[] = [
  {
    code: 'documentation',
    kind: 'legal',
    message: `${SCHEME} covers documented workers only holding mou or nationality_verified.`,
    removedBy: [
      {
        kind: 'action',
        action: 'regularise',
        permits: ['mou', 'nationality_verified'],
        description: 'Regularise your status (mou or nationality_verified).',
      },
      {
        kind: 'law_change',
        country: TH,
        scheme: 'th-sso-s33',
        change: 'cover_undocumented',
        schemeName: SCHEME,
        description: `Cover workers whatever their papers in ${SCHEME}.`,
      },
    ],
    detail: {
      schemeName: SCHEME,
      unmet: { kind: 'permit', permits: ['mou', 'nationality_verified'] },
    },
  },
  {
    code: 'sector_exclusion',
    kind: 'legal',
    message: `${SCHEME} excludes this work (activity: only employed).`,
    removedBy: [
      {
        kind: 'law_change',
        country: TH,
        scheme: 'th-sso-s33',
        change: 'extend_to_work',
        schemeName: SCHEME,
        description: `Extend ${SCHEME} to this work.`,
      },
    ],
    detail: { schemeName: SCHEME, unmet: { kind: 'activities_only', activities: ['employed'] } },
  },
  {
    code: 'sector_exclusion',
    kind: 'legal',
    message: `${SCHEME} excludes this work (activity excluded: self_employed).`,
    removedBy: [],
    detail: {
      schemeName: SCHEME,
      unmet: { kind: 'activities_except', activities: ['self_employed'] },
    },
  },
  {
    code: 'sector_exclusion',
    kind: 'legal',
    message: `${SCHEME} excludes this work (sector excluded: domestic_work).`,
    removedBy: [],
    detail: { schemeName: SCHEME, unmet: { kind: 'sectors_except', sectors: ['domestic_work'] } },
  },
  {
    code: 'sector_exclusion',
    kind: 'legal',
    message: 'sector decides coverage',
    removedBy: [],
    detail: { schemeName: SCHEME, unmet: { kind: 'sector_unknown' } },
  },
  {
    code: 'nationals_only',
    kind: 'legal',
    message: `${SCHEME} covers nationals only (nationality: only KH, LA).`,
    removedBy: [
      {
        kind: 'law_change',
        country: TH,
        scheme: 'th-sso-s33',
        change: 'open_to_non_nationals',
        schemeName: SCHEME,
        description: `Open ${SCHEME} to non-nationals.`,
      },
    ],
    detail: {
      schemeName: SCHEME,
      unmet: { kind: 'nationalities_only', countries: [KH, 'LA' as CountryCode] },
    },
  },
  {
    code: 'residency',
    kind: 'legal',
    message: 'EPF covers citizens and permanent residents only.',
    removedBy: [
      {
        kind: 'law_change',
        country: 'MY' as CountryCode,
        scheme: 'my-epf',
        change: 'open_to_non_residents',
        schemeName: 'Employees Provident Fund',
        description: 'Open EPF to workers without permanent residence.',
      },
    ],
    detail: {
      schemeName: 'Employees Provident Fund',
      unmet: { kind: 'nationals_and_permanent_residents' },
    },
  },
  {
    code: 'qualifying_period',
    kind: 'legal',
    message: 'The qualifying period of 180 insured months is not met.',
    removedBy: [
      {
        kind: 'agreement',
        parties: [TH, KH],
        provision: 'totalization',
        branch: 'old_age',
        description: 'An agreement between TH and KH with totalization for old age.',
      },
      { kind: 'action', action: 'more_months', months: 30, description: '30 more insured months.' },
    ],
    detail: { requiredMonths: 180 },
  },
  {
    code: 'not_paid_abroad',
    kind: 'legal',
    message: `${SCHEME} does not pay old age benefits to a residence in KH. Instead: a lump sum.`,
    removedBy: [
      {
        kind: 'action',
        action: 'claim_before_leaving',
        text: 'A lump sum of the savings.',
        description: 'Claim before leaving: A lump sum of the savings.',
      },
    ],
    detail: {
      schemeName: SCHEME,
      branch: 'old_age',
      country: KH,
      onDeparture: 'A lump sum of the savings.',
    },
  },
  {
    code: 'language',
    kind: 'administrative',
    message: 'Claims are made in Thai.',
    removedBy: [
      {
        kind: 'action',
        action: 'help_with_forms',
        description:
          'Ask a migrant resource centre, union or embassy for help with the forms and an interpreter.',
      },
    ],
    detail: { languages: ['th', 'en'] },
  },
  {
    code: 'money_transfer',
    kind: 'administrative',
    message: `${SCHEME} pays only into accounts in TH.`,
    removedBy: [
      {
        kind: 'action',
        action: 'bank_account',
        country: TH,
        description:
          'Keep a bank account in TH, or ask whether payment through an embassy is possible.',
      },
    ],
    detail: { schemeName: SCHEME, country: TH },
  },
  {
    code: 'document_certification',
    kind: 'administrative',
    message: 'Civil-status papers issued abroad must be certified.',
    removedBy: [
      {
        kind: 'action',
        action: 'certify_papers',
        description: 'Have papers certified by your embassy before you need them.',
      },
    ],
    detail: {},
  },
];

const reasons: readonly ReasonDetail[] = [
  { code: 'pension_age', age: 55, month: '2039-06' },
  { code: 'recent_months', months: 3, within: 15 },
  { code: 'not_covered_at_event', month: '2026-11' },
  { code: 'months_short', required: 180, counted: 42 },
  { code: 'under_minimum', months: 12 },
  { code: 'partner_only', country: 'JP' as CountryCode },
  { code: 'unmet', unmet: { kind: 'age' } },
  { code: 'unmet', unmet: { kind: 'non_nationals' } },
  { code: 'unmet', unmet: null },
  { code: 'voluntary_not_taken', from: '2015-01', to: '2016-12' },
];

/** Every sentence of a barrier: what stands in the way and each remedy. */
function barrierWords(b: Barrier, i18n: I18n): string[] {
  return [
    words(barrierSentence(b, i18n)),
    ...b.removedBy.map((r: Remedy) => words(remedySentence(r, i18n))),
  ];
}

describe('the findings in words', () => {
  it('says each kind of barrier and remedy in English, with the facts in words', () => {
    const [documentation, activityOnly, activityExcluded] = barriers;
    if (!documentation || !activityOnly || !activityExcluded) throw new Error('fixtures');
    // The scheme's name is left out by words(): it is the English span.
    expect(barrierWords(documentation, en)).toEqual([
      ' has a condition you do not meet: only with recruitment under a government agreement (MOU) or verified nationality (a passport or certificate of identity).',
      'Get papers that count here: recruitment under a government agreement (MOU) or verified nationality (a passport or certificate of identity).',
      'A change in the law of Thailand: cover workers in  whatever their papers.',
    ]);
    expect(barrierWords(activityOnly, en)[0]).toBe(
      ' has a condition you do not meet: only for employees.',
    );
    expect(barrierWords(activityExcluded, en)[0]).toBe(
      ' has a condition you do not meet: not for the self-employed.',
    );
    const notPaid = barriers.find((b) => b.code === 'not_paid_abroad');
    if (!notPaid) throw new Error('fixture');
    expect(barrierWords(notPaid, en)[0]).toBe(
      ' does not pay this benefit to someone living in Cambodia. Instead: ',
    );
  });

  it('says the papers to certify even for a result made without the facts', () => {
    const bare: Barrier = {
      code: 'document_certification',
      kind: 'administrative',
      message: 'Civil-status papers issued abroad must be certified.',
      removedBy: [],
    };
    expect(words(barrierSentence(bare, km))).toMatch(/^[^A-Za-z]+$/);
  });

  it('keeps the knowledge base’s names in the sentence, marked as English', () => {
    const [documentation] = barriers;
    if (!documentation) throw new Error('fixture');
    const html = renderToStaticMarkup(
      createElement(Fragment, null, barrierSentence(documentation, km)),
    );
    expect(html).toContain(`<span lang="en">${SCHEME}</span>`);
  });

  for (const i18n of [en, km, my]) {
    it(`${i18n.locale}: no barrier, remedy or reason leaves a code`, () => {
      for (const b of barriers)
        for (const w of barrierWords(b, i18n)) {
          expect(w, `${b.code}: ${w}`).not.toMatch(CODE);
          expect(w.trim(), b.code).not.toBe('');
        }
      for (const r of reasons)
        for (const claimed of [true, false]) {
          const w = words(reasonSentence(r, i18n, claimed));
          expect(w, `${r.code}: ${w}`).not.toMatch(CODE);
        }
    });
  }

  for (const i18n of [km, my]) {
    it(`${i18n.locale}: the advice is in the language, not in English`, () => {
      for (const b of barriers)
        for (const node of [
          barrierSentence(b, i18n),
          ...b.removedBy.map((r) => remedySentence(r, i18n)),
        ]) {
          const w = allWords(node);
          expect(w, `${b.code}: ${w}`).not.toMatch(ENGLISH);
        }
      for (const r of reasons) {
        const w = allWords(reasonSentence(r, i18n, true));
        expect(w, `${r.code}: ${w}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('says a month as a date, and "now" when the worker named no event', () => {
    const event: ReasonDetail = { code: 'not_covered_at_event', month: '2026-11' };
    expect(words(reasonSentence(event, en, true))).toBe(
      'You were not insured in November 2026, the month of the event.',
    );
    expect(words(reasonSentence(event, en, false))).toMatch(
      /^You are not insured now \(November 2026\)/,
    );
    expect(
      words(reasonSentence({ code: 'pension_age', age: 55, month: '2039-06' }, en, true)),
    ).toBe('Paid from age 55, which you reach in June 2039.');
  });
});

describe('lists and language names where the browser has no data for the language', () => {
  it('joins with the language’s own words and names languages in it', () => {
    expect(km.intl.isFallback).toBe(true);
    expect(km.list(['A', 'B', 'C'])).toBe('A, B និង C');
    expect(km.listOr(['A', 'B'])).toBe('A ឬ B');
    expect(my.list(['A', 'B'])).toBe('A နှင့် B');
    expect(km.language('th')).toBe('ភាសាថៃ');
    expect(my.language('th')).toBe('ထိုင်းဘာသာ');
    expect(en.language('th')).toBe('Thai');
    expect(en.list(['A', 'B', 'C'])).toBe('A, B, and C');
    // A language the app has no name for: the browser's name (English here), never a blank.
    expect(km.language('de')).toBe('German');
  });
});

describe('missingKey', () => {
  /** Every fact the engine can say it lacks, read from its source, with indices made concrete. */
  function pathsInEngine(): string[] {
    const dir = join(import.meta.dirname, '../../../../packages/engine/src/check');
    const out = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      const literal =
        /missing(?::|\.push\(|\.add\()\s*(?:'([^']+)'|`([^`]+)`)|noEarnings = '([^']+)'/g;
      for (const m of src.matchAll(literal)) {
        const path = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]+\}/g, '0');
        out.add(path);
      }
    }
    return [...out];
  }

  it('the engine asks for facts this test can see', () => {
    const paths = pathsInEngine();
    expect(paths).toEqual(
      expect.arrayContaining([
        'person.birthDate',
        'person.sex',
        'periods[0].permit',
        'periods[0].sector',
        'periods[0].employer.nationality',
      ]),
    );
  });

  it('every fact the engine can ask for has a wording', () => {
    for (const path of pathsInEngine()) expect(missingKey(path), path).not.toBeNull();
  });
});

/** Runs the checker on a draft, as the page does. */
function run(draft: Draft, at = '2026-11-15'): CheckResult {
  const out = draftToProfile(draft, at);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  const { kb } = compileKnowledgeBase(loadKnowledge(KNOWLEDGE_DIR).kb.input);
  return check(kb, out.profile, { at });
}

function period(change: Partial<PeriodDraft>): PeriodDraft {
  return { ...emptyPeriod('TH'), activity: 'employed', documented: 'yes', ...change };
}

describe('the review’s workers, through the knowledge base', () => {
  // The profiles of the review (defects 2, 3 and 5): a Cambodian domestic worker in Thailand
  // with MOU papers, with papers not given, and a Nepali worker in Malaysia.
  const workers: Record<string, Draft> = {
    khdw3: {
      ...emptyDraft(),
      nationality: 'KH',
      residence: 'KH',
      birthMonth: '1988-04',
      sex: 'female',
      periods: [
        period({
          from: '2015-01',
          to: '2016-12',
          activity: 'domestic_worker',
          documented: 'no',
          insurance: 'none',
        }),
        period({
          from: '2017-01',
          to: '2024-12',
          activity: 'domestic_worker',
          sector: 'domestic_work',
          permit: 'mou',
        }),
      ],
    },
    khdw: {
      ...emptyDraft(),
      nationality: 'KH',
      residence: 'KH',
      birthMonth: '1988-04',
      sex: 'female',
      periods: [
        period({
          from: '2015-01',
          to: '2016-12',
          activity: 'domestic_worker',
          documented: 'no',
          insurance: 'none',
        }),
        period({ from: '2017-01', to: '2024-12', activity: 'domestic_worker' }),
      ],
    },
    // The browser test's Myanmar factory worker in Thailand under the MOU: entitled, so the
    // administrative barriers (the claim's language, papers to certify) apply.
    mmth: {
      ...emptyDraft(),
      nationality: 'MM',
      residence: 'TH',
      birthMonth: '1990-07',
      periods: [
        period({
          from: '2016-01',
          isOngoing: true,
          sector: 'manufacturing',
          permit: 'mou',
          earnings: '10000',
          currency: 'THB',
        }),
      ],
    },
    npmy: {
      ...emptyDraft(),
      nationality: 'NP',
      residence: 'NP',
      birthMonth: '1984-06',
      sex: 'male',
      periods: [
        period({
          country: 'MY',
          from: '2010-01',
          to: '2020-12',
          sector: 'manufacturing',
          permit: 'work_permit',
          insurance: 'voluntary',
          earnings: '1500',
          currency: 'MYR',
        }),
      ],
    },
  };

  const all = (result: CheckResult) =>
    result.results.flatMap((r: BranchResult) => [...r.barriers.map((b) => ({ b, r }))]);

  for (const [name, draft] of Object.entries(workers)) {
    const result = run(draft);
    it(`${name}: every barrier the engine finds has its facts, and says them without a code`, () => {
      const found = all(result);
      expect(found.length, 'the worker meets barriers').toBeGreaterThan(0);
      if (name === 'mmth')
        expect(found.map(({ b }) => b.code)).toEqual(
          expect.arrayContaining(['language', 'document_certification']),
        );
      for (const { b } of found) {
        expect(b.detail, `${b.code}: ${b.message}`).toBeDefined();
        for (const i18n of [en, km, my])
          for (const w of barrierWords(b, i18n))
            expect(w, `${i18n.locale} ${b.code}: ${w}`).not.toMatch(CODE);
      }
      for (const r of result.results) {
        expect(r.reasonDetails?.length ?? 0, r.scheme).toBe(r.reasons.length);
        for (const d of r.reasonDetails ?? [])
          for (const i18n of [en, km, my])
            expect(words(reasonSentence(d, i18n, result.claim !== null))).not.toMatch(CODE);
        for (const m of r.missing) expect(missingKey(m), m).not.toBeNull();
      }
    });
  }
});
