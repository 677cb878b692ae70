import { expect, type Locator, type Page } from '@playwright/test';
import { fieldLabel } from './client-form';

/** Mantine selects, multi-selects and tags inputs are comboboxes named by their label. */
const combobox = (scope: Page | Locator, label: string) => scope.getByRole('combobox', { name: fieldLabel(label) });

/** Picks an option in an open Mantine dropdown (options live in a portal, so page-wide). */
async function pickOption(page: Page, option: string) {
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** One qualification question as the form edits it. */
export interface QuestionDraft {
  label: string;
  /** As the "Answer" select shows it: 'One choice', 'Several choices', 'Text', 'Yes / no'. */
  kind?: 'One choice' | 'Several choices' | 'Text' | 'Yes / no';
  options?: string[];
}

export interface EventDraft {
  name: string;
  kind?: 'Trade fair' | 'Exhibition' | 'Presentation';
  venue?: string;
  city?: string;
  /** The country as the list names it, e.g. 'United States (US)'. */
  country?: string;
  /** YYYY-MM-DD */
  startsOn?: string;
  endsOn?: string;
  booth?: string;
  /** Colleagues' names. */
  team?: string[];
  productGroups?: string[];
  questions?: QuestionDraft[];
}

/** The events list (#/events). */
export class EventsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/#/events');
    await expect(this.page.getByRole('heading', { name: 'Events', level: 2 })).toBeVisible({ timeout: 30_000 });
  }

  /** An event's card, by its name. */
  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  /** Event names in the order shown (current and upcoming first, then past). */
  async names(): Promise<string[]> {
    return this.page.getByTestId('event-name').allInnerTexts();
  }

  async leadCount(name: string): Promise<string> {
    return this.card(name).getByTestId('lead-count').innerText();
  }

  async newEvent() {
    await this.page.getByRole('button', { name: 'New event' }).click();
  }

  async markActive(name: string) {
    await this.card(name).getByRole('button', { name: 'Mark active' }).click();
    await expect(this.activeBadge(name)).toBeVisible();
  }

  async stopCapturing(name: string) {
    await this.card(name).getByRole('button', { name: 'Stop capturing' }).click();
    await expect(this.activeBadge(name)).toHaveCount(0);
  }

  activeBadge(name: string): Locator {
    return this.card(name).getByTestId('active-badge');
  }

  async edit(name: string) {
    await this.card(name).getByRole('button', { name: 'Edit' }).click();
  }

  async openLeads(name: string) {
    await this.card(name).getByRole('button', { name: 'Open leads' }).click();
    await expect(this.page.getByTestId('event-title')).toHaveText(name);
  }
}

/** The event form (#/events/new, #/events/:id/edit). */
export class EventForm {
  constructor(readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(fieldLabel(label)).and(this.page.locator('input, textarea'));
  }

  /** Question n (1-based): its own group of fields. */
  question(n: number): Locator {
    return this.page.getByRole('group', { name: `Question ${n}`, exact: true });
  }

  async choose(label: string, option: string) {
    await combobox(this.page, label).click();
    await pickOption(this.page, option);
  }

  /** Types values into a tags input, each confirmed with Enter. */
  async addTags(input: Locator, values: readonly string[]) {
    await input.click();
    for (const value of values) {
      await input.fill(value);
      await input.press('Enter');
    }
  }

  async addQuestion(q: QuestionDraft) {
    await this.page.getByRole('button', { name: 'Add question' }).click();
    const n = await this.page.getByTestId('question').count();
    const group = this.question(n);
    await group.getByRole('textbox', { name: fieldLabel(`Question ${n}`) }).fill(q.label);
    if (q.kind && q.kind !== 'One choice') {
      await combobox(group, 'Answer').click();
      await pickOption(this.page, q.kind);
    }
    if (q.options?.length) await this.addTags(combobox(group, 'Options'), q.options);
  }

  /** Fills the fields given (on a new or an existing event). */
  async fill(draft: Partial<EventDraft>) {
    if (draft.name !== undefined) await this.field('Name').fill(draft.name);
    if (draft.kind) await this.choose('Kind', draft.kind);
    if (draft.venue !== undefined) await this.field('Venue').fill(draft.venue);
    if (draft.city !== undefined) await this.field('City').fill(draft.city);
    if (draft.country) {
      await combobox(this.page, 'Country').fill(draft.country);
      await pickOption(this.page, draft.country);
    }
    if (draft.startsOn) await this.field('Starts on').fill(draft.startsOn);
    if (draft.endsOn) await this.field('Ends on').fill(draft.endsOn);
    if (draft.booth !== undefined) await this.field('Booth').fill(draft.booth);
    for (const name of draft.team ?? []) await this.choose('Team on the stand', name);
    if (draft.team?.length) await this.page.keyboard.press('Escape');
    if (draft.productGroups?.length) await this.addTags(combobox(this.page, 'Product groups of interest'), draft.productGroups);
    for (const q of draft.questions ?? []) await this.addQuestion(q);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** Creates an event and waits for its page; returns its id. */
  async create(draft: EventDraft): Promise<string> {
    await this.fill(draft);
    await this.save();
    await expect(this.page.getByTestId('event-title')).toHaveText(draft.name);
    return new URL(this.page.url()).hash.split('/').pop()!;
  }

  /** The error shown under a field. */
  error(label: string, scope: Page | Locator = this.page): Locator {
    // The inner locator of `has` is relative to the wrapper: built from the page, not the scope.
    const input = this.page.getByLabel(fieldLabel(label)).and(this.page.locator('input, textarea'));
    return scope.locator('.mantine-InputWrapper-root', { has: input }).locator('.mantine-InputWrapper-error');
  }
}

/** One event's page (#/events/:id): the leads table, its filters and actions, and the summary. */
export class EventLeadsPage {
  constructor(readonly page: Page) {}

  async open(eventId: string) {
    await this.page.goto(`/#/events/${eventId}`);
    await expect(this.page.getByTestId('event-title')).toBeVisible({ timeout: 30_000 });
  }

  rows(): Locator {
    return this.page.getByTestId('lead-row');
  }

  /** A lead's row, by the person's name (or company, when there is no name). */
  row(who: string): Locator {
    return this.rows().filter({ has: this.page.getByTestId('lead-person').getByText(who, { exact: true }) });
  }

  async persons(): Promise<string[]> {
    return this.page.getByTestId('lead-person').allInnerTexts();
  }

  /** How many leads the filters keep. */
  async shownCount(): Promise<number> {
    return Number(await this.page.getByTestId('lead-count').getAttribute('data-count'));
  }

  /** A multi-select keeps its list open while options are picked; Escape closes it. */
  private async pickMany(label: string, options: readonly string[]) {
    await combobox(this.page, label).click();
    for (const option of options) await pickOption(this.page, option);
    await this.page.keyboard.press('Escape');
  }

  async filterRatings(...ratings: ('Hot' | 'Warm' | 'Cold' | 'No rating')[]) {
    await this.pickMany('Rating', ratings);
  }

  async filterStatuses(...statuses: ('New' | 'Attached' | 'Converted' | 'Discarded')[]) {
    await this.pickMany('Status', statuses);
  }

  async filterOwner(name: string) {
    await combobox(this.page, 'Owner').click();
    await pickOption(this.page, name);
  }

  /** An answer filter: a question by its label and an option, 'Yes'/'No', or 'Answered'. */
  async filterAnswer(question: string, answer: string) {
    await combobox(this.page, 'Question').click();
    await pickOption(this.page, question);
    await combobox(this.page, 'Answer').click();
    await pickOption(this.page, answer);
  }

  async clearFilters() {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }

  async select(...who: string[]) {
    for (const w of who) await this.page.getByRole('checkbox', { name: `Select ${w}`, exact: true }).check();
  }

  async selectAll() {
    await this.page.getByRole('checkbox', { name: 'Select all leads shown' }).check();
  }

  /** Bulk "Assign to…" the selected leads. */
  async assignSelectedTo(colleague: string) {
    await this.page.getByRole('combobox', { name: 'Assign to…' }).click();
    await pickOption(this.page, colleague);
    await this.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(this.page.getByTestId('bulk-bar')).toHaveCount(0);
  }

  private async action(who: string, item: string | RegExp) {
    await this.page.getByRole('button', { name: `Actions for ${who}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Converts a lead into a new client; answers the dialog (open the client or stay). */
  async convert(who: string, { openClient = false } = {}) {
    await this.action(who, 'Convert to client');
    const dialog = this.page.getByRole('dialog', { name: 'Client created' });
    await dialog.getByRole('button', { name: openClient ? 'Open client' : 'Stay here' }).click();
  }

  /** Attaches a lead to an existing client found by `search`, picking the option `client` (as listed). */
  async attach(who: string, search: string, client: string | RegExp, contact?: string) {
    await this.action(who, /Attach to existing client/);
    const dialog = this.page.getByRole('dialog');
    const input = dialog.getByRole('combobox', { name: 'Client' });
    await input.fill(search);
    await this.page.getByRole('option', { name: client }).first().click();
    if (contact) {
      await dialog.getByRole('combobox', { name: 'Contact' }).click();
      await this.page.getByRole('option', { name: contact }).first().click();
    }
    await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** Discards a lead with a reason ('' tries without one: the dialog stays, asking for it). */
  async discard(who: string, reason: string) {
    await this.action(who, 'Discard');
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: fieldLabel('Reason') }).fill(reason);
    await dialog.getByRole('button', { name: 'Discard' }).click();
    if (reason.trim()) await expect(dialog).toHaveCount(0);
  }

  /** Clicks "Export CSV" and returns the file's text (the browser build downloads it). */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export CSV' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** The open lead's details (a drawer beside the list). */
  details(): Locator {
    return this.page.getByTestId('lead-details');
  }

  /** Opens a lead's details by clicking its row (the row's menu has "Open" too). */
  async openDetails(who: string) {
    await this.row(who).getByTestId('lead-person').click();
    await expect(this.page.getByRole('dialog', { name: who, exact: true })).toBeVisible();
    await expect(this.details()).toBeVisible();
  }

  /** Opens a lead's details from its row's action menu, the keyboard's way. */
  async openDetailsFromMenu(who: string) {
    await this.action(who, /^Open$/);
    await expect(this.page.getByRole('dialog', { name: who, exact: true })).toBeVisible();
  }

  async closeDetails() {
    await this.page.keyboard.press('Escape');
    await expect(this.details()).toBeHidden();
  }

  /** The business-card photos shown in the open details (images once their bytes are here). */
  photos(): Locator {
    return this.details().getByTestId('lead-photo');
  }

  /** Why a photo cannot be shown (offline and not on this laptop, not on the server yet …). */
  photoProblem(): Locator {
    return this.details().getByTestId('lead-photo-error');
  }

  async captureHere() {
    await this.page.getByRole('button', { name: 'Capture leads here' }).click();
    await expect(this.page).toHaveURL(/#\/capture$/);
  }

  async openSummary() {
    await this.page.getByRole('tab', { name: 'Summary' }).click();
    await expect(this.page.getByTestId('event-summary')).toBeVisible();
  }

  /** A summary figure: 'leads', 'clients', 'discarded' or 'offers'. */
  summaryValue(which: 'leads' | 'clients' | 'discarded' | 'offers'): Locator {
    return this.page.getByTestId(`summary-${which}-value`);
  }
}

/** My tasks (#/tasks). */
export class TasksPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/#/tasks');
    await expect(this.page.getByRole('heading', { name: 'My tasks' })).toBeVisible({ timeout: 30_000 });
  }

  section(which: 'overdue' | 'today' | 'upcoming' | 'done'): Locator {
    return this.page.getByTestId(`tasks-${which}`);
  }

  async titles(which: 'overdue' | 'today' | 'upcoming' | 'done'): Promise<string[]> {
    return this.section(which).getByTestId('task-row').getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label') ?? ''));
  }

  /** Ticks a task done (or reopens it): the checkbox is named by the task's title. */
  async toggle(title: string) {
    await this.page.getByRole('checkbox', { name: title, exact: true }).click();
  }

  row(title: string): Locator {
    return this.page.getByTestId('task-row').filter({ has: this.page.getByRole('checkbox', { name: title, exact: true }) });
  }

  async openEvent(title: string) {
    await this.row(title).getByRole('link', { name: 'Event' }).click();
  }

  async openClient(title: string) {
    await this.row(title).getByRole('link', { name: 'Client card' }).click();
  }
}
