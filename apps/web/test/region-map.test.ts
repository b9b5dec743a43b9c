// The corridor map's build: the region's countries from world-atlas 50m, matched by ISO code,
// projected, simplified and small; and the corridor figures from the simulation's calibration.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corridorFigures } from '../build/map-plugin.ts';
import { buildRegionMap, pathData, ringArea, simplify } from '../build/region-map.ts';
import { alpha2Of, ANCHORS, ISO_NUMERIC_TO_ALPHA2, MAP_COUNTRIES } from '../src/map/iso-3166.ts';
import { CORRIDORS } from '../../../packages/simulation/src/calibration.ts';

const map = buildRegionMap();

describe('ISO 3166-1 numeric → alpha-2', () => {
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  it.each(Object.entries(ISO_NUMERIC_TO_ALPHA2))(
    '%s is the alpha-2 whose English name is the atlas name',
    (numeric, { alpha2, atlas }) => {
      // Two independent sources agree: the atlas's name for the numeric code, and the browser's
      // (CLDR) name for the alpha-2 code ("Myanmar (Burma)", "Hong Kong SAR China" start alike).
      const name = english.of(alpha2) ?? '';
      const first = (s: string) => s.split(/[ (-]/)[0];
      expect(first(name), `${numeric} ${atlas} → ${alpha2} (${name})`).toBe(first(atlas));
      expect(alpha2Of(numeric)).toBe(alpha2);
      expect(alpha2Of(Number(numeric))).toBe(alpha2);
    },
  );

  it('is one to one, and every country has an anchor', () => {
    const codes = Object.values(ISO_NUMERIC_TO_ALPHA2).map((e) => e.alpha2);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...MAP_COUNTRIES].sort()).toEqual(Object.keys(ANCHORS).sort());
    expect(alpha2Of('250')).toBeUndefined(); // France: background land, not drawn by itself
    expect(alpha2Of(undefined)).toBeUndefined();
  });
});

describe('the region map', () => {
  it('draws every country of the region, Singapore included, with its anchor in the frame', () => {
    expect(map.countries.map((c) => c.id).sort()).toEqual([...MAP_COUNTRIES].sort());
    for (const c of map.countries) {
      expect(c.d, c.id).toMatch(/^M[-\d.]+[ -][-\d.]+l.*z$/);
      const [x, y] = c.anchor;
      expect(x, c.id).toBeGreaterThanOrEqual(0);
      expect(x, c.id).toBeLessThanOrEqual(map.width);
      expect(y, c.id).toBeGreaterThanOrEqual(0);
      expect(y, c.id).toBeLessThanOrEqual(map.height);
    }
    expect(map.countries.find((c) => c.id === 'SG')?.d.length).toBeGreaterThan(10);
    expect(map.land.length).toBeGreaterThan(1000);
    expect(map.width).toBe(1000);
    expect(map.height).toBeGreaterThan(500);
    expect(map.height).toBeLessThan(900);
  });

  it('puts Bangkok west of Manila and north of Jakarta', () => {
    const at = (id: string) => map.countries.find((c) => c.id === id)?.anchor ?? [NaN, NaN];
    expect(at('TH')[0]).toBeLessThan(at('PH')[0]);
    expect(at('TH')[1]).toBeLessThan(at('ID')[1]);
    expect(at('SA')[0]).toBeLessThan(at('IN')[0]);
  });

  it('is small: a fraction of the 756 KB atlas', () => {
    const json = JSON.stringify(map);
    expect(json.length).toBeLessThan(80_000);
    expect(gzipSync(json).length).toBeLessThan(25_000);
  });

  it('simplifies within the tolerance and writes compact relative paths', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 0.1],
      [2, -0.1],
      [3, 0],
      [3, 3],
      [0, 3],
    ];
    const simple = simplify(line, 0.5);
    expect(simple).toEqual([
      [0, 0],
      [3, 0],
      [3, 3],
      [0, 3],
    ]);
    expect(simplify(line, 0.01)).toHaveLength(line.length);
    expect(ringArea(simple)).toBe(9);
    expect(pathData([simple])).toBe('M0 0l3 0 0 3-3 0z');
    // Rounding may collapse a ring: it is dropped, not written as a degenerate path.
    expect(
      pathData([
        [
          [0, 0],
          [0.01, 0],
          [0.02, 0.01],
        ],
      ]),
    ).toBe('');
  });
});

describe('corridor figures', () => {
  it('are the calibration’s, each an estimate or with its sources', () => {
    const figures = corridorFigures();
    expect(figures).toHaveLength(CORRIDORS.length);
    for (const f of figures) {
      expect(f.stock).toBeGreaterThan(0);
      expect(f.estimate || f.sources.length > 0, `${f.origin}-${f.destination}`).toBe(true);
      if (!f.estimate) for (const s of f.sources) expect(s.url).toMatch(/^https?:\/\//);
    }
    const khTh = figures.find((f) => f.origin === 'KH' && f.destination === 'TH');
    expect(khTh?.estimate).toBe(true);
    const mmTh = figures.find((f) => f.origin === 'MM' && f.destination === 'TH');
    expect(mmTh?.estimate).toBe(false);
    expect(mmTh?.sources.length).toBeGreaterThan(0);
  });
});
