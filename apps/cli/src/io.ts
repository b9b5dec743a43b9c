/** Where the CLI writes: standard output for results, standard error for problems. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own streams. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit codes: 0 success, 1 the command ran and found problems (e.g. an invalid knowledge base), 2 invalid input. */
export const EXIT = { ok: 0, problems: 1, invalidInput: 2 } as const;

/** A mistake in what the user asked for: reported as a message and exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
