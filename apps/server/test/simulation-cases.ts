// The simulation routes' cases for the endpoint tests and the authorization matrix. The finished
// run the exports read is made once per harness, first; every later case cancels what earlier
// cases left running, so the one-at-a-time queue never fills.
import { expect } from 'vitest';
import type { Call, Case } from './cases.ts';
import { multipart } from './documents/files.ts';
import type { Client, Harness, Who } from './harness.ts';

// One thread per run in the server tests (read when the harness builds the app): the machine is
// shared, and a thread still starts, so cancelling still has one to stop.
process.env.TULAY_SIMULATION_THREADS ??= '1';

const RUNNERS: Who[] = ['member', 'partner', 'secretariat', 'admin'];

/** A Thailand–Cambodia agreement with totalization and export, as the studio builds it. */
export function agreementReform(parties: [string, string] = ['TH', 'KH']) {
  return {
    id: 'test-agreement',
    title: 'A test agreement',
    from: '2027-01',
    changes: [
      {
        op: 'add_agreement',
        agreement: {
          id: 'test-agreement-hypothetical',
          title: 'Test agreement (hypothetical)',
          kind: 'social_security_agreement',
          binding: true,
          parties,
          inForce: { from: '2027-01' },
          branches: ['old_age', 'invalidity', 'survivors', 'employment_injury'],
          provisions: {
            equalTreatment: true,
            export: true,
            totalization: true,
            detachment: null,
            minOwnMonths: 12,
            administrativeAssistance: true,
          },
          source: 'test',
          ref: 'A test reform',
          verified: false,
          sources: {
            test: { title: 'A test', url: 'https://example.org/test', kind: 'secondary' },
          },
        },
      },
    ],
  };
}

export const smallRun = {
  at: '2027-01',
  corridors: [{ origin: 'KH', destination: 'TH' }],
  population: { generate: 1_000, seed: 1 },
  reform: agreementReform(),
};

/** An upload of a two-worker population (CSV); `weight` replaces the first worker's weight. */
export function smallUploadCall(weight = '120.5'): Call {
  const csv = [
    'worker_id,weight,sex,nationality,country,period_from,period_to,activity,sector,documented,permit',
    `1,${weight},female,KH,TH,2019-05,2026-12,employed,agriculture,true,work_permit`,
    '2,80,male,KH,TH,2024-01,2026-12,employed,construction,false,none',
  ].join('\n');
  const { body, headers } = multipart([
    { name: 'request', value: JSON.stringify({ at: smallRun.at, reform: smallRun.reform }) },
    { name: 'population', filename: 'workers.csv', contentType: 'text/csv', value: csv },
  ]);
  return { method: 'POST', url: '/api/simulations/upload', body, headers };
}

async function clear(h: Harness): Promise<void> {
  await h.app.simulationRuns.cancelAll();
}

/** A run started by the member (queued or running). */
async function startedRun(h: Harness): Promise<string> {
  await clear(h);
  const res = await (await h.as('member')).request('POST', '/api/simulations', smallRun);
  if (res.status !== 202) throw new Error(`could not start a run: ${res.text}`);
  return (res.body as { id: string }).id;
}

/** A run as GET /api/simulations/:id gives it; each test declares the fields it reads. */
export interface RunState {
  readonly status: string;
}

/** Whether a run has ended: done, failed or cancelled. */
export const hasEnded = (r: RunState): boolean => r.status !== 'queued' && r.status !== 'running';

/** Reads a run every 50 ms until `until` holds (by default, until it ends); fails after `seconds`. */
export async function waitForRun<R extends RunState>(
  client: Client,
  id: string,
  until: (r: R) => boolean = hasEnded,
  seconds = 60,
): Promise<R> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const res = await client.get(`/api/simulations/${id}`);
    expect(res.status, res.text).toBe(200);
    const r = res.body as R;
    if (until(r)) return r;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${res.text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const finishedRuns = new WeakMap<Harness, Promise<string>>();

/** A finished run started by the member, made once per harness. */
export function finishedRun(h: Harness): Promise<string> {
  let id = finishedRuns.get(h);
  if (!id) {
    id = (async () => {
      const started = await startedRun(h);
      const run = await waitForRun(await h.as('member'), started);
      if (run.status !== 'done') throw new Error(`the run ended ${run.status}`);
      return started;
    })();
    finishedRuns.set(h, id);
  }
  return id;
}

const BAD_ID = { method: 'GET', url: '/api/simulations/not-a-uuid' };

export const SIMULATION_CASES: Case[] = [
  {
    route: 'GET /api/simulations/corridors',
    who: 'public',
    valid: (h) => {
      // Start the finished run the exports read now: the cases after this one wait for it.
      void finishedRun(h).catch(() => {});
      return { method: 'GET', url: '/api/simulations/corridors' };
    },
    status: 200,
    invalid: null,
  },
  {
    route: 'GET /api/simulations/:id/events',
    who: 'member',
    valid: async (h) => ({ method: 'GET', url: `/api/simulations/${await finishedRun(h)}/events` }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/simulations/x/events' }, field: 'params.id' },
    allowed: RUNNERS,
  },
  {
    route: 'GET /api/simulations/:id/results.json',
    who: 'member',
    valid: async (h) => ({
      method: 'GET',
      url: `/api/simulations/${await finishedRun(h)}/results.json`,
    }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/simulations/x/results.json' },
      field: 'params.id',
    },
    allowed: RUNNERS,
  },
  {
    route: 'GET /api/simulations/:id/results.csv',
    who: 'member',
    valid: async (h) => ({
      method: 'GET',
      url: `/api/simulations/${await finishedRun(h)}/results.csv`,
    }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/simulations/x/results.csv' }, field: 'params.id' },
    allowed: RUNNERS,
  },
  {
    route: 'POST /api/simulations',
    who: 'member',
    valid: async (h) => {
      await clear(h);
      return { method: 'POST', url: '/api/simulations', body: smallRun };
    },
    status: 202,
    invalid: {
      call: {
        method: 'POST',
        url: '/api/simulations',
        body: { ...smallRun, reform: { ...agreementReform(), from: '2027' } },
      },
      field: 'body.reform.from',
    },
    allowed: RUNNERS,
  },
  {
    route: 'POST /api/simulations/upload',
    who: 'member',
    valid: async (h) => {
      await clear(h);
      return smallUploadCall();
    },
    status: 202,
    invalid: { call: smallUploadCall('heavy'), field: 'population.rows.1.weight' },
    allowed: RUNNERS,
  },
  {
    route: 'GET /api/simulations/example-population.csv',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/simulations/example-population.csv' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'GET /api/simulations/:id',
    who: 'member',
    valid: async (h) => ({ method: 'GET', url: `/api/simulations/${await startedRun(h)}` }),
    status: 200,
    invalid: { call: BAD_ID, field: 'params.id' },
    allowed: RUNNERS,
  },
  {
    route: 'POST /api/simulations/:id/cancel',
    who: 'member',
    valid: async (h) => ({
      method: 'POST',
      url: `/api/simulations/${await startedRun(h)}/cancel`,
    }),
    status: 200,
    invalid: { call: { method: 'POST', url: '/api/simulations/x/cancel' }, field: 'params.id' },
    // Only who started it (the member here) and the secretariat may stop a run.
    allowed: ['member', 'secretariat', 'admin'],
  },
];
