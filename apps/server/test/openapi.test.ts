// The OpenAPI document validates against the OpenAPI 3.1 schema and documents every route; the
// interactive documentation is served under the same security headers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const document = res.json<Record<string, unknown>>();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route with its request and error schemas', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>
      >;
    }>();
    for (const route of h.routes) {
      const path = route.url.replace(/:([a-z_]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(Object.keys(operation?.responses ?? {})).toContain('4XX');
      if (route.hasBody)
        expect(operation?.requestBody, `${route.method} ${route.url} body`).toBeDefined();
    }
  });

  // The document is committed (apps/server/openapi.json) so reviewers see API changes in diffs.
  // `npm run openapi` rewrites it.
  it('matches the committed openapi.json', async () => {
    const file = join(import.meta.dirname, '..', 'openapi.json');
    const document = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json<unknown>();
    if (process.env.UPDATE_OPENAPI === '1') {
      writeFileSync(
        file,
        await format(JSON.stringify(document), { ...(await resolveConfig(file)), filepath: file }),
      );
    }
    expect(existsSync(file), 'run npm run openapi').toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')), 'the API changed: run npm run openapi').toEqual(
      document,
    );
  });

  it('is browsable at /api/docs', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});
