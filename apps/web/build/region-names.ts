// Writes the country names of every interface language to src/i18n/regions/<locale>.json, from
// CLDR as Node's full ICU has it. Browsers built without full ICU data (Debian's Chromium) have no
// Khmer, Lao, Burmese or Nepali region names and silently answer in English, so the app carries
// its own. With --check, fails if the committed files are not what this Node's ICU gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCALE_CODES } from '../src/i18n/locales.ts';
import type { RegionFile } from '../src/i18n/region-file.ts';

export const REGIONS_DIR = join(import.meta.dirname, '..', 'src', 'i18n', 'regions');

/**
 * ISO 3166-1 codes CLDR names that are not countries of the standard's list: exceptionally
 * reserved codes (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla, the Canaries,
 * Tristan da Cunha, the EU, the eurozone, the UN) and withdrawn ones CLDR keeps as their own.
 */
const NOT_ASSIGNED = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'FX',
  'IC',
  'SU',
  'TA',
  'UK',
  'UN',
]);

/**
 * The officially assigned ISO 3166-1 alpha-2 codes (249), from CLDR: the two-letter codes it names,
 * less aliases of withdrawn codes (BU → MM), user-assigned ones (AA, QM–QZ, XA–XZ, ZZ) and the
 * reserved ones above. All of them, not only the countries the app shows today: a record of the
 * caucus may name any country, and a language's table is about 3 KB gzipped.
 */
export function countryCodes(): string[] {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (name === undefined || name === code) continue;
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      if (code === 'AA' || code === 'ZZ' || /^Q[M-Z]$/.test(code) || code.startsWith('X')) continue;
      if (NOT_ASSIGNED.has(code)) continue;
      codes.push(code);
    }
  return codes;
}

const versions = {
  cldr: process.versions.cldr ?? '',
  icu: process.versions.icu ?? '',
  node: process.versions.node,
};

/** One language's table: every code CLDR names in that language (all of them in practice). */
export function regionFile(locale: string, codes: readonly string[] = countryCodes()): RegionFile {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const resolved = names.resolvedOptions().locale;
  // Node without full ICU (small-icu builds) would quietly give English: refuse instead.
  if (resolved !== locale)
    throw new Error(`this Node's ICU has no region names for ${locale} (it gives ${resolved})`);
  const regions: Record<string, string> = {};
  for (const code of codes) {
    const name = names.of(code);
    if (name !== undefined && name !== code) regions[code] = name;
  }
  return {
    _meta: {
      locale,
      source: `CLDR ${versions.cldr}, from the ICU ${versions.icu} of Node ${versions.node} (Intl.DisplayNames); written by apps/web/build/region-names.ts (npm run regions -w @tulay/web)`,
      ...versions,
    },
    regions,
  };
}

/** The file's text: one name a line, so that a diff shows which names changed. */
export function regionFileText(file: RegionFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The committed file of a language, or null when there is none. */
export function readRegionFile(locale: string): RegionFile | null {
  try {
    return JSON.parse(readFileSync(join(REGIONS_DIR, `${locale}.json`), 'utf8')) as RegionFile;
  } catch {
    return null;
  }
}

/**
 * Whether a committed file is what this Node gives. Another ICU (another Node release) may name a
 * country differently, so there only the codes are compared: the names are regenerated on purpose,
 * not because a machine happens to run another Node.
 */
export function isFresh(committed: RegionFile | null, generated: RegionFile): boolean {
  if (!committed) return false;
  if (committed._meta.icu !== generated._meta.icu)
    return (
      Object.keys(committed.regions).join() === Object.keys(generated.regions).join() &&
      committed._meta.locale === generated._meta.locale
    );
  const strip = (f: RegionFile) => ({ ...f, _meta: { ...f._meta, node: '', source: '' } });
  return JSON.stringify(strip(committed)) === JSON.stringify(strip(generated));
}

/** Writes every language's file, or with `check` only lists those that are stale. */
export function writeRegionFiles(check: boolean): string[] {
  const codes = countryCodes();
  const stale: string[] = [];
  for (const locale of LOCALE_CODES) {
    const generated = regionFile(locale, codes);
    if (isFresh(readRegionFile(locale), generated)) continue;
    stale.push(locale);
    if (!check) writeFileSync(join(REGIONS_DIR, `${locale}.json`), regionFileText(generated));
  }
  return stale;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // A command-line script: it reports on stdout and stderr (no console in the app's sources).
  const check = process.argv.includes('--check');
  const stale = writeRegionFiles(check);
  for (const locale of stale) {
    const file = `apps/web/src/i18n/regions/${locale}.json`;
    if (check) process.stderr.write(`${file} is out of date: run npm run regions -w @tulay/web\n`);
    else process.stdout.write(`wrote ${file}\n`);
  }
  if (stale.length === 0) process.stdout.write('the country names are up to date\n');
  process.exitCode = check && stale.length > 0 ? 1 : 0;
}
