import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';
import { api } from './api';

test('an admin sees where a user is signed in and signs them out everywhere', async ({
  host,
  page,
  browser,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'lena',
    email: 'lena@example.com',
    fullName: 'Lena Legal',
    password: OWNER.password,
    role: 'legal',
  });

  // Lena works in a browser of her own.
  const lenaContext = await browser.newContext();
  const lena = await lenaContext.newPage();
  await lena.goto(host.url);
  await new AuthScreens(lena).signIn('lena', OWNER.password);
  await expect(lena.getByRole('button', { name: 'Account' })).toBeVisible();

  // The admin opens her account: her session is listed by device and address.
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Users' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: 'lena@example.com' })
    .getByRole('gridcell')
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit Lena Legal' });
  const sessions = dialog.getByRole('list', { name: 'Signed-in sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await expect(sessions.getByRole('listitem')).toContainText('Chrome on Linux');
  await expect(sessions.getByRole('listitem')).toContainText('From 127.0.0.1');
  await page.screenshot({ path: test.info().outputPath('sessions.png') });

  page.once('dialog', (confirm) => void confirm.accept());
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('Signed out of 1 session.')).toBeVisible();
  await expect(dialog.getByText('Not signed in anywhere.')).toBeVisible();

  // Lena's window asks her to sign in again at her next step.
  await lena.reload();
  await expect(lena.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await lenaContext.close();
});

test('a person sees their own devices and subscribes to their calendar from the account menu', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Signed-in devices' }).click();
  const devices = page.getByRole('dialog', { name: 'Signed-in devices' });
  // This window, and the API client's sign-in above.
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await expect(devices.getByRole('listitem').first()).toContainText('This device');
  await devices
    .getByRole('listitem')
    .nth(1)
    .getByRole('button', { name: /^Sign out/ })
    .click();
  await expect(devices.getByRole('listitem')).toHaveCount(1);
  await devices.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Subscribe in a calendar app' }).click();
  const feeds = page.getByRole('dialog', { name: 'Subscribe in a calendar app' });
  await feeds.getByRole('button', { name: 'Make a subscription link' }).click();
  const link = feeds.getByRole('textbox', { name: 'Subscription link' });
  await expect(link).toHaveValue(new RegExp(`^${host.url}/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
  const url = await link.inputValue();
  await page.screenshot({ path: test.info().outputPath('calendar-feed.png') });
  const feed = await fetch(url);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  await expect(feeds.getByRole('list', { name: 'Your calendar links' })).toContainText(
    'Everything on my calendar',
  );
  await feeds.getByRole('button', { name: 'Revoke' }).click();
  await expect(feeds.getByText('No links yet.')).toBeVisible();
  expect((await fetch(url)).status).toBe(404);
});
