import type { CheckResult } from '@tulay/engine';

/** The scalar engine's answer to the columnar coverage kernel's question: does `scheme` cover the worker in `at` (YYYY-MM)? */
export function coveredBy(result: CheckResult, scheme: string, at: string): boolean {
  return result.coverage.some((p) =>
    p.schemes.some((s) => s.scheme === scheme && s.from <= at && at <= s.to),
  );
}
