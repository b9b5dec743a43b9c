// Dates as precise as they are known, in the reader's calendar: a year alone as its months are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialDate } from '../src/caucus/ui.tsx';
import type { MessageFile } from '../src/i18n/i18n.tsx';
import { createI18n } from '../src/i18n/i18n.tsx';
import type { LocaleCode } from '../src/i18n/locales.ts';

const i18nFor = (locale: LocaleCode) =>
  createI18n(
    locale,
    JSON.parse(
      readFileSync(join(import.meta.dirname, `../src/i18n/messages/${locale}.json`), 'utf8'),
    ) as MessageFile,
  );

describe('partialDate', () => {
  it('gives a year alone in the locale’s calendar: Thai’s Buddhist year, English’s own', () => {
    expect(partialDate(i18nFor('th'), '2011')).toBe('2554');
    expect(partialDate(i18nFor('en'), '2011')).toBe('2011');
  });

  it('gives the same year for a year alone as for its months', () => {
    const th = i18nFor('th');
    expect(partialDate(th, '2011-09')).toContain(partialDate(th, '2011'));
    expect(partialDate(th, '2011-09-15')).toContain('2554');
    expect(partialDate(i18nFor('en'), '2011-09')).toBe('September 2011');
  });

  it('leaves what is not a partial date as it is, and nothing as nothing', () => {
    expect(partialDate(i18nFor('th'), 'around 2011')).toBe('around 2011');
    expect(partialDate(i18nFor('en'), null)).toBe('');
  });
});
