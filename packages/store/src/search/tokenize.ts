// Words for search, the same way for what is indexed and for what is asked: NFKC, case-folded,
// split by Intl.Segmenter (which splits Thai, Lao, Khmer and Burmese, written without spaces
// between words, with a dictionary). Standard JavaScript only, so the web app can reuse it.

/** A word of a text, where it is, and its diacritic-folded form when that differs. */
export interface Token {
  /** NFKC, lower-cased. */
  term: string;
  /** The term without Latin diacritics (`lương` → `luong`), or null when that is the term itself. */
  folded: string | null;
  /** Position among the text's words (0-based). */
  position: number;
  /** UTF-16 offsets of the word in the text as given. */
  start: number;
  end: number;
}

/** Scripts whose words are written without spaces between them. */
export type UnspacedScript = 'Thai' | 'Lao' | 'Khmer' | 'Myanmar';

/** Terms longer than this are cut: nobody searches for a 200-character token, and keys stay small. */
export const MAX_TERM_LENGTH = 64;

const SCRIPT_LOCALES: readonly [RegExp, string][] = [
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Sinhala}/u, 'si'],
];
// Letters only Vietnamese uses among Latin scripts: ơ, ư, đ, and the tone marks on them.
const VIETNAMESE = /[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const UNSPACED = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LATIN = /\p{Script=Latin}/u;
const COMBINING = /\p{M}+/gu;
const ASCII = /^\p{ASCII}*$/u;

/**
 * The segmenter locale for a text: its language when known (the primary subtag of a BCP 47
 * tag), otherwise the first distinctive script found in it, otherwise English.
 */
export function localeFor(text: string, language?: string | null): string {
  if (language !== undefined && language !== null && /^[a-z]{2,3}\b/i.test(language)) {
    return language.split('-')[0]?.toLowerCase() ?? 'en';
  }
  for (const [pattern, locale] of SCRIPT_LOCALES) if (pattern.test(text)) return locale;
  return VIETNAMESE.test(text) ? 'vi' : 'en';
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (s === undefined) {
    const supported = Intl.Segmenter.supportedLocalesOf([locale]);
    s = new Intl.Segmenter(supported[0] ?? 'en', { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** NFKC and case-folded: the form terms and snippets are matched in. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The term without Latin diacritics. Only Latin letters are folded: the marks of Thai,
 * Devanagari or Khmer are vowels and tones that make the word, not accents on it.
 */
export function fold(term: string): string {
  if (ASCII.test(term) || !LATIN.test(term)) return term;
  return term
    .normalize('NFD')
    .replace(COMBINING, (marks, offset: number, whole: string) => {
      const before = whole.codePointAt(offset - 1);
      return before !== undefined && LATIN.test(String.fromCodePoint(before)) ? '' : marks;
    })
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Whether a term is in a script written without spaces between words. */
export function isUnspaced(term: string): boolean {
  return UNSPACED.test(term);
}

/** The words of `text`, in order. `language` picks the segmenter when it is known. */
export function tokenize(text: string, language?: string | null): Token[] {
  const tokens: Token[] = [];
  // Segmented as written and normalised word by word, so that offsets point into `text` itself
  // (NFKC changes lengths: Thai ำ becomes two characters) and snippets can be cut from it.
  for (const part of segmenter(localeFor(text, language)).segment(text)) {
    if (part.isWordLike !== true) continue;
    let term = normalise(part.segment);
    if (term.length > MAX_TERM_LENGTH) term = Array.from(term).slice(0, MAX_TERM_LENGTH).join('');
    const folded = fold(term);
    tokens.push({
      term,
      folded: folded === term ? null : folded,
      position: tokens.length,
      start: part.index,
      end: part.index + part.segment.length,
    });
  }
  return tokens;
}

/** The distinct terms of a query, in the order asked. */
export function queryTerms(query: string, language?: string | null): Token[] {
  const seen = new Set<string>();
  return tokenize(query, language).filter((t) => {
    if (seen.has(t.term)) return false;
    seen.add(t.term);
    return true;
  });
}
