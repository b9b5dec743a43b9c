import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase, Month } from '@tulay/engine';
import { ACTIVITIES, PERMITS, SECTORS, check, formatMonth, parseMonth } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';
import type { PopulationColumns } from '../src/columnar.ts';
import {
  allocateColumns,
  compileCoverageKernel,
  countryIndex,
  profileOf,
} from '../src/columnar.ts';
import { coveredBy } from '../src/coverage-reference.ts';
import { generatePopulation } from '../src/generate-population.ts';

const AT = '2027-01';
const at = parseMonth(AT);
let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledge().kb;
});

/** Workers where the columnar kernel and the scalar engine disagree on coverage by `scheme`. */
function disagreements(c: PopulationColumns, scheme: string): number[] {
  const s = kb.schemes.get(scheme);
  if (!s) throw new Error(`no scheme ${scheme}`);
  const kernel = compileCoverageKernel(s, at);
  if (!kernel.ok) throw new Error(kernel.reason);
  const out = new Uint8Array(c.workers);
  kernel.run(c, out);
  const bad: number[] = [];
  for (let w = 0; w < c.workers; w++) {
    const scalar = coveredBy(check(kb, profileOf(c, w), { at: AT, trace: false }), scheme, AT);
    if (scalar !== (out[w] === 1)) bad.push(w);
  }
  return bad;
}

const COUNTRIES = ['TH', 'MY', 'KH', 'MM', 'LA', 'SG', 'ID', 'NP', 'PH', 'VN'];

/** Arbitrary one-worker populations: every field the kernel reads, including the corners (no sector, no permit, no birth). */
const worker = fc.record({
  nationality: fc.constantFrom(...COUNTRIES),
  birth: fc.option(fc.integer({ min: at - 80 * 12, max: at - 10 * 12 }), { nil: undefined }),
  periods: fc.array(
    fc.record({
      country: fc.constantFrom(...COUNTRIES),
      from: fc.integer({ min: at - 240, max: at + 6 }),
      length: fc.integer({ min: 1, max: 60 }),
      activity: fc.integer({ min: 0, max: ACTIVITIES.length - 1 }),
      sector: fc.integer({ min: 0, max: SECTORS.length }),
      permit: fc.integer({ min: 0, max: PERMITS.length }),
      documented: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

type ArbitraryWorker = typeof worker extends fc.Arbitrary<infer T> ? T : never;

function columnsOf(w: ArbitraryWorker): PopulationColumns {
  const c = allocateColumns(1, w.periods.length, ['']);
  c.workerId[0] = 1;
  c.weight[0] = 1;
  c.nationality[0] = countryIndex(w.nationality);
  c.birth[0] = w.birth ?? -1;
  c.firstPeriod[1] = w.periods.length;
  w.periods.forEach((p, r) => {
    c.country[r] = countryIndex(p.country);
    c.from[r] = p.from;
    c.to[r] = p.from + p.length - 1;
    c.activity[r] = p.activity;
    c.sector[r] = p.sector;
    c.permit[r] = p.permit;
    c.documented[r] = p.documented ? 1 : 0;
  });
  return c;
}

describe('the columnar coverage kernel agrees with the scalar engine', () => {
  it('on arbitrary workers, for the Thai schemes the kernel supports (property)', () => {
    const schemes = ['th.ssf.s33', 'th.wcf'].filter((id) => {
      const s = kb.schemes.get(id);
      return s !== undefined && compileCoverageKernel(s, at).ok;
    });
    expect(schemes).toContain('th.ssf.s33');
    fc.assert(
      fc.property(worker, (w) => {
        const c = columnsOf(w);
        for (const id of schemes) expect(disagreements(c, id)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a month of the edge of the age band as the scalar engine does', () => {
    // Section 33 covers ages 15 to 60: born in 1966-01, the worker is 61 from 2027-01.
    const c = columnsOf({
      nationality: 'MM',
      birth: parseMonth('1966-01'),
      periods: [
        {
          country: 'TH',
          from: at - 24,
          length: 30,
          activity: 0,
          sector: 1 + SECTORS.indexOf('manufacturing'),
          permit: 1 + PERMITS.indexOf('mou'),
          documented: true,
        },
      ],
    });
    expect(formatMonth((c.birth[0] ?? 0) as Month)).toBe('1966-01');
    expect(disagreements(c, 'th.ssf.s33')).toEqual([]);
  });

  const DIFFERENTIAL = Number(process.env.TULAY_DIFFERENTIAL_WORKERS ?? 100_000);
  it(`on ${DIFFERENTIAL.toLocaleString('en')} generated workers (differential check)`, () => {
    let checked = 0;
    for (const c of generatePopulation({ workers: DIFFERENTIAL, seed: 7, at, chunkSize: 10_000 })) {
      expect(disagreements(c, 'th.ssf.s33')).toEqual([]);
      checked += c.workers;
    }
    expect(checked).toBe(DIFFERENTIAL);
  }, 600_000);
});
