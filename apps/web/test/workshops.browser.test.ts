// Browser tests of the strategy workshops against the real server (the API over a seeded SQLite
// store, serving a fresh production build) and Debian's Chromium, on a 390 px phone: the public
// reads the founding report's workshop (its matrix stacked per group, its five areas for action);
// the secretariat sets up a workshop with two groups, a question, answers and priorities and opens
// it for picking; a member is refused while not a participant, then picks and ranks three; the
// secretariat enters a participant's picks, condenses the priorities into areas for action and
// closes it; the member's late change is refused; the results show the counts. Invalid
// submissions show the API's error at the field it names; one page in Thai; axe-core finds no
// serious violation. Skipped, saying why, where /usr/bin/chromium is absent.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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
const DIST = join(ARTIFACTS, 'dist-workshops');
if (!hasChromium) console.warn(chromiumMissing('workshops'));

const PHONE = { width: 390, height: 844 };
const PROGRAMME = 'test_dialogue_2026';
const FOUNDING_AREAS = [
  'Parliamentarian Exchange Visits / Study Tours',
  'Form National Parliamentary Caucuses/Committees on Labour Migration',
  'Further Engagement of Appropriate Bodies',
  'CSO/Trade Union Collaboration',
  'Put forward legislation that ensures social protection of migrant workers and migrant domestic workers',
];

describe.skipIf(!hasChromium)('strategy workshops in Chromium', () => {
  const suite = servedInChromium(DIST, startCaucusServer);

  // The server's CSP refuses inline scripts, and axe-core is injected as one. Only uncaught page
  // errors count here, not console errors (a refused request logs one).
  const newPage = (options: { width?: number; height?: number } = {}) =>
    openPage(suite.browser, { ...options, bypassCSP: true, consoleErrors: false });

  const signIn = (page: Page, email: string, asSecretariat = false) =>
    signInAs(page, suite.server, email, asSecretariat);

  /** The error of a group of checkboxes (a fieldset), tied to it by aria-describedby. */
  async function errorOfGroup(group: Locator): Promise<string> {
    await expect.poll(() => group.getAttribute('aria-describedby')).toMatch(/-error/);
    const id = await group.getAttribute('id');
    return (
      (await group
        .page()
        .locator(`[id="${id ?? ''}-error"]`)
        .textContent()) ?? ''
    );
  }

  /** Waits for a record's words in a list of the secretariat's (not in the closed edit form's text area). */
  async function listed(list: Locator, text: string): Promise<void> {
    await list.locator('span[lang="en"]', { hasText: text }).first().waitFor();
  }

  /** What a visitor gets from the API at `path`. */
  const publicJson = async (path: string) => (await fetch(`${suite.server.url}${path}`)).text();

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `workshops-${name}.png`), fullPage: true });
  }

  /** A programme of 2026 with the test member and two seeded people as its participants. */
  async function programmeWithParticipants(withMember: boolean): Promise<void> {
    const { records } = suite.server.store.repos;
    const now = new Date().toISOString();
    const stamps = { visibility: 'public' as const, created_at: now, updated_at: now, extra: '{}' };
    if (!(await records.exists('programmes', PROGRAMME)))
      await records.insert('programmes', {
        id: PROGRAMME,
        name: 'Test dialogue on portability, 2026',
        classification: 'programme',
        series_number: null,
        start_date: '2026-03',
        end_date: null,
        city: null,
        area_id: null,
        description: null,
        organization_ids: '[]',
        ...stamps,
      });
    const people = withMember
      ? [suite.server.member.personId]
      : ['charles_santiago', 'wahyu_susilo'];
    for (const person of people)
      await records.insert('participants', {
        id: `${PROGRAMME}_${person}`,
        programme_id: PROGRAMME,
        person_id: person,
        role: 'participant',
        organization_id: null,
        ...stamps,
      });
  }

  it('the public reads the founding workshop: the matrix stacked per group, the five areas for action', async () => {
    const visitor = await newPage(PHONE);
    const { page } = visitor;
    // Reached from the caucus's activities page and from its programme's page.
    await page.goto(`${suite.server.url}/caucus/activities`);
    await loaded(page);
    await page
      .getByTestId('workshop-list')
      .getByRole('link', { name: 'Strategy Building' })
      .click();
    await page.getByRole('heading', { name: 'Strategy Building', level: 1 }).waitFor();
    await loaded(page);
    expect(page.url()).toBe(`${suite.server.url}/caucus/workshops/strategy_workshop_2011`);

    const matrix = page.getByTestId('workshop-matrix');
    for (const group of ['Group 1', 'Group 2', 'Group 3']) {
      const block = matrix.getByRole('region', { name: group });
      await block.waitFor();
      // Each group names the three questions of the report, and says no answer is recorded.
      await block.getByText(/^Question 1: What specific strategies/).waitFor();
      await block.getByText(/^Question 3: What should be the role of parliamentarians/).waitFor();
      expect(await block.getByText('No answer recorded.').count()).toBe(3);
    }
    // Stacked on a phone: each group's block is as wide as the page's column, one under the other.
    const boxes = await Promise.all(
      ['Group 1', 'Group 2'].map((g) => matrix.getByRole('region', { name: g }).boundingBox()),
    );
    expect(boxes[0]?.width).toBeGreaterThan(300);
    expect(boxes[1]?.y ?? 0).toBeGreaterThan((boxes[0]?.y ?? 0) + (boxes[0]?.height ?? 0) - 1);
    await page.getByText(/The appendix is not in our copy of the report/).waitFor();

    const areas = page.getByTestId('workshop-areas');
    expect(
      (await areas.getByRole('heading', { level: 3 }).allTextContents()).map((h) =>
        h.replace(/^\d+\. /, ''),
      ),
    ).toEqual(FOUNDING_AREAS);
    await page
      .getByTestId('workshop-tally')
      .getByText('What each participant picked was not recorded: the counts are unknown, not zero.')
      .waitFor();
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'founding-phone');

    await page.goto(`${suite.server.url}/caucus/programmes/phnom_penh_2011`);
    await page
      .getByTestId('workshop-list')
      .getByRole('link', { name: 'Strategy Building' })
      .click();
    await page.getByRole('heading', { name: 'Strategy Building', level: 1 }).waitFor();

    // On a wide screen the groups stand side by side as the matrix's columns.
    await page.setViewportSize({ width: 1280, height: 900 });
    await loaded(page);
    const wide = await Promise.all(
      ['Group 1', 'Group 2'].map((g) =>
        page.getByTestId('workshop-matrix').getByRole('region', { name: g }).boundingBox(),
      ),
    );
    expect(wide[1]?.x ?? 0).toBeGreaterThan((wide[0]?.x ?? 0) + 100);
    expect(wide[1]?.y).toBe(wide[0]?.y);
    await shot(page, 'founding-wide');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  }, 120_000);

  it('the secretariat runs a workshop, a participant picks and ranks three, and the results show the counts', async () => {
    await programmeWithParticipants(false);
    const title = 'Portability strategy workshop';
    const secretariat = await newPage(PHONE);
    const sec = secretariat.page;
    await signIn(sec, suite.server.secretariat.email, true);

    // Set up: sent without a title, the API's error shows under the title.
    await sec.goto(`${suite.server.url}/secretariat/workshops`);
    await sec.getByRole('heading', { name: 'Workshops', level: 1 }).waitFor();
    await loaded(sec);
    const setUp = sec.getByTestId('workshop-new-form');
    await setUp.getByLabel('Programme').selectOption(PROGRAMME);
    await setUp.getByRole('button', { name: 'Set up the workshop' }).click();
    await setUp.getByRole('alert').waitFor();
    expect(await errorUnder(setUp.getByLabel('Title'))).toBe('must not be empty');
    expect(await seriousViolations(sec)).toEqual([]);
    await shot(sec, 'setup-error');
    await setUp.getByLabel('Title').fill(title);
    await setUp.getByLabel('Date').fill('2026-03');
    await setUp.getByRole('button', { name: 'Set up the workshop' }).click();
    await sec.getByTestId('workshop-run').waitFor();
    await loaded(sec);
    const workshopId = sec.url().split('/').pop() ?? '';
    expect(workshopId).not.toBe('');

    // Two groups of the programme's participants; a participant already in one is refused for the other.
    const newGroup = sec.getByTestId('group-new-form');
    await newGroup.getByLabel('Name').fill('Group A');
    await newGroup.getByLabel('Charles Santiago').check();
    await newGroup.getByRole('button', { name: 'Add the group' }).click();
    await sec.getByTestId('sec-groups').getByText('Members: Charles Santiago').waitFor();
    await newGroup.getByLabel('Name').fill('Group B');
    await newGroup.getByLabel('Charles Santiago').check();
    await newGroup.getByRole('button', { name: 'Add the group' }).click();
    expect(await errorOfGroup(newGroup.getByRole('group', { name: 'Members' }))).toBe(
      '“Charles Santiago” is already in group Group A',
    );
    expect(await seriousViolations(sec)).toEqual([]);
    await shot(sec, 'group-error');
    await newGroup.getByLabel('Charles Santiago').uncheck();
    await newGroup.getByLabel('Wahyu Susilo').check();
    await newGroup.getByRole('button', { name: 'Add the group' }).click();
    await sec.getByTestId('sec-groups').getByText('Members: Wahyu Susilo').waitFor();

    // A question, each group's answer, and three priorities: two drawn from the answers, one written.
    const question = sec.getByTestId('question-new-form');
    await question.getByLabel('Question').fill('What should the caucus do first?');
    await question.getByRole('button', { name: 'Add the question' }).click();
    await listed(sec.getByTestId('sec-questions'), 'What should the caucus do first?');
    // A question changed: emptied, the API's error is under its field; then reworded.
    const questions = sec.getByTestId('sec-questions');
    await questions.getByText('Edit “Question 1”').click();
    const editQuestion = questions.locator('form');
    await editQuestion.getByLabel('Question').fill('');
    await editQuestion.getByRole('button', { name: 'Save' }).click();
    expect(await errorUnder(editQuestion.getByLabel('Question'))).toBe('must not be empty');
    await editQuestion
      .getByLabel('Question')
      .fill('What should the caucus do first, and with whom?');
    await editQuestion.getByRole('button', { name: 'Save' }).click();
    await listed(questions, 'What should the caucus do first, and with whom?');
    const answer = sec.getByTestId('answer-new-form');
    for (const [group, text] of [
      ['Group A', 'Exchange visits to the Gulf with MPs of both ends'],
      ['Group B', 'A bill carrying insured periods home'],
    ] as const) {
      await answer.getByLabel('Group').selectOption({ label: group });
      await answer.getByLabel('Question').selectOption({ index: 1 });
      await answer.getByLabel('The point').fill(text);
      await answer.getByRole('button', { name: 'Add the point' }).click();
      await listed(sec.getByTestId('sec-answers'), text);
    }
    const answers = sec.getByTestId('sec-answers');
    await answers
      .locator('li', { hasText: 'Exchange visits to the Gulf' })
      .getByRole('button', { name: 'Make it a priority' })
      .click();
    await listed(sec.getByTestId('sec-priorities'), 'Exchange visits to the Gulf');
    await answers
      .locator('li', { hasText: 'A bill carrying insured periods home' })
      .getByRole('button', { name: 'Make it a priority' })
      .click();
    await listed(sec.getByTestId('sec-priorities'), 'A bill carrying');
    const priority = sec.getByTestId('priority-new-form');
    await priority.getByRole('button', { name: 'Add the priority' }).click();
    // Neither an answer nor a text: the API names the text.
    expect(await errorUnder(priority.getByLabel('Text'))).toBe(
      'give a text, or an answer_id to take it from',
    );
    await priority.getByLabel('Text').fill('Ratify ILO Convention 189 on domestic workers');
    await priority.getByRole('button', { name: 'Add the priority' }).click();
    await listed(sec.getByTestId('sec-priorities'), 'Ratify ILO Convention 189');

    // A group renamed; the workshop kept to the caucus, then published as the other screens do.
    const groupB = sec
      .getByTestId('sec-groups')
      .locator('li', { hasText: 'Members: Wahyu Susilo' });
    await groupB.getByText('Edit “Group B”').click();
    await groupB.getByLabel('Name').fill('Group B (Mekong)');
    await groupB.getByRole('button', { name: 'Save' }).click();
    await groupB.getByRole('heading', { name: 'Group B (Mekong)' }).waitFor();
    const settings = sec.getByTestId('workshop-settings-form');
    await settings.getByLabel('Who may see it').selectOption({ label: 'Caucus only' });
    await settings.getByRole('button', { name: 'Save' }).click();
    await sec
      .getByTestId('workshop-run')
      .getByText('Caucus only', { exact: true })
      .first()
      .waitFor();
    expect(await publicJson(`/api/workshops/${workshopId}`)).toContain('not_found');
    await sec.getByRole('button', { name: `Publish “${title}”` }).click();
    await sec.getByText('Published.').waitFor();
    expect(await publicJson(`/api/workshops/${workshopId}`)).toContain(title);

    await sec.getByRole('button', { name: 'Open for picking' }).click();
    await sec.getByTestId('workshop-status').getByText('Open for picking').first().waitFor();
    await sec.getByRole('button', { name: 'Close picking' }).waitFor();
    expect(await documentWidth(sec)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(sec)).toEqual([]);
    await shot(sec, 'running-phone');

    // A member who is not (yet) a participant is refused, in words.
    const member = await newPage(PHONE);
    const mp = member.page;
    await signIn(mp, suite.server.member.email);
    await mp.goto(`${suite.server.url}/caucus/workshops/${workshopId}`);
    await mp.getByRole('heading', { name: title, level: 1 }).waitFor();
    await loaded(mp);
    const pick = mp.getByTestId('pick-form');
    await pick
      .getByLabel('First choice')
      .selectOption({ label: '1. Exchange visits to the Gulf with MPs of both ends' });
    await pick.getByRole('button', { name: 'Save my picks' }).click();
    const refused = mp.getByTestId('pick-refused');
    await refused.getByText(/you are not listed as one/).waitFor();
    // The server's reason beside it, naming the programme rather than its id.
    await refused
      .getByText('you are not a participant of programme Test dialogue on portability, 2026')
      .waitFor();
    await shot(mp, 'pick-not-participant');

    // Made a participant, they rank three; the same priority twice is the API's error, at its rank.
    await programmeWithParticipants(true);
    await pick
      .getByLabel('Second choice')
      .selectOption({ label: '1. Exchange visits to the Gulf with MPs of both ends' });
    await pick.getByRole('button', { name: 'Save my picks' }).click();
    expect(await errorUnder(pick.getByLabel('Second choice'))).toBe(
      '“Exchange visits to the Gulf with MPs of both ends” is already picked at rank 1',
    );
    expect(await seriousViolations(mp)).toEqual([]);
    await shot(mp, 'pick-error');
    await pick
      .getByLabel('First choice')
      .selectOption({ label: '2. A bill carrying insured periods home' });
    await pick
      .getByLabel('Third choice')
      .selectOption({ label: '3. Ratify ILO Convention 189 on domestic workers' });
    await pick.getByRole('button', { name: 'Save my picks' }).click();
    await pick.getByRole('status').getByText('Your picks are saved.').waitFor();
    await expect
      .poll(() => mp.getByTestId('my-picks').locator('li').allTextContents())
      .toEqual([
        'A bill carrying insured periods home',
        'Exchange visits to the Gulf with MPs of both ends',
        'Ratify ILO Convention 189 on domestic workers',
      ]);
    // While picking, the counts are not shown to members.
    await mp
      .getByTestId('workshop-tally')
      .getByText(/published when picking closes/)
      .waitFor();
    expect(await documentWidth(mp)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(mp)).toEqual([]);
    await shot(mp, 'picked');

    // The secretariat sees who picked what and enters a participant's picks from a paper form.
    await sec.reload();
    await loaded(sec);
    await sec.getByTestId('who-picked').getByText('Hon. Test Legislator').waitFor();
    const paper = sec.getByTestId('picks-for-form');
    await paper.getByLabel('Participant').selectOption({ label: 'Charles Santiago' });
    await paper
      .getByLabel('First choice')
      .selectOption({ label: '1. Exchange visits to the Gulf with MPs of both ends' });
    await paper
      .getByLabel('Second choice')
      .selectOption({ label: '3. Ratify ILO Convention 189 on domestic workers' });
    await paper.getByRole('button', { name: 'Save the picks' }).click();
    await sec.getByTestId('who-picked').getByText('Charles Santiago').waitFor();

    // The condensation: two areas for action, and which priorities fed each.
    const condense = sec.getByTestId('condensation-form');
    const visits = condense.getByTestId('condense-exchange_visits');
    await visits.getByLabel('Parliamentarian Exchange Visits / Study Tours').check();
    await visits.getByLabel('1. Exchange visits to the Gulf with MPs of both ends').check();
    const laws = condense.getByTestId('condense-social_protection_legislation');
    await laws.getByRole('checkbox', { name: /^Put forward legislation/ }).check();
    await laws.getByLabel('2. A bill carrying insured periods home').check();
    await laws.getByLabel('3. Ratify ILO Convention 189 on domestic workers').check();
    await condense.getByRole('button', { name: 'Save the areas for action' }).click();
    await condense.getByRole('status').getByText('Saved.').waitFor();
    await sec.getByRole('button', { name: 'Close picking' }).click();
    await sec.getByRole('button', { name: 'Reopen picking' }).waitFor();
    expect(await seriousViolations(sec)).toEqual([]);
    await shot(sec, 'closed-phone');

    // The member's change after closing is refused, in words.
    await pick
      .getByLabel('Third choice')
      .selectOption({ label: '1. Exchange visits to the Gulf with MPs of both ends' });
    await pick
      .getByLabel('Second choice')
      .selectOption({ label: '3. Ratify ILO Convention 189 on domestic workers' });
    await pick.getByRole('button', { name: 'Save my picks' }).click();
    await mp
      .getByTestId('pick-refused')
      .getByText('Picking is not open on this workshop now: the picks were not saved.')
      .waitFor();
    await shot(mp, 'pick-closed');
    expect(member.errors).toEqual([]);
    await member.context.close();

    // The public reads the counts: two participants picked; per area, the priorities that fed it.
    const visitor = await newPage(PHONE);
    const { page } = visitor;
    await page.goto(`${suite.server.url}/caucus/programmes/${PROGRAMME}`);
    await page.getByTestId('workshop-list').getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await loaded(page);
    await page.getByTestId('workshop-tally').getByText('2 participants picked.').waitFor();
    const areas = page.getByTestId('workshop-areas');
    const visitsArea = areas.getByTestId('area-exchange_visits');
    await visitsArea.getByText('2 picks by 2 participants').waitFor();
    await visitsArea.getByText('Picked by 2 participants, 1 as first choice · 5 points').waitFor();
    const lawsArea = areas.getByTestId('area-social_protection_legislation');
    await lawsArea.getByText('3 picks by 2 participants').waitFor();
    // Most picked first: the convention (2 picks) before the bill (1 pick).
    expect(await lawsArea.locator('li').allTextContents()).toEqual([
      expect.stringMatching(
        /^Ratify ILO Convention 189.*Picked by 2 participants, none as first choice · 3 points$/,
      ),
      expect.stringMatching(
        /^A bill carrying insured periods home.*Picked by 1 participant, 1 as first choice · 3 points$/,
      ),
    ]);
    // Who picked what is never on the public page.
    expect(await page.getByText('Hon. Test Legislator').count()).toBe(0);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'results-phone');

    // In Thai: the page's words are translated, the records stay in English.
    await page.goto(`${suite.server.url}/caucus/workshops/${workshopId}?lang=th`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await loaded(page);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('th');
    await page.getByRole('heading', { name: 'ด้านที่ต้องดำเนินการ', level: 2 }).waitFor();
    await page.getByTestId('workshop-tally').getByText('ผู้เข้าร่วม 2 คนได้เลือกแล้ว').waitFor();
    await page
      .getByTestId('area-exchange_visits')
      .getByText('ผู้เข้าร่วม 2 คนเลือก 1 คนเลือกเป็นอันดับหนึ่ง · 5 คะแนน')
      .waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/caucus\.(sec\.)?workshops?\./);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'results-th');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();

    expect(secretariat.errors).toEqual([]);
    await secretariat.context.close();
  }, 240_000);
});
