// A population restricted to chosen corridors, a run cancelled through its signal, and threads
// kept from one run to the next.
import { fileURLToPath } from 'node:url';
import type { Reform } from '@tulay/engine';
import { parseMonth, reformSchema } from '@tulay/engine';
import { readValidated } from '@tulay/knowledge/node';
import { describe, expect, it } from 'vitest';
import { CORRIDORS } from '../src/calibration.ts';
import { countryAt } from '../src/columnar.ts';
import { generatePopulationChunk, selectCorridors } from '../src/generate-population.ts';
import { ThreadPool, liveWorkerThreads } from '../src/thread-pool.ts';
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

describe('threads kept between runs', () => {
  const asean = readValidated(
    reformSchema,
    fileURLToPath(
      new URL('../../../docs/examples/reforms/asean-multilateral.yaml', import.meta.url),
    ),
  ).value;
  const run = (reform: Reform | null, extra: Partial<Parameters<typeof simulate>[0]> = {}) =>
    simulate({
      population: { kind: 'generate', workers: 6_000, seed: 5 },
      reform,
      at: '2027-01',
      chunkSize: 1_000,
      threads: 2,
      ...extra,
    });

  it(
    'serve one run after another with its own law, and end when a run is cancelled',
    { timeout: 120_000 },
    async () => {
      if (!asean) throw new Error('the ASEAN reform does not read');
      // What each run gives in this thread (the same for a seed and a chunk size, threads or not).
      const baseline = (await run(null, { threads: 0 })).indicators;
      const reformed = (await run(asean, { threads: 0 })).indicators;
      expect(reformed).not.toEqual(baseline);
      expect(liveWorkerThreads()).toBe(0);

      const pool = new ThreadPool();
      expect((await run(null, { pool })).indicators).toEqual(baseline);
      // The threads stay, idle, and the next run uses the same ones with the reform's law.
      expect(pool.size).toBe(2);
      expect(liveWorkerThreads()).toBe(2);
      const threads = pool.take(2);
      expect((await run(asean, { pool })).indicators).toEqual(reformed);
      expect(pool.take(2)).toEqual(threads);
      expect(pool.take(2).every((t, i) => t === threads[i])).toBe(true);

      // A cancelled run ends them (a chunk may be in flight); the next run starts new ones.
      const controller = new AbortController();
      await expect(
        run(asean, {
          pool,
          signal: controller.signal,
          population: { kind: 'generate', workers: 200_000, seed: 5 },
          onProgress: (done) => {
            if (done > 0) controller.abort(new Error('stop'));
          },
        }),
      ).rejects.toThrow('stop');
      expect(pool.size).toBe(0);
      expect(liveWorkerThreads()).toBe(0);
      expect((await run(null, { pool })).indicators).toEqual(baseline);
      expect(pool.take(2).some((t, i) => t === threads[i])).toBe(false);

      await pool.discard();
      expect(liveWorkerThreads()).toBe(0);
    },
  );
});
