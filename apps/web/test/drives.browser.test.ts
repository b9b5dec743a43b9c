// Browser tests of the secretariat's endorsement drives and follow-ups against the real server
// (the API over a seeded SQLite store, serving a fresh production build) and Debian's Chromium,
// on a 390 px phone: a drive sends links only to the founding report's sitting MPs and lists the
// others with the reason; a second drive for the same text sends no second link; the drives list
// tells drives apart by text and counts; the report's next steps, undated, get a due date and then
// appear as due; a new follow-up on a commitment is added; invalid input shows the API's error at
// the field it names; axe-core finds no serious violation. A founding text says when it was
// adopted. Skipped, saying why, where /usr/bin/chromium is absent.
import { join } from 'node:path';
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
import { errorUnder, loaded, signIn, startCaucusServer } from './caucus-server.ts';

const DIST = join(ARTIFACTS, 'dist-drives');
if (!hasChromium) console.warn(chromiumMissing('drives and follow-ups'));

const PHONE = { width: 390, height: 844 };
const RESOLUTION =
  'Resolution to establish the Asian Inter-Parliamentary Caucus on Labour Migration';
const RESOLUTION_TITLE = /Resolution to establish the Asian Inter-Parliamentary Caucus/;
const PHNOM_PENH = '5th Inter-Parliamentary Caucus on Labour Migration';

describe.skipIf(!hasChromium)('drives and follow-ups in Chromium', () => {
  const suite = servedInChromium(DIST, startCaucusServer);
  const newPage = () =>
    openPage(suite.browser, { ...PHONE, bypassCSP: true, consoleErrors: false });

  it('a drive reaches only sitting MPs; a second one sends no second link; follow-ups get due dates', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, suite.server, suite.server.secretariat.email, true);

    // Drives: a drive without a text is refused at the field.
    await page.goto(`${suite.server.url}/secretariat/drives`);
    await loaded(page);
    await page.getByLabel(PHNOM_PENH).check();
    await page.getByRole('button', { name: 'Open the drive' }).click();
    expect(await errorUnder(page.getByLabel('Text to endorse'))).not.toBe('');

    await page.getByLabel('Text to endorse').selectOption({ label: RESOLUTION });
    await page.getByRole('button', { name: 'Open the drive' }).click();
    const created = page.getByTestId('drive-created');
    await created.getByText(/The drive is open, with \d+ links\./).waitFor();
    expect(
      await created
        .locator('.link-list strong')
        .filter({ hasText: /^Charles Santiago$/ })
        .count(),
    ).toBe(1);
    const skipped = created.getByTestId('not-invited');
    await skipped.getByText(/Andy Hall.*holds no seat in a parliament/).waitFor();
    await skipped.getByText(/William Gois.*holds no seat in a parliament/).waitFor();
    expect(await created.getByTestId('one-time-link').count()).toBeGreaterThanOrEqual(5);
    expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'drives-created-phone.png'), fullPage: true });

    // A second drive for the same text: the first links still work, so none is sent again.
    await page.getByRole('button', { name: 'Open the drive' }).click();
    await created.getByText(/sent no link/).waitFor();
    await skipped.getByText(/Charles Santiago.*earlier drive for this text works until/).waitFor();
    expect(await created.getByTestId('one-time-link').count()).toBe(0);

    // The list tells the two apart: the text, and how many each reached.
    const drives = page.getByTestId('drives').locator('li.card');
    await expect.poll(() => drives.count()).toBe(2);
    await drives.first().getByText(RESOLUTION_TITLE).waitFor();
    await drives
      .first()
      .getByText(/0 links, 0 endorsed/)
      .waitFor();
    await drives
      .nth(1)
      .getByText(/[1-9]\d* links, 0 endorsed/)
      .waitFor();
    await drives.nth(1).locator('summary').click();
    await drives
      .nth(1)
      .getByText(/Not invited: holds no seat/)
      .first()
      .waitFor();
    expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'drives-list-phone.png'), fullPage: true });

    // Follow-ups: the report's six next steps have no due date, so none is due yet.
    await page.goto(`${suite.server.url}/secretariat/follow-ups`);
    await loaded(page);
    await page.getByText('No open follow-up is due by then.').waitFor();
    const undated = page.getByTestId('follow-ups-undated').locator('li.card');
    await expect.poll(() => undated.count()).toBe(6);
    const first = undated.filter({
      hasText: /MFA to circulate the resolution among various agencies/,
    });
    await first.locator('summary').click();
    const due = first.getByLabel('Due date');
    await due.fill('next week');
    await first.getByRole('button', { name: 'Save' }).click();
    expect(await errorUnder(due)).not.toBe('');
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await due.fill(soon);
    await first.getByRole('button', { name: 'Save' }).click();
    const dueList = page.getByTestId('follow-ups-due');
    await dueList.getByText(/MFA to circulate the resolution among various agencies/).waitFor();
    await expect.poll(() => undated.count()).toBe(5);

    // A new follow-up on a commitment: the title is required, then it is due.
    await page.getByRole('button', { name: 'Add the follow-up' }).click();
    expect(await errorUnder(page.getByLabel('Title', { exact: true }))).not.toBe('');
    const commitment = page.getByLabel('Commitment', { exact: true });
    const firstCommitment = await commitment.locator('option').nth(1).getAttribute('value');
    await commitment.selectOption(firstCommitment ?? '');
    await page
      .getByLabel('Title', { exact: true })
      .fill('Ask each national parliament for progress');
    await page
      .getByLabel(/^Due date/)
      .last()
      .fill(soon);
    await page.getByRole('button', { name: 'Add the follow-up' }).click();
    await page.getByText('The follow-up was added.').waitFor();
    await dueList.getByText('Ask each national parliament for progress').waitFor();
    expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'follow-ups-phone.png'), fullPage: true });

    // Marked done, it leaves the list of those due.
    const added = dueList.locator('li.card').filter({ hasText: 'Ask each national parliament' });
    await added.locator('summary').click();
    await added.getByLabel('Status').selectOption('done');
    await added.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => added.count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a founding text says when and by whom it was adopted, and that the count is Tulay’s', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${suite.server.url}/caucus/texts/resolution_caucus_2011`);
    const note = page.getByTestId('adoption');
    await note.getByText(/Adopted September 2011 at 5th Inter-Parliamentary Caucus/).waitFor();
    await note.getByText(/enthusiastically supported by all MP participants/).waitFor();
    await note.getByText(/endorsements made on Tulay/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${suite.server.url}/caucus/texts/statement_cambodia_aipa_2011`);
    await page
      .getByTestId('adoption')
      .getByText(/Endorsed by the caucus/)
      .waitFor();
    expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
