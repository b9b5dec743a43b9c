// The caucus's pages and the simulation studio in Bahasa Indonesia, Filipino, Vietnamese, Lao
// (one of the languages without spaces between words), Hindi, Burmese and Nepali (whose numbers and
// dates Debian's Chromium cannot write: the app writes them in English and says so), in Debian's
// Chromium against the real server (the API over a seeded SQLite store, serving a fresh production
// build), on a 390 px phone and a 1280 px screen. A visitor chooses the language with the
// switcher, reads the caucus's site and the studio's signed-out state; the secretariat signs in
// with its two-factor code on the phone, a member on the wide screen; both search the documents
// and open the studio signed in. Every page shows its translated heading (not the English one),
// never a raw message key, and nothing scrolls sideways. Skipped, saying why, where
// /usr/bin/chromium is absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MessageFile } from '../src/i18n/i18n.tsx';
import {
  ARTIFACTS,
  WEB,
  chromiumMissing,
  documentWidth,
  hasChromium,
  openPage,
  seriousViolations,
  servedInChromium,
} from './browser-helpers.ts';
import { PASSWORD, startCaucusServer } from './caucus-server.ts';

// Its own build folder: the other browser test files build into theirs at the same time.
const DIST = join(ARTIFACTS, 'dist-locales');
if (!hasChromium) console.warn(chromiumMissing('locales'));

const LOCALES = ['id', 'fil', 'vi', 'lo', 'hi', 'my', 'ne'] as const;
type Locale = (typeof LOCALES)[number] | 'en';
const WIDTHS = [390, 1280] as const;

const messages = (locale: Locale): Record<string, string> =>
  (
    JSON.parse(
      readFileSync(join(WEB, 'src', 'i18n', 'messages', `${locale}.json`), 'utf8'),
    ) as MessageFile
  ).messages;
const files = new Map<Locale, Record<string, string>>(
  (['en', ...LOCALES] as const).map((l) => [l, messages(l)]),
);

/** A country's name in `locale`, from the app's own table (src/i18n/regions), not the browser's. */
const countryName = (locale: Locale, code: string): string => {
  const table = JSON.parse(
    readFileSync(join(WEB, 'src', 'i18n', 'regions', `${locale}.json`), 'utf8'),
  ) as { regions: Record<string, string> };
  const name = table.regions[code];
  if (name === undefined) throw new Error(`${locale}: no name for ${code}`);
  return name;
};

/**
 * The locale the app formats numbers in, for each language, as the browser showed it: the
 * language's own, or English where this browser has no data for it (intl-locale.ts). Debian's
 * Chromium has none for Lao, Burmese or Nepali, where Node writes Burmese and Devanagari digits.
 */
const formatsIn = new Map<Locale, string>();

/** A message as the app says it in `locale` (the file's own text, never English's fallback). */
function say(locale: Locale, key: string, args?: Record<string, string | number>): string {
  const source = files.get(locale)?.[key];
  if (source === undefined) throw new Error(`${locale}: ${key} is not translated`);
  return String(new IntlMessageFormat(source, formatsIn.get(locale) ?? locale).format(args));
}

/** A raw message key on the page (`caucus.nav.about`), which the app shows when one is lost. */
const RAW_KEY = /\b(caucus|studio|workspace)\.[a-zA-Z]/;

describe.skipIf(!hasChromium)(
  'the caucus and the studio in Indonesian, Filipino, Vietnamese, Lao, Hindi, Burmese and Nepali',
  () => {
    const suite = servedInChromium(DIST, startCaucusServer);

    // The server's CSP refuses inline scripts, and axe-core is injected as one. Only uncaught page
    // errors count here, not console errors (the studio asks for a session a visitor lacks).
    const newPage = (width: number) =>
      openPage(suite.browser, { width, height: 900, bypassCSP: true, consoleErrors: false });

    /** Waits until the page's data has loaded (no "Loading…" status in the language left). */
    async function loaded(page: Page, locale: Locale): Promise<void> {
      const loading = page
        .locator('[role="status"]')
        .filter({ hasText: say(locale, 'caucus.loading') });
      await expect.poll(() => loading.count()).toBe(0);
    }

    /** What every page must be: in the language, without raw keys, no wider than the window. */
    async function checkPage(
      page: Page,
      locale: Locale,
      width: number,
      name: string,
      { axe }: { axe: boolean },
    ): Promise<void> {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await page.locator('body').innerText(), name).not.toMatch(RAW_KEY);
      expect(await documentWidth(page), name).toBeLessThanOrEqual(width);
      if (axe) expect(await seriousViolations(page), name).toEqual([]);
      await page.screenshot({
        path: join(ARTIFACTS, `locales-${locale}-${String(width)}-${name}.png`),
        fullPage: true,
      });
    }

    for (const locale of LOCALES)
      for (const width of WIDTHS) {
        // The phone is the secretariat's (two-factor sign-in), the wide screen a member's.
        const phone = width < 600;
        it(`${locale} at ${String(width)} px: the caucus's site, the sign-in, the documents and the studio`, async () => {
          const { context, page, errors } = await newPage(width);
          const heading = (key: string, args?: Record<string, string | number>) =>
            page.getByRole('heading', { name: say(locale, key, args), level: 1 });
          const hasFormats = await page.evaluate(
            (l) =>
              Intl.NumberFormat.supportedLocalesOf([l]).length > 0 &&
              Intl.DateTimeFormat.supportedLocalesOf([l]).length > 0,
            locale,
          );
          formatsIn.set(locale, hasFormats ? locale : 'en');

          // The caucus's public site, in English until the switcher chooses the language, which is
          // remembered for the pages opened after it.
          await page.goto(`${suite.server.url}/caucus`);
          await page.getByRole('heading', { name: 'About the caucus', level: 1 }).waitFor();
          await page.getByLabel('Language').selectOption(locale);
          await heading('caucus.about.title').waitFor();
          await loaded(page, locale);
          expect(say(locale, 'caucus.about.title')).not.toBe(say('en', 'caucus.about.title'));
          expect(await page.getByRole('heading', { name: 'About the caucus' }).count()).toBe(0);
          await page
            .getByRole('heading', { name: say(locale, 'caucus.about.why'), level: 2 })
            .waitFor();
          // Where this browser cannot write the language's numbers and dates, the app says, in the
          // language, that they are in English; where it can, it does not.
          const languageNotice = page.getByTestId('review-banner');
          await languageNotice.waitFor();
          if (hasFormats)
            expect(await languageNotice.innerText()).not.toContain(say(locale, 'lang.formatShort'));
          else {
            await languageNotice.getByText(say(locale, 'lang.formatShort')).click();
            await languageNotice.getByText(say(locale, 'lang.formatFallback')).waitFor();
            // And so they are: the caucus's founding month (2011-09 in the seed) in English.
            await page
              .getByText(say(locale, 'caucus.about.founded', { date: 'September 2011' }))
              .waitFor();
          }
          await checkPage(page, locale, width, 'caucus', { axe: phone });

          await page.goto(`${suite.server.url}/caucus/texts`);
          await heading('caucus.texts.title').waitFor();
          await loaded(page, locale);
          await page.getByText(say(locale, 'caucus.text.status.open')).first().waitFor();
          await checkPage(page, locale, width, 'texts', { axe: phone });

          // The studio's signed-out state: building is open, running asks to sign in.
          await page.goto(`${suite.server.url}/studio`);
          await page
            .getByRole('heading', { name: say(locale, 'studio.title') })
            .first()
            .waitFor();
          const notice = page.getByTestId('sign-in-notice');
          await notice.getByText(say(locale, 'studio.signIn.title')).waitFor();
          await page.getByRole('heading', { name: say(locale, 'studio.where.heading') }).waitFor();
          expect(
            await page.getByRole('heading', { name: say('en', 'studio.where.heading') }).count(),
          ).toBe(0);
          // The corridors' countries in the language's script, from the app's own tables (this
          // browser has no Khmer, Lao, Burmese or Nepali names of its own).
          for (const [origin, destination] of [
            ['MM', 'TH'],
            ['NP', 'MY'],
          ] as const)
            await page
              .getByRole('checkbox', {
                name: say(locale, 'studio.corridor', {
                  origin: countryName(locale, origin),
                  destination: countryName(locale, destination),
                }),
              })
              .waitFor();
          await page.getByRole('button', { name: say(locale, 'studio.part.addAgreement') }).click();
          await page
            .getByRole('checkbox', { name: say(locale, 'studio.provision.totalization') })
            .waitFor();
          expect(
            await page.getByRole('button', { name: say(locale, 'studio.run.start') }).isDisabled(),
          ).toBe(true);
          await checkPage(page, locale, width, 'studio-signed-out', { axe: phone });

          // The sign-in, in the language: the secretariat is asked for its two-factor code.
          await page.goto(`${suite.server.url}/sign-in`);
          await heading('caucus.signIn.title').waitFor();
          const account = phone ? suite.server.secretariat : suite.server.member;
          await page.getByLabel(say(locale, 'caucus.field.email')).fill(account.email);
          await page.getByLabel(say(locale, 'caucus.field.password')).fill(PASSWORD);
          await page.getByRole('button', { name: say(locale, 'caucus.signIn.submit') }).click();
          if (phone) {
            await page.getByText(say(locale, 'caucus.signIn.totpHint')).waitFor();
            await checkPage(page, locale, width, 'sign-in-code', { axe: phone });
            await page
              .getByLabel(say(locale, 'caucus.field.totp'))
              .fill(await suite.server.secretariatCode());
            await page.getByRole('button', { name: say(locale, 'caucus.signIn.verify') }).click();
            await page.waitForURL('**/secretariat');
            await page
              .getByRole('navigation', { name: say(locale, 'caucus.sec.sections') })
              .waitFor();
            await page
              .getByRole('link', { name: say(locale, 'caucus.sec.invitations.title') })
              .click();
            await heading('caucus.sec.invitations.title').waitFor();
            await page
              .getByRole('button', { name: say(locale, 'caucus.sec.invitations.create') })
              .waitFor();
            await checkPage(page, locale, width, 'secretariat-invitations', { axe: phone });
          } else {
            await page.waitForURL('**/account');
            await page
              .getByRole('heading', {
                name: say(locale, 'caucus.account.hello', { name: 'Test Legislator' }),
              })
              .waitFor();
            await loaded(page, locale);
            await page
              .getByRole('heading', { name: say(locale, 'caucus.account.endorse') })
              .waitFor();
            await checkPage(page, locale, width, 'account', { axe: phone });
          }

          // The documents, searched: the answer counts the matches in the language.
          await page.goto(`${suite.server.url}/caucus/documents`);
          await heading('caucus.documents.title').waitFor();
          await loaded(page, locale);
          const q = 'social protection';
          await page.getByLabel(say(locale, 'caucus.documents.search')).fill(q);
          await page
            .getByRole('button', {
              name: say(locale, 'caucus.documents.searchButton'),
              exact: true,
            })
            .click();
          const found = page
            .locator('p[role="status"]')
            .filter({ hasText: `“${q}”` })
            .first();
          await found.waitFor();
          const answers = [1, 2, 3].map((total) =>
            say(locale, 'caucus.documents.found', { total, q }),
          );
          expect(answers).toContain(await found.textContent());
          await page.locator('.snippet mark').first().waitFor();
          await checkPage(page, locale, width, 'documents-search', { axe: phone });

          // The studio signed in: running is open.
          await page.goto(`${suite.server.url}/studio`);
          await page.getByRole('heading', { name: say(locale, 'studio.reform.heading') }).waitFor();
          await page.getByRole('button', { name: say(locale, 'studio.part.addLift') }).click();
          await page.getByRole('button', { name: say(locale, 'studio.part.addParameter') }).click();
          const run = page.getByRole('button', { name: say(locale, 'studio.run.start') });
          await expect.poll(() => run.isDisabled()).toBe(false);
          expect(await page.getByTestId('sign-in-notice').count()).toBe(0);
          await checkPage(page, locale, width, 'studio-signed-in', { axe: phone });

          expect(errors).toEqual([]);
          await context.close();
        }, 120_000);
      }
  },
);
