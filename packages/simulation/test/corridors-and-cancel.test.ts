// A population restricted to chosen corridors, and a run cancelled through its signal.
import { parseMonth } from '@tulay/engine';
import { describe, expect, it } from 'vitest';
import { CORRIDORS } from '../src/calibration.ts';
import { countryAt } from '../src/columnar.ts';
import { generatePopulationChunk, selectCorridors } from '../src/generate-population.ts';
import { liveWorkerThreads } from '../src/evaluate-population.ts';
import { simulate } from '../src/simulate.ts';

describe('corridors', () => {
  it('generates workers only in the chosen corridors, weighted for their stocks alone', () => {
    const corridors = [
      { origin: 'KH', destination: 'TH' },
      { origin: 'NP', destination: 'MY' },
    ];
    const c = generatePopulationChunk(
      { workers: 4_000, seed: 2, at: parseMonth('2027-01'), corridors },
      0,
    );
    const nationalities = new Set(Array.from(c.nationality, (n) => countryAt(n)));
    expect(nationalities).toEqual(new Set(['KH', 'NP']));
    const stock = selectCorridors(corridors).reduce((s, k) => s + k.stock.value, 0);
    expect(c.weight[0]).toBeCloseTo(stock / 4_000);
    expect(selectCorridors([])).toBe(CORRIDORS);
    expect(() => selectCorridors([{ origin: 'FR', destination: 'TH' }])).toThrow(/FR-TH/);
  });
});

describe('cancelling', () => {
  it('stops the worker threads and rejects', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    let seen = 0;
    const run = simulate({
      population: { kind: 'generate', workers: 2_000_000, seed: 1 },
      reform: null,
      at: '2027-01',
      threads: 1,
      signal: controller.signal,
      onProgress: (done) => {
        seen = done;
        if (done > 0) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    expect(seen).toBeLessThan(2_000_000);
    expect(liveWorkerThreads()).toBe(0);
  });

  it('stops an in-process run between chunks', async () => {
    const controller = new AbortController();
    const run = simulate({
      population: { kind: 'generate', workers: 50_000, seed: 1 },
      reform: null,
      at: '2027-01',
      threads: 0,
      chunkSize: 1_000,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 2_000) controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
  });
});
