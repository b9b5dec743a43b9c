import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BRANCHES, parseMonth, reformSchema } from '@tulay/engine';
import { readValidated } from '@tulay/knowledge/node';
import type { OutcomeColumns } from '../src/evaluate-chunk.ts';
import type { PopulationColumns } from '../src/columnar.ts';
import { evaluateChunk } from '../src/evaluate-chunk.ts';
import { generatePopulation } from '../src/generate-population.ts';
import type { IndicatorRow } from '../src/indicators.ts';
import { IndicatorAccumulator, workerKeys } from '../src/indicators.ts';
import { compileLaws } from '../src/laws.ts';
import { BARRIER_CODES } from '../src/outcome.ts';

const AT = '2027-01';

/**
 * The indicators summed the plain way: every worker added to each of its five groups, from the
 * string keys of workerKeys(). The accumulator sums cells and rolls them up; both must agree.
 */
function reference(chunks: readonly [PopulationColumns, OutcomeColumns][]): IndicatorRow[] {
  const groups = new Map<string, { w: number; n: number; sums: Map<string, [number, number]> }>();
  const add = (key: string, name: string, weight: number, b: number, r: number) => {
    let g = groups.get(key);
    if (!g) {
      g = { w: 0, n: 0, sums: new Map() };
      groups.set(key, g);
    }
    const s = g.sums.get(name) ?? [0, 0];
    g.sums.set(name, [s[0] + weight * b, s[1] + weight * r]);
  };
  for (const [c, o] of chunks)
    for (let w = 0; w < c.workers; w++) {
      const k = workerKeys(c, w);
      const weight = c.weight[w] ?? 0;
      const keys = [
        'all\u0000all',
        `corridor\u0000${k.origin}-${k.destination}`,
        `sex\u0000${k.sex}`,
        `sector\u0000${k.sector}`,
        `documented\u0000${k.documented ? 'documented' : 'undocumented'}`,
      ];
      for (const key of keys) {
        const bit = (m: number, i: number) => ((m >> i) & 1) as 0 | 1;
        BRANCHES.forEach((branch, i) => {
          add(
            key,
            `legal_coverage:${branch}`,
            weight,
            bit(o.coveredBaseline[w] ?? 0, i),
            bit(o.coveredReform[w] ?? 0, i),
          );
          add(
            key,
            `receives_benefit:${branch}`,
            weight,
            bit(o.receivesBaseline[w] ?? 0, i),
            bit(o.receivesReform[w] ?? 0, i),
          );
          add(
            key,
            `not_payable_at_home:${branch}`,
            weight,
            bit(o.notPayableBaseline[w] ?? 0, i),
            bit(o.notPayableReform[w] ?? 0, i),
          );
        });
        add(
          key,
          'covered_any_branch:',
          weight,
          o.coveredBaseline[w] ? 1 : 0,
          o.coveredReform[w] ? 1 : 0,
        );
        add(
          key,
          'receives_any_benefit:',
          weight,
          o.receivesBaseline[w] ? 1 : 0,
          o.receivesReform[w] ? 1 : 0,
        );
        add(
          key,
          'months_lost_no_totalization:',
          weight,
          o.monthsLostBaseline[w] ?? 0,
          o.monthsLostReform[w] ?? 0,
        );
        add(key, 'gainers:', weight, 0, (o.change[w] ?? 0) & 1);
        add(key, 'losers:', weight, 0, ((o.change[w] ?? 0) >> 1) & 1);
        BARRIER_CODES.forEach((code, i) => {
          add(
            key,
            `gainers_by_barrier_removed:${code}`,
            weight,
            0,
            bit(o.barriersRemoved[w] ?? 0, i),
          );
        });
        const g = groups.get(key);
        if (g) {
          g.w += weight;
          g.n += 1;
        }
      }
    }
  const out: IndicatorRow[] = [];
  for (const [key, g] of groups) {
    const [dimension, group] = key.split('\u0000') as [IndicatorRow['dimension'], string];
    for (const [name, [b, r]] of g.sums) {
      const [indicator, detail] = name.split(':') as [
        IndicatorRow['indicator'],
        IndicatorRow['detail'],
      ];
      out.push({
        dimension,
        group,
        indicator,
        detail,
        baseline: b / g.w,
        reform: r / g.w,
        workers: g.w,
        sample: g.n,
      });
    }
  }
  return out;
}

describe('the indicator sums', () => {
  it('agree with adding every worker to each of its groups, chunk by chunk and merged', () => {
    const file = fileURLToPath(
      new URL('../../../docs/examples/reforms/asean-multilateral.yaml', import.meta.url),
    );
    const reform = readValidated(reformSchema, file).value;
    if (!reform) throw new Error('the ASEAN reform does not read');
    const laws = compileLaws({ reform, at: AT });
    const chunks: [PopulationColumns, OutcomeColumns][] = [];
    const total = new IndicatorAccumulator();
    for (const c of generatePopulation({
      workers: 3_000,
      seed: 17,
      at: parseMonth(AT),
      chunkSize: 700,
    })) {
      const o = evaluateChunk(laws, c);
      chunks.push([c, o]);
      const part = new IndicatorAccumulator();
      part.add(c, o);
      total.merge(part.partial());
    }
    const rows = total.rows();
    // Not vacuous: the reform has gainers and the sums have weight.
    expect(
      rows.find((r) => r.dimension === 'all' && r.indicator === 'gainers')?.reform,
    ).toBeGreaterThan(0.1);
    const expected = reference(chunks);
    expect(rows.length).toBe(expected.length);
    const byKey = new Map(
      rows.map((r) => [`${r.dimension}|${r.group}|${r.indicator}|${r.detail}`, r]),
    );
    for (const e of expected) {
      const r = byKey.get(`${e.dimension}|${e.group}|${e.indicator}|${e.detail}`);
      expect(r, `${e.dimension} ${e.group} ${e.indicator} ${e.detail}`).toBeDefined();
      expect(r?.sample).toBe(e.sample);
      expect(r?.workers).toBeCloseTo(e.workers, 3);
      expect(r?.baseline).toBeCloseTo(e.baseline, 9);
      expect(r?.reform).toBeCloseTo(e.reform, 9);
    }
  });
});
