// The geometry of the corridor arcs, in the map's units: a curve from origin to destination that
// bends to one side (so A → B and B → A do not overlap), an arrowhead at the destination, and the
// width of each arc from its value.

export type Point = readonly [number, number];

export interface Arc {
  /** SVG path data of the curve, stopping where the arrowhead begins. */
  readonly d: string;
  /** SVG path data of the arrowhead (a triangle whose tip is the destination). */
  readonly head: string;
  /** The curve's midpoint, for a label. */
  readonly middle: Point;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A quadratic curve from `a` to `b`, its control point off the chord by `bend` × its length to
 * the right of the direction of travel, with an arrowhead of `headLength` at `b`.
 */
export function arcBetween(a: Point, b: Point, headLength: number, bend = 0.2): Arc {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  // Rotated a quarter turn clockwise (SVG's y points down): the right of the direction of travel.
  const cx = (ax + bx) / 2 - dy * bend;
  const cy = (ay + by) / 2 + dx * bend;
  // The tangent at b is b − c; the arrowhead sits along it, the curve stops at its base.
  const tx = bx - cx;
  const ty = by - cy;
  const tl = Math.hypot(tx, ty) || 1;
  const head = Math.min(headLength, length * 0.45);
  const ux = tx / tl;
  const uy = ty / tl;
  const baseX = bx - ux * head;
  const baseY = by - uy * head;
  const half = head * 0.55;
  const middle: Point = [0.25 * ax + 0.5 * cx + 0.25 * bx, 0.25 * ay + 0.5 * cy + 0.25 * by];
  return {
    d: `M${r1(ax)} ${r1(ay)}Q${r1(cx)} ${r1(cy)} ${r1(baseX)} ${r1(baseY)}`,
    head:
      `M${r1(bx)} ${r1(by)}L${r1(baseX - uy * half)} ${r1(baseY + ux * half)}` +
      `L${r1(baseX + uy * half)} ${r1(baseY - ux * half)}z`,
    middle: [r1(middle[0]), r1(middle[1])],
  };
}

/**
 * The stroke width (CSS pixels) for a value: by the square root, so that an arc's area of ink
 * grows with its value, between `min` and `max`; `min` when the value is unknown.
 */
export function widthFor(value: number | null, largest: number, min = 1.5, max = 10): number {
  if (value === null || !(largest > 0) || !(value > 0)) return min;
  return min + (max - min) * Math.sqrt(Math.min(value, largest) / largest);
}

/** Round values for the width legend: the largest, rounded down to one significant digit, and two smaller steps. */
export function legendValues(largest: number): number[] {
  if (!(largest > 0)) return [];
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  const top = Math.floor(largest / magnitude) * magnitude;
  return [...new Set([top / 100, top / 10, top])].filter((v) => v >= 1);
}

/** A part of the map, in its units (an SVG viewBox). */
export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The part of the map around some points, with a margin, of the map's proportions (so the figure
 * keeps its height), no smaller than a sixth of the map and never beyond its edges.
 */
export function zoomTo(
  points: readonly (readonly [number, number] | undefined)[],
  width: number,
  height: number,
): Frame {
  const known = points.filter((p) => p !== undefined);
  if (known.length === 0) return { x: 0, y: 0, width, height };
  const xs = known.map((p) => p[0]);
  const ys = known.map((p) => p[1]);
  const margin = width * 0.12;
  const ratio = height / width;
  let w = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * margin, width * 0.4);
  let h = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * margin, w * ratio);
  w = Math.min(width, Math.max(w, h / ratio));
  h = Math.min(height, w * ratio);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    x: r(clamp(cx - w / 2, width - w)),
    y: r(clamp(cy - h / 2, height - h)),
    width: r(w),
    height: r(h),
  };
}
