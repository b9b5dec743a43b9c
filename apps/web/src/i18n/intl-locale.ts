// Which locale the browser's Intl can actually format in. Chromium builds without full ICU data
// (Debian's among them) have no Khmer, Lao, Burmese or Nepali number and date formats; asking for
// them silently gives English ones, so we detect it, say so, and fall back on purpose.

/** The locale to pass to Intl formatters for a UI locale, and whether it is a fallback. */
export interface IntlLocale {
  readonly tag: string;
  readonly isFallback: boolean;
}

const cache = new Map<string, IntlLocale>();

/** Whether this browser's Intl has number and date data for `tag`. */
export function hasIntlData(tag: string): boolean {
  return (
    Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 &&
    Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0
  );
}

/** The Intl locale for a UI locale: itself when supported, else English. */
export function intlLocaleFor(locale: string): IntlLocale {
  let hit = cache.get(locale);
  if (!hit) {
    hit = hasIntlData(locale)
      ? { tag: locale, isFallback: false }
      : { tag: 'en', isFallback: true };
    cache.set(locale, hit);
  }
  return hit;
}
