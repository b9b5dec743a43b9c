import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbTarget, main } from '../src/main.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const example = join(root, 'docs', 'examples', 'profile-kh-th.json');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

function profileFile(profile: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tulay-cli-')), 'profile.json');
  writeFileSync(file, JSON.stringify(profile, null, 2));
  return file;
}

const valid = {
  person: { birthDate: '1980-01', nationalities: ['KH'], residence: 'KH' },
  periods: [
    {
      country: 'TH',
      from: '2015-01',
      to: '2020-12',
      activity: 'employed',
      sector: 'manufacturing',
      documented: true,
      permit: 'mou',
    },
  ],
};

describe('tulay check', () => {
  it('prints a readable explanation of the example profile', async () => {
    const { code, out } = await run('check', example, '--at', '2026-11-28');
    expect(code).toBe(0);
    expect(out).toContain('Tulay check at 2026-11');
    expect(out).toMatch(/th\.ssf\.s33\s+old age\s+entitled/);
    expect(out).toContain('What stands in the way');
    expect(out).toContain('[not_paid_abroad]');
  });

  it('prints the stable JSON result with --json', async () => {
    const { code, out } = await run('check', example, '--at', '2011-09-15', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      at: string;
      results: {
        country: string;
        scheme: string;
        branch: string;
        status: string;
        amounts: unknown;
        payableAbroad: unknown;
        barriers: { code: string }[];
        trace: unknown[];
      }[];
    };
    expect(result.at).toBe('2011-09');
    const first = result.results[0];
    expect(first).toBeDefined();
    for (const key of [
      'country',
      'scheme',
      'branch',
      'status',
      'amounts',
      'payableAbroad',
      'barriers',
      'trace',
    ])
      expect(first).toHaveProperty(key);
  });

  it.each([
    [
      'a bad date',
      { ...valid, person: { ...valid.person, birthDate: '1980-02-30' } },
      '$.person.birthDate',
    ],
    [
      'an unknown country',
      { ...valid, periods: [{ ...valid.periods[0], country: 'QQ' }] },
      '$.periods[0].country',
    ],
    [
      'an unknown field',
      { ...valid, periods: [{ ...valid.periods[0], employer_name: 'ACME' }] },
      '$.periods[0].employer_name: unknown field',
    ],
    [
      '"to" before "from"',
      { ...valid, periods: [{ ...valid.periods[0], to: '2014-12' }] },
      '$.periods[0].to: must not be before "from"',
    ],
    [
      'a missing field',
      { ...valid, periods: [{ ...valid.periods[0], documented: undefined }] },
      '$.periods[0].documented',
    ],
  ])('exits 2 on %s, naming the field', async (_name, profile, message) => {
    const { code, err } = await run('check', profileFile(profile));
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('check')).code).toBe(2);
    expect((await run('check', example, '--at', 'yesterday')).code).toBe(2);
    expect((await run('check', example, '--frobnicate')).code).toBe(2);
    expect((await run('nonsense')).code).toBe(2);
  });

  it('applies a reform and shows what changes', async () => {
    const reform = join(root, 'docs', 'examples', 'reform-th-kh-agreement.yaml');
    const { code, out } = await run('check', example, '--at', '2027-06-01', '--reform', reform);
    expect(code).toBe(0);
    expect(out).toContain('With the reform');
    expect(out).toMatch(/th\.ssf\.s33 old age: better/);
  });
});

describe('example profiles of the eleven countries', () => {
  const dir = join(root, 'docs', 'examples', 'profiles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('cover every country of the report', () => {
    const origins = new Set(files.map((f) => f.slice(0, 2).toUpperCase()));
    for (const c of ['PH', 'ID', 'TH', 'MY', 'SG', 'KH', 'LA', 'VN', 'IN', 'NP', 'MM'])
      expect(origins).toContain(c);
  });
  it.each(files)('%s checks at 2011-09-15 and today with a decided answer', async (file) => {
    for (const at of ['2011-09-15', '2026-11-28']) {
      const { code, out } = await run('check', join(dir, file), '--at', at, '--json');
      expect(code).toBe(0);
      const result = JSON.parse(out) as {
        results: { status: string }[];
        coverage: { schemes: unknown[] }[];
      };
      // Periods that had begun by the date: each result is decided, or says what is missing.
      if (result.coverage.length > 0)
        expect(result.results.some((r) => r.status !== 'cannot_tell')).toBe(true);
    }
  });
});

describe('tulay kb', () => {
  it('validates the shipped knowledge base', async () => {
    const { code, out } = await run('kb', 'validate');
    expect(code).toBe(0);
    expect(out).toMatch(/Valid/);
  });

  it('prints the matrix and the principles', async () => {
    const matrix = await run('kb', 'matrix', '--at', '2011-09-15');
    expect(matrix.code).toBe(0);
    expect(matrix.out).toMatch(/TH Thailand/);
    const principles = await run('kb', 'principles', 'KH', 'TH', '--at', '2026-11-28');
    expect(principles.code).toBe(0);
    expect(principles.out).toMatch(/Totalizing\s+not met/);
    expect((await run('kb', 'principles', 'KH', 'ZZ')).code).toBe(2);
  });

  it('prints instruments as they stood at a date: Indonesia had signed the ICRMW in 2011 and ratified it in 2012', async () => {
    const standing = async (at: string) => {
      const { code, out } = await run('kb', 'instruments', '--at', at, '--json');
      expect(code).toBe(0);
      const rows = (
        JSON.parse(out) as {
          rows: {
            id: string;
            count: { count: number } | null;
            countries: Record<string, { standing: string }>;
          }[];
        }
      ).rows;
      return rows.find((r) => r.id === 'icrmw');
    };
    const in2011 = await standing('2011-09-15');
    expect(in2011?.countries.ID?.standing).toBe('signed');
    expect(in2011?.count?.count).toBe(42); // the report's count, kept as a dated fact
    expect((await standing('2026-11-28'))?.countries.ID?.standing).toBe('ratified');
  });
});

describe('the database a command works on', () => {
  it('is chosen as the server chooses it: --sqlite, else DATABASE_URL, else TULAY_SQLITE', () => {
    const url = 'postgres://db.example/tulay';
    expect(dbTarget('a.sqlite', { DATABASE_URL: url, TULAY_SQLITE: 'b.sqlite' })).toEqual({
      sqlite: 'a.sqlite',
    });
    expect(dbTarget(undefined, { DATABASE_URL: url, TULAY_SQLITE: 'b.sqlite' })).toEqual({
      databaseUrl: url,
    });
    expect(dbTarget(undefined, { TULAY_SQLITE: 'b.sqlite' })).toEqual({ sqlite: 'b.sqlite' });
    expect(dbTarget(undefined, { DATABASE_URL: '', TULAY_SQLITE: '' })).toEqual({
      sqlite: undefined,
    });
  });

  it('creates the first admin in the file TULAY_SQLITE names, where `tulay serve` looks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tulay-cli-')), 'caucus.sqlite');
    const saved = { sqlite: process.env.TULAY_SQLITE, url: process.env.DATABASE_URL };
    process.env.TULAY_SQLITE = file;
    delete process.env.DATABASE_URL;
    try {
      const { code, out } = await run(
        'admin',
        'create',
        '--email',
        'first.admin@example.org',
        '--name',
        'First Admin',
      );
      expect(code).toBe(0);
      expect(out).toContain(`created in ${file}`);
      expect(readdirSync(join(file, '..'))).toContain('caucus.sqlite');
    } finally {
      if (saved.sqlite === undefined) delete process.env.TULAY_SQLITE;
      else process.env.TULAY_SQLITE = saved.sqlite;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    }
  });
});
