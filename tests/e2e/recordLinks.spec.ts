import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { api } from './api';
import { agencyTeam } from './agencyDesk';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER, Roster } from './pages';

/** Tomorrow at 15:00 UTC, plus `hours`. */
function tomorrowAt(hours = 0): string {
  const when = new Date(Date.now() + 86_400_000);
  when.setUTCHours(15 + hours, 0, 0, 0);
  return when.toISOString();
}

test('a booking’s link opens that booking in a fresh page, after a reload and after signing in', async ({
  host,
  page,
  context,
  browser,
}) => {
  const { owner, talent } = await agencyTeam(host);
  const booking = await owner.call('bookings.create', {
    talentProfile: talent.id,
    clientName: 'Northwind Studios',
    projectName: 'The Long Night',
    startDateTime: tomorrowAt(),
    endDateTime: tomorrowAt(3),
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();

  // Opened from the list, the address is the booking's own.
  await page.getByRole('navigation').getByRole('link', { name: 'Bookings' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: 'The Long Night' })
    .getByRole('gridcell')
    .first()
    .click();
  const dialog = (p: typeof page) => p.getByRole('dialog', { name: 'Booking for Mia Lux' });
  await expect(dialog(page)).toBeVisible();
  const link = page.url();
  expect(link).toContain(`#/bookings/${booking.id}`);

  // Pasted into another window of the same browser.
  const other = await context.newPage();
  await other.goto(link);
  await expect(dialog(other)).toBeVisible();
  await expect(dialog(other).getByRole('textbox', { name: 'Project' })).toHaveValue(
    'The Long Night',
  );
  // Kept across a reload; closing it leaves the list.
  await other.reload();
  await expect(dialog(other)).toBeVisible();
  await dialog(other).getByRole('button', { name: 'Close' }).click();
  await expect(dialog(other)).toBeHidden();
  await expect(other).toHaveURL(/#\/bookings$/);
  await expect(other.getByRole('heading', { name: 'Bookings' })).toBeVisible();
  await other.close();

  // A browser that is not signed in asks first, then opens it.
  const stranger = await browser.newContext();
  const fresh = await stranger.newPage();
  await fresh.goto(link);
  await new AuthScreens(fresh).signIn();
  await expect(dialog(fresh)).toBeVisible();
  await stranger.close();

  // A link to something that is not there says so.
  await page.goto(`${host.url}/#/bookings/no-such-booking`);
  await expect(page.getByRole('alert')).toContainText('does not exist');
});

test('arrow keys move between roster rows and Enter opens the focused talent', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  // Newest changes first: Cleo, then Bruno, then Ada.
  for (const stageName of ['Ada Stone', 'Bruno Vale', 'Cleo Rae'])
    await owner.call('talents.create', { stageName, fullName: stageName, talentType: 'actor' });
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  const roster = new Roster(page);
  await roster.visit();
  await expect(roster.row('Ada Stone')).toBeVisible();

  await roster.row('Cleo Rae').getByRole('gridcell').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(roster.row('Bruno Vale').getByRole('gridcell').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bruno Vale' })).toBeVisible();
  await expect(page).toHaveURL(/#\/talents\/[0-9a-f-]+$/);
});

test('a callback reply on Today opens its audition, and the search opens a booking itself', async ({
  host,
  page,
}) => {
  const { owner, talent } = await agencyTeam(host);
  const yesterday = new Date(Date.now() - 86_400_000);
  yesterday.setUTCHours(12, 0, 0, 0);
  const audition = await owner.call('auditions.create', {
    talentProfile: talent.id,
    clientName: 'Northwind Studios',
    projectName: 'The Long Night',
    auditionType: 'in_person',
    auditionDate: yesterday.toISOString(),
  });
  await owner.call('auditions.setStatus', { id: audition.id, status: 'callback' });
  const booking = await owner.call('bookings.create', {
    talentProfile: talent.id,
    clientName: 'Bluebird Media',
    projectName: 'Holiday Spot',
    startDateTime: tomorrowAt(),
    endDateTime: tomorrowAt(2),
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  const soon = page.getByRole('region', { name: 'Coming up (7 days)' });
  await soon.getByText('Mia Lux · Northwind Studios · The Long Night').click();
  await expect(page.getByRole('dialog', { name: 'Audition for Mia Lux' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/auditions/${audition.id}$`));
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('Holiday Spot');
  await expect(page.getByRole('option', { name: /Holiday Spot/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Booking for Mia Lux' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/bookings/${booking.id}$`));
});

test('a list of more than fifty says how many match: 1–50 of the real count', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  // Asynchronously: a blocked event loop would leave the HTTP client holding a closed socket.
  await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'src/main/seed/cli.ts',
    '--data-dir',
    host.dataDir,
    '--password',
    OWNER.password,
    '--talents',
    '1234',
    // Only talent: nothing due, so no reminder covers the pager.
    ...['auditions', 'bookings', 'schedule-entries', 'availability-blocks', 'artists']
      .concat(['demos', 'contracts', 'growth-logs', 'review-notes'])
      .flatMap((kind) => [`--${kind}`, '0']),
  ]);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await new Roster(page).visit();
  const pager = page.getByText(/^1–50 of /);
  await expect(pager).toHaveText('1–50 of 1,234');
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText('51–100 of 1,234')).toBeVisible();
});
