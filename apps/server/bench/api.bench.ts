// `npm run bench:api`: requests per second and latency percentiles for reading a resolution and
// for endorsing one, beside a bare Fastify "hello" route measured in the same run on the same
// machine (the baseline). Loopback only; a small keep-alive load loop, no external tool.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed, openStore } from '@tulay/store';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { addSignedInMember } from '../test/signed-in-member.ts';

const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Result {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(port: number, call: Call): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: call.method,
        path: call.path,
        agent,
        headers: {
          ...call.headers,
          ...(call.body !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) }
            : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    if (call.body !== undefined) req.write(call.body);
    req.end();
  });
}

/** Runs `next()`'s calls with CONCURRENCY in flight for SECONDS (or until `next` runs out). */
async function load(
  name: string,
  port: number,
  next: () => Call | undefined,
  expected: number,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const worker = async () => {
    for (let call = next(); call !== undefined && performance.now() < deadline; call = next()) {
      const t = performance.now();
      const status = await send(port, call);
      latencies.push(performance.now() - t);
      if (status !== expected) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    name,
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tulay-bench-'));
  const results: Result[] = [];
  try {
    // Baseline: the framework alone.
    const bare = Fastify({ logger: false });
    bare.get('/hello', () => ({ hello: 'world' }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as { port: number }).port;
    results.push(
      await load(
        'bare Fastify GET /hello (baseline)',
        barePort,
        () => ({ method: 'GET', path: '/hello' }),
        200,
      ),
    );
    await bare.close();

    // The API on a SQLite file with the founding report loaded, plus members to endorse with.
    const store = openStore({ sqlitePath: join(dir, 'bench.sqlite') });
    await store.migrate();
    await loadSeed(store);
    const now = new Date().toISOString();
    const recorded = {
      visibility: 'public' as const,
      created_at: now,
      updated_at: now,
      extra: '{}',
    };
    const MEMBERS = 200;
    const TEXTS = 100;
    const tokens: string[] = [];
    await store.transaction(async (repos) => {
      for (let t = 0; t < TEXTS; t++) {
        await repos.records.insert('texts', {
          id: `bench_text_${t}`,
          kind: 'resolution',
          programme_id: null,
          authoritative_language: 'en',
          status: 'open',
          is_endorsable: 1,
          ...recorded,
        });
        await repos.texts.add({
          id: `bench_text_${t}_v1`,
          text_id: `bench_text_${t}`,
          version: 1,
          language: 'en',
          title: 'Bench',
          body: 'Resolved.',
          note: null,
          created_at: now,
          created_by: null,
        });
      }
      for (let m = 0; m < MEMBERS; m++) {
        tokens.push(
          await addSignedInMember(repos, {
            personId: `bench_mp_${m}`,
            userId: `bench_u${m}`,
            email: `mp${m}@example.org`,
            name: `MP ${m}`,
            now,
          }),
        );
      }
    });
    const { app } = await buildApp({ store, logLevel: 'silent', rateLimitPerMinute: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;

    results.push(
      await load(
        'GET /api/texts/resolution_caucus_2011',
        port,
        () => ({ method: 'GET', path: '/api/texts/resolution_caucus_2011' }),
        200,
      ),
    );

    const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
    const csrfCookie = (csrf.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { token: csrfToken } = (await csrf.json()) as { token: string };
    let pair = 0;
    const endorse = (): Call | undefined => {
      if (pair >= MEMBERS * TEXTS) return undefined;
      const member = pair % MEMBERS;
      const text = Math.floor(pair / MEMBERS);
      pair++;
      return {
        method: 'POST',
        path: `/api/texts/bench_text_${text}/endorsements`,
        headers: {
          'x-csrf-token': csrfToken,
          cookie: `${csrfCookie}; tulay_session=${tokens[member] ?? ''}`,
        },
        body: '{}',
      };
    };
    results.push(
      await load('POST /api/texts/:id/endorsements (SQLite, durable commit)', port, endorse, 201),
    );
    await app.close();
    await store.close();
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }

  const baseline = results[0]?.perSecond ?? 1;
  console.log(
    `API benchmark: ${CONCURRENCY} concurrent keep-alive connections over loopback, ${SECONDS} s per scenario, Node ${process.version}\n`,
  );
  console.log(
    'scenario'.padEnd(60),
    'requests'.padStart(9),
    'req/s'.padStart(9),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'vs baseline'.padStart(12),
    'errors'.padStart(7),
  );
  for (const r of results) {
    console.log(
      r.name.padEnd(60),
      String(r.requests).padStart(9),
      r.perSecond.toFixed(0).padStart(9),
      r.p50.toFixed(2).padStart(8),
      r.p99.toFixed(2).padStart(8),
      `${((r.perSecond / baseline) * 100).toFixed(1)}%`.padStart(12),
      String(r.errors).padStart(7),
    );
  }
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
}

await main();
