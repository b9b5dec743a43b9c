/** Where the CLI writes: standard output for results, standard error for problems. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Redraws one status line on standard error in place (a progress bar), ending it with a
   * newline when `isFinal`; absent when standard error is not a terminal (plain lines then).
   */
  status?: ((text: string, isFinal: boolean) => void) | undefined;
}

/** The process's own streams. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  // Carriage return and "erase line" redraw the line; a pipe or a file gets plain lines instead.
  status: process.stderr.isTTY
    ? (text, isFinal) => process.stderr.write(`\r\x1b[2K${text}${isFinal ? '\n' : ''}`)
    : undefined,
};

/** Exit codes: 0 success, 1 the command ran and found problems (e.g. an invalid knowledge base), 2 invalid input. */
export const EXIT = { ok: 0, problems: 1, invalidInput: 2 } as const;

/** A mistake in what the user asked for: reported as a message and exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
