// Simulations through the API: a run to completion with a real gain, progress as Server-Sent
// Events, invalid requests naming the field, cancelling (the worker threads really stop), the
// queue limit, who may do what, and the exports.
import { liveWorkerThreads } from '@tulay/simulation';
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client, Harness } from './harness.ts';
import { harness } from './harness.ts';
import { agreementReform, hasEnded, waitForRun } from './simulation-cases.ts';

interface RunOut {
  id: string;
  status: string;
  progress: { done: number; total: number; rate: number; eta: number | null };
  notes: string[];
  error: string | null;
  summary: {
    workers: number;
    indicators: { indicator: string; detail: string; baseline: number; reform: number }[];
  } | null;
}

const run5k = {
  at: '2027-01',
  corridors: [{ origin: 'KH', destination: 'TH' }],
  population: { generate: 5_000, seed: 7 },
  reform: agreementReform(['TH', 'KH']),
};

interface AuditOut {
  items: {
    at: string;
    actor: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: unknown;
    after: unknown;
  }[];
}

describe.each(testDatabases)('simulations, on $name', (database) => {
  let h: Harness;
  let member: Client;
  beforeAll(async () => {
    h = await harness({ database });
    member = await h.as('member');
  });
  afterAll(async () => {
    await h.close();
  });

  it(
    'runs a reform to completion: progress, a real gain, the exports',
    { timeout: 60_000 },
    async () => {
      const start = await member.request('POST', '/api/simulations', run5k);
      expect(start.status, start.text).toBe(202);
      const { id } = start.body as RunOut;
      // The stream ends with the run; it carries progress events before the result.
      const events = await member.get(`/api/simulations/${id}/events`);
      expect(events.status).toBe(200);
      expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(events.headers['x-content-type-options']).toBe('nosniff');
      const names = [...events.text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
      expect(names.at(-1)).toBe('done');
      expect(names.filter((n) => n === 'progress').length).toBeGreaterThanOrEqual(2);
      const dones = [...events.text.matchAll(/^data: (.*)$/gm)].map(
        (m) => JSON.parse(m[1] ?? '') as RunOut,
      );
      // Progress only grows, up to the whole population.
      const counts = dones.map((d) => d.progress.done);
      expect([...counts].sort((a, b) => a - b)).toEqual(counts);
      expect(counts.at(-1)).toBe(5_000);

      const r = await waitForRun<RunOut>(member, id);
      expect(r.status).toBe('done');
      expect(r.summary?.workers).toBe(5_000);
      const get = (indicator: string, detail = '') =>
        r.summary?.indicators.find((i) => i.indicator === indicator && i.detail === detail);
      // Cambodians in Thailand: the agreement pays their benefits at home (export) and counts
      // their insured months together (totalization).
      expect(get('gainers')?.reform).toBeGreaterThan(0.5);
      expect(get('not_payable_at_home', 'invalidity')?.baseline).toBeGreaterThan(0.3);
      expect(get('not_payable_at_home', 'invalidity')?.reform).toBe(0);
      expect(get('gainers_by_barrier_removed', 'not_paid_abroad')?.reform).toBeGreaterThan(0.5);
      expect(get('months_lost_no_totalization')?.reform).toBeLessThan(
        get('months_lost_no_totalization')?.baseline ?? 0,
      );
      expect(get('losers')?.reform).toBe(0);

      const json = await member.get(`/api/simulations/${id}/results.json`);
      expect(json.status, json.text).toBe(200);
      const rows = (json.body as { indicators: { dimension: string; group: string }[] }).indicators;
      expect(new Set(rows.filter((x) => x.dimension === 'corridor').map((x) => x.group))).toEqual(
        new Set(['KH-TH']),
      );
      const csv = await member.get(`/api/simulations/${id}/results.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="simulation-/);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe('dimension,group,indicator,detail,baseline,reform,workers,sample');
      expect(lines.length).toBe(rows.length + 1);
      expect(lines.some((l) => l.startsWith('corridor,KH-TH,gainers,'))).toBe(true);
    },
  );

  it('is the same for the same seed', { timeout: 60_000 }, async () => {
    const a = await member.request('POST', '/api/simulations', run5k);
    const ra = await waitForRun<RunOut>(member, (a.body as RunOut).id);
    const b = await member.request('POST', '/api/simulations', run5k);
    const rb = await waitForRun<RunOut>(member, (b.body as RunOut).id);
    expect(rb.summary?.indicators).toEqual(ra.summary?.indicators);
  });

  it('refuses an invalid request, naming the field', { timeout: 60_000 }, async () => {
    const cases: [unknown, string][] = [
      [{ ...run5k, population: { generate: 10 } }, 'body.population.generate'],
      [{ ...run5k, at: '2027-13' }, 'body.at'],
      [{ ...run5k, corridors: [{ origin: 'FR', destination: 'TH' }] }, 'body.corridors.0'],
      [{ ...run5k, corridors: [{ origin: 'kh', destination: 'TH' }] }, 'body.corridors.0.origin'],
      [
        { ...run5k, reform: agreementReform(['TH', 'XX']) },
        'body.reform.changes.0.agreement.parties.1',
      ],
      [
        {
          ...run5k,
          reform: {
            ...agreementReform(),
            changes: [{ op: 'set_parameter', parameter: 'no_such', country: 'TH', value: 1 }],
          },
        },
        'body.reform.changes.0.parameter',
      ],
      [{ ...run5k, reform: { ...agreementReform(), changes: [] } }, 'body.reform.changes'],
      [{ ...run5k, extra: 1 }, 'body.extra'],
    ];
    for (const [body, field] of cases) {
      const res = await member.request('POST', '/api/simulations', body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      const error = (res.body as { error: { code: string; fields: { path: string }[] } }).error;
      expect(error.code).toBe('invalid_request');
      expect(
        error.fields.map((f) => f.path),
        res.text,
      ).toContain(field);
    }
  });

  it('notes a date before the reform takes effect', { timeout: 60_000 }, async () => {
    const res = await member.request('POST', '/api/simulations', {
      ...run5k,
      population: { generate: 1_000 },
      at: '2026-06',
    });
    expect(res.status, res.text).toBe(202);
    expect((res.body as RunOut).notes.join(' ')).toMatch(/takes effect from 2027-01/);
    await h.app.simulationRuns.cancelAll();
  });

  it('cancels a running run: its worker threads stop', { timeout: 60_000 }, async () => {
    const res = await member.request('POST', '/api/simulations', {
      ...run5k,
      corridors: undefined,
      population: { generate: 2_000_000, seed: 3 },
    });
    expect(res.status, res.text).toBe(202);
    const { id } = res.body as RunOut;
    await waitForRun<RunOut>(member, id, (r) => r.progress.done > 0 || hasEnded(r));
    expect(liveWorkerThreads()).toBeGreaterThan(0);
    const cancelled = await member.request('POST', `/api/simulations/${id}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    const r = cancelled.body as RunOut;
    expect(r.status).toBe('cancelled');
    expect(r.progress.done).toBeLessThan(2_000_000);
    expect(liveWorkerThreads()).toBe(0);
    // It stays cancelled: no result, and the exports say why.
    const again = await member.get(`/api/simulations/${id}`);
    expect((again.body as RunOut).status).toBe('cancelled');
    const csv = await member.get(`/api/simulations/${id}/results.csv`);
    expect(csv.status).toBe(409);
    // Cancelling twice is harmless.
    expect((await member.request('POST', `/api/simulations/${id}/cancel`)).status).toBe(200);
  });

  it(
    'runs one at a time with a small queue, and says so when full',
    { timeout: 60_000 },
    async () => {
      const big = { ...run5k, population: { generate: 2_000_000 } };
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await member.request('POST', '/api/simulations', big);
        expect(res.status, res.text).toBe(202);
        ids.push((res.body as RunOut).id);
      }
      const second = await member.get(`/api/simulations/${ids[1] ?? ''}`);
      expect((second.body as RunOut & { queue_position: number }).queue_position).toBe(1);
      const full = await member.request('POST', '/api/simulations', big);
      expect(full.status, full.text).toBe(503);
      expect((full.body as { error: { code: string } }).error.code).toBe('simulations_busy');
      // A queued run cancelled never starts.
      const c = await member.request('POST', `/api/simulations/${ids[2] ?? ''}/cancel`);
      expect((c.body as RunOut).status).toBe('cancelled');
      await h.app.simulationRuns.cancelAll();
      expect(liveWorkerThreads()).toBe(0);
    },
  );

  it(
    'is for signed-in participants; only who started a run may cancel it',
    { timeout: 60_000 },
    async () => {
      const body = { ...run5k, population: { generate: 1_000 } };
      for (const who of ['public', 'staff', 'unverified'] as const) {
        const res = await (await h.as(who)).request('POST', '/api/simulations', body);
        // An unverified member account may run: verification is about signing texts.
        const expected = who === 'public' ? 401 : who === 'staff' ? 403 : 202;
        expect(res.status, `${who}: ${res.text}`).toBe(expected);
      }
      await h.app.simulationRuns.cancelAll();
      const res = await member.request('POST', '/api/simulations', body);
      const { id } = res.body as RunOut;
      const partner = await h.as('partner');
      expect((await partner.get(`/api/simulations/${id}`)).status).toBe(200);
      expect((await partner.request('POST', `/api/simulations/${id}/cancel`)).status).toBe(403);
      expect((await (await h.as('public')).get(`/api/simulations/${id}`)).status).toBe(401);
      expect((await member.get(`/api/simulations/${crypto.randomUUID()}`)).status).toBe(404);
      // CSRF on mutations, as everywhere.
      const noToken = await member.request('POST', '/api/simulations', body, {
        'x-csrf-token': '',
      });
      expect(noToken.status).toBe(403);
      expect((noToken.body as { error: { code: string } }).error.code).toBe('csrf_invalid');
      await h.app.simulationRuns.cancelAll();
    },
  );

  it(
    'is in the audit log: who started and who cancelled which run, on what',
    { timeout: 60_000 },
    async () => {
      await h.app.simulationRuns.cancelAll();
      const started = await member.request('POST', '/api/simulations', {
        ...run5k,
        population: { generate: 2_000_000, seed: 5 },
      });
      expect(started.status, started.text).toBe(202);
      const { id } = started.body as RunOut;
      // A queued one too: its cancel says it never ran.
      const queued = await member.request('POST', '/api/simulations', {
        ...run5k,
        reform: null,
      });
      expect(queued.status, queued.text).toBe(202);
      const queuedId = (queued.body as RunOut).id;
      h.clock.advance(1_000);
      const cancelQueued = await member.request('POST', `/api/simulations/${queuedId}/cancel`);
      expect((cancelQueued.body as RunOut).status).toBe('cancelled');
      const secretariat = await h.as('secretariat');
      const cancelled = await secretariat.request('POST', `/api/simulations/${id}/cancel`);
      expect((cancelled.body as RunOut).status).toBe('cancelled');
      // Cancelling a run already over changes nothing, and logs nothing.
      expect((await member.request('POST', `/api/simulations/${queuedId}/cancel`)).status).toBe(
        200,
      );

      const log = async (runId: string) => {
        const res = await secretariat.get(`/api/audit?entity_type=simulations&entity_id=${runId}`);
        expect(res.status, res.text).toBe(200);
        return (res.body as AuditOut).items;
      };
      const summary = {
        at: '2027-01',
        population: 'generated',
        workers: 2_000_000,
        reform: { id: 'test-agreement', title: 'A test agreement', from: '2027-01' },
      };
      const entries = await log(id);
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['cancel', `user:${h.users.secretariat.id}`],
        ['start', `user:${h.users.member.id}`],
      ]);
      const [cancel, start] = entries;
      expect(start?.before).toBeNull();
      expect(start?.after).toEqual(summary);
      expect(cancel?.before).toEqual({ ...summary, status: 'running' });
      expect(cancel?.after).toEqual({
        ...summary,
        status: 'cancelled',
        done: expect.any(Number) as number,
      });
      expect(Date.parse(cancel?.at ?? '') - Date.parse(start?.at ?? '')).toBe(1_000);
      const other = await log(queuedId);
      expect(other.map((e) => e.action)).toEqual(['cancel', 'start']);
      expect(other[1]?.after).toEqual({ ...summary, workers: 5_000, reform: null });
      expect(other[0]?.actor).toBe(`user:${h.users.member.id}`);
      expect(other[0]?.before).toEqual({
        ...summary,
        workers: 5_000,
        reform: null,
        status: 'queued',
      });
      expect(other[0]?.after).toEqual({
        ...summary,
        workers: 5_000,
        reform: null,
        status: 'cancelled',
        done: 0,
      });

      // The log is the secretariat's and admins' to read.
      const expected = { public: 401, member: 403, partner: 403, staff: 403, admin: 200 };
      for (const [who, status] of Object.entries(expected) as [keyof typeof expected, number][])
        expect(
          (await (await h.as(who)).get(`/api/audit?entity_type=simulations`)).status,
          who,
        ).toBe(status);
    },
  );

  it(
    'never starts a run whose start could not be logged, and the next one starts',
    { timeout: 60_000 },
    async () => {
      await h.app.simulationRuns.cancelAll();
      const audit = Object.getPrototypeOf(h.store.repos.audit) as {
        record: (...args: unknown[]) => Promise<void>;
      };
      const failing = vi
        .spyOn(audit, 'record')
        .mockRejectedValueOnce(new Error('the audit log cannot be written'));
      try {
        const refused = await member.request('POST', '/api/simulations', {
          ...run5k,
          population: { generate: 2_000_000, seed: 9 },
        });
        expect(refused.status, refused.text).toBe(500);
        expect(failing).toHaveBeenCalledTimes(1);
        expect(liveWorkerThreads()).toBe(0);
      } finally {
        failing.mockRestore();
      }
      // The queue goes on: the refused run held no place in it.
      const next = await member.request('POST', '/api/simulations', run5k);
      expect(next.status, next.text).toBe(202);
      expect((next.body as { queue_position: number | null }).queue_position).toBeNull();
      const done = await waitForRun<RunOut>(member, (next.body as RunOut).id);
      expect(done.status).toBe('done');
    },
  );

  it('forgets finished runs after their time', { timeout: 60_000 }, async () => {
    const res = await member.request('POST', '/api/simulations', {
      ...run5k,
      population: { generate: 1_000 },
    });
    const { id } = res.body as RunOut;
    await waitForRun<RunOut>(member, id);
    h.clock.advance(59 * 60_000);
    expect((await member.get(`/api/simulations/${id}`)).status).toBe(200);
    h.clock.advance(2 * 60_000);
    expect((await member.get(`/api/simulations/${id}`)).status).toBe(404);
  });
});
