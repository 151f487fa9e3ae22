import type { Response } from '@playwright/test';
import { agencyTeam, setPicker } from './agencyDesk';
import { api } from './api';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';

test('a user opens with one click on any cell of their row, like every other list', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'nia',
    email: 'nia@example.com',
    fullName: 'Nia Newbie',
    password: OWNER.password,
    role: 'contributor',
    active: false,
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  const row = page.getByRole('row').filter({ hasText: 'nia@example.com' });
  for (const cell of ['Nia Newbie', 'nia@example.com', 'Contributor', 'Inactive']) {
    await row.getByRole('gridcell', { name: cell, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('textbox', { name: 'Full name' }), cell).toHaveValue(
      'Nia Newbie',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }
});

test('typing a booking’s times asks main about clashes only for times it accepts: no 400, no console error', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  const refused: string[] = [];
  const answered: number[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/clashes.check')) return;
    answered.push(response.status());
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn('alice', OWNER.password);
  // From here on (the page's first check of a stored session is answered 401 before sign-in).
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Bookings' }).click();
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('combobox', { name: 'Talent' }).fill('Mia');
  await page.getByRole('option', { name: /Mia Lux/ }).click();
  // The year is typed digit by digit (0002, 0020, 0202, 2027): main refuses those years.
  const year = new Date().getUTCFullYear() + 1;
  await setPicker(page, dialog, 'Start', `${year}-03-02T09:00:00.000Z`);
  await setPicker(page, dialog, 'End', `${year}-03-02T17:00:00.000Z`);
  // The check for the times as typed is answered.
  await expect
    .poll(() => answered.filter((status) => status === 200).length)
    .toBeGreaterThanOrEqual(2);
  expect(refused).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
