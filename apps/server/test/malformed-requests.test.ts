// Property: no request, however malformed, makes the server fail (5xx). Generated requests go to
// every route — odd path parameters, query strings and bodies, with and without a session.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness } from './harness.ts';
import { harness } from './harness.ts';

let h: Harness;
let clients: Client[];
beforeAll(async () => {
  h = await harness();
  clients = [await h.as('public'), await h.as('member'), await h.as('admin')];
});
afterAll(async () => {
  await h.close();
});

const segment = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'test_resolution',
    'test_member_mp',
    'test_commitment',
    'phnom_penh_2011',
    '..',
    '%00',
    '%ZZ',
    'a'.repeat(300),
    crypto.randomUUID(),
  ),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'id',
      'title',
      'body',
      'email',
      'password',
      'role',
      'visibility',
      'programme_ids',
      'owners',
      'kind',
      'status',
      'language',
      'limit',
      '__proto__',
      'constructor',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);
const rawBody = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"x":1}}'),
);
const query = fc.dictionary(
  fc.constantFrom(
    'q',
    'limit',
    'offset',
    'kind',
    'by',
    'status',
    'person_id',
    'programme_id',
    'entity_type',
    'x',
  ),
  fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('-1', '1e9', 'NaN', '0x10', '', '%')),
);

describe('malformed requests', () => {
  it('never get a 5xx from any route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 2 }),
        segment,
        query,
        fc.oneof(
          jsonValue.map((v) => ({ json: v })),
          rawBody.map((raw) => ({ raw })),
        ),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
        ),
        async (routeIndex, clientIndex, param, q, body, contentType) => {
          const route = h.routes[routeIndex % h.routes.length];
          const client = clients[clientIndex];
          if (!route || !client) return;
          const url =
            route.url.replace(/:[a-z_]+/g, encodeURIComponent(param)) +
            (Object.keys(q).length > 0 ? `?${new URLSearchParams(q).toString()}` : '');
          const payload = 'json' in body ? JSON.stringify(body.json) : body.raw;
          const res = await client.request(
            route.method,
            url,
            route.method === 'GET' ? undefined : payload,
            { 'content-type': contentType },
          );
          expect(res.status, `${route.method} ${url} ${payload}: ${res.text}`).toBeLessThan(500);
          // Every error is in the JSON error format (a success may be CSV).
          if (res.status >= 400)
            expect(res.body, `${route.method} ${url}: ${res.text}`).toHaveProperty('error.code');
        },
      ),
      { numRuns: 400 },
    );
  });
});
