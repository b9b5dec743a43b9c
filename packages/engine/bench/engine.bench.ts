// npm run bench:engine — profiles checked per second on generated 3-country, 10-period histories,
// with and without the trace, beside a plain loop over the same data measured in the same run.
import { performance } from 'node:perf_hooks';
import type { Profile, ProfileInput } from '@tulay/engine';
import { check, formatMonth, monthOf, profileSchema } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';

const COUNT = Number(process.env.BENCH_PROFILES ?? 3000);
const AT = '2026-11';

/** A small deterministic generator (mulberry32), so every run checks the same profiles. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORRIDORS = [
  { nationality: 'KH', countries: ['TH', 'MY', 'KH'] },
  { nationality: 'MM', countries: ['TH', 'MY', 'SG'] },
  { nationality: 'ID', countries: ['MY', 'SG', 'ID'] },
  { nationality: 'PH', countries: ['SG', 'MY', 'PH'] },
  { nationality: 'NP', countries: ['MY', 'TH', 'NP'] },
] as const;
const SECTORS = [
  'manufacturing',
  'construction',
  'agriculture',
  'services',
  'domestic_work',
] as const;
const CURRENCY: Record<string, string> = {
  TH: 'THB',
  MY: 'MYR',
  SG: 'SGD',
  KH: 'KHR',
  ID: 'IDR',
  PH: 'PHP',
  NP: 'NPR',
};

function generate(n: number): Profile[] {
  const rnd = random(20111515);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: Profile[] = [];
  for (let i = 0; i < n; i++) {
    const corridor = pick(CORRIDORS);
    let month = monthOf(1995 + Math.floor(rnd() * 10), 1 + Math.floor(rnd() * 12));
    const periods: ProfileInput['periods'] = [];
    for (let k = 0; k < 10; k++) {
      const country = pick(corridor.countries);
      const length = 6 + Math.floor(rnd() * 30);
      const sector = pick(SECTORS);
      periods.push({
        country,
        from: formatMonth(month),
        to: formatMonth((month + length - 1) as typeof month),
        activity: sector === 'domestic_work' ? 'domestic_worker' : 'employed',
        sector,
        documented: rnd() < 0.7,
        permit: pick(['mou', 'work_permit', 'labour_permit', 'nationality_verified'] as const),
        earnings: {
          amount: 500 + Math.floor(rnd() * 20000),
          currency: CURRENCY[country] ?? 'USD',
          per: 'month',
        },
      });
      month = (month + length + Math.floor(rnd() * 4)) as typeof month;
    }
    out.push(
      profileSchema.parse({
        person: {
          birthDate: `${1960 + Math.floor(rnd() * 40)}-06`,
          sex: pick(['female', 'male'] as const),
          nationalities: [corridor.nationality],
          residence: corridor.nationality,
        },
        periods,
      }),
    );
  }
  return out;
}

/** The baseline: a plain loop over the same periods, counting months per country (no law applied). */
function plainLoop(profiles: readonly Profile[]): number {
  let total = 0;
  for (const p of profiles) {
    const months = new Map<string, number>();
    for (const period of p.periods) {
      const from = Number(period.from.slice(0, 4)) * 12 + Number(period.from.slice(5, 7));
      const to = Number(period.to.slice(0, 4)) * 12 + Number(period.to.slice(5, 7));
      months.set(period.country, (months.get(period.country) ?? 0) + to - from + 1);
    }
    for (const v of months.values()) total += v;
  }
  return total;
}

function measure(
  name: string,
  profiles: readonly Profile[],
  each: (p: Profile) => unknown,
): { name: string; perSecond: number; median: number; p95: number } {
  for (const p of profiles.slice(0, 200)) each(p); // warm up
  const times: number[] = [];
  const start = performance.now();
  for (const p of profiles) {
    const t0 = performance.now();
    each(p);
    times.push(performance.now() - t0);
  }
  const elapsed = performance.now() - start;
  times.sort((a, b) => a - b);
  return {
    name,
    perSecond: (profiles.length / elapsed) * 1000,
    median: times[Math.floor(times.length / 2)] ?? 0,
    p95: times[Math.floor(times.length * 0.95)] ?? 0,
  };
}

const { kb, problems } = loadKnowledge();
if (problems.some((p) => p.severity === 'error'))
  throw new Error('the knowledge base has errors: run tulay kb validate');
const profiles = generate(COUNT);
const rows = [
  measure('plain loop (baseline: months per country, no law)', profiles, (p) => plainLoop([p])),
  measure('tulay check, trace on', profiles, (p) => check(kb, p, { at: AT })),
  measure('tulay check, trace off', profiles, (p) => check(kb, p, { at: AT, trace: false })),
];
console.log(
  `Engine benchmark: ${COUNT} generated profiles (3 countries, 10 periods each), real knowledge base, at ${AT}; Node ${process.version}\n`,
);
console.log(
  [
    'case'.padEnd(52),
    'profiles/s'.padStart(12),
    'median µs'.padStart(11),
    'p95 µs'.padStart(9),
  ].join(''),
);
for (const r of rows)
  console.log(
    [
      r.name.padEnd(52),
      Math.round(r.perSecond).toLocaleString('en').padStart(12),
      (r.median * 1000).toFixed(1).padStart(11),
      (r.p95 * 1000).toFixed(1).padStart(9),
    ].join(''),
  );
const traced = rows[1];
if (traced)
  console.log(
    `\nTarget: a full check with trace under 1 ms median — ${traced.median < 1 ? 'met' : 'NOT met'} (${(traced.median * 1000).toFixed(0)} µs).`,
  );
