import { describe, expect, it } from 'vitest';
import { arcBetween, legendValues, widthFor, zoomTo } from './arcs.ts';

const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('arcBetween', () => {
  it('starts at the origin, and its arrowhead ends at the destination', () => {
    const arc = arcBetween([0, 0], [100, 0], 10);
    expect(arc.d.startsWith('M0 0Q')).toBe(true);
    expect(arc.head.startsWith('M100 0L')).toBe(true);
    // The curve stops at the arrowhead's base, about its length before the destination.
    const [, , , , endX, endY] = numbers(arc.d);
    expect(Math.hypot(100 - (endX ?? 0), 0 - (endY ?? 0))).toBeCloseTo(10, 0);
  });

  it('bends to the right of the direction of travel, so A → B and B → A do not overlap', () => {
    const there = arcBetween([0, 0], [100, 0], 10);
    const back = arcBetween([100, 0], [0, 0], 10);
    // Travelling east with y pointing down, the right is +y; travelling west it is −y.
    expect(there.middle[1]).toBeGreaterThan(0);
    expect(back.middle[1]).toBeLessThan(0);
    expect(there.middle[0]).toBeCloseTo(50, 5);
  });

  it('keeps the arrowhead shorter than half a short arc', () => {
    const arc = arcBetween([0, 0], [10, 0], 30);
    const [, , , , endX] = numbers(arc.d);
    expect(endX).toBeGreaterThan(4);
  });
});

describe('widthFor', () => {
  it('grows with the square root of the value, between the bounds', () => {
    expect(widthFor(0, 100)).toBe(1.5);
    expect(widthFor(null, 100)).toBe(1.5);
    expect(widthFor(100, 100)).toBe(10);
    expect(widthFor(1000, 100)).toBe(10);
    expect(widthFor(25, 100)).toBeCloseTo(1.5 + 8.5 * 0.5, 10);
    expect(widthFor(50, 0)).toBe(1.5);
  });
});

describe('legendValues', () => {
  it('gives round values up to the largest', () => {
    expect(legendValues(3_400_000)).toEqual([30_000, 300_000, 3_000_000]);
    expect(legendValues(95)).toEqual([9, 90]);
    expect(legendValues(0)).toEqual([]);
  });
});

describe('zoomTo', () => {
  it('frames two close points with a margin, in the map’s proportions', () => {
    const f = zoomTo(
      [
        [500, 300],
        [540, 330],
      ],
      1000,
      700,
    );
    expect(f.width).toBe(400);
    expect(f.height).toBe(280);
    expect(f.x).toBeCloseTo(320, 5);
    expect(f.y).toBeCloseTo(175, 5);
  });

  it('stays inside the map, and is the whole map for points far apart or none', () => {
    const corner = zoomTo(
      [
        [10, 10],
        [20, 20],
      ],
      1000,
      700,
    );
    expect(corner.x).toBe(0);
    expect(corner.y).toBe(0);
    expect(
      zoomTo(
        [
          [0, 0],
          [1000, 700],
        ],
        1000,
        700,
      ),
    ).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
    expect(zoomTo([undefined], 1000, 700)).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });
});
