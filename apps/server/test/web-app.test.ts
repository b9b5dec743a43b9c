// The server answers the web app's pages with its shell, so a link to any page works when opened
// directly: the checker's, and the caucus's site, member area, secretariat and invitation links.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';

const database = testDatabases[0];

describe.skipIf(!database)('the web app', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  const root = mkdtempSync(join(tmpdir(), 'tulay-web-root-'));

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tulay shell</title>');
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

  it.each(['/nowhere', '/api/nowhere'])('%s is not found', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Tulay shell');
  });
});
