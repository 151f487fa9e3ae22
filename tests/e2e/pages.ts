import { expect, type BrowserContext, type Page } from '@playwright/test';

export const OWNER = {
  fullName: 'Olive Owner',
  username: 'owner',
  email: 'owner@example.com',
  password: 'correct horse battery staple',
} as const;

/**
 * Shows times in UTC whatever the machine's zone (set before the app loads, in one page or every
 * page of a context), so a test can name the hours it expects on the calendar.
 */
export async function showTimesInUtc(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() =>
    (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage.setItem('greenroom.displayZone', 'UTC'),
  );
}

/** Page model of the first-run and sign-in screens. */
export class AuthScreens {
  constructor(private readonly page: Page) {}

  async createOwner(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Welcome to Greenroom' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Full name' }).fill(OWNER.fullName);
    await this.page.getByRole('textbox', { name: 'Username' }).fill(OWNER.username);
    await this.page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
    await this.page.getByLabel('Password').fill(OWNER.password);
    await this.page.getByRole('button', { name: 'Create owner account' }).click();
  }

  async signIn(
    username: string = OWNER.username,
    password: string = OWNER.password,
  ): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Username or email' }).fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}

/** Page model of the talent roster and its dialog. */
export class Roster {
  constructor(private readonly page: Page) {}

  get grid() {
    return this.page.getByRole('grid');
  }

  /** Opens the roster from the navigation (sign-in lands on Today). */
  async visit(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Talent roster' }).click();
    await expect(this.page.getByRole('heading', { name: 'Talent roster' })).toBeVisible();
  }

  row(stageName: string) {
    return this.grid
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell', { name: stageName, exact: true }) });
  }

  async addTalent(stageName: string, fullName: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New talent' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Stage name' }).fill(stageName);
    await dialog.getByRole('textbox', { name: 'Full name' }).fill(fullName);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the talent's page from the roster. */
  async open(stageName: string): Promise<void> {
    await this.row(stageName).getByRole('gridcell').first().click();
    await expect(this.page.getByRole('heading', { name: stageName })).toBeVisible();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.open(from);
    await this.page.getByRole('button', { name: 'Edit' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Stage name' }).fill(to);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await this.page.getByRole('link', { name: 'Roster', exact: true }).click();
  }
}
