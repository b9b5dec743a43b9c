// Browser tests of the caucus's pages against the real server (the API over a seeded SQLite store,
// serving a fresh production build) and Debian's Chromium: a member signs in and endorses, the
// secretariat signs in with two-factor and invites, the secretariat moderates a submitted document,
// a member records a bill and its actions on a phone and the secretariat publishes it.
// Skipped, saying why, where /usr/bin/chromium is absent.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumMissing,
  documentWidth,
  hasChromium,
  openPage,
  seriousViolations,
  servedInChromium,
} from './browser-helpers.ts';
import { minimalPdf, signIn as signInAs, startCaucusServer } from './caucus-server.ts';

// Its own build folder: the checker's browser tests build into test-results/dist in parallel.
const DIST = join(ARTIFACTS, 'dist-caucus');
if (!hasChromium) console.warn(chromiumMissing('caucus'));

const RESOLUTION = 'resolution_caucus_2011';
const RESOLUTION_TITLE = /Resolution to establish the Asian Inter-Parliamentary Caucus/;

describe.skipIf(!hasChromium)('the caucus in Chromium', () => {
  const suite = servedInChromium(DIST, startCaucusServer);

  // The server's CSP refuses inline scripts, and axe-core is injected as one. Only uncaught page
  // errors count here, not console errors.
  const newPage = (options: { width?: number; height?: number } = {}) =>
    openPage(suite.browser, { ...options, bypassCSP: true, consoleErrors: false });

  const signIn = (page: Page, email: string, asSecretariat = false) =>
    signInAs(page, suite.server, email, asSecretariat);

  it('a member signs in and endorses; the public count goes up, and down on withdrawal', async () => {
    const visitor = await newPage();
    await visitor.page.goto(`${suite.server.url}/caucus/texts/${RESOLUTION}`);
    const publicCount = visitor.page.getByTestId('endorsement-count').locator('.count__n');
    await expect.poll(() => publicCount.textContent()).toBe('0');
    await visitor.page
      .getByText('Members of parliament endorse this text after signing in.')
      .waitFor();

    const member = await newPage();
    await signIn(member.page, suite.server.member.email);
    await member.page.getByRole('heading', { name: 'Welcome, Test Legislator' }).waitFor();
    await member.page.getByRole('heading', { name: 'Texts open for endorsement' }).waitFor();
    expect(await seriousViolations(member.page)).toEqual([]);
    await member.page.screenshot({ path: join(ARTIFACTS, 'caucus-account.png'), fullPage: true });

    await member.page.getByRole('link', { name: RESOLUTION_TITLE }).click();
    await member.page.getByRole('button', { name: 'Endorse', exact: true }).click();
    await member.page.getByTestId('endorsed').waitFor();
    const memberCount = member.page.getByTestId('endorsement-count').locator('.count__n');
    await expect.poll(() => memberCount.textContent()).toBe('1');
    expect(await seriousViolations(member.page)).toEqual([]);
    await member.page.screenshot({ path: join(ARTIFACTS, 'caucus-endorsed.png'), fullPage: true });

    // The visitor's page asks again by itself (every 10 s) and shows the new count, and the
    // endorser in the list beside it, without a reload.
    await expect.poll(() => publicCount.textContent(), { timeout: 25_000 }).toBe('1');
    await visitor.page.getByTestId('endorsers').getByText('Hon. Test Legislator').waitFor();
    expect(await visitor.page.getByText('No endorsement you may see yet.').count()).toBe(0);

    // Withdrawing takes the endorsement out of the count; the member may sign again.
    await member.page.getByRole('button', { name: 'Withdraw my endorsement' }).click();
    await member.page.getByRole('button', { name: 'Endorse', exact: true }).waitFor();
    await expect.poll(() => memberCount.textContent()).toBe('0');

    expect(visitor.errors).toEqual([]);
    expect(member.errors).toEqual([]);
    await visitor.context.close();
    await member.context.close();
  }, 90_000);

  it('the secretariat signs in with two-factor and creates an invitation, which makes an account', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, suite.server.secretariat.email, true);
    await page.getByRole('navigation', { name: 'Secretariat screens' }).waitFor();
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();

    // A wrong email comes back as an error naming the field, in words.
    await page.getByLabel('Role').selectOption('partner');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Create the link' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Some of what was entered is missing or not right');
    expect(await alert.locator('li strong').first().textContent()).toBe('Email');
    // The field says it too, tied to its control for a screen reader.
    const email = page.getByLabel('Email');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe('inv-email-hint inv-email-error');
    expect(await page.locator('#inv-email-error').textContent()).not.toBe('');

    await page.getByLabel('Email').fill('partner@example.org');
    await page.getByRole('button', { name: 'Create the link' }).click();
    await page.getByTestId('invitation-created').waitFor();
    const link = await page.getByTestId('one-time-link').inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url}/invitations/[A-Za-z0-9_-]{20,}$`));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(ARTIFACTS, 'caucus-secretariat-invitation.png'),
      fullPage: true,
    });

    // The link, opened by the invited partner, makes the account and signs it in.
    const invited = await newPage({ width: 360, height: 740 });
    await invited.page.goto(link);
    await invited.page.getByText('You are invited as a partner organisation.').waitFor();
    await invited.page.getByLabel('Your name').fill('Test Partner');
    await invited.page.getByLabel('Password').fill('short');
    await invited.page.getByRole('button', { name: 'Create my account' }).click();
    await invited.page.getByRole('alert').getByText('Password').waitFor();
    expect(await seriousViolations(invited.page)).toEqual([]);
    await invited.page.getByLabel('Password').fill('a long enough passphrase');
    await invited.page.getByRole('button', { name: 'Create my account' }).click();
    await invited.page.waitForURL('**/account');
    await invited.page.getByRole('heading', { name: 'Welcome, Test Partner' }).waitFor();
    // A partner sees no secretariat screens.
    expect(await invited.page.getByRole('link', { name: 'Secretariat' }).count()).toBe(0);

    expect(errors).toEqual([]);
    expect(invited.errors).toEqual([]);
    await invited.context.close();
    await context.close();
  }, 90_000);

  it('the secretariat publishes a submitted document (returned once, corrected, resubmitted)', async () => {
    const title = 'Portability of social security for migrant workers';
    const member = await newPage();
    await signIn(member.page, suite.server.member.email);
    await member.page.getByLabel('File').setInputFiles({
      name: 'portability.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf(`${title}: a study of the Cambodia to Thailand corridor.`),
    });
    await member.page.getByLabel('Title').fill(title);
    await member.page.getByLabel('Type').selectOption('research');
    await member.page.getByLabel('Date', { exact: true }).fill('2026-03');
    await member.page.getByLabel('Thailand').check();
    await member.page.getByLabel('Cambodia').check();
    await member.page.getByRole('button', { name: 'Submit the document' }).click();
    await member.page.getByText(`“${title}” was received: waiting for the secretariat.`).waitFor();
    const mine = member.page.getByTestId('my-submissions');
    await mine.getByText('Waiting for the secretariat').waitFor();

    const secretariat = await newPage();
    await signIn(secretariat.page, suite.server.secretariat.email, true);
    const item = secretariat.page.getByTestId('moderation-item').filter({ hasText: title });
    await item.waitFor();
    expect(await seriousViolations(secretariat.page)).toEqual([]);
    await secretariat.page.screenshot({
      path: join(ARTIFACTS, 'caucus-moderation.png'),
      fullPage: true,
    });
    // Returning needs a comment: the page says so before asking the server.
    await item.getByRole('button', { name: 'Return for changes' }).click();
    await item.getByText('Write a comment to say what to change or why.').waitFor();
    await item.getByLabel('Comment to the submitter').fill('Please name the source.');
    await item.getByRole('button', { name: 'Return for changes' }).click();
    await item.waitFor({ state: 'detached' });

    await member.page.reload();
    await mine.getByText('Returned for changes').waitFor();
    await mine.getByText('Please name the source.').waitFor();
    await mine.getByRole('button', { name: 'Correct and send again' }).click();
    await mine.getByLabel('Source').fill('Test research institute');
    await mine.getByRole('button', { name: 'Send it again' }).click();
    await mine.getByText('Waiting for the secretariat').waitFor();

    await secretariat.page.reload();
    await item.getByRole('button', { name: 'Publish' }).click();
    await item.waitFor({ state: 'detached' });

    // Published: on the public library, and found by a search with the word marked.
    const visitor = await newPage({ width: 360, height: 740 });
    await visitor.page.goto(`${suite.server.url}/caucus/documents`);
    await visitor.page.getByRole('link', { name: title }).waitFor();
    await visitor.page.getByLabel('Search the documents').fill('portability');
    await visitor.page.getByRole('button', { name: 'Search', exact: true }).click();
    await visitor.page.locator('.snippet mark').first().waitFor();
    expect((await visitor.page.locator('.snippet mark').first().textContent())?.toLowerCase()).toBe(
      'portability',
    );
    expect(await seriousViolations(visitor.page)).toEqual([]);
    expect(await documentWidth(visitor.page)).toBeLessThanOrEqual(360);
    await visitor.page.screenshot({
      path: join(ARTIFACTS, 'caucus-documents-search-phone.png'),
      fullPage: true,
    });

    await member.page.reload();
    await mine.getByText('Published').waitFor();
    for (const p of [member, secretariat, visitor]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 120_000);

  // Thai and Khmer with the real records: the caucus's words are translated, and countries are
  // named in the language's script from the app's own CLDR tables (Debian's Chromium has no Khmer
  // region names), on a caucus page and in the caucus's records on a corridor page.
  for (const [locale, script, members, thailand, khTh, bills] of [
    [
      'th',
      /[\u0E00-\u0E7F]/,
      'สมาชิกและภาคี',
      'ไทย',
      'กัมพูชา → ไทย',
      'ร่างกฎหมายที่อยู่ในรัฐสภาของทั้งสองประเทศ',
    ],
    [
      'km',
      /[\u1780-\u17FF]/,
      'សមាជិក និងដៃគូ',
      'ថៃ',
      'កម្ពុជា → ថៃ',
      'សេចក្ដីព្រាងច្បាប់នៅចំពោះមុខសភានៃប្រទេសណាមួយ',
    ],
  ] as const)
    it(`in ${locale}: the members and a corridor's caucus records, countries in its script`, async () => {
      const { context, page, errors } = await newPage({ width: 390, height: 844 });
      await page.goto(`${suite.server.url}/caucus/members?lang=${locale}`);
      await page.getByRole('heading', { level: 1, name: members }).waitFor();
      expect(script.test((await page.locator('.lead').first().textContent()) ?? '')).toBe(true);
      // The synthetic legislator sits for Thailand (ocd-division/country:th).
      const legislator = page.locator('.card').filter({ hasText: 'Hon. Test Legislator' });
      await expect.poll(() => legislator.locator('.muted').textContent()).toBe(thailand);
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, `caucus-members-${locale}.png`) });

      await page.goto(`${suite.server.url}/corridors/kh/th?lang=${locale}`);
      await page.getByRole('heading', { level: 1, name: khTh }).waitFor();
      const workspace = page.getByTestId('corridor-workspace');
      await workspace.getByRole('heading', { level: 3, name: bills }).waitFor();
      // The records themselves are data, in English: the founding report's Phnom Penh programme.
      await workspace
        .getByRole('link', { name: /Phnom Penh/ })
        .first()
        .waitFor();
      const title = await workspace.getByRole('heading', { level: 2 }).first().textContent();
      expect(script.test(title ?? ''), title ?? '').toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await documentWidth(page)).toBeLessThanOrEqual(390);
      await workspace.screenshot({ path: join(ARTIFACTS, `corridor-workspace-${locale}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    }, 90_000);

  it('the public pages on a phone: the checker stays the landing page; no sideways scroll; accessible', async () => {
    const { context, page, errors } = await newPage({ width: 360, height: 740 });
    await page.goto(suite.server.url);
    // A worker on a phone lands on the checker; the caucus is one link in the menu.
    await page.locator('#nationality').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'The caucus' })
      .click();
    await page.getByRole('heading', { name: 'About the caucus' }).waitFor();
    await page
      .getByText(/members? of parliament endorses? this/)
      .first()
      .waitFor();
    for (const [path, heading] of [
      ['/caucus', 'About the caucus'],
      [`/caucus/texts/${RESOLUTION}`, RESOLUTION_TITLE],
      ['/caucus/programmes', 'Programmes'],
      ['/caucus/programmes/phnom_penh_2011', '5th Inter-Parliamentary Caucus on Labour Migration'],
      ['/caucus/members', 'Members and partners'],
      ['/caucus/commitments', 'Commitments'],
      ['/caucus/documents', 'Documents'],
      ['/sign-in', 'Sign in'],
    ] as const) {
      await page.goto(`${suite.server.url}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // A page may load several parts at once, each with its own status line.
      await expect
        .poll(() => page.locator('[role="status"]').filter({ hasText: 'Loading' }).count(), {
          timeout: 30_000,
        })
        .toBe(0);
      expect(await seriousViolations(page), path).toEqual([]);
      expect(await documentWidth(page), path).toBeLessThanOrEqual(360);
      await page.screenshot({
        path: join(ARTIFACTS, `caucus-phone${path.replace(/[^a-z0-9]+/gi, '-')}.png`),
        fullPage: true,
      });
    }
    // A corridor page joins the law (in the browser) to the caucus's records (from the server):
    // the founding report names both Cambodia and Thailand.
    await page.goto(`${suite.server.url}/corridors/kh/th`);
    const workspace = page.getByTestId('corridor-workspace');
    await workspace
      .getByRole('link', { name: /Phnom Penh/ })
      .first()
      .waitFor();
    expect(await workspace.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Bills before either parliament',
      'Commitments of either country',
      'Documents',
      'Exchange visits between the two',
    ]);
    // A document's type and date go through the messages and the locale's date formats.
    expect(await workspace.locator('li', { hasText: /narrative report/ }).textContent()).toMatch(
      /\(Report, September 2011\)$/,
    );
    expect(await documentWidth(page), '/corridors/kh/th').toBeLessThanOrEqual(360);
    expect(await seriousViolations(page), '/corridors/kh/th').toEqual([]);
    // The secretariat's screens tell a visitor they are not for them, and show nothing else.
    await page.goto(`${suite.server.url}/secretariat/invitations`);
    await page.getByText('These screens are for the secretariat.').waitFor();
    expect(await page.getByRole('button', { name: 'Create the link' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
  it('a member records a bill and its actions on a phone; the secretariat sees it and publishes it', async () => {
    const title = 'Migrant Workers Social Security Portability Bill';
    const publicBills = async () => (await fetch(`${suite.server.url}/api/bills?limit=500`)).text();
    const member = await newPage({ width: 360, height: 740 });
    const { page } = member;
    await signIn(page, suite.server.member.email);
    await page.getByRole('link', { name: 'My activities' }).click();
    await page.waitForURL('**/account/activities');
    await page.getByRole('heading', { name: 'My activities', level: 1 }).waitFor();
    await page.getByText('No bills recorded yet.').waitFor();

    // Sent empty, the form shows the API's errors next to the fields they name.
    await page.getByRole('button', { name: 'Record a bill' }).click();
    await page.getByRole('button', { name: 'Save the bill' }).click();
    await page.getByRole('alert').waitFor();
    await page.locator('#bill-identifier-error').waitFor();
    await page.locator('#bill-parliament-error').waitFor();
    expect(await page.getByLabel('Bill number').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Parliament').selectOption('th_national_assembly');
    await page.getByLabel('Bill number').fill('HB 360');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Summary').fill('Carries insured periods home to the country of origin.');
    await page.getByLabel('Action').selectOption('introduced');
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-02-01');
    await page.getByRole('button', { name: 'Save the bill' }).click();
    await page.getByRole('status').getByText(`Recorded: ${title}`).waitFor();
    const card = page.getByTestId('my-bills').locator('li', { hasText: 'HB 360' });
    // The first tag is the bill's status, the second its visibility.
    const tags = card.locator('p > .tag');
    await expect.poll(() => tags.allTextContents()).toEqual(['Introduced', 'Caucus only']);

    // A second action: the bill's status becomes the latest.
    await card.getByText('Add an action to HB 360').click();
    await card.getByLabel('Action').selectOption('referred_to_committee');
    await card.getByLabel('Date').fill('2026-03-15');
    await card.getByRole('button', { name: 'Add the action' }).click();
    await expect
      .poll(() => tags.allTextContents())
      .toEqual(['Referred to committee', 'Caucus only']);
    await card.getByText(/last action: Referred to committee/).waitFor();
    // The page's own address loads it again (the server serves the app there too).
    await page.reload();
    await card.getByText(/last action: Referred to committee/).waitFor();
    expect(await documentWidth(page)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'caucus-activities.png'), fullPage: true });
    // Kept to the caucus: the public does not see it.
    expect(await publicBills()).not.toContain(title);

    const secretariat = await newPage();
    await signIn(secretariat.page, suite.server.secretariat.email, true);
    await secretariat.page.getByRole('link', { name: "Members' activities" }).click();
    await secretariat.page
      .getByRole('heading', { name: "Members' activities", level: 1 })
      .waitFor();
    const listed = secretariat.page
      .getByTestId('members-bills')
      .locator('li', { hasText: 'HB 360' });
    await listed.getByText(/Recorded by Test Legislator \(member\)/).waitFor();
    expect(await listed.locator('p > .tag').allTextContents()).toEqual([
      'Referred to committee',
      'Caucus only',
    ]);
    expect(await seriousViolations(secretariat.page)).toEqual([]);
    await listed.getByRole('button', { name: `Publish “${title}”` }).click();
    await listed.getByText('Published.').waitFor();
    expect(await publicBills()).toContain(title);
    await secretariat.page.screenshot({
      path: join(ARTIFACTS, 'caucus-secretariat-activities.png'),
      fullPage: true,
    });

    expect(member.errors).toEqual([]);
    expect(secretariat.errors).toEqual([]);
    await member.context.close();
    await secretariat.context.close();
  }, 120_000);
});
