// Starting the server as `npm start` does: settings from the environment, a database created,
// migrated and seeded on first start, the API listening.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve, serveOptionsFromEnv } from '../src/main.ts';

describe('serveOptionsFromEnv', () => {
  it('defaults to localhost:3000 and SQLite', () => {
    expect(serveOptionsFromEnv({}, '/repo')).toMatchObject({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      isBehindProxy: false,
    });
  });

  it('takes PORT, HOST and DATABASE_URL', () => {
    const options = serveOptionsFromEnv(
      { PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://x@h/db' },
      '/repo',
    );
    expect(options).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://x@h/db',
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a port number/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => serveOptionsFromEnv({ [name]: value }, '/repo')).toThrow(message);
  });
});

describe('serve', () => {
  it('creates, migrates and seeds the database on first start, and again finds it ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tulay-serve-'));
    try {
      const options = {
        port: 0,
        host: '127.0.0.1',
        root: dir,
        sqlitePath: join(dir, 'data', 'tulay.sqlite'),
        logLevel: 'silent' as const,
      };
      for (const run of [1, 2]) {
        const { app, url } = await serve(options);
        try {
          const stats = (await (await fetch(`${url}/api/stats`)).json()) as {
            texts: number;
            programmes: number;
          };
          expect(stats.texts, `run ${run}`).toBeGreaterThanOrEqual(2);
          expect(stats.programmes, `run ${run}`).toBeGreaterThanOrEqual(6);
        } finally {
          await app.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Starting loads the knowledge base once (seconds on a busy machine).
  }, 30_000);
});
