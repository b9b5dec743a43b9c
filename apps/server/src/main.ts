// Starting the server: open the store (SQLite under data/ by default, PostgreSQL when
// DATABASE_URL is set), migrate it, load the founding report's content, and listen.
import { resolve } from 'node:path';
import type { Store } from '@tulay/store';
import { loadSeed, openStore } from '@tulay/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { shippedKnowledgeBase } from './knowledge.ts';
import type { LogLevel } from './logger.ts';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
  /** The repository root: the default database is `data/tulay.sqlite` under it. */
  root: string;
  logLevel?: LogLevel;
  baseUrl?: string | undefined;
  isBehindProxy?: boolean;
}

/**
 * Reads the server's settings from the environment: PORT, HOST, DATABASE_URL, TULAY_SQLITE,
 * LOG_LEVEL, TULAY_BASE_URL (the public address, for invitation links) and TULAY_BEHIND_PROXY=1.
 */
export function serveOptionsFromEnv(env: NodeJS.ProcessEnv, root: string): ServeOptions {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT ?? ''}"`);
  const levels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const level = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!levels.includes(level)) throw new Error(`LOG_LEVEL must be one of ${levels.join(', ')}`);
  return {
    port,
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL,
    sqlitePath: env.TULAY_SQLITE,
    root,
    logLevel: level,
    baseUrl: env.TULAY_BASE_URL,
    isBehindProxy: env.TULAY_BEHIND_PROXY === '1',
  };
}

/** Opens, migrates and seeds the store. */
export async function prepareStore(
  options: Pick<ServeOptions, 'databaseUrl' | 'sqlitePath' | 'root'>,
): Promise<{ store: Store; migrated: string[]; seed: Awaited<ReturnType<typeof loadSeed>> }> {
  const store = openStore({
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlitePath,
    root: resolve(options.root),
  });
  const migrated = await store.migrate();
  const seed = await loadSeed(store);
  return { store, migrated, seed };
}

/** Starts the server; resolves once it listens. Closing the returned app closes the store too. */
export async function serve(options: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  const { store, migrated, seed } = await prepareStore(options);
  const baseUrl = options.baseUrl ?? `http://${options.host}:${options.port}`;
  // Loaded once, before listening: the corridor view reads agreements from it on every request.
  const knowledge = shippedKnowledgeBase();
  const { app } = await buildApp({
    knowledge,
    store,
    logLevel: options.logLevel ?? 'info',
    baseUrl,
    isStoreOwned: true,
    isBehindProxy: options.isBehindProxy ?? false,
  });
  app.log.info({ database: store.dialect, location: store.location, migrated }, 'database ready');
  app.log.info({ created: seed.created }, 'founding report content loaded');
  for (const skipped of seed.skipped) app.log.warn({ skipped }, 'seed record skipped');
  const url = await app.listen({ port: options.port, host: options.host });
  return { app, url };
}
