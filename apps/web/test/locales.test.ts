// Which language a visitor gets from their browser's languages, and which locale Intl formats
// numbers and dates in when the browser lacks the language's data (Debian's Chromium lacks Lao,
// Burmese, Nepali and Khmer).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasIntlData, intlLocaleFor } from '../src/i18n/intl-locale.ts';
import { AVAILABLE_LOCALES, LOCALES, negotiateLocale } from '../src/i18n/locales.ts';

describe('negotiateLocale', () => {
  it.each([
    ['lo-LA', 'lo'],
    ['lo', 'lo'],
    ['my-MM', 'my'],
    ['my', 'my'],
    ['ms-MY', 'ms'],
    ['ms-SG', 'ms'],
    ['ms', 'ms'],
    ['ne-NP', 'ne'],
    ['ne-IN', 'ne'],
    ['ne', 'ne'],
    ['hi-IN', 'hi'],
    ['hi', 'hi'],
    ['HI-in', 'hi'],
  ])('%s chooses %s', (tag, code) => {
    expect(negotiateLocale([tag])).toBe(code);
  });

  it('takes the first language it has, in the order the browser gives', () => {
    expect(negotiateLocale(['de-DE', 'ne-NP', 'hi-IN', 'en'])).toBe('ne');
    expect(negotiateLocale(['hi-IN', 'ne-NP'])).toBe('hi');
    expect(negotiateLocale(['zh-CN', 'my-MM', 'th-TH'])).toBe('my');
  });

  it('does not take Malay for Indonesian, nor Indonesian for Malay', () => {
    expect(negotiateLocale(['ms-MY', 'id'])).toBe('ms');
    expect(negotiateLocale(['id-ID', 'ms'])).toBe('id');
  });

  it('falls back to English for languages it does not have', () => {
    expect(negotiateLocale(['ur-PK', 'bn-BD', 'si-LK'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
    // A prefix is not a language: "my" must not match "mya" or "msa"-like tags by accident.
    expect(negotiateLocale(['mya', 'msa', 'nep'])).toBe('en');
  });

  it('offers the five corridor languages once they are in review', () => {
    for (const code of ['lo', 'my', 'ms', 'ne', 'hi'])
      expect(AVAILABLE_LOCALES.map((l) => l.code)).toContain(code);
    expect(LOCALES.filter((l) => l.status === 'planned')).toEqual([]);
  });
});

describe('intlLocaleFor', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('uses the language itself where Intl has its data', () => {
    // Node is built with full ICU: every one of the five is supported here.
    for (const tag of ['ms', 'hi']) {
      expect(hasIntlData(tag)).toBe(true);
      expect(intlLocaleFor(tag)).toEqual({ tag, isFallback: false });
    }
  });

  it('falls back to English, and says so, where the browser lacks the data', () => {
    // Debian's Chromium answers [] for lo, my and ne (and km); simulate it for tags not cached yet.
    const lacking = new Set(['lo-LA', 'my-MM', 'ne-NP']);
    const supported = (tags: Intl.LocalesArgument) =>
      [tags ?? []]
        .flat()
        .map(String)
        .filter((t) => !lacking.has(t));
    vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf').mockImplementation(supported);
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation(supported);
    for (const tag of lacking) {
      expect(hasIntlData(tag)).toBe(false);
      expect(intlLocaleFor(tag)).toEqual({ tag: 'en', isFallback: true });
    }
    expect(intlLocaleFor('hi-IN')).toEqual({ tag: 'hi-IN', isFallback: false });
  });

  it('needs both number and date data: numbers alone are not enough', () => {
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    expect(hasIntlData('ne')).toBe(false);
  });
});
