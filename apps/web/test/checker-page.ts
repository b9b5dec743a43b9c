// Page objects for the browser tests: what a person does on the checker, in their words.
import type { Page } from 'playwright-core';

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
  async work(p: {
    country: string;
    from: string;
    to?: string;
    activity?: string;
    sector?: string;
    documented: boolean;
    permit?: string;
    earnings?: string;
  }): Promise<void> {
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

  async addWork(): Promise<void> {
    const before = await this.page.locator('fieldset.period').count();
    await this.page.getByRole('button', { name: /Add another country/ }).click();
    await this.page.locator('fieldset.period').nth(before).waitFor();
  }

  async whatHappened(event: string, payTo?: string): Promise<void> {
    await this.page.locator(`input[name="event"][value="${event}"]`).check();
    if (payTo) await this.page.selectOption('#payTo', payTo);
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
