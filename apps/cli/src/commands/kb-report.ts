import type { CountryCode, MatrixCell } from '@tulay/engine';
import {
  BRANCHES,
  coverageMatrix,
  formatMonth,
  isCountryCode,
  parseMonth,
  scorePrinciples,
} from '@tulay/engine';
import { instrumentsAt } from '@tulay/knowledge';
import { loadKnowledge } from '@tulay/knowledge/node';
import type { Io } from '../io.ts';
import { EXIT, UsageError } from '../io.ts';
import { table } from '../render/table.ts';
import { loadUsableKb, readAt } from './check.ts';

const SHORT: Record<string, string> = {
  medical_care: 'MC',
  sickness: 'SI',
  unemployment: 'UN',
  old_age: 'OA',
  employment_injury: 'EI',
  family: 'FA',
  maternity: 'MA',
  invalidity: 'IN',
  survivors: 'SU',
};

function mark(c: MatrixCell): string {
  const base =
    c.level === 'compulsory'
      ? c.conditions.length > 0
        ? 'c*'
        : 'C'
      : c.level === 'voluntary'
        ? 'v'
        : '–';
  return c.unverified && c.level !== 'none' ? `${base}?` : base;
}

/** `tulay kb matrix --at DATE`: per country and branch, whether migrant workers are covered inbound and outbound. */
export function kbMatrix(
  io: Io,
  args: { at: string | undefined; kb: string | undefined; json: boolean; today: string },
): number {
  const at = parseMonth(readAt(args.at, args.today));
  const kb = loadUsableKb(io, args.kb);
  if (!kb) return EXIT.problems;
  const rows = coverageMatrix(kb, at);
  if (args.json) {
    io.out(JSON.stringify({ at: formatMonth(at), rows }, null, 2));
    return EXIT.ok;
  }
  const header = ['country', ...BRANCHES.map((b) => SHORT[b] ?? b)];
  io.out(`Coverage of migrant workers at ${formatMonth(at)}\n`);
  io.out('Inbound: foreign workers in the country');
  io.out(
    table(
      header,
      rows.map((r) => [`${r.country} ${r.name}`, ...BRANCHES.map((b) => mark(r.inbound[b]))]),
    ),
  );
  io.out('\nOutbound: the country’s nationals working abroad');
  io.out(
    table(
      header,
      rows.map((r) => [`${r.country} ${r.name}`, ...BRANCHES.map((b) => mark(r.outbound[b]))]),
    ),
  );
  io.out(
    '\nC compulsory for all; c* compulsory on conditions (papers, permit, sector); v voluntary only; – none; ? rests on an unverified fact.',
  );
  io.out(
    'Branches: ' + BRANCHES.map((b) => `${SHORT[b] ?? b} ${b.replace('_', ' ')}`).join(', ') + '.',
  );
  const conditional = rows.flatMap((r) =>
    BRANCHES.filter(
      (b) => r.inbound[b].level === 'compulsory' && r.inbound[b].conditions.length > 0,
    ).map((b) => ({ r, b })),
  );
  if (conditional.length > 0) {
    io.out('\nConditions (inbound, compulsory):');
    const seen = new Set<string>();
    for (const { r, b } of conditional) {
      const line = `${r.country} ${r.inbound[b].schemes.join(', ')}: ${r.inbound[b].conditions.join('; ')}`;
      if (!seen.has(line)) io.out(`  ${line}`);
      seen.add(line);
    }
  }
  return EXIT.ok;
}

const SCORE_WORDS = { met: 'met', partly_met: 'partly met', not_met: 'not met' } as const;

function country(code: string | undefined, what: string): CountryCode {
  if (code === undefined)
    throw new UsageError(`kb principles needs ${what}: tulay kb principles ORIGIN DEST`);
  const upper = code.toUpperCase();
  if (!isCountryCode(upper))
    throw new UsageError(`${what} "${code}" is not an ISO 3166-1 alpha-2 country code`);
  return upper;
}

/** `tulay kb principles ORIGIN DEST --at DATE`: the report's principles scored for a corridor, with evidence. */
export function kbPrinciples(
  io: Io,
  args: {
    origin: string | undefined;
    destination: string | undefined;
    at: string | undefined;
    kb: string | undefined;
    json: boolean;
    today: string;
  },
): number {
  const origin = country(args.origin, 'ORIGIN');
  const destination = country(args.destination, 'DEST');
  const at = parseMonth(readAt(args.at, args.today));
  const kb = loadUsableKb(io, args.kb);
  if (!kb) return EXIT.problems;
  for (const c of [origin, destination])
    if (!kb.jurisdictions.has(c)) throw new UsageError(`no jurisdiction package for ${c}`);
  const result = scorePrinciples(kb, origin, destination, at);
  if (args.json) {
    io.out(JSON.stringify({ ...result, at: formatMonth(at) }, null, 2));
    return EXIT.ok;
  }
  io.out(
    `Principles for ${origin} → ${destination} at ${formatMonth(at)} (method: docs/principles.md)\n`,
  );
  io.out(
    table(
      ['principle', 'score'],
      result.principles.map((p) => [p.title, SCORE_WORDS[p.score] + (p.unverified ? ' ?' : '')]),
    ),
  );
  for (const p of result.principles) {
    io.out(`\n${p.title}: ${SCORE_WORDS[p.score]}`);
    for (const e of p.evidence) io.out(`  - ${e}`);
  }
  if (result.agreements.length > 0) {
    io.out('\nAgreements between them:');
    for (const a of result.agreements)
      io.out(
        `  - ${a.id}: ${a.title} (${a.kind.replace(/_/g, ' ')}${a.binding ? '' : ', not binding'}${a.inForce ? ', in force' : ', not in force'})`,
      );
  }
  io.out('\n? rests on a fact marked unverified in the knowledge base.');
  return EXIT.ok;
}

const STANDING = {
  ratified: 'R',
  signed: 's',
  not_ratified: '–',
  denounced: 'D',
  unknown: '?',
} as const;

/** `tulay kb instruments --at DATE`: the instruments the report names, and each country's standing at the date. */
export function kbInstruments(
  io: Io,
  args: { at: string | undefined; kb: string | undefined; json: boolean; today: string },
): number {
  const at = readAt(args.at, args.today);
  const day = at.length === 7 ? `${at}-01` : at;
  const loaded = loadKnowledge(args.kb);
  const countries = [...loaded.kb.jurisdictions.values()]
    .filter((j) => j.raw.scope === 'full')
    .map((j) => j.country)
    .sort();
  const rows = instrumentsAt(loaded.instruments, countries, day);
  if (args.json) {
    io.out(JSON.stringify({ at: day, rows }, null, 2));
    return EXIT.ok;
  }
  io.out(`International instruments at ${day}\n`);
  io.out(
    table(
      ['instrument', 'count', ...countries],
      rows.map((r) => [
        r.id,
        r.count ? `${r.count.count} (${r.count.asOf}${r.count.verified ? '' : ' ?'})` : '',
        ...countries.map((c) => {
          const x = r.countries[c];
          if (!r.ratifiable) return '';
          return x
            ? `${STANDING[x.standing]}${x.verified || x.standing === 'unknown' ? '' : '?'}`
            : '';
        }),
      ]),
    ),
  );
  io.out(
    '\nR ratified (or acceded); s signed only; – not ratified; D denounced; ? unverified. Counts are the latest dated figure, e.g. the 2011 report\u2019s.',
  );
  for (const r of rows) io.out(`  ${r.id}: ${r.title}`);
  return EXIT.ok;
}
