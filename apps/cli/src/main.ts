import { parseArgs } from 'node:util';
import { adminCreate } from './commands/admin.ts';
import { checkCommand } from './commands/check.ts';
import type { DbTarget } from './commands/db.ts';
import { dbBackup, dbMigrate, dbReindex, dbRestore } from './commands/db.ts';
import { kbInstruments, kbMatrix, kbPrinciples } from './commands/kb-report.ts';
import { kbValidate } from './commands/kb-validate.ts';
import { serveCommand } from './commands/serve.ts';
import { simulateCommand } from './commands/simulate.ts';
import type { Io } from './io.ts';
import { EXIT, UsageError, processIo } from './io.ts';

const USAGE = `Usage:
  tulay check PROFILE.json [--at YYYY-MM-DD] [--reform FILE] [--kb DIR] [--json]
  tulay simulate (--population FILE | --generate N [--seed S]) [--reform FILE] [--at DATE] [--out DIR] [--threads N] [--scalar] [--kb DIR]
  tulay kb validate [DIR]
  tulay kb matrix [--at YYYY-MM-DD] [--kb DIR]
  tulay kb instruments [--at YYYY-MM-DD] [--kb DIR] [--json]
  tulay kb principles ORIGIN DEST [--at YYYY-MM-DD] [--kb DIR] [--json]
  tulay serve [--port N] [--host H]
  tulay db migrate|reindex|backup FILE|restore FILE --yes [--sqlite FILE]   (else DATABASE_URL, else TULAY_SQLITE, else data/tulay.sqlite)
  tulay admin create --email ADDRESS --name "FULL NAME" [--sqlite FILE]
  tulay help`;

type Command = (io: Io, args: string[]) => number | Promise<number>;

/**
 * The database a command works on, chosen as `tulay serve` chooses it: `--sqlite FILE`, else
 * DATABASE_URL, else TULAY_SQLITE, else data/tulay.sqlite. So an admin created with the same
 * environment as the server lands in the server's database.
 */
export function dbTarget(sqlite: string | undefined, env = process.env): DbTarget {
  if (sqlite !== undefined) return { sqlite };
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '')
    return { databaseUrl: env.DATABASE_URL };
  return { sqlite: env.TULAY_SQLITE === '' ? undefined : env.TULAY_SQLITE };
}

/** Today as YYYY-MM-DD (UTC): the default evaluation date. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const commands: Record<string, Command> = {
  check: (io, args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        at: { type: 'string' },
        reform: { type: 'string' },
        kb: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const [profile, ...extra] = positionals;
    if (profile === undefined)
      throw new UsageError('check needs a profile file: tulay check PROFILE.json');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra.join(' ')}"`);
    return checkCommand(io, {
      profile,
      at: values.at,
      reform: values.reform,
      kb: values.kb,
      json: values.json,
      today: today(),
    });
  },
  simulate: (io, args) => {
    const { values } = parseArgs({
      args,
      options: {
        population: { type: 'string' },
        generate: { type: 'string' },
        seed: { type: 'string' },
        reform: { type: 'string' },
        at: { type: 'string' },
        out: { type: 'string' },
        kb: { type: 'string' },
        threads: { type: 'string' },
        scalar: { type: 'boolean' },
      },
    });
    return simulateCommand(io, { ...values, today: today() });
  },
  'kb matrix': (io, args) => {
    const { values } = parseArgs({
      args,
      options: {
        at: { type: 'string' },
        kb: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    return kbMatrix(io, { at: values.at, kb: values.kb, json: values.json, today: today() });
  },
  'kb principles': (io, args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        at: { type: 'string' },
        kb: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    return kbPrinciples(io, {
      origin: positionals[0],
      destination: positionals[1],
      at: values.at,
      kb: values.kb,
      json: values.json,
      today: today(),
    });
  },
  'kb instruments': (io, args) => {
    const { values } = parseArgs({
      args,
      options: {
        at: { type: 'string' },
        kb: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    return kbInstruments(io, { at: values.at, kb: values.kb, json: values.json, today: today() });
  },
  'kb validate': (io, args) => {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    return kbValidate(io, positionals[0]);
  },
  serve: (io, args) => {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' } },
    });
    return serveCommand(io, values);
  },
  'db migrate': (io, args) => {
    const { values } = parseArgs({ args, options: { sqlite: { type: 'string' } } });
    return dbMigrate(io, dbTarget(values.sqlite));
  },
  'db reindex': (io, args) => {
    const { values } = parseArgs({ args, options: { sqlite: { type: 'string' } } });
    return dbReindex(io, dbTarget(values.sqlite));
  },
  'db backup': (io, args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { sqlite: { type: 'string' } },
    });
    const [file] = positionals;
    if (file === undefined) throw new UsageError('db backup needs a file: tulay db backup FILE');
    return dbBackup(io, dbTarget(values.sqlite), file);
  },
  'db restore': (io, args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { sqlite: { type: 'string' }, yes: { type: 'boolean', default: false } },
    });
    const [file] = positionals;
    if (file === undefined)
      throw new UsageError('db restore needs a file: tulay db restore FILE --yes');
    return dbRestore(io, dbTarget(values.sqlite), file, values.yes);
  },
  'admin create': (io, args) => {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, sqlite: { type: 'string' } },
    });
    return adminCreate(io, dbTarget(values.sqlite), {
      email: values.email,
      name: values.name,
      password: process.env.TULAY_ADMIN_PASSWORD,
    });
  },
};

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.out(USAGE);
    return first === undefined ? EXIT.invalidInput : EXIT.ok;
  }
  const twoWord = second === undefined ? undefined : commands[`${first} ${second}`];
  const command = twoWord ?? commands[first];
  const args = twoWord ? rest : argv.slice(1);
  if (!command) {
    io.err(`tulay: unknown command "${[first, second].filter(Boolean).join(' ')}"\n${USAGE}`);
    return EXIT.invalidInput;
  }
  try {
    return await command(io, args);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`tulay: ${e.message}`);
      return EXIT.invalidInput;
    }
    throw e;
  }
}
