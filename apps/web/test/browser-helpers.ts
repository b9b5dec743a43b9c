// What the browser tests share: a production build in a folder of its own, Debian's Chromium
// (never a downloaded browser) and a page in a fresh context that records its errors and requests,
// axe-core's serious and critical violations, and the check that nothing scrolls sideways.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB = resolve(import.meta.dirname, '..');
export const ARTIFACTS = join(WEB, 'test-results');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const hasChromium = existsSync(CHROMIUM);

/** A fresh production build into `outDir`, so a test never runs against a stale one. */
export function buildApp(outDir: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync(
    'npm',
    ['run', 'build', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: WEB,
      stdio: 'pipe',
      // Vitest sets NODE_ENV=test, which would make a development build (no service worker).
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical accessibility violations on the page (axe-core, WCAG 2.x A and AA). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** Why a browser test file is skipped when Debian's Chromium is absent (the file says so). */
export function chromiumMissing(what: string): string {
  return `${what} browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-core)`;
}

/** Debian's Chromium, headless, with the flags above. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A request the page made, as the browser sent it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string | null;
}

export interface PageOptions {
  readonly width?: number;
  readonly height?: number;
  readonly locale?: string;
  /** For the real server, whose CSP refuses inline scripts: axe-core is injected as one. */
  readonly bypassCSP?: boolean;
  readonly acceptDownloads?: boolean;
  /** Whether console errors count as errors too (uncaught page errors always do). */
  readonly consoleErrors?: boolean;
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors, and console errors unless `consoleErrors` is false. */
  readonly errors: string[];
  /** Every request the page makes, from its first. */
  readonly requests: SeenRequest[];
}

/** A page in a fresh context (1280×900 and en-GB unless told; service workers blocked). */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'en-GB',
    serviceWorkers: 'block',
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: SeenRequest[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.consoleErrors ?? true)
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  page.on('request', (r) =>
    requests.push({ method: r.method(), url: r.url(), body: r.postData() }),
  );
  return { context, page, errors, requests };
}

/** The document's full width in CSS pixels: at most the viewport's when nothing scrolls sideways. */
export function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Whether the page fits its window's width (no sideways scroll). */
export function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** A server the browser tests start: where it listens, and how to stop it. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Inside a `describe`: before its tests, builds the app into `outDir`, serves it with `start` and
 * launches Chromium; after them, closes both. The server and browser are read once started.
 */
export function servedInChromium<S extends Served>(
  outDir: string,
  start: (root: string) => Promise<S>,
): { readonly server: S; readonly browser: Browser } {
  let server: S | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildApp(outDir);
    server = await start(outDir);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet (use it inside a test)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet (use it inside a test)');
      return browser;
    },
  };
}
