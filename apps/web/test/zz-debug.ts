import { join } from 'node:path';
import { ARTIFACTS, launchChromium, openPage } from './browser-helpers.ts';
import { startCaucusServer } from './caucus-server.ts';
const server = await startCaucusServer(join(ARTIFACTS, 'dist-locales'));
const browser = await launchChromium();
const { page } = await openPage(browser, { width: 390, bypassCSP: true, consoleErrors: false });
for (const p of (process.argv[2] ?? '/caucus?lang=fil,/caucus/texts').split(',')) {
  await page.goto(server.url + p);
  await page.waitForTimeout(3000);
  console.log(p, await page.evaluate(() => document.documentElement.lang), await page.locator('h1').allTextContents());
}
await browser.close(); await server.close();
