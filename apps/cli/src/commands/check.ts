import type { KnowledgeBase, Reform } from '@tulay/engine';
import {
  applyReform,
  check,
  compileKnowledgeBase,
  diffResults,
  formatJsonPath,
  isCalendarMonthOrDate,
  profileSchema,
  reformSchema,
} from '@tulay/engine';
import { formatProblem } from '@tulay/knowledge';
import { loadKnowledge, readValidated } from '@tulay/knowledge/node';
import type { Io } from '../io.ts';
import { EXIT, UsageError } from '../io.ts';
import { renderCheck } from '../render/check-report.ts';

export interface CheckArgs {
  readonly profile: string;
  readonly at: string | undefined;
  readonly reform: string | undefined;
  readonly kb: string | undefined;
  readonly json: boolean;
  readonly today: string;
}

/** Loads the knowledge base, or reports why it cannot be used. */
export function loadUsableKb(io: Io, dir: string | undefined): KnowledgeBase | null {
  const loaded = loadKnowledge(dir);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) io.err(formatProblem(p));
    io.err(
      `tulay: the knowledge base has ${errors.length} error(s); run "tulay kb validate" for details.`,
    );
    return null;
  }
  return loaded.kb;
}

/** Reads `--at`, defaulting to today. */
export function readAt(at: string | undefined, today: string): string {
  if (at === undefined) return today;
  if (!isCalendarMonthOrDate(at))
    throw new UsageError(`--at: "${at}" must be a real date YYYY-MM-DD or month YYYY-MM`);
  return at;
}

/** `tulay check PROFILE.json`: the readable explanation, or with --json the stable result. */
export function checkCommand(io: Io, args: CheckArgs): number {
  const at = readAt(args.at, args.today);
  const profile = readValidated(profileSchema, args.profile);
  if (!profile.value) {
    for (const p of profile.problems) io.err(formatProblem(p));
    io.err('tulay: the profile is invalid; see docs/profile-format.md');
    return EXIT.invalidInput;
  }
  let reform: Reform | undefined;
  if (args.reform !== undefined) {
    const r = readValidated(reformSchema, args.reform);
    if (!r.value) {
      for (const p of r.problems) io.err(formatProblem(p));
      return EXIT.invalidInput;
    }
    reform = r.value;
  }
  const kb = loadUsableKb(io, args.kb);
  if (!kb) return EXIT.problems;

  const baseline = check(kb, profile.value, { at });
  if (!reform) {
    io.out(args.json ? JSON.stringify(baseline, null, 2) : renderCheck(baseline));
    return EXIT.ok;
  }
  const applied = applyReform(kb.input, reform);
  if (!applied.ok) {
    for (const i of applied.issues)
      io.err(`${args.reform ?? ''}: ${formatJsonPath(i.path)}: ${i.message}`);
    return EXIT.invalidInput;
  }
  const compiled = compileKnowledgeBase(applied.input);
  const errors = compiled.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors)
      io.err(
        `${args.reform ?? ''}: the reformed law is inconsistent: ${formatJsonPath(p.path)}: ${p.message}`,
      );
    return EXIT.invalidInput;
  }
  const reformed = check(compiled.kb, profile.value, { at });
  const diff = diffResults(baseline, reformed);
  io.out(
    args.json
      ? JSON.stringify(
          {
            ...baseline,
            reform: {
              id: reform.id,
              title: reform.title,
              from: reform.from,
              result: reformed,
              diff,
            },
          },
          null,
          2,
        )
      : renderCheck(reformed, diff),
  );
  return EXIT.ok;
}
