// The app's own country names: one CLDR table per interface language, committed and fresh, naming
// every country the app can show in that language's script, and used before the browser's Intl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '@tulay/knowledge/node';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../build/knowledge-plugin.ts';
import {
  countryCodes,
  isFresh,
  readRegionFile,
  regionFile,
  writeRegionFiles,
} from '../build/region-names.ts';
import { CAUCUS_COUNTRIES } from '../src/caucus/document-form.tsx';
import type { MessageFile } from '../src/i18n/i18n.tsx';
import { createI18n, loadRegionNames } from '../src/i18n/i18n.tsx';
import { LOCALE_CODES } from '../src/i18n/locales.ts';
import { MAP_COUNTRIES } from '../src/map/iso-3166.ts';
import { CORRIDORS } from '../../../packages/simulation/src/calibration.ts';

const kb = loadKnowledge(KNOWLEDGE_DIR).kb.input;

/** Every country the app names: jurisdictions, agreements' parties, the map, corridors, caucus. */
const SHOWN = [
  ...new Set([
    ...kb.jurisdictions.map((j) => j.country),
    ...kb.agreements.flatMap((a) => a.parties),
    ...MAP_COUNTRIES,
    ...CORRIDORS.flatMap((c) => [c.origin, c.destination]),
    ...CAUCUS_COUNTRIES,
  ]),
].sort();

/** The script each language writes country names in, where it is not the Latin alphabet. */
const SCRIPT: Partial<Record<string, RegExp>> = {
  th: /[\u0E00-\u0E7F]/,
  km: /[\u1780-\u17FF]/,
  lo: /[\u0E80-\u0EFF]/,
  my: /[\u1000-\u109F]/,
  ne: /[\u0900-\u097F]/,
  hi: /[\u0900-\u097F]/,
};

const messages = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../src/i18n/messages/${locale}.json`), 'utf8'),
  ) as MessageFile;

describe('the country-name tables', () => {
  it('are committed for every language and are what this Node gives (npm run regions)', () => {
    expect(writeRegionFiles(true)).toEqual([]);
  });

  it('cover the 249 ISO 3166-1 codes, and every country the app shows', () => {
    const codes = countryCodes();
    expect(codes).toHaveLength(249);
    expect(codes).not.toContain('BU'); // withdrawn: Myanmar is MM
    expect(codes).not.toContain('EU');
    expect(codes).not.toContain('XK');
    expect(SHOWN.length).toBeGreaterThan(40);
    expect(SHOWN.filter((c) => !codes.includes(c))).toEqual([]);
  });

  for (const locale of LOCALE_CODES)
    it(`${locale}: names every country the app shows, in the language's script`, () => {
      const file = readRegionFile(locale);
      expect(file?._meta.locale).toBe(locale);
      expect(file?._meta.source).toMatch(/^CLDR \d+(\.\d+)?, from the ICU \d+/);
      const names = file?.regions ?? {};
      expect(Object.keys(names)).toHaveLength(249);
      const script = SCRIPT[locale];
      for (const code of SHOWN) {
        const name = names[code] ?? '';
        expect(name.length, `${locale} ${code}`).toBeGreaterThan(1);
        if (script) {
          expect(name, `${locale} ${code}`).toMatch(script);
          expect(name, `${locale} ${code}`).not.toMatch(/[A-Za-z]/);
        }
      }
    });

  it('are stale when a name or a country is missing; another ICU may name countries its own way', () => {
    const generated = regionFile('km');
    expect(isFresh(generated, generated)).toBe(true);
    expect(isFresh(null, generated)).toBe(false);
    const renamed = { ...generated, regions: { ...generated.regions, KH: 'Cambodia' } };
    expect(isFresh(renamed, generated)).toBe(false);
    const rest = Object.fromEntries(Object.entries(generated.regions).filter(([c]) => c !== 'KH'));
    expect(isFresh({ ...generated, regions: rest }, generated)).toBe(false);
    const otherIcu = { ...renamed, _meta: { ...renamed._meta, icu: '1.0' } };
    expect(isFresh(otherIcu, generated)).toBe(true);
    expect(isFresh({ ...otherIcu, regions: rest }, generated)).toBe(false);
  });
});

describe('country()', () => {
  it('names Cambodia in Khmer from the Khmer table', async () => {
    const regions = await loadRegionNames('km');
    const i18n = createI18n('km', messages('km'), undefined, regions);
    expect(i18n.country('KH')).toBe('កម្ពុជា');
    expect(i18n.country('TH')).toBe('ថៃ');
    const th = createI18n('th', messages('th'), undefined, await loadRegionNames('th'));
    expect(th.country('KH')).toBe('กัมพูชา');
  });

  it('uses the table first, then Intl, then the name it is given, then the code', () => {
    const i18n = createI18n('km', messages('km'), undefined, { KH: 'table' });
    expect(i18n.country('KH')).toBe('table');
    expect(i18n.country('TH')).toBe(
      new Intl.DisplayNames([i18n.intl.tag], { type: 'region' }).of('TH'),
    );
    expect(i18n.country('XX', 'Elsewhere')).toBe('Elsewhere');
    expect(i18n.country('XX')).toBe('XX');
  });
});
