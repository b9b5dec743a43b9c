// Browser tests of the corridor map, the countries and corridors pages and the header, against a
// production build of their own, in Debian's Chromium. Skipped, saying why, without Chromium.
import { join } from 'node:path';
import { compileKnowledgeBase, parseMonth } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../build/knowledge-plugin.ts';
import { corridorFigures } from '../build/map-plugin.ts';
import { regionCorridors } from '../src/countries/region-corridors.ts';
import type { OpenedPage } from './browser-helpers.ts';
import {
  ARTIFACTS,
  chromiumMissing,
  hasChromium,
  noSidewaysScroll,
  openPage,
  seriousViolations,
  servedInChromium,
} from './browser-helpers.ts';
import { serveStatic } from './web-server.ts';

// Under a folder named dist, which the linter and the formatter skip.
const DIST = join(ARTIFACTS, 'corridors', 'dist');
if (!hasChromium) console.warn(chromiumMissing('corridor map'));

/** The corridors the map should draw today, worked out here from the same knowledge and figures. */
function expectedCorridors() {
  const { kb } = compileKnowledgeBase(loadKnowledge(KNOWLEDGE_DIR).kb.input);
  return regionCorridors(kb, corridorFigures(), parseMonth(new Date().toISOString().slice(0, 7)));
}

describe.skipIf(!hasChromium)('the corridor map and the countries pages in Chromium', () => {
  const suite = servedInChromium(DIST, serveStatic);

  async function open(
    path: string,
    options: { width?: number; height?: number; lang?: string } = {},
  ): Promise<OpenedPage> {
    const opened = await openPage(suite.browser, { width: options.width, height: options.height });
    const { page } = opened;
    const query = options.lang ? `${path.includes('?') ? '&' : '?'}lang=${options.lang}` : '';
    await page.goto(`${suite.server.url}${path}${query}`);
    if (options.lang)
      await expect
        .poll(() => page.evaluate(() => document.documentElement.lang))
        .toBe(options.lang);
    return opened;
  }

  it('the corridors page draws every corridor as a named link, with a legend and a table, and asks nothing of another origin', async () => {
    const expected = expectedCorridors();
    const { context, page, errors, requests } = await open('/corridors');
    const arcs = page.locator('a.corridor-map__link');
    await page.getByTestId('corridor-map').waitFor();
    expect(await arcs.count()).toBe(expected.length);
    expect(await page.locator('path.corridor-map__arc').count()).toBe(expected.length);
    // Each arc is named for its corridor, its figure and its status.
    const khTh = page.locator('a[data-corridor="KH-TH"]');
    expect(await khTh.getAttribute('aria-label')).toMatch(
      /^Cambodia → Thailand\. Migrant workers: 1,760,000 \(estimate\)\. A binding agreement in force\.$/,
    );
    expect(await page.locator('a[data-corridor="BD-MY"]').getAttribute('aria-label')).toMatch(
      /The law of a country not yet encoded/,
    );
    // The legend is visible, and the table lists the same corridors.
    for (const status of [
      'A binding agreement in force',
      'Only non-binding instruments',
      'No agreement in force',
    ])
      expect(await page.locator('.corridor-map__legend').getByText(status).isVisible()).toBe(true);
    expect(await page.locator('.corridor-map__table tbody tr').count()).toBe(expected.length);
    expect(await page.locator('.corridor-map__table').getAttribute('open')).not.toBeNull();
    // The map's boundaries come from the app's own build, lazily; nothing from anywhere else.
    expect(requests.filter((r) => /\/assets\/region-map-[\w-]+\.json$/.test(r.url))).toHaveLength(
      1,
    );
    for (const { url } of requests) expect(url.startsWith(suite.server.url), url).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'corridors-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the checker does not load the map', async () => {
    const { context, page, requests } = await open('/');
    await page.locator('#nationality').waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests.some((r) => r.url.includes('region-map'))).toBe(false);
    await context.close();
  }, 30_000);

  it('a corridor is reached with the keyboard alone and opens its page, where the map highlights it', async () => {
    const { context, page, errors } = await open('/corridors');
    await page.getByTestId('corridor-map').waitFor();
    let name: string | null = null;
    for (let i = 0; i < 60 && name === null; i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() =>
        document.activeElement?.matches('a.corridor-map__link')
          ? document.activeElement.getAttribute('aria-label')
          : null,
      );
    }
    expect(name, 'no corridor of the map took the focus').not.toBeNull();
    const corridor = await page.evaluate(
      () => document.activeElement?.getAttribute('data-corridor') ?? '',
    );
    // The focused arc shows its halo and says what it is under the map.
    expect(await page.locator('.corridor-map__active').textContent()).toBe(name);
    await page.keyboard.press('Enter');
    const [origin = '', destination = ''] = corridor.toLowerCase().split('-');
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe(`/corridors/${origin}/${destination}`);
    await page.locator('#corridor-title').waitFor();
    expect(name?.startsWith((await page.locator('#corridor-title').textContent()) ?? '?')).toBe(
      true,
    );
    await page.getByTestId('corridor-map').waitFor();
    const highlighted = page.locator('a.corridor-map__link--highlight');
    expect(await highlighted.getAttribute('data-corridor')).toBe(corridor);
    expect(await page.locator('a.corridor-map__link--dim').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a corridor page at 360 px: the map fits, the page does not scroll sideways, and it is accessible', async () => {
    const { context, page, errors } = await open('/corridors/kh/th', { width: 360, height: 780 });
    await page.getByTestId('principles').waitFor();
    await page.getByTestId('corridor-map').waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    const box = await page.getByTestId('corridor-map').boundingBox();
    expect(box?.width).toBeLessThanOrEqual(360);
    expect(box?.width).toBeGreaterThan(250);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('corridor-map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'corridor-kh-th-phone.png') });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the corridors page on a phone, in English and in Khmer', async () => {
    for (const lang of ['en', 'km'] as const) {
      const { context, page, errors } = await open('/corridors', {
        width: 360,
        height: 780,
        ...(lang === 'en' ? {} : { lang }),
      });
      await page.getByTestId('corridor-map').waitFor();
      expect(await noSidewaysScroll(page), lang).toBe(true);
      expect(await seriousViolations(page), lang).toEqual([]);
      if (lang === 'km') {
        // The map's words are Khmer too (the country names come from the browser's Intl).
        expect(await page.locator('.corridor-map__legend').textContent()).toMatch(
          /[\u1780-\u17FF]/,
        );
        expect(await page.locator('h2#map-title').textContent()).toMatch(/[\u1780-\u17FF]/);
      }
      await page.screenshot({
        path: join(ARTIFACTS, `corridors-phone-${lang}.png`),
        fullPage: true,
      });
      expect(errors, lang).toEqual([]);
      await context.close();
    }
  }, 90_000);

  for (const lang of ['th', 'km'] as const)
    for (const width of [360, 1280])
      it(`the header in ${lang} at ${width} px: one compact notice, the page starts high`, async () => {
        const { context, page } = await open('/corridors', { width, height: 780, lang });
        const notice = page.getByTestId('review-banner');
        await notice.waitFor();
        // One notice, whatever it says (a translation under review and, in Khmer on Debian's
        // Chromium, English number formats): closed, it is one or two short lines.
        expect(await page.locator('.review-banner').count()).toBe(1);
        const closed = (await notice.boundingBox())?.height ?? 0;
        expect(closed).toBeLessThan(60);
        const header = (await page.locator('.site-header').boundingBox())?.height ?? 0;
        expect(header).toBeLessThan(width < 600 ? 190 : 150);
        expect(await noSidewaysScroll(page)).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `header-${lang}-${width}.png`) });
        // Opened, it gives the full notes.
        await notice.locator('summary').click();
        expect(await notice.locator('p').count()).toBeGreaterThanOrEqual(1);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      }, 45_000);

  it('the countries matrix says its conditions in words, in English and in Thai', async () => {
    const { context, page } = await open('/countries');
    await page.getByTestId('matrix').waitFor();
    const text = (await page.getByTestId('matrix').textContent()) ?? '';
    expect(text).toMatch(/only with a work permit/);
    expect(text).toMatch(/not for the self-employed/);
    // Nothing in code: no "permit: work_permit", no "self_employed".
    expect(text).not.toMatch(/permit:|_/);
    await page.selectOption('#language', 'th');
    await expect
      .poll(async () => (await page.getByTestId('matrix').textContent()) ?? '')
      .toMatch(/เฉพาะผู้มีใบอนุญาตทำงาน/);
    await context.close();
  }, 45_000);
});
