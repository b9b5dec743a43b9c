// The simulation studio end to end, in Debian's Chromium: a production build and the real API
// server (a fresh SQLite database) behind one origin on 127.0.0.1. A visitor is asked to sign in;
// a member signed in through the API builds a reform from parts (an agreement with totalization),
// runs it on a small population with live progress, reads the charts, exports the results, prints
// the brief to PDF, and cancels a second, large run. Then runs a ready-made reform on the example
// population file, and sees a bad file's problems by row and column next to the field.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, hashPassword } from '@tulay/server';
import type { App } from '@tulay/server';
import { testDatabases } from '@tulay/store/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumMissing,
  buildApp as buildWebApp,
  hasChromium,
  launchChromium,
  openPage,
  seriousViolations,
} from './browser-helpers.ts';
import type { StaticServer } from './web-server.ts';
import { serveStatic } from './web-server.ts';

// Its own build folder: the other browser test file builds into test-results/dist at the same time.
const DIST = join(ARTIFACTS, 'studio-dist');
if (!hasChromium) console.warn(chromiumMissing('studio'));
const EMAIL = 'studio-member@example.org';
const PASSWORD = 'correct horse battery staple';

/** Each text of the studio's charts that runs outside its chart's drawing (the SVG's viewBox). */
function chartTextOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const outside: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('.studio-chart__svg')) {
      const view = svg.viewBox.baseVal;
      for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
        const box = text.getBBox();
        if (box.x < view.x - 0.5 || box.x + box.width > view.x + view.width + 0.5)
          outside.push(
            `"${text.textContent}" spans ${box.x.toFixed(1)}–${(box.x + box.width).toFixed(1)} of ${String(view.width)}`,
          );
      }
    }
    return outside;
  });
}

/** What a phone's reader must be able to read: no chart text drawn smaller than this (CSS px). */
const SMALLEST_TEXT = 12;

/**
 * Each text of the studio's charts and map drawn smaller than SMALLEST_TEXT CSS pixels, as it is
 * shown: an SVG's text at its font size times the drawing's scale on the screen (a drawing scaled
 * down to a phone's width shrinks its text with it).
 */
function smallChartText(page: Page): Promise<string[]> {
  return page.evaluate((smallest) => {
    const small: string[] = [];
    for (const root of document.querySelectorAll('.studio-chart, [data-testid="studio-map"]')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const element = node.parentElement;
        // Not drawn: an SVG's description, a closed disclosure's content.
        if (text === '' || !element || element.getClientRects().length === 0) continue;
        let size = Number.parseFloat(getComputedStyle(element).fontSize);
        if (element instanceof SVGGraphicsElement) {
          const m = element.getScreenCTM();
          if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        }
        if (size < smallest - 0.01) small.push(`"${text}" at ${size.toFixed(1)} px`);
      }
    }
    return small;
  }, SMALLEST_TEXT);
}

/**
 * What runs past the right edge in the results: the page when it scrolls sideways, a box of the
 * results whose content is wider than it (scrollWidth > clientWidth), or any element of the results
 * reaching past the window's width (but in a table's box that scrolls on purpose).
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid') ?? ''}]` : ''}.${typeof el.className === 'string' ? el.className : ''}`;
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth)
      wide.push(`the page: ${String(page.scrollWidth)} > ${String(page.clientWidth)}`);
    const results = document.querySelector('[data-testid="results"]');
    if (!results) return ['no results'];
    const boxes = [
      results,
      ...results.querySelectorAll('section, figure, details, .corridor-map__figure'),
    ];
    for (const box of boxes)
      if (box.scrollWidth > box.clientWidth)
        wide.push(`${name(box)}: ${String(box.scrollWidth)} > ${String(box.clientWidth)}`);
    for (const el of results.querySelectorAll('*')) {
      // A drawing's shapes are clipped to their SVG (the zoomed map's countries run past it):
      // the SVG itself is checked.
      const isClipped = el instanceof SVGElement && !(el instanceof SVGSVGElement);
      if (isClipped || el.closest('.table-scroll') || el.getClientRects().length === 0) continue;
      const right = el.getBoundingClientRect().right;
      if (right > page.clientWidth + 0.5)
        wide.push(`${name(el)} reaches ${right.toFixed(1)} of ${String(page.clientWidth)}`);
    }
    return wide;
  });
}

/**
 * How long a run may take: CI runs every test file at once on two shared cores. The tests' own
 * limits below leave room for it: 360 s for one run, 660 s for two.
 */
const RUN_TIMEOUT = 240_000;
/** How long the page may take to show what it was asked for (a language's messages, a render). */
const SHOWN = { timeout: 30_000 };

/** Waits until the page is in `locale` (its messages loaded and applied). */
async function inLanguage(page: Page, locale: string): Promise<void> {
  await page.waitForFunction((l) => document.documentElement.lang === l, locale, SHOWN);
}

/**
 * Waits, however long the machine takes, until the run the page shows has ended (done, failed or
 * cancelled), and says how, with the words the page shows (a failure says why).
 */
async function runEnded(page: Page): Promise<{ status: string | null; said: string }> {
  const progress = page.getByTestId('run-progress');
  await page
    .locator(
      '[data-testid="run-progress"]:is([data-status="done"], [data-status="failed"], [data-status="cancelled"])',
    )
    .waitFor({ timeout: RUN_TIMEOUT });
  return { status: await progress.getAttribute('data-status'), said: await progress.innerText() };
}

describe.skipIf(!hasChromium)('the simulation studio in Chromium', () => {
  let api: App;
  let apiUrl: string;
  let dispose: () => Promise<void>;
  let front: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWebApp(DIST);
    const database = testDatabases[0];
    if (!database) throw new Error('no test database');
    const opened = await database.open();
    dispose = opened.dispose;
    const store = opened.store;
    await store.migrate();
    const now = new Date().toISOString();
    await store.repos.accounts.addUser({
      id: crypto.randomUUID(),
      email: EMAIL,
      display_name: 'Studio Member',
      role: 'member',
      password_hash: await hashPassword(PASSWORD),
      person_id: null,
      is_verified: 0,
      totp_secret: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    });
    // One thread per run: a shared machine; the large run still has a thread to cancel.
    process.env.TULAY_SIMULATION_THREADS = '1';
    api = await buildApp({
      store,
      logLevel: 'silent',
      isSecureCookie: false,
      rateLimitPerMinute: false,
    });
    apiUrl = await api.app.listen({ host: '127.0.0.1', port: 0 });
    // One origin: /api/* goes to the API server (streams included), everything else is the app.
    front = await serveStatic(DIST, { apiPort: Number(new URL(apiUrl).port) });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await front.close();
    await api.app.close();
    await dispose();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openPage(browser, { acceptDownloads: true });
    await page.goto(`${front.url}${path}`);
    return { page, errors };
  }

  /** Signs the member in through the API: the session cookie lands in the page's context. */
  async function signIn(page: Page): Promise<void> {
    const request = page.context().request;
    const csrf = (await (await request.get(`${front.url}/api/auth/csrf`)).json()) as {
      token: string;
    };
    const res = await request.post(`${front.url}/api/auth/login`, {
      data: { email: EMAIL, password: PASSWORD },
      headers: { 'x-csrf-token': csrf.token },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  it('asks a visitor to sign in before running', async () => {
    const { page, errors } = await open('/studio');
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/sign-in?next=/studio',
    );
    // Building is open to anyone; running is not.
    await page.getByRole('button', { name: '+ Add an agreement' }).click();
    expect(await page.getByRole('button', { name: 'Run the simulation' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  // Thai and Khmer are translated; the country names come from the app's own CLDR tables, so they
  // are in Khmer even in Debian's Chromium, which has no Khmer region names.
  for (const [locale, heading, corridor, addAgreement, addLift, totalization] of [
    [
      'th',
      '1. ประชากรและวันที่',
      /กัมพูชา → ไทย/,
      '+ เพิ่มความตกลง',
      '+ ยกเลิกข้อยกเว้น',
      /^การนับรวมระยะเวลา/,
    ],
    [
      'km',
      '1. ប្រជាជន និងកាលបរិច្ឆេទ',
      /កម្ពុជា → ថៃ/,
      '+ បន្ថែមកិច្ចព្រមព្រៀង',
      '+ លុបការមិនរាប់បញ្ចូល',
      /^ការបូកសរុបរយៈពេល/,
    ],
  ] as const)
    it(`in ${locale}, speaks the language, names countries in its script, never shows a raw key`, async () => {
      const { page, errors } = await open(`/studio?lang=${locale}`);
      // The language's messages, the knowledge base and the corridors arrive one after another;
      // under load each may take seconds (a one-second wait for the language once failed in CI).
      await inLanguage(page, locale);
      await page.getByRole('heading', { name: heading }).waitFor(SHOWN);
      await page.getByRole('checkbox', { name: corridor }).waitFor(SHOWN);
      await page.getByRole('button', { name: addAgreement }).click();
      await page.getByRole('button', { name: addLift }).click();
      await page.getByRole('checkbox', { name: totalization }).waitFor(SHOWN);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/\bstudio\.[a-zA-Z]/);
      expect(text).not.toMatch(/\b(branch|activityName|sectorName)\.[a-z]/);
      // The corridors are named in the language (the ready-made reforms' titles are data, English).
      const corridors = page.locator('fieldset', {
        has: page.getByRole('checkbox', { name: corridor }),
      });
      expect(await corridors.first().innerText()).not.toMatch(/Cambodia|Thailand|Myanmar|Malaysia/);
      await page.screenshot({ path: join(ARTIFACTS, `studio-${locale}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    }, 120_000);

  it('runs on an uploaded population file, and shows a bad file’s problems by the field', async () => {
    const { page, errors } = await open('/studio');
    await signIn(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Simulation studio' }).waitFor();
    await page.getByRole('radio', { name: 'Use a population file' }).check();
    // The generator's settings give way to the file.
    expect(await page.getByLabel('Workers to generate').isVisible()).toBe(false);
    const input = page.getByLabel('Population file (CSV or Parquet)');
    expect(await input.getAttribute('accept')).toBe('.csv,.parquet');
    await page.getByLabel('Start from').selectOption('th-kh-agreement.yaml');
    const run = page.getByRole('button', { name: 'Run the simulation' });
    expect(await run.isDisabled()).toBe(true);

    // The example, downloaded as a person would, then chosen as the population.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download an example file/ }).click(),
    ]);
    const example = await download.path();
    expect(readFileSync(example, 'utf8').split('\n')[0]).toMatch(/^worker_id,weight,/);
    await input.setInputFiles({
      name: 'example.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(example),
    });
    await page.getByLabel('Date of the law (month)').fill('2027-01');
    await run.click();
    const ended = await runEnded(page);
    expect(ended.status, ended.said).toBe('done');
    const results = page.getByTestId('results');
    await results.waitFor(SHOWN);
    expect(await results.textContent()).toMatch(/20 workers from the uploaded population/);
    expect(await results.textContent()).toMatch(/Population from the uploaded file/);
    await page.getByTestId('chart-branches').waitFor();
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toMatch(
      /^\/api\/simulations\/[0-9a-f-]+\/results\.csv$/,
    );

    // A file with a bad row: the server's problem, in plain words by the field.
    await input.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'worker_id,weight,nationality,country,period_from,period_to,activity,documented',
          '1,10,KH,TH,2020-01,2026-12,employed,true',
          '2,-3,KH,TH,2020-01,2026-12,employed,true',
        ].join('\n'),
      ),
    });
    await run.click();
    const problems = page.getByTestId('file-problems');
    await problems.waitFor(SHOWN);
    expect(await problems.textContent()).toMatch(/Row 2, column weight: must be a number above 0/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toMatch(
      /population file cannot be used/,
    );
    // Bytes that are no CSV, whatever the name says.
    await input.setInputFiles({
      name: 'workers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    await run.click();
    await expect
      .poll(() => problems.textContent(), SHOWN)
      .toMatch(/The file: must be a Parquet file/);
    await page.screenshot({ path: join(ARTIFACTS, 'studio-upload-error.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await page.context().close();
  }, 360_000);

  it('builds a reform from parts, runs it with progress, shows the gain, exports, prints, and cancels', async () => {
    const { page, errors } = await open('/studio');
    await signIn(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Simulation studio' }).waitFor(SHOWN);
    await page.getByRole('checkbox', { name: /Cambodia → Thailand/ }).waitFor(SHOWN);
    expect(await page.getByRole('checkbox', { name: /Cambodia → Thailand/ }).isChecked()).toBe(
      true,
    );
    await page.getByLabel('Date of the law (month)').fill('2027-01');
    await page.getByLabel('Workers to generate').fill('20000');

    // The reform: a Thailand–Cambodia agreement with totalization (and export).
    await page.getByLabel('Title').fill('Thailand and Cambodia count each other’s months');
    await page.getByRole('button', { name: '+ Add an agreement' }).click();
    await page.getByLabel('First country').selectOption('TH');
    await page.getByLabel('Second country').selectOption('KH');
    const totalization = page.getByRole('checkbox', { name: /^Totalization/ });
    await totalization.check();
    await page.getByRole('checkbox', { name: /^Export/ }).check();
    const preview = page.getByTestId('reform-preview');
    await expect.poll(() => preview.textContent(), SHOWN).toMatch(/op: add_agreement/);
    const yaml = (await preview.textContent()) ?? '';
    expect(yaml).toMatch(/parties: \[TH, KH\]/);
    expect(yaml).toMatch(/totalization: true/);
    expect(yaml).toMatch(/from: 2027-01/);
    await page.getByRole('button', { name: 'JSON' }).click();
    const json = JSON.parse((await preview.textContent()) ?? '') as {
      changes: { agreement: { provisions: { totalization: boolean } } }[];
    };
    expect(json.changes[0]?.agreement.provisions.totalization).toBe(true);

    // Record every progress value the page shows while it runs.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="run-progress"]');
        if (p)
          seen.push(
            `${p.getAttribute('data-status') ?? ''}:${p.querySelector('progress')?.getAttribute('value') ?? ''}`,
          );
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    const ended = await runEnded(page);
    expect(ended.status, ended.said).toBe('done');
    const results = page.getByTestId('results');
    await results.waitFor(SHOWN);
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(seen.some((s) => s.startsWith('running:'))).toBe(true);
    const partial = seen
      .filter((s) => s.startsWith('running:'))
      .map((s) => Number(s.split(':')[1]));
    expect(
      partial.some((v) => v > 0 && v < 20_000),
      seen.join(' '),
    ).toBe(true);

    // A real gain: most Cambodians in Thailand gain from totalization and export.
    const gainers = Number.parseFloat((await page.getByTestId('gainers').textContent()) ?? '0');
    expect(gainers).toBeGreaterThan(30);
    for (const id of ['chart-corridors', 'chart-branches', 'chart-barriers']) {
      const chart = page.getByTestId(id);
      await chart.waitFor(SHOWN);
      expect(await chart.locator('svg[role="img"]').count()).toBe(1);
      expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('chart-barriers').textContent()).toMatch(/Not paid abroad/);
    // Every label of the charts fits in their drawing, on a wide screen and on a phone, and in a
    // language that writes decimals with a comma (a value label was once cut at the right edge),
    // and in Burmese, whose words run widest. On a phone the charts are drawn for its width: no
    // chart or map text under 12 px (they were once a desktop drawing scaled down to 6 px), and
    // nothing wider than the screen.
    for (const [locale, width, height] of [
      ['en', 1280, 900],
      ['en', 390, 844],
      ['en', 360, 780],
      ['my', 390, 844],
      ['id', 390, 844],
      ['id', 1280, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      if ((await page.evaluate(() => document.documentElement.lang)) !== locale) {
        await page.selectOption('#language', locale);
        await inLanguage(page, locale);
      }
      const where = `${locale} at ${String(width)} px`;
      await page.getByTestId('chart-barriers').waitFor(SHOWN);
      // The charts are drawn again for a new width once the page has it: wait for that state.
      await expect.poll(() => chartTextOutside(page), { ...SHOWN, message: where }).toEqual([]);
      await expect.poll(() => smallChartText(page), { ...SHOWN, message: where }).toEqual([]);
      await expect.poll(() => overflowing(page), { ...SHOWN, message: where }).toEqual([]);
      for (const id of ['chart-corridors', 'chart-branches', 'chart-barriers', 'studio-map'])
        await page
          .getByTestId(id)
          .screenshot({ path: join(ARTIFACTS, `studio-${id}-${locale}-${String(width)}.png`) });
      if (width < 600)
        await results.screenshot({
          path: join(ARTIFACTS, `studio-results-${locale}-${String(width)}.png`),
        });
    }
    expect(await page.getByTestId('chart-barriers').textContent()).toMatch(/\d,\d/);
    await page.selectOption('#language', 'en');
    await inLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Simulation studio' }).waitFor(SHOWN);
    const map = page.getByTestId('studio-map');
    expect(await map.textContent()).toMatch(/Cambodia → Thailand/);
    // The region's map draws the run's corridor as an arc, named for those who do not see it.
    await map.locator('svg a').first().waitFor(SHOWN);
    expect(await map.locator('svg a').count()).toBeGreaterThan(0);
    expect(await map.locator('svg a').first().getAttribute('aria-label')).toMatch(/→/);
    await page.screenshot({ path: join(ARTIFACTS, 'studio-results.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Exports: the server's CSV and JSON, downloaded as a person would.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\n')[0]).toBe(
      'dimension,group,indicator,detail,baseline,reform,workers,sample',
    );
    expect(csvText).toMatch(/^corridor,KH-TH,gainers,/m);
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {
      indicators: unknown[];
    };
    expect(exported.indicators.length).toBe(csvText.trim().split('\n').length - 1);

    // The printable brief: the form is hidden in print, the results and charts stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.studio-form').isVisible()).toBe(false);
    expect(await results.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'studio-brief.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // No emulation: the print below is laid out as a browser prints.
    await page.emulateMedia({ media: null });

    // Printed from a phone, the brief gets the wide drawings, scaled to the paper, not the
    // phone's: the charts are drawn again as the browser announces the print, before its layout.
    await page.setViewportSize({ width: 390, height: 844 });
    // Each chart not drawn one unit to a pixel at the width it is shown, as a phone's should be.
    const notForThePhone = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<SVGSVGElement>('.studio-chart__svg'), (svg) => ({
          drawn: svg.viewBox.baseVal.width,
          shown: Math.floor(svg.getBoundingClientRect().width),
        }))
          .filter(({ drawn, shown }) => drawn !== shown || drawn >= 640)
          .map(({ drawn, shown }) => `drawn ${String(drawn)} wide, shown ${String(shown)}`),
      );
    await expect.poll(notForThePhone, SHOWN).toEqual([]);
    // The map, on the phone, shows the run's corridor close up (part of the region's width).
    const mapView = () =>
      page.evaluate(
        () =>
          document.querySelector<SVGSVGElement>('[data-testid="studio-map"] svg[viewBox]')?.viewBox
            .baseVal.width,
      );
    const phoneMapWidth = await mapView();
    await page.evaluate(() => {
      // After the app's own listeners: what the print is laid out with.
      window.addEventListener(
        'beforeprint',
        () => {
          (window as unknown as { printed: unknown }).printed = {
            charts: Array.from(
              document.querySelectorAll<SVGSVGElement>('.studio-chart__svg'),
              (svg) => svg.viewBox.baseVal.width,
            ),
            map: document.querySelector<SVGSVGElement>('[data-testid="studio-map"] svg[viewBox]')
              ?.viewBox.baseVal.width,
          };
        },
        { once: true },
      );
    });
    const phonePdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'studio-brief-390.pdf'), phonePdf);
    expect(phonePdf.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = await page.evaluate(
      () => (window as unknown as { printed?: { charts: number[]; map?: number } }).printed,
    );
    // On paper, the wide charts and the whole region, as printed from a wide screen.
    expect(printed?.charts).toEqual([640, 640, 640, 640]);
    expect(phoneMapWidth).toBeLessThan(printed?.map ?? 0);
    await expect.poll(notForThePhone, SHOWN).toEqual([]);
    await expect.poll(mapView, SHOWN).toBe(phoneMapWidth);

    // A second, large run, cancelled while it runs.
    await page.getByLabel('Workers to generate').fill('2000000');
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    const progress = page.getByTestId('run-progress');
    // Queued behind nothing, it starts when the server's worker does: under load, seconds.
    await page
      .locator('[data-testid="run-progress"][data-status="running"]')
      .waitFor({ timeout: RUN_TIMEOUT / 2 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = await runEnded(page);
    expect(cancelled.status, cancelled.said).toBe('cancelled');
    expect(await progress.textContent()).toMatch(/Cancelled after/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 660_000);
});
