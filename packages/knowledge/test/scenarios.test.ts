// Runs every scenario in test/scenarios/*.yaml against the real knowledge base (docs/scenario-tests.md).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BranchResult } from '@tulay/engine';
import { check } from '@tulay/engine';
import { formatProblem } from '../src/index.ts';
import { loadKnowledge, readValidated } from '../src/node/index.ts';
import type { ResultExpectation } from '../src/scenarios/scenario-schema.ts';
import { scenarioFileSchema } from '../src/scenarios/scenario-schema.ts';

const dir = join(import.meta.dirname, 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const loaded = loadKnowledge();

function matches(r: BranchResult, e: ResultExpectation): boolean {
  return r.scheme === e.scheme && (e.branch === undefined || r.branch === e.branch);
}

describe('the knowledge base loads without errors', () => {
  it('has no error', () => {
    expect(loaded.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});

let total = 0;
for (const file of files) {
  const read = readValidated(scenarioFileSchema, join(dir, file), `test/scenarios/${file}`);
  describe(file, () => {
    if (!read.value) {
      it('is a valid scenario file', () => {
        expect(read.problems.map(formatProblem)).toEqual([]);
      });
      return;
    }
    for (const scenario of read.value) {
      total++;
      it(scenario.name, () => {
        const result = check(loaded.kb, scenario.profile, { at: scenario.at });
        for (const e of scenario.expect) {
          if ('coverage' in e) {
            const cov = result.coverage.find((c) => c.period === e.coverage.period);
            expect(cov, `period ${e.coverage.period} exists`).toBeDefined();
            expect(
              [...new Set(cov?.schemes.map((s) => s.scheme))].sort(),
              `schemes covering period ${e.coverage.period}`,
            ).toEqual([...e.coverage.schemes].sort());
            continue;
          }
          const found = result.results.filter((r) => matches(r, e));
          const what = `${e.scheme}${e.branch ? ` ${e.branch}` : ''}`;
          expect(
            found.length,
            `a result for ${what} (have: ${result.results.map((r) => `${r.scheme}/${r.branch}`).join(', ')})`,
          ).toBeGreaterThan(0);
          for (const r of found) {
            const label = `${r.scheme} ${r.branch}`;
            if (e.status)
              expect(
                r.status,
                `${label} status (reasons: ${r.reasons.join(' ')}; missing: ${r.missing.join(', ')})`,
              ).toBe(e.status);
            if (e.statusIn) expect(e.statusIn, `${label} status ${r.status}`).toContain(r.status);
            const codes = r.barriers.map((b) => b.code);
            for (const b of e.barriers ?? []) expect(codes, `${label} barriers`).toContain(b);
            for (const b of e.absentBarriers ?? [])
              expect(codes, `${label} barriers`).not.toContain(b);
            if (e.payableAbroad !== undefined)
              expect(r.payableAbroad, `${label} payableAbroad`).toBe(e.payableAbroad);
            if (e.paid) expect(r.amounts.paid, `${label} paid`).toMatchObject(e.paid);
            if (e.unverified !== undefined)
              expect(r.unverified.length > 0, `${label} unverified`).toBe(e.unverified);
          }
        }
      });
    }
  });
}

describe('scenario count', () => {
  it('has at least 30 scenarios, as the knowledge-base issue requires', () => {
    expect(total).toBeGreaterThanOrEqual(30);
  });
});
