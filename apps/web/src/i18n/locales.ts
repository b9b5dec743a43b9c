/** The languages of the interface: their own name, their status, and their text direction. */
export interface LocaleInfo {
  readonly code: LocaleCode;
  /** The language's name in itself (an autonym), as the switcher shows it. */
  readonly autonym: string;
  /** `complete`: reviewed; `review`: usable, awaiting a native speaker; `planned`: not yet. */
  readonly status: 'complete' | 'review' | 'planned';
}

export const LOCALE_CODES = [
  'en',
  'th',
  'km',
  'id',
  'fil',
  'vi',
  'lo',
  'my',
  'ms',
  'ne',
  'hi',
] as const;
export type LocaleCode = (typeof LOCALE_CODES)[number];

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', autonym: 'English', status: 'complete' },
  { code: 'th', autonym: 'ไทย', status: 'review' },
  { code: 'km', autonym: 'ខ្មែរ', status: 'review' },
  { code: 'id', autonym: 'Bahasa Indonesia', status: 'review' },
  { code: 'fil', autonym: 'Filipino', status: 'review' },
  { code: 'vi', autonym: 'Tiếng Việt', status: 'review' },
  { code: 'lo', autonym: 'ລາວ', status: 'review' },
  { code: 'my', autonym: 'မြန်မာ', status: 'review' },
  { code: 'ms', autonym: 'Bahasa Melayu', status: 'review' },
  { code: 'ne', autonym: 'नेपाली', status: 'review' },
  { code: 'hi', autonym: 'हिन्दी', status: 'review' },
];

export const DEFAULT_LOCALE: LocaleCode = 'en';

/** The languages offered in the switcher (planned ones are not). */
export const AVAILABLE_LOCALES = LOCALES.filter((l) => l.status !== 'planned');

export function isLocaleCode(value: string): value is LocaleCode {
  return (LOCALE_CODES as readonly string[]).includes(value);
}

/** The best available locale for a list of preferred language tags (navigator.languages). */
export function negotiateLocale(preferred: readonly string[]): LocaleCode {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const base = lower === 'tl' || lower.startsWith('tl-') ? 'fil' : (lower.split('-')[0] ?? '');
    const match = AVAILABLE_LOCALES.find((l) => l.code === base);
    if (match) return match.code;
  }
  return DEFAULT_LOCALE;
}
