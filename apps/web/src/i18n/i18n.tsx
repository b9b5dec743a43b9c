// Every string of the interface goes through ICU MessageFormat (intl-messageformat), with English
// as the fallback for a key a language does not have yet. Numbers, dates and money use Intl in the
// user's locale, or English where the browser has no data for it (intl-locale.ts). Country names
// come from the app's own CLDR tables (regions/<locale>.json), since browsers without full ICU data
// name countries in English whatever the language.
import { IntlMessageFormat } from 'intl-messageformat';
import type { PrimitiveType } from 'intl-messageformat';
import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import enJson from './messages/en.json';
import type { IntlLocale } from './intl-locale.ts';
import { intlLocaleFor } from './intl-locale.ts';
import type { LocaleCode } from './locales.ts';
import type { RegionFile } from './region-file.ts';
import { DEFAULT_LOCALE, LOCALES, isLocaleCode, negotiateLocale } from './locales.ts';

/** A message file: who made the translation, and the messages. */
export interface MessageFile {
  readonly _meta: {
    readonly locale: string;
    readonly status: 'complete' | 'review' | 'planned';
    readonly translation: string;
  };
  readonly messages: Readonly<Record<string, string>>;
}

export type MessageKey = keyof typeof enJson.messages;

const en: MessageFile = { ...enJson, _meta: { ...enJson._meta, status: 'complete' } };
export type MessageValues = Readonly<Record<string, PrimitiveType>>;

const loaders = import.meta.glob<{ default: MessageFile }>([
  './messages/*.json',
  '!./messages/en.json',
]);

async function loadMessages(locale: LocaleCode): Promise<MessageFile> {
  if (locale === 'en') return en;
  const load = loaders[`./messages/${locale}.json`];
  if (!load) return en;
  return (await load()).default;
}

/** Country code → name, in one language. */
export type RegionNames = Readonly<Record<string, string>>;

// Every language's table is its own chunk, English's included: until it arrives the browser's
// Intl names countries, which in English every browser can.
const regionLoaders = import.meta.glob<{ default: RegionFile }>('./regions/*.json');

/** A language's country names; none (Intl then names them) if the table cannot be loaded. */
export async function loadRegionNames(locale: LocaleCode): Promise<RegionNames | undefined> {
  const load = regionLoaders[`./regions/${locale}.json`];
  if (!load) return undefined;
  try {
    return (await load()).default.regions;
  } catch {
    // Offline before the service worker kept it: Intl's names (maybe English) will do.
    return undefined;
  }
}

interface LocaleState {
  readonly locale: LocaleCode;
  readonly file: MessageFile;
  readonly regions?: RegionNames | undefined;
}

async function loadLocale(locale: LocaleCode): Promise<LocaleState> {
  const [file, regions] = await Promise.all([loadMessages(locale), loadRegionNames(locale)]);
  return { locale, file, regions };
}

/** What every component uses to speak the user's language. */
export interface I18n {
  readonly locale: LocaleCode;
  readonly intl: IntlLocale;
  /** Whether this language's messages are awaiting review by a native speaker. */
  readonly isForReview: boolean;
  readonly setLocale: (locale: LocaleCode) => void;
  readonly t: (key: MessageKey, values?: MessageValues) => string;
  readonly number: (n: number) => string;
  readonly money: (amount: number, currency: string) => string;
  /** A month `YYYY-MM` as "September 2011" in the locale. */
  readonly month: (month: string) => string;
  /** A date `YYYY-MM-DD` as "15 September 2011" in the locale. */
  readonly date: (date: string) => string;
  /** A country's name: the app's CLDR table, else the browser's Intl, else `fallback`, else the code. */
  readonly country: (code: string, fallback?: string) => string;
  /** A language's name: the app's own (`languageName.<code>`), else the browser's Intl, else the code. */
  readonly language: (code: string) => string;
  /** "a, b and c" in the locale. */
  readonly list: (items: readonly string[]) => string;
  /** "a, b or c" in the locale. */
  readonly listOr: (items: readonly string[]) => string;
}

const STORAGE_KEY = 'tulay.locale';

function initialLocale(): LocaleCode {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl && isLocaleCode(fromUrl)) return fromUrl;
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved && isLocaleCode(saved)) return saved;
  } catch {
    // Storage can be disabled (private mode); the browser's languages decide then.
  }
  return negotiateLocale(navigator.languages);
}

/** Builds the I18n object for a locale, its messages and country names; exported for tests. */
export function createI18n(
  locale: LocaleCode,
  file: MessageFile,
  setLocale: (locale: LocaleCode) => void = () => undefined,
  regionNames?: RegionNames,
): I18n {
  const intl = intlLocaleFor(locale);
  const compiled = new Map<string, IntlMessageFormat>();
  const fallback: Readonly<Record<string, string>> = en.messages;
  const t = (key: MessageKey, values?: MessageValues): string => {
    let format = compiled.get(key);
    if (!format) {
      const own = file.messages[key];
      const source = own ?? fallback[key] ?? key;
      format = new IntlMessageFormat(source, own === undefined ? 'en' : intl.tag, undefined, {
        ignoreTag: true,
      });
      compiled.set(key, format);
    }
    const out = format.format(values);
    return typeof out === 'string' ? out : String(out);
  };
  const numberFormat = new Intl.NumberFormat(intl.tag);
  const monthFormat = new Intl.DateTimeFormat(intl.tag, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const dateFormat = new Intl.DateTimeFormat(intl.tag, { dateStyle: 'long', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([intl.tag], { type: 'region', fallback: 'none' });
  const languages = new Intl.DisplayNames([intl.tag], { type: 'language', fallback: 'none' });
  const listFormat = new Intl.ListFormat(intl.tag, { type: 'conjunction' });
  const listOrFormat = new Intl.ListFormat(intl.tag, { type: 'disjunction' });
  // Without the browser's data for the language, Intl would join with an English "and": the
  // language's own patterns from its messages instead.
  const joinWith =
    (two: MessageKey, end: MessageKey) =>
    (items: readonly string[]): string => {
      const [first, ...others] = items;
      if (first === undefined) return '';
      const last = others.pop();
      if (last === undefined) return first;
      if (others.length === 0) return t(two, { first, second: last });
      const rest = others.reduce(
        (acc, item) => t('list.middle', { first: acc, rest: item }),
        first,
      );
      return t(end, { rest, last });
    };
  const listAnd = joinWith('list.and.two', 'list.and.end');
  const listOr = joinWith('list.or.two', 'list.or.end');
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    intl,
    isForReview: file._meta.status !== 'complete',
    setLocale,
    t,
    number: (n) => numberFormat.format(n),
    money: (amount, currency) => {
      let f = moneyFormats.get(currency);
      if (!f) {
        f = new Intl.NumberFormat(intl.tag, {
          style: 'currency',
          currency,
          currencyDisplay: 'symbol',
          maximumFractionDigits: 2,
        });
        moneyFormats.set(currency, f);
      }
      return f.format(amount);
    },
    month: (month) => {
      const [y, m] = month.split('-').map(Number);
      return monthFormat.format(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
    },
    date: (date) => {
      const [y, m, d] = date.split('-').map(Number);
      return dateFormat.format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
    },
    country: (code, fallbackName) =>
      regionNames?.[code] ?? regions.of(code) ?? fallbackName ?? code,
    language: (code) => {
      const own = file.messages[`languageName.${code}`];
      if (own !== undefined) return own;
      // The browser's name, maybe English, is still better than a code.
      return languages.of(code) ?? code;
    },
    list: (items) => (intl.isFallback ? listAnd(items) : listFormat.format(items)),
    listOr: (items) => (intl.isFallback ? listOr(items) : listOrFormat.format(items)),
  };
}

const I18nContext = createContext<I18n>(createI18n(DEFAULT_LOCALE, en));

/** Provides the user's language: from ?lang=, then the saved choice, then the browser's. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<LocaleState>(() => ({ locale: DEFAULT_LOCALE, file: en }));
  // Loads can finish out of order (English's names still on the way when the user picks Thai):
  // only the latest one applies.
  const latest = useRef(0);
  const apply = useCallback((locale: LocaleCode, save: boolean) => {
    const request = ++latest.current;
    void loadLocale(locale).then((next) => {
      if (request !== latest.current) return;
      setState(next);
      if (!save) return;
      try {
        window.localStorage.setItem(STORAGE_KEY, locale);
      } catch {
        // Not saved: the choice still holds for this visit.
      }
    });
  }, []);
  const change = useCallback(
    (locale: LocaleCode) => {
      apply(locale, true);
    },
    [apply],
  );
  useEffect(() => {
    // English too: its messages are in the first load, its country names are not.
    apply(initialLocale(), false);
  }, [apply]);
  useEffect(() => {
    document.documentElement.lang = state.locale;
    document.documentElement.dataset.script = LOCALES.find((l) => l.code === state.locale)?.code;
  }, [state.locale]);
  const value = useMemo(
    () => createI18n(state.locale, state.file, change, state.regions),
    [state, change],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
