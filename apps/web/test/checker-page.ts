// Page objects for the browser tests: what a person does on the checker, in their words.
import type { Page } from 'playwright-core';

/** A period of work as the checker's form asks for it (codes as its selects' values). */
export interface WorkPeriod {
  readonly country: string;
  readonly from: string;
  readonly to?: string;
  readonly activity?: string;
  readonly sector?: string;
  readonly documented: boolean;
  readonly permit?: string;
  readonly earnings?: string;
}

/** A Nepali factory worker's years in Malaysia, which an injury at work ended in May 2024. */
export const NEPALI_INJURED_IN_MALAYSIA = {
  work: {
    country: 'MY',
    from: '2015-02',
    to: '2024-05',
    activity: 'employed',
    sector: 'manufacturing',
    documented: true,
    permit: 'labour_permit',
    earnings: '1700',
  },
  event: 'employment_injury',
  eventMonth: '2024-05',
} as const;

export class CheckerPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/${query}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.locator('#nationality').waitFor();
  }

  async aboutMe(me: { nationality: string; residence: string; birth?: string }): Promise<void> {
    await this.page.selectOption('#nationality', me.nationality);
    await this.page.selectOption('#residence', me.residence);
    if (me.birth) await this.page.fill('#birthMonth', me.birth);
    await this.next();
  }

  /** Fills the last period of work shown (the form starts with one). */
  async work(p: WorkPeriod): Promise<void> {
    const group = this.page.locator('fieldset.period').last();
    const id = ((await group.getAttribute('id')) ?? '').replace(/-group$/, '');
    await this.page.selectOption(`#${id}-country`, p.country);
    await this.page.fill(`#${id}-from`, p.from);
    if (p.to) await this.page.fill(`#${id}-to`, p.to);
    else await this.page.check(`#${id}-ongoing`);
    if (p.activity) await this.page.selectOption(`#${id}-activity`, p.activity);
    if (p.sector) await this.page.selectOption(`#${id}-sector`, p.sector);
    await group
      .locator(`input[name="${id}-documented"][value="${p.documented ? 'yes' : 'no'}"]`)
      .check();
    if (p.permit) await this.page.selectOption(`#${id}-permit`, p.permit);
    if (p.earnings) await this.page.fill(`#${id}-earnings`, p.earnings);
  }

  /** Adds a period of work; `name` is the button's name in the page's language. */
  async addWork(name: string | RegExp = /Add another country/): Promise<void> {
    const before = await this.page.locator('fieldset.period').count();
    await this.page.getByRole('button', { name }).click();
    await this.page.locator('fieldset.period').nth(before).waitFor();
  }

  async whatHappened(event: string, payTo?: string): Promise<void> {
    await this.page.locator(`input[name="event"][value="${event}"]`).check();
    if (payTo) await this.page.selectOption('#payTo', payTo);
  }

  /**
   * From the work step to the results: what happened (`none`, or an event and, for one that asks,
   * its month). Returns the results' summary.
   */
  async finish(event = 'none', eventMonth?: string): Promise<string> {
    await this.next();
    await this.whatHappened(event);
    if (eventMonth !== undefined) await this.page.fill('#eventMonth', eventMonth);
    await this.next();
    return this.results();
  }

  async next(): Promise<void> {
    await this.page.locator('form button[type="submit"]').click();
  }

  async example(id: string): Promise<void> {
    await this.page.locator(`button[data-example="${id}"]`).click();
    await this.results();
  }

  async results(): Promise<string> {
    const summary = this.page.getByTestId('results-summary');
    await summary.waitFor();
    return (await summary.textContent()) ?? '';
  }

  /** The result cards of a country section, as text. */
  async resultsIn(countryName: string): Promise<string> {
    const section = this.page.locator('section.country-results', {
      has: this.page.getByRole('heading', { name: `In ${countryName}` }),
    });
    return (await section.textContent()) ?? '';
  }
}
