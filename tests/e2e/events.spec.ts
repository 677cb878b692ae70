/**
 * After the conversations: an event's leads are filtered, handed to a colleague, converted into
 * a client, discarded with a reason and exported; the summary counts them, and the follow-up
 * task of a next step is in the task list. Browser build, demo client base.
 */
import { expect, test, type Page } from '@playwright/test';
import { CapturePage } from './pages/capture-page';
import { EventForm, EventLeadsPage, EventsPage, TasksPage } from './pages/events-page';

async function capture(page: Page, lead: { name: string; company: string; rating: 'Alt+1' | 'Alt+2' | 'Alt+3'; budget?: string; call?: boolean }) {
  const form = new CapturePage(page);
  await form.field('Name').fill(lead.name);
  await form.field('Company name').fill(lead.company);
  await page.keyboard.press(lead.rating);
  if (lead.budget) await page.getByRole('combobox', { name: 'Budget' }).selectOption(lead.budget);
  if (lead.call) await page.keyboard.press('Alt+C');
  await page.keyboard.press('Control+Enter');
  await expect(form.saved()).toHaveText(`Saved: ${lead.name}`);
}

test('an event’s leads are qualified, handed over, converted, discarded, exported and summarised', async ({ page }) => {
  test.setTimeout(120_000);
  const events = new EventsPage(page);
  await events.open();
  await events.newEvent();
  await new EventForm(page).create({
    name: 'Budapest Industry Days',
    city: 'Budapest',
    startsOn: '2026-11-23',
    endsOn: '2026-11-25',
    productGroups: ['Pumps', 'Valves'],
    questions: [{ label: 'Budget', options: ['Under 10k', 'Over 10k'] }],
  });
  const leads = new EventLeadsPage(page);
  await leads.captureHere();
  await capture(page, { name: 'Anna Kovács', company: 'Példa Kft.', rating: 'Alt+1', budget: 'Over 10k', call: true });
  await capture(page, { name: 'Ivan Petrov', company: 'OOO Romashka', rating: 'Alt+2', budget: 'Under 10k' });
  await capture(page, { name: 'Tom Student', company: 'University', rating: 'Alt+3' });

  await events.open();
  await expect(events.activeBadge('Budapest Industry Days')).toBeVisible();
  await events.openLeads('Budapest Industry Days');
  expect((await leads.persons()).sort()).toEqual(['Anna Kovács', 'Ivan Petrov', 'Tom Student']);

  // Filters: by rating, by an answer.
  await leads.filterRatings('Hot');
  expect(await leads.persons()).toEqual(['Anna Kovács']);
  await leads.clearFilters();
  await leads.filterAnswer('Budget', 'Under 10k');
  expect(await leads.persons()).toEqual(['Ivan Petrov']);
  await leads.clearFilters();

  // Hand one to a colleague, convert one, discard one.
  await leads.select('Ivan Petrov');
  await leads.assignSelectedTo('Priya Sharma');
  await expect(leads.row('Ivan Petrov')).toContainText('Priya Sharma');
  await leads.convert('Anna Kovács');
  await expect(leads.row('Anna Kovács')).toContainText('Converted');
  await leads.discard('Tom Student', 'Student, no buying role');
  await expect(leads.row('Tom Student')).toContainText('Discarded');

  // The export has every lead with its answer.
  const csv = await leads.exportCsv();
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text).toContain('Budget');
  expect(csv.text).toMatch(/Anna Kovács.*Over 10k/s);
  expect(csv.text.split('\n').filter((l) => l.trim()).length).toBe(4); // header + 3 leads

  // The summary counts them.
  await leads.openSummary();
  await expect(leads.summaryValue('leads')).toHaveText('3');
  await expect(leads.summaryValue('clients')).toHaveText('1');

  // Anna's next step is a task on the list; ticking it moves it to done.
  const tasks = new TasksPage(page);
  await tasks.open();
  const title = 'Call Anna Kovács (Példa Kft.)';
  await expect(tasks.row(title)).toBeVisible();
  await tasks.toggle(title);
  await expect.poll(() => tasks.titles('done')).toContain(title);
});
