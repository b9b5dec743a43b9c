// Builds the corridor map's asset from world-atlas (Natural Earth 1:50m; 1:110m has no
// Singapore): the region's countries one by one, their neighbours as background land, projected
// here once, simplified and rounded, so the browser ships tens of kilobytes, not the 756 KB atlas.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeoPermissibleObjects, GeoProjection } from 'd3-geo';
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapCountry, RegionMapData } from '../src/map/region-map-data.ts';
import { ANCHORS, ISO_NUMERIC_TO_ALPHA2 } from '../src/map/iso-3166.ts';

/** The frame's width in SVG units; the height follows from the region's shape. */
export const MAP_WIDTH = 1000;
/** Douglas–Peucker tolerance, in SVG units: under a pixel at the map's widest. */
const TOLERANCE = 0.45;
/** Islands smaller than this (square units) are dropped, except a country's largest piece. */
const MIN_RING_AREA = 1.5;
/** Room around the outermost anchors, in SVG units. */
const MARGIN = 45;

type Ring = [number, number][];

/** Records the rings geoPath draws (projected and clipped to the frame). */
class RingRecorder {
  readonly rings: Ring[] = [];
  private current: Ring = [];
  moveTo(x: number, y: number): void {
    this.current = [[x, y]];
    this.rings.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current.push([x, y]);
  }
  closePath(): void {
    // Rings are closed when written out.
  }
  arc(): void {
    // Points are not drawn.
  }
  beginPath(): void {
    // Nothing to do.
  }
}

/** The point at `i` (in range by construction; checked all the same). */
function at(ring: Ring, i: number): [number, number] {
  const p = ring[i];
  if (!p) throw new RangeError(`no point ${i} in a ring of ${ring.length}`);
  return p;
}

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas–Peucker, iterative (rings of thousands of points would overflow a recursion). */
export function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() ?? [0, 0];
    const a = at(ring, from);
    const b = at(ring, to);
    let worst = -1;
    let index = -1;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicular(at(ring, i), a, b);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index >= 0 && worst > tolerance) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = at(ring, i);
    const [x2, y2] = at(ring, (i + 1) % ring.length);
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;
const num = (n: number) => {
  const s = String(round(n));
  return s.replace(/^(-?)0\./, '$1.');
};

/** Two numbers as SVG writes them: a minus sign separates them, else a space. */
const pair = (a: number, b: number) => {
  const y = num(b);
  return `${num(a)}${y.startsWith('-') ? '' : ' '}${y}`;
};

/** SVG path data for rings: an absolute move, then relative lines, one decimal, closed. */
export function pathData(rings: readonly Ring[]): string {
  const parts: string[] = [];
  for (const ring of rings) {
    // Drop the points rounding made repeat (and the closing point: z closes the ring).
    const clean: Ring = [];
    for (const [a, b] of ring) {
      const p: [number, number] = [round(a), round(b)];
      const previous = clean[clean.length - 1];
      if (!previous || previous[0] !== p[0] || previous[1] !== p[1]) clean.push(p);
    }
    const first = clean[0];
    const last = clean[clean.length - 1];
    if (first && last && clean.length > 1 && last[0] === first[0] && last[1] === first[1])
      clean.pop();
    if (clean.length < 3) continue;
    const [x0, y0] = at(clean, 0);
    let d = `M${pair(x0, y0)}l`;
    for (let i = 1; i < clean.length; i++) {
      const [x, y] = at(clean, i);
      const [px, py] = at(clean, i - 1);
      const step = pair(x - px, y - py);
      d += i === 1 || step.startsWith('-') ? step : ` ${step}`;
    }
    parts.push(`${d}z`);
  }
  return parts.join('');
}

function ringsOf(geo: GeoPermissibleObjects, projection: GeoProjection): Ring[] {
  const recorder = new RingRecorder();
  geoPath(projection, recorder as unknown as CanvasRenderingContext2D)(geo);
  return recorder.rings;
}

function shrink(rings: Ring[], keepLargest: boolean): Ring[] {
  const simplified = rings.map((r) => simplify(r, TOLERANCE)).filter((r) => r.length >= 3);
  const kept = simplified.filter((r) => ringArea(r) >= MIN_RING_AREA);
  if (kept.length === 0 && keepLargest && simplified.length > 0) {
    const largest = [...simplified].sort((a, b) => ringArea(b) - ringArea(a))[0];
    return largest ? [largest] : [];
  }
  return kept;
}

/** The atlas, read from the installed world-atlas package. */
export function readAtlas(): Topology {
  const require = createRequire(import.meta.url);
  return JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
}

/** Projects, clips and simplifies the region; throws when the atlas lacks a country of the map. */
export function buildRegionMap(atlas: Topology = readAtlas()): RegionMapData {
  const object = atlas.objects.countries as GeometryCollection;
  const all = (feature(atlas, object) as FeatureCollection<Geometry, { name: string }>).features;
  const focus = new Map<string, Feature<Geometry, { name: string }>>();
  const others: Feature<Geometry, { name: string }>[] = [];
  for (const f of all) {
    const entry = f.id === undefined ? undefined : ISO_NUMERIC_TO_ALPHA2[String(f.id)];
    // Codes are not unique in the atlas (036 is Australia and the Ashmore and Cartier Islands):
    // the name settles it, and a mistyped code fails the build below as a missing country.
    if (entry && f.properties.name === entry.atlas) focus.set(entry.alpha2, f);
    else others.push(f);
  }
  const missing = Object.values(ISO_NUMERIC_TO_ALPHA2)
    .map((e) => e.alpha2)
    .filter((c) => !focus.has(c));
  if (missing.length > 0)
    throw new Error(`world-atlas has no ${missing.join(', ')} under the code and name expected`);

  // Centred on the region, equal-area: the Gulf, South Asia, East Asia and Australia keep their
  // relative sizes, and nothing far from the centre is stretched as Mercator would. The frame
  // holds every anchor with a margin; countries reaching beyond it (China, Australia) are cut.
  const anchors: Geometry = {
    type: 'MultiPoint',
    coordinates: Object.values(ANCHORS).map((a) => [...a]),
  };
  const projection = geoAzimuthalEqualArea().rotate([-98, -8]);
  projection.fitWidth(MAP_WIDTH - 2 * MARGIN, anchors);
  const [[left, top], [, bottom]] = geoPath(projection).bounds(anchors);
  const height = Math.ceil(bottom - top + 2 * MARGIN);
  const [tx, ty] = projection.translate();
  projection.translate([tx - left + MARGIN, ty - top + MARGIN]).clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);

  const countries: MapCountry[] = [...focus.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, f]) => {
      const lonLat = ANCHORS[id];
      if (!lonLat) throw new Error(`no anchor for ${id}`);
      const anchor = projection([lonLat[0], lonLat[1]]);
      if (!anchor) throw new Error(`the anchor of ${id} is outside the projection`);
      return {
        id,
        d: pathData(shrink(ringsOf(f, projection), true)),
        anchor: [round(anchor[0]), round(anchor[1])] as const,
      };
    });
  const land = pathData(others.flatMap((f) => shrink(ringsOf(f, projection), false)));
  return {
    width: MAP_WIDTH,
    height,
    land,
    countries,
    source: 'Natural Earth 1:50m (public domain), via world-atlas 2.0.2',
  };
}
