// The matrix's conditions in plain words, in English and in the languages under review, for every
// condition the knowledge base sets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountryCode, Requirement } from '@tulay/engine';
import { BRANCHES, compileKnowledgeBase, coverageMatrix, parseMonth } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../../build/knowledge-plugin.ts';
import type { MessageFile } from '../i18n/i18n.tsx';
import { createI18n } from '../i18n/i18n.tsx';
import { AVAILABLE_LOCALES } from '../i18n/locales.ts';
import { describeRequirement } from './conditions.ts';

const file = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../i18n/messages/${locale}.json`), 'utf8'),
  ) as MessageFile;
const en = createI18n('en', file('en'));

describe('describeRequirement', () => {
  it('says each kind of condition in English words', () => {
    const cases: [Requirement, string][] = [
      [{ kind: 'documented' }, 'only with valid papers'],
      [
        { kind: 'permit', permits: ['work_permit', 's_pass'] },
        'only with a work permit or an S Pass',
      ],
      [
        { kind: 'activities_except', activities: ['self_employed', 'domestic_worker'] },
        'not for the self-employed or domestic workers',
      ],
      [{ kind: 'activities_only', activities: ['seafarer'] }, 'only for seafarers and fishers'],
      [
        { kind: 'sectors_except', sectors: ['agriculture', 'fishing', 'domestic_work'] },
        'not in agriculture, fishing, or domestic work',
      ],
      [{ kind: 'sectors_only', sectors: ['construction'] }, 'only in construction'],
      [
        { kind: 'employer_national_or_pr' },
        'only if the employer is a national or a permanent resident',
      ],
      [
        { kind: 'nationalities_only', countries: ['KH', 'LA'] as CountryCode[] },
        'only for nationals of Cambodia or Laos',
      ],
      [
        { kind: 'nationalities_except', countries: ['MM'] as CountryCode[] },
        'not for nationals of Myanmar (Burma)',
      ],
    ];
    for (const [r, words] of cases) expect(describeRequirement(r, en)).toBe(words);
  });

  const { kb } = compileKnowledgeBase(loadKnowledge(KNOWLEDGE_DIR).kb.input);
  const requirements = new Map<string, Requirement>();
  for (const at of ['2011-09', '2026-01'])
    for (const row of coverageMatrix(kb, parseMonth(at)))
      for (const b of BRANCHES)
        for (const r of [...row.inbound[b].requirements, ...row.outbound[b].requirements])
          requirements.set(JSON.stringify(r), r);

  it('the knowledge base sets conditions for the matrix to say', () => {
    expect(requirements.size).toBeGreaterThan(5);
  });

  for (const { code } of AVAILABLE_LOCALES) {
    it(`${code}: every condition of the knowledge base is said in words, none in code`, () => {
      const i18n = createI18n(code, file(code));
      for (const r of requirements.values()) {
        const words = describeRequirement(r, i18n);
        // No enum value (work_permit, self_employed) and no message key left untranslated.
        expect(words, JSON.stringify(r)).not.toMatch(/_|permitName|activityName|sectorName/);
        if (code !== 'en') expect(words, JSON.stringify(r)).not.toBe(describeRequirement(r, en));
      }
    });
  }
});
