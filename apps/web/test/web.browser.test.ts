// Browser tests of the web app, against a production build served on 127.0.0.1 and Debian's
// Chromium (never a downloaded browser). Skipped, saying why, where /usr/bin/chromium is absent.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageOptions } from './browser-helpers.ts';
import {
  ARTIFACTS,
  chromiumMissing,
  CHROMIUM,
  CHROMIUM_ARGS,
  documentWidth,
  hasChromium,
  openPage,
  seriousViolations,
  servedInChromium,
} from './browser-helpers.ts';
import { CheckerPage, NEPALI_INJURED_IN_MALAYSIA } from './checker-page.ts';
import { serveStatic } from './web-server.ts';

const DIST = join(ARTIFACTS, 'dist');
if (!hasChromium) console.warn(chromiumMissing('web'));

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  const suite = servedInChromium(DIST, serveStatic);

  const newPage = (options: PageOptions = {}) => openPage(suite.browser, options);

  it('works offline after the first visit', async () => {
    // Its own browser profile on disk (in the artifacts folder): a first visit, from scratch.
    const profile = join(ARTIFACTS, 'offline-profile');
    rmSync(profile, { recursive: true, force: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      serviceWorkers: 'allow',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(suite.server.url);
    // The worker installs (precaching every file) and activates; say how far it got if not.
    const state = await page.evaluate(async () => {
      const ready = navigator.serviceWorker.ready.then(() => 'ready');
      const late = new Promise<string>((resolve) =>
        setTimeout(() => {
          void navigator.serviceWorker.getRegistration().then((r) => {
            resolve(
              `not ready after 30 s (document ${document.readyState}): ${r ? `installing=${r.installing?.state ?? '-'} waiting=${r.waiting?.state ?? '-'} active=${r.active?.state ?? '-'}` : 'no registration'}`,
            );
          });
          navigator.serviceWorker.register('/sw.js').then(
            () => undefined,
            (e: unknown) => {
              resolve(`registration fails: ${String(e)}`);
            },
          );
        }, 30_000),
      );
      return Promise.race([ready, late]);
    });
    expect(state, suite.server.requests.map((r) => r.url).join(' ')).toBe('ready');
    // The page is controlled once the worker has claimed it.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await context.setOffline(true);
    const before = suite.server.requests.length;
    await page.goto(`${suite.server.url}/countries`);
    await page.getByTestId('matrix').waitFor();
    await page.goto(suite.server.url);
    const checker = new CheckerPage(page);
    await checker.example('la-th');
    expect(await checker.results()).toMatch(/benefit/);
    await expect.poll(() => page.getByText('You are offline').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'offline-checker.png') });
    expect(suite.server.requests.length).toBe(before);
    await context.close();
  }, 90_000);

  it('a newcomer checks three workers and reads the results; the answers never leave the device', async () => {
    const { context, page, errors, requests } = await newPage({ width: 390, height: 844 });
    const checker = new CheckerPage(page);
    await checker.open(suite.server.url);

    // 1. A Cambodian construction worker in Thailand since 2010, typed in by hand.
    await checker.aboutMe({ nationality: 'KH', residence: 'TH', birth: '1988-03' });
    await checker.work({
      country: 'TH',
      from: '2010-06',
      activity: 'employed',
      sector: 'construction',
      documented: true,
      permit: 'mou',
      earnings: '11000',
    });
    expect(await checker.finish()).toMatch(/You may be entitled to \d+ benefits/);
    const thailand = await checker.resultsIn('Thailand');
    expect(thailand).toContain('Old-age pension');
    expect(thailand).toContain('Social Security Fund');
    expect(thailand).toMatch(/5,500\.00 a month for up to 90 days/);
    expect(thailand).toContain('Papers to bring');
    await page.getByText('Why? The rules used and their legal sources').first().click();
    await expect.poll(() => page.locator('table.trace a[href^="http"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.flag--unverified').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'checker-kh-th-phone.png'), fullPage: false });

    // 2. A Filipina domestic worker in Singapore, from the example.
    await checker.example('ph-sg');
    const philippines = await checker.resultsIn('Philippines');
    expect(philippines).toContain('Social Security System');
    const singapore = await checker.resultsIn('Singapore');
    expect(singapore).toContain(
      'Central Provident Fund has a condition you do not meet: only for citizens and permanent residents.',
    );
    expect(singapore).toContain(
      'A change in the law of Singapore: open Central Provident Fund to workers without permanent residence.',
    );

    // 3. A Nepali factory worker injured in Malaysia, back home in Nepal.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    await page.selectOption('#nationality', 'NP');
    await page.selectOption('#residence', 'NP');
    await checker.next();
    while ((await page.locator('fieldset.period').count()) > 1)
      await page
        .getByRole('button', { name: /^Remove work/ })
        .last()
        .click();
    await checker.work(NEPALI_INJURED_IN_MALAYSIA.work);
    await checker.finish(NEPALI_INJURED_IN_MALAYSIA.event, NEPALI_INJURED_IN_MALAYSIA.eventMonth);
    const malaysia = await checker.resultsIn('Malaysia');
    expect(malaysia).toContain('Employment injury benefit');
    expect(malaysia).not.toContain('Old-age pension');
    await page.screenshot({ path: join(ARTIFACTS, 'checker-np-my-injury.png'), fullPage: true });

    expect(await seriousViolations(page)).toEqual([]);
    // Nothing but the app's own files was requested, all by GET, none carrying the answers.
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(r.url.startsWith(suite.server.url)).toBe(true);
      expect(r.body).toBeNull();
      expect(r.url).not.toMatch(/KH|NP|2010-06|11000|1700|labour_permit/);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the law of 2011 gives a different answer, and the results print', async () => {
    const { context, page } = await newPage();
    const checker = new CheckerPage(page);
    await checker.open(suite.server.url, '?at=2011-09-15');
    await expect
      .poll(() => page.getByText('You are viewing the law as it stood on').count())
      .toBe(1);
    await checker.example('kh-th');
    expect(await page.locator('.results__context').textContent()).toMatch(
      /September 15, 2011|15 September 2011/,
    );
    // In 2011 the worker had 16 months in Thailand's Social Security Fund, not 198.
    const thailand = await checker.resultsIn('Thailand');
    expect(thailand).toContain('16 insured months');
    expect(thailand).not.toContain('198 insured months');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'results-kh-th-2011.pdf'), format: 'A4' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  // Cambodia → Thailand in each language, from the app's own CLDR tables: Debian's Chromium has no
  // Khmer region names of its own, so without them the corridors would read "Cambodia → Thailand".
  for (const [locale, script, name, khTh, aboutCaucus] of [
    ['th', /[\u0E00-\u0E7F]/, 'ไทย', 'กัมพูชา → ไทย', 'เกี่ยวกับคณะทำงาน'],
    ['km', /[\u1780-\u17FF]/, 'ខ្មែរ', 'កម្ពុជា → ថៃ', 'អំពីក្រុមសមាជិកសភា'],
  ] as const) {
    it(`switching to ${locale} renders its script`, async () => {
      const { context, page, errors } = await newPage({ width: 390, height: 844 });
      const checker = new CheckerPage(page);
      await checker.open(suite.server.url);
      await page.selectOption('#language', locale);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      await expect
        .poll(async () => script.test((await page.locator('h1').textContent()) ?? ''))
        .toBe(true);
      expect(await page.locator('#language option:checked').textContent()).toBe(name);
      await page.locator('button[data-example="kh-th"]').click();
      await page.getByTestId('results-summary').waitFor();
      expect(script.test((await page.getByTestId('results-summary').textContent()) ?? '')).toBe(
        true,
      );
      // The glyphs render: the script's text is wider than nothing (no missing-glyph fallback).
      const width = await page.locator('h1').evaluate((h) => h.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(100);
      await page.screenshot({ path: join(ARTIFACTS, `checker-${locale}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // The corridors page, in the language chosen above (kept on the device): its countries too.
      await page.goto(`${suite.server.url}/corridors`);
      const common = page.locator('.corridor-list');
      await common.getByRole('link', { name: khTh }).waitFor();
      expect(await common.textContent()).not.toMatch(/Cambodia|Thailand/);
      expect(script.test((await page.locator('h1').textContent()) ?? '')).toBe(true);
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, `corridors-${locale}.png`), fullPage: true });
      await common.getByRole('link', { name: khTh }).click();
      await page.getByRole('heading', { level: 1, name: khTh }).waitFor();

      // A caucus page: its own words are translated (its records need the API, absent here).
      await page.goto(`${suite.server.url}/caucus`);
      await page.getByRole('heading', { level: 1, name: aboutCaucus }).waitFor();
      expect(script.test((await page.locator('.lead').first().textContent()) ?? '')).toBe(true);
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, `caucus-${locale}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('countries and corridors: the matrix, a country, a corridor, accessible at 360 px', async () => {
    const { context, page, errors } = await newPage({ width: 360, height: 740 });
    await page.goto(`${suite.server.url}/countries`);
    await page.getByTestId('matrix').waitFor();
    expect(await page.locator('table.matrix tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await seriousViolations(page)).toEqual([]);
    // The page itself does not scroll sideways on a phone (the table scrolls in its own box).
    expect(await documentWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, 'countries-phone.png') });
    await page.getByRole('link', { name: 'Thailand' }).click();
    await page.getByRole('heading', { name: 'Agreements' }).waitFor();
    expect(await page.locator('.card').count()).toBeGreaterThan(1);
    await page.goto(`${suite.server.url}/corridors/kh/th`);
    await page.getByTestId('principles').waitFor();
    expect(await page.locator('.principle').count()).toBe(7);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'corridor-kh-th.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the keyboard alone gets through the form', async () => {
    const { context, page } = await newPage();
    await page.goto(suite.server.url);
    await page.locator('#nationality').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // Submitting an empty step lists the errors, focused, with links to the fields.
    await page.locator('form button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('error-summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nationality');
    await context.close();
  }, 60_000);

  it("keeps the answers through the phone's Back gesture, Forward and a reload", async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    const checker = new CheckerPage(page);
    await checker.open(suite.server.url);
    await checker.aboutMe({ nationality: 'NP', residence: 'NP', birth: '1984-06' });
    await checker.work(NEPALI_INJURED_IN_MALAYSIA.work);
    const step = () => page.locator('#step-title').textContent();
    await checker.next();
    await expect.poll(step).toBe('What happened');
    // Back: the work step, as it was filled in; Back again: the first step.
    await page.goBack();
    await expect.poll(step).toBe('Where you worked');
    const group = page.locator('fieldset.period').last();
    const id = ((await group.getAttribute('id')) ?? '').replace(/-group$/, '');
    expect(await page.inputValue(`#${id}-from`)).toBe('2015-02');
    expect(await page.inputValue(`#${id}-country`)).toBe('MY');
    await page.goBack();
    await expect.poll(step).toBe('About you');
    expect(await page.inputValue('#nationality')).toBe('NP');
    await page.goForward();
    await page.goForward();
    await expect.poll(step).toBe('What happened');
    // The results survive a reload.
    await checker.whatHappened('employment_injury');
    await page.fill('#eventMonth', '2024-05');
    await checker.next();
    const before = await checker.results();
    await page.reload();
    expect(await checker.results()).toBe(before);
    // A new visit to the page starts empty.
    const fresh = await context.newPage();
    await fresh.goto(suite.server.url);
    await fresh.locator('#nationality').waitFor();
    expect(await fresh.inputValue('#nationality')).toBe('');
    await context.close();
  }, 90_000);
});
