// The simulation's progress: a bar redrawn in place on a terminal, plain lines otherwise.
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../src/commands/simulate.ts';
import type { Io } from '../src/io.ts';

describe('simulation progress', () => {
  it('writes a plain line at most every two seconds when standard error is not a terminal', () => {
    const lines: string[] = [];
    const io: Io = { out: () => {}, err: (t) => lines.push(t) };
    const p = progressReporter(io);
    for (let done = 1_000; done <= 100_000; done += 1_000) p.onProgress(done, 100_000);
    p.finish();
    // The first call and the last (the run is done); none redrawn.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/\[#{30}\] 100% {2}100,000\/100,000 workers/);
    expect(lines.join('')).not.toMatch(/\r/);
  });

  it('redraws one bar in place on a terminal, ending it with a newline when done', () => {
    const draws: [string, boolean][] = [];
    const io: Io = {
      out: () => {},
      err: () => {
        throw new Error('no plain lines on a terminal');
      },
      status: (t, isFinal) => draws.push([t, isFinal]),
    };
    const p = progressReporter(io);
    p.onProgress(50_000, 100_000);
    p.onProgress(100_000, 100_000);
    p.finish();
    expect(draws.map(([, isFinal]) => isFinal)).toEqual([false, true]);
    expect(draws[0]?.[0]).toMatch(/\[#{15}\.{15}\] {2}50%/);
  });

  it('ends a bar without a known total when the run ends', () => {
    const draws: [string, boolean][] = [];
    const io: Io = { out: () => {}, err: () => {}, status: (t, f) => draws.push([t, f]) };
    const p = progressReporter(io);
    p.onProgress(20_000, null);
    p.finish();
    expect(draws).toHaveLength(2);
    expect(draws[1]).toEqual([draws[0]?.[0], true]);
  });
});
