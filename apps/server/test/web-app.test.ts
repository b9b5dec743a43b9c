// The server answers the web app's pages with its shell, so a link to any page works when opened
// directly: the checker's, and the caucus's site, member area, secretariat and invitation links.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';

const database = testDatabases[0];
const ASSET = 'index-abc123.js';
const SCRIPT = `console.log(${JSON.stringify('Tulay '.repeat(400))});\n`;

describe.skipIf(!database)('the web app', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  const root = mkdtempSync(join(tmpdir(), 'tulay-web-root-'));

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tulay shell</title>');
    // An asset and the copies the build writes beside it (apps/web/build/compress-plugin.ts).
    mkdirSync(join(root, 'assets'));
    const asset = join(root, 'assets', ASSET);
    writeFileSync(asset, SCRIPT);
    writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
    writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
    if (!database) return;
    const opened = await database.open();
    dispose = opened.dispose;
    await opened.store.migrate();
    ({ app } = await buildApp({ store: opened.store, logLevel: 'silent', webRoot: root }));
  });

  afterAll(async () => {
    await app.close();
    await dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/countries/th',
    '/corridors/kh/th',
    '/caucus',
    '/caucus/texts/resolution_caucus_2011',
    '/caucus/documents?q=portability',
    '/sign-in',
    '/account',
    '/account/activities',
    '/secretariat',
    '/secretariat/moderation',
    '/invitations/abcdefghijklmnopqrstuvwxyz012345',
  ])('%s is answered with the shell', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tulay shell');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/nowhere', '/api/nowhere'])('%s is not found, as JSON for a program', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Tulay shell');
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it("answers a browser's wrong link with the app's page (which says not found), status 404", async () => {
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await app.inject({ method: 'GET', url: '/no-such-page', headers: { accept } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Tulay shell');
    const api = await app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { accept } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sends the brotli or gzip copy of an asset to a browser that accepts it, the file otherwise', async () => {
    const body = await app.inject({ method: 'GET', url: `/assets/${ASSET}` });
    expect(body.statusCode).toBe(200);
    expect(body.headers['content-encoding']).toBeUndefined();
    expect(body.body).toBe(SCRIPT);
    expect(body.headers.vary).toMatch(/accept-encoding/i);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await app.inject({
        method: 'GET',
        url: `/assets/${ASSET}`,
        headers: { 'accept-encoding': accept },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toContain('immutable');
      expect(decode(res.rawPayload).toString()).toBe(SCRIPT);
    }
  });
});
