import type { Reform } from '@tulay/engine';
import { reformSchema } from '@tulay/engine';
import { formatProblem } from '@tulay/knowledge';
import { readValidated } from '@tulay/knowledge/node';
import type { IndicatorRow, SimulationSummary } from '@tulay/simulation';
import { LawError, PopulationError, formatPopulationProblem, simulate } from '@tulay/simulation';
import type { Io } from '../io.ts';
import { EXIT, UsageError } from '../io.ts';
import { readAt } from './check.ts';

export interface SimulateArgs {
  readonly population?: string | undefined;
  readonly generate?: string | undefined;
  readonly seed?: string | undefined;
  readonly reform?: string | undefined;
  readonly at?: string | undefined;
  readonly out?: string | undefined;
  readonly kb?: string | undefined;
  readonly threads?: string | undefined;
  /** Evaluate every worker with the scalar engine instead of the columnar kernel. */
  readonly scalar?: boolean | undefined;
  readonly today: string;
}

function wholeNumber(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${flag}: "${text}" must be a whole number of at least ${min}`);
  return n;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Progress: on a terminal, a bar redrawn in place (at most ten times a second); otherwise a line
 * at most every two seconds. Each says the bar, count, rate and time left. `finish` ends the bar.
 */
export function progressReporter(io: Io): {
  readonly onProgress: (done: number, total: number | null) => void;
  readonly finish: () => void;
} {
  const started = performance.now();
  const status = io.status;
  const every = status ? 100 : 2000;
  let last = 0;
  let line: string | null = null;
  const onProgress = (done: number, total: number | null) => {
    const now = performance.now();
    if (now - last < every && done !== total) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const count = done.toLocaleString('en');
    if (total === null) line = `  ${count} workers  ${Math.round(rate).toLocaleString('en')}/s`;
    else {
      const share = total > 0 ? done / total : 1;
      const width = 30;
      const filled = Math.round(share * width);
      line = `  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${count}/${total.toLocaleString('en')} workers  ${Math.round(rate).toLocaleString('en')}/s  ${duration((total - done) / rate)} left`;
    }
    if (status) {
      status(line, done === total);
      if (done === total) line = null;
    } else io.err(line);
  };
  // A bar still drawn (a file population has no known total) gets its newline.
  const finish = () => {
    if (status && line !== null) status(line, true);
    line = null;
  };
  return { onProgress, finish };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The summary table: the headline indicators for all workers, then by corridor. */
export function renderSummary(s: SimulationSummary): string {
  const all = s.indicators.filter((r) => r.dimension === 'all');
  const get = (rows: readonly IndicatorRow[], indicator: IndicatorRow['indicator'], detail = '') =>
    rows.find((r) => r.indicator === indicator && r.detail === detail);
  const lines: string[] = [];
  lines.push(
    `Population: ${s.population.workers.toLocaleString('en')} workers (${s.population.periods.toLocaleString('en')} periods), standing for ${Math.round(s.population.standsFor).toLocaleString('en')}; law at ${s.at}`,
  );
  lines.push(
    s.reform ? `Reform: ${s.reform.title} (from ${s.reform.from})` : 'Reform: none (baseline only)',
  );
  lines.push(
    `Evaluated in ${s.seconds.toFixed(1)} s (${Math.round(s.workersPerSecond).toLocaleString('en')} workers/s, ${s.threads} threads): ${s.path}`,
  );
  lines.push('');
  lines.push('All workers                       baseline    reform');
  const line = (label: string, r: IndicatorRow | undefined, format: (x: number) => string = pct) =>
    lines.push(
      `  ${label.padEnd(32)}${format(r?.baseline ?? 0).padStart(8)}  ${format(r?.reform ?? 0).padStart(8)}`,
    );
  for (const b of [
    'medical_care',
    'employment_injury',
    'old_age',
    'invalidity',
    'maternity',
  ] as const)
    line(`legal coverage: ${b.replace('_', ' ')}`, get(all, 'legal_coverage', b));
  line('covered by at least one branch', get(all, 'covered_any_branch'));
  line('would receive old age', get(all, 'receives_benefit', 'old_age'));
  line('would receive invalidity', get(all, 'receives_benefit', 'invalidity'));
  line('would receive any benefit', get(all, 'receives_any_benefit'));
  line('invalidity not payable at home', get(all, 'not_payable_at_home', 'invalidity'));
  line('months lost, no totalization', get(all, 'months_lost_no_totalization'), (x) =>
    x.toFixed(1),
  );
  if (s.reform) {
    lines.push(
      `  gainers ${pct(get(all, 'gainers')?.reform ?? 0)}, losers ${pct(get(all, 'losers')?.reform ?? 0)}`,
    );
    const by = all
      .filter((r) => r.indicator === 'gainers_by_barrier_removed' && r.reform > 0)
      .map((r) => `${r.detail} ${pct(r.reform)}`);
    if (by.length > 0) lines.push(`  gainers by barrier removed: ${by.join(', ')}`);
  }
  lines.push('');
  lines.push(
    'By corridor             workers  covered(any)    receives(any)   old-age lost months   gainers',
  );
  const corridors = s.indicators
    .filter((r) => r.dimension === 'corridor' && r.indicator === 'covered_any_branch')
    .sort((a, b) => b.workers - a.workers);
  for (const c of corridors) {
    const rows = s.indicators.filter((r) => r.dimension === 'corridor' && r.group === c.group);
    const recv = get(rows, 'receives_any_benefit');
    const lost = get(rows, 'months_lost_no_totalization');
    const gain = get(rows, 'gainers');
    lines.push(
      `  ${c.group.padEnd(8)}${Math.round(c.workers).toLocaleString('en').padStart(14)}  ${pct(c.baseline).padStart(6)}→${pct(c.reform).padEnd(7)}  ${pct(recv?.baseline ?? 0).padStart(6)}→${pct(recv?.reform ?? 0).padEnd(7)}  ${(lost?.baseline ?? 0).toFixed(1).padStart(7)}→${(lost?.reform ?? 0).toFixed(1).padEnd(10)}  ${pct(gain?.reform ?? 0).padStart(6)}`,
    );
  }
  if (s.files.length > 0) lines.push('', `Written: ${s.files.join(', ')}`);
  return lines.join('\n');
}

/** `tulay simulate`: a population through the law, baseline and reform, with indicators. */
export async function simulateCommand(io: Io, args: SimulateArgs): Promise<number> {
  if ((args.population === undefined) === (args.generate === undefined))
    throw new UsageError('simulate needs exactly one of --population FILE or --generate N');
  const workers = wholeNumber('--generate', args.generate, 1);
  const seed = wholeNumber('--seed', args.seed, 0) ?? 1;
  const threads = wholeNumber('--threads', args.threads, 0);
  let reform: Reform | null = null;
  if (args.reform !== undefined) {
    const r = readValidated(reformSchema, args.reform);
    if (!r.value) {
      for (const p of r.problems) io.err(formatProblem(p));
      return EXIT.invalidInput;
    }
    reform = r.value;
  }
  // A reform takes effect from its month: evaluating before it would show no change.
  let at = readAt(args.at, args.today);
  if (args.at === undefined && reform !== null && at.slice(0, 7) < reform.from) {
    at = reform.from;
    io.err(`tulay: evaluating at ${at}, the month the reform takes effect (use --at to choose)`);
  }
  const progress = progressReporter(io);
  try {
    const summary = await simulate({
      population:
        workers === undefined
          ? { kind: 'file', file: args.population ?? '' }
          : { kind: 'generate', workers, seed },
      reform,
      at,
      kbDir: args.kb,
      outDir: args.out,
      ...(threads === undefined ? {} : { threads }),
      scalar: args.scalar === true,
      onProgress: progress.onProgress,
    });
    progress.finish();
    io.out(renderSummary(summary));
    return EXIT.ok;
  } catch (e) {
    progress.finish();
    if (e instanceof PopulationError) {
      for (const p of e.problems) io.err(formatPopulationProblem(e.file, p));
      io.err('tulay: the population is invalid; see docs/simulation.md');
      return EXIT.invalidInput;
    }
    if (e instanceof LawError) {
      io.err(`tulay: ${e.message}`);
      for (const d of e.details) io.err(`  ${d}`);
      return EXIT.invalidInput;
    }
    throw e;
  }
}
