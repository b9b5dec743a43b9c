// Browser tests of the caucus's record forms against the real server (the API over a seeded SQLite
// store, serving a fresh production build) and Debian's Chromium, on a 390 px phone: a member
// edits an unpublished bill and its co-sponsors, and is told why an edit is refused once the bill
// is published; the secretariat records a bodies' meeting, a collaboration and a national caucus
// with a change of status and a member, publishes them, and the public sees them on the caucus's
// activities page. Invalid submissions show the API's error at the field it names; axe-core finds
// no serious violation on the forms. Skipped, saying why, where /usr/bin/chromium is absent.
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
import { errorUnder, loaded, signIn as signInAs, startCaucusServer } from './caucus-server.ts';

// Its own build folder: the other browser test files build in parallel.
const DIST = join(ARTIFACTS, 'dist-caucus-forms');
if (!hasChromium) console.warn(chromiumMissing('caucus forms'));

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('the caucus record forms in Chromium', () => {
  const suite = servedInChromium(DIST, startCaucusServer);

  // The server's CSP refuses inline scripts, and axe-core is injected as one. Only uncaught page
  // errors count here, not console errors (a refused request logs one).
  const newPage = (options: { width?: number; height?: number } = {}) =>
    openPage(suite.browser, { ...options, bypassCSP: true, consoleErrors: false });

  const signIn = (page: Page, email: string, asSecretariat = false) =>
    signInAs(page, suite.server, email, asSecretariat);

  const publicJson = async (path: string) => (await fetch(`${suite.server.url}${path}`)).text();

  it('a member edits an unpublished bill and its co-sponsors; once published, the page says the secretariat changes it', async () => {
    const title = 'Portable Social Security for Migrant Workers Bill';
    const member = await newPage(PHONE);
    const { page } = member;
    await signIn(page, suite.server.member.email);
    await page.goto(`${suite.server.url}/account/activities`);
    await page.getByRole('heading', { name: 'My activities', level: 1 }).waitFor();
    await loaded(page);

    await page.getByRole('button', { name: 'Record a bill' }).click();
    await page.getByLabel('Parliament').selectOption('th_national_assembly');
    await page.getByLabel('Bill number').fill('HB 390');
    await page.getByLabel('Title').fill('A first title');
    await page.getByRole('button', { name: 'Save the bill' }).click();
    await page.getByRole('status').getByText('Recorded: A first title').waitFor();
    const card = page.getByTestId('my-bills').locator('li', { hasText: 'HB 390' });
    const billId = ((await card.getAttribute('data-testid')) ?? '').replace(/^bill-/, '');
    expect(billId).not.toBe('');

    // Editing: a title emptied is the API's error, under the title; then a real change.
    await card.getByText('Edit HB 390').click();
    const edit = card
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Save the changes' }) });
    await edit.getByLabel('Title').fill('');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await edit.getByRole('alert').waitFor();
    expect(await errorUnder(edit.getByLabel('Title'))).toBe('must not be empty');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'forms-bill-edit-error.png'), fullPage: true });

    await edit.getByLabel('Title').fill(title);
    await edit.getByLabel('Summary').fill('Carries insured periods home.');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await edit.getByRole('status').getByText('Saved.').waitFor();
    await card.getByRole('heading', { name: `HB 390 · ${title}` }).waitFor();
    // Saved again unchanged, nothing is sent: the page says so.
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await edit
      .getByRole('status')
      .getByText('Nothing was changed, so nothing was saved.')
      .waitFor();

    // Co-sponsors: the member is the sponsor; sent with no one chosen, the API names the field.
    const sponsors = page.getByTestId(`sponsors-${billId}`);
    await expect
      .poll(() => sponsors.locator('li').allTextContents())
      .toEqual(['Hon. Test Legislator Sponsor']);
    await sponsors.getByRole('button', { name: 'Add the co-sponsor' }).click();
    expect(await errorUnder(sponsors.getByLabel('Add a co-sponsor'))).not.toBe('');
    await sponsors.getByLabel('Add a co-sponsor').selectOption({ label: 'Charles Santiago' });
    await sponsors.getByRole('button', { name: 'Add the co-sponsor' }).click();
    await sponsors.getByText('Charles Santiago', { exact: true }).waitFor();
    await sponsors.getByLabel('Add a co-sponsor').selectOption({ label: 'Wahyu Susilo' });
    await sponsors.getByRole('button', { name: 'Add the co-sponsor' }).click();
    await sponsors.getByText('Wahyu Susilo', { exact: true }).waitFor();
    await sponsors.getByRole('button', { name: 'Remove Wahyu Susilo' }).click();
    await expect
      .poll(() => sponsors.locator('li').allTextContents())
      .toEqual([
        'Hon. Test Legislator Sponsor',
        'Charles Santiago Co-sponsorRemove Charles Santiago',
      ]);
    // The server has them too.
    const bill = (await (
      await page.request.get(`${suite.server.url}/api/bills/${billId}`)
    ).json()) as { title: string; sponsors: { person_id: string; classification: string }[] };
    expect(bill.title).toBe(title);
    expect(bill.sponsors).toEqual([
      { person_id: suite.server.member.personId, classification: 'primary' },
      { person_id: 'charles_santiago', classification: 'cosponsor' },
    ]);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'forms-bill-sponsors.png'), fullPage: true });
    await card.screenshot({ path: join(ARTIFACTS, 'forms-bill-card.png') });

    // A visit is edited the same way: its places, one a line.
    await page.getByRole('button', { name: 'Record a visit' }).click();
    await page.locator('#visit-title').fill('Study tour of the Bangkok one-stop service centre');
    await page.locator('#visit-host').selectOption('TH');
    await page.getByRole('checkbox', { name: 'Cambodia' }).check();
    await page.getByRole('button', { name: 'Save the visit' }).click();
    const visit = page.getByTestId('my-visits').locator('li', { hasText: 'one-stop service' });
    await visit.getByText('Edit Study tour of the Bangkok one-stop service centre').click();
    await visit.getByLabel('Places visited').fill('One-stop service centre\nMinistry of Labour');
    await visit.getByRole('button', { name: 'Save the changes' }).click();
    await visit.getByRole('status').getByText('Saved.').waitFor();
    const mine = (await (
      await page.request.get(`${suite.server.url}/api/activities/mine`)
    ).json()) as { visits: { title: string; sites: { name: string }[] }[] };
    expect(mine.visits.find((v) => v.title.includes('one-stop'))?.sites).toEqual([
      { name: 'One-stop service centre' },
      { name: 'Ministry of Labour' },
    ]);

    // The secretariat publishes the bill while the member's form is open (straight in the store,
    // as its own screen does through the API): the member's next change is refused, and says why.
    await suite.server.store.repos.records.update('bills', billId, { visibility: 'public' });
    await edit.getByLabel('Summary').fill('A change after publication.');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    const refused = edit.getByRole('alert');
    await refused.getByText('Your role does not allow this.').waitFor();
    await refused.getByText(/the secretariat has published this bill/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'forms-bill-refused.png'), fullPage: true });
    // Loaded again, a published bill offers no edit and no co-sponsor form; actions stay open.
    await page.reload();
    await card
      .getByText('Published by the secretariat: only the secretariat changes it now.')
      .waitFor();
    expect(await card.getByText('Edit HB 390').count()).toBe(0);
    expect(await sponsors.getByRole('button').count()).toBe(0);
    await card.getByText('Add an action to HB 390').waitFor();
    expect(await publicJson('/api/bills?limit=500')).toContain(title);

    expect(member.errors).toEqual([]);
    await member.context.close();
  }, 120_000);

  it('the secretariat records a meeting, a collaboration and a national caucus, publishes them, and the public sees them', async () => {
    const meeting = 'AIPA Committee on Social Matters, caucus briefing 2026';
    const caucusName = 'Parliamentary Caucus on Labour Migration of Thailand';
    const collaboration = 'Joint review of portability with SNTUC';
    const secretariat = await newPage(PHONE);
    const { page } = secretariat;
    await signIn(page, suite.server.secretariat.email, true);

    // Bodies' meetings: sent empty, the API's errors show under the fields they name.
    await page.goto(`${suite.server.url}/secretariat/meetings`);
    await page.getByRole('heading', { name: "Bodies' meetings", level: 1 }).waitFor();
    await loaded(page);
    const newMeeting = page.getByTestId('meeting-new-form');
    await newMeeting.getByRole('button', { name: 'Record the meeting' }).click();
    await newMeeting.getByRole('alert').waitFor();
    expect(await errorUnder(newMeeting.getByLabel('Body'))).not.toBe('');
    expect(await errorUnder(newMeeting.getByLabel('Title'))).toBe('must not be empty');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'forms-meeting-error.png'), fullPage: true });
    // A date the API does not take is named too.
    await newMeeting
      .getByLabel('Body')
      .selectOption({ label: 'ASEAN Inter-Parliamentary Assembly' });
    await newMeeting.getByLabel('Title').fill(meeting);
    await newMeeting.getByLabel('Start date').fill('12 Sept 2026');
    await newMeeting.getByRole('button', { name: 'Record the meeting' }).click();
    expect(await errorUnder(newMeeting.getByLabel('Start date'))).toBe(
      'must be YYYY, YYYY-MM or YYYY-MM-DD',
    );
    await newMeeting.getByLabel('Start date').fill('2026-09-12');
    await newMeeting.getByLabel('Place').fill('Kuala Lumpur, Malaysia');
    await newMeeting.getByLabel('Who may see it').selectOption('caucus');
    await newMeeting.getByRole('button', { name: 'Record the meeting' }).click();
    await newMeeting.getByRole('status').getByText('Saved.').waitFor();
    const listed = page.getByTestId('meetings').locator('li', { hasText: meeting });
    await listed.locator('.tag', { hasText: 'Caucus only' }).waitFor();
    expect(await publicJson('/api/body-events?limit=500')).not.toContain(meeting);
    // Changed, then published.
    await listed.getByText(`Edit ${meeting}`).click();
    await listed.getByLabel('End date').fill('2026-09-13');
    await listed.getByRole('button', { name: 'Save' }).click();
    await listed.getByRole('status').getByText('Saved.').waitFor();
    await listed.getByRole('button', { name: `Publish “${meeting}”` }).click();
    await listed.getByText('Published.').waitFor();
    expect(await publicJson('/api/body-events?limit=500')).toContain('2026-09-13');
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);

    // A collaboration: the API refuses an organisation that is neither a CSO nor a trade union.
    await page.getByRole('link', { name: 'Collaborations' }).click();
    await page.getByRole('heading', { name: 'Collaborations', level: 1 }).waitFor();
    await loaded(page);
    const form = page.locator('form').first();
    await form.getByLabel('CSO or trade union').selectOption('sntuc');
    await form.getByLabel('Area for action').selectOption('cso_trade_union_collaboration');
    await form.getByLabel('Title').fill(collaboration);
    await form.getByLabel('Who may see it').selectOption('secretariat');
    await form.getByLabel('End date').fill('2025');
    await form.getByLabel('Start date').fill('2026-02');
    await form.getByRole('button', { name: 'Record the collaboration' }).click();
    expect(await errorUnder(form.getByLabel('End date'))).toBe('is before start_date (2026-02)');
    await form.getByLabel('End date').fill('');
    await form.getByRole('button', { name: 'Record the collaboration' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    await page.getByTestId('collaborations').locator('li', { hasText: collaboration }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'forms-collaborations.png'), fullPage: true });

    // A national caucus, kept to the caucus while it is an informal group.
    await page.getByRole('link', { name: 'National caucuses' }).click();
    await page.getByRole('heading', { name: 'National caucuses', level: 1 }).waitFor();
    await loaded(page);
    await page.getByRole('button', { name: 'Record the national caucus' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await errorUnder(page.locator('#nc-new-country'))).not.toBe('');
    expect(await errorUnder(page.locator('#nc-new-parliament'))).not.toBe('');
    expect(await errorUnder(page.locator('#nc-new-name'))).toBe('must not be empty');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'forms-caucus-error.png'), fullPage: true });
    await page.locator('#nc-new-country').selectOption('TH');
    // Only Thailand's parliaments are offered once the country is chosen.
    expect(await page.locator('#nc-new-parliament option').allTextContents()).toEqual([
      'None',
      'National Assembly of Thailand',
    ]);
    await page.locator('#nc-new-parliament').selectOption('th_national_assembly');
    await page.locator('#nc-new-name').fill(caucusName);
    await page.locator('#nc-new-status').selectOption('informal_group');
    await page.locator('#nc-new-status-date').fill('2026-01');
    await page.locator('#nc-new-visibility').selectOption('caucus');
    await page.getByRole('button', { name: 'Record the national caucus' }).click();
    const caucus = page.getByTestId('national-caucuses').locator('li', { hasText: caucusName });
    await caucus.getByText('Informal group').first().waitFor();
    expect(await publicJson('/api/national-caucuses')).not.toContain(caucusName);

    // It becomes a formal caucus: a change of status seen by everyone, and a member.
    await caucus.getByText(`Record a change of status of ${caucusName}`).click();
    const change = caucus
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Record the change' }) });
    await change.getByLabel('Status', { exact: true }).selectOption('formal_caucus');
    await change.getByRole('button', { name: 'Record the change' }).click();
    expect(await errorUnder(change.getByLabel('Date of this status'))).not.toBe('');
    await change.getByLabel('Date of this status').fill('2026-06-15');
    await change.getByLabel('Note').fill('Constituted by a resolution of the House.');
    await change.getByLabel('Who may see it').selectOption('public');
    await change.getByRole('button', { name: 'Record the change' }).click();
    await change.getByRole('status').getByText('Saved.').waitFor();
    await expect
      .poll(() => caucus.locator('.status-history li').allTextContents())
      .toEqual([
        'Informal group January 2026',
        'Formal caucus June 15, 2026 · Constituted by a resolution of the House.',
      ]);
    await caucus.getByText(`Members of ${caucusName}`).click();
    await caucus.getByText('No members recorded yet.').waitFor();
    const membership = caucus
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Add a member' }) });
    await membership.getByLabel('Person').selectOption({ label: 'Hon. Test Legislator' });
    await membership.getByLabel('Role').selectOption('chair');
    await membership.getByLabel('Who may see it').selectOption('public');
    await membership.getByRole('button', { name: 'Add a member' }).click();
    await caucus.getByText(/Hon\. Test Legislator · Chair/).waitFor();
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'forms-national-caucus.png'), fullPage: true });
    await caucus.screenshot({ path: join(ARTIFACTS, 'forms-national-caucus-card.png') });
    await caucus.getByRole('button', { name: `Publish “${caucusName}”` }).click();
    await caucus.getByText('Published.').waitFor();

    // The public sees the meeting and the caucus (with the change of status it may see) on the
    // caucus's activities page; not the collaboration kept to the secretariat.
    const visitor = await newPage(PHONE);
    await visitor.page.goto(`${suite.server.url}/caucus`);
    await visitor.page.getByRole('link', { name: 'Activities' }).click();
    await visitor.page
      .getByRole('heading', { name: "The caucus's activities", level: 1 })
      .waitFor();
    await loaded(visitor.page);
    const publicCaucus = visitor.page
      .getByTestId('public-national-caucuses')
      .locator('li', { hasText: caucusName });
    await publicCaucus.getByText('Formal caucus').first().waitFor();
    expect(await publicCaucus.locator('.status-history li').allTextContents()).toEqual([
      'Formal caucus June 15, 2026 · Constituted by a resolution of the House.',
    ]);
    await publicCaucus.getByText(`Members of ${caucusName}`).click();
    await publicCaucus.getByText(/Hon\. Test Legislator · Chair/).waitFor();
    const publicMeeting = visitor.page
      .getByTestId('public-meetings')
      .locator('li', { hasText: meeting });
    await publicMeeting
      .getByText(/September 12, 2026 – September 13, 2026 · Kuala Lumpur, Malaysia/)
      .waitFor();
    expect(await visitor.page.getByText(collaboration).count()).toBe(0);
    expect(await documentWidth(visitor.page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(visitor.page)).toEqual([]);
    await publicCaucus.screenshot({ path: join(ARTIFACTS, 'forms-public-caucus.png') });
    await publicMeeting.screenshot({ path: join(ARTIFACTS, 'forms-public-meeting.png') });
    await visitor.page.screenshot({ path: join(ARTIFACTS, 'forms-public-activities-top.png') });
    await visitor.page.screenshot({
      path: join(ARTIFACTS, 'forms-public-activities.png'),
      fullPage: true,
    });

    // In Thai: the page's words translated, the record's own words in English, no raw key.
    await visitor.page.goto(`${suite.server.url}/caucus/activities?lang=th`);
    await visitor.page.getByRole('heading', { name: 'กิจกรรมของคณะทำงาน', level: 1 }).waitFor();
    await loaded(visitor.page);
    await publicCaucus.getByText('คณะทำงานที่เป็นทางการ').first().waitFor();
    expect(await visitor.page.locator('main').textContent()).not.toMatch(/caucus\.[a-z]/);
    expect(await documentWidth(visitor.page)).toBeLessThanOrEqual(390);
    await publicCaucus.screenshot({ path: join(ARTIFACTS, 'forms-public-caucus-th.png') });

    expect(secretariat.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await secretariat.context.close();
    await visitor.context.close();
  }, 180_000);
});
