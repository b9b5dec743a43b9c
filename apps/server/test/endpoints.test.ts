// Every endpoint: a valid request succeeds (and its response matches its schema, which the
// harness checks), and an invalid one gets 400 naming the wrong field.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './cases.ts';
import type { Harness } from './harness.ts';
import { harness } from './harness.ts';

describe.each(testDatabases)('every endpoint, on $name', (database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ database });
  });
  afterAll(async () => {
    await h.close();
  });

  it('has a case for every registered route', () => {
    const registered = h.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(CASES.map((c) => c.route).sort()).toEqual(registered);
  });

  it.each(CASES)(
    '$route: valid input succeeds',
    async (c) => {
      const client = await h.as(c.who);
      const call = await c.valid(h);
      const res = await client.request(call.method, call.url, call.body, call.headers);
      expect(res.status, res.text).toBe(c.status);
      // The corridor view's first request loads the knowledge base (seconds on a busy machine).
    },
    30_000,
  );

  it.each(CASES.filter((c) => c.invalid !== null))(
    '$route: invalid input is a 400 naming the field',
    async (c) => {
      const client = await h.as(c.who);
      const { call, field } = c.invalid ?? { call: { method: 'GET', url: '/' }, field: '' };
      const res = await client.request(call.method, call.url, call.body, call.headers);
      expect(res.status, res.text).toBe(400);
      const body = res.body as {
        error: { code: string; message: string; fields: { path: string }[] };
      };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.fields.map((f) => f.path)).toContain(field);
    },
  );
});
