import { expect, test } from './fixtures';
import { AuthScreens, Roster } from './pages';

test('a new user creates the owner, adds and edits a talent, switches to Chinese, and a second page follows live', async ({
  host,
  context,
}) => {
  const page = await context.newPage();
  await page.goto(host.url);
  const auth = new AuthScreens(page);
  const roster = new Roster(page);

  await auth.createOwner();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await roster.visit();
  await expect(page.getByText('No talent yet')).toBeVisible();

  await roster.addTalent('Mia Lux', 'Mia Luxembourg');
  await expect(roster.row('Mia Lux')).toBeVisible();
  await expect(roster.row('Mia Lux')).toContainText('Olive Owner');

  await roster.rename('Mia Lux', 'Mia Lumen');
  await expect(roster.row('Mia Lumen')).toBeVisible();
  await expect(roster.row('Mia Lux')).toHaveCount(0);

  // A second page of the same workspace (same browser profile, so already signed in).
  const second = await context.newPage();
  await second.goto(host.url);
  const secondRoster = new Roster(second);
  await secondRoster.visit();
  await expect(secondRoster.row('Mia Lumen')).toBeVisible();

  // Switch the first page to Chinese.
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文（简体）' }).click();
  await expect(page.getByRole('heading', { name: '艺人名册' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增艺人' })).toBeVisible();
  await expect(roster.row('Mia Lumen')).toContainText('演员');

  // A change on the first page appears on the second without a reload.
  await page.getByRole('button', { name: '新增艺人' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '艺名' }).fill('周杰');
  await dialog.getByRole('textbox', { name: '全名' }).fill('周杰明');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(secondRoster.row('周杰')).toBeVisible({ timeout: 5_000 });

  await page.screenshot({ path: test.info().outputPath('roster-zh-CN.png') });
  await second.screenshot({ path: test.info().outputPath('roster-en-live.png') });

  // A grid with its own empty-state text keeps the rest of its words in Chinese too (the pager).
  await page.getByRole('link', { name: '预订' }).click();
  await expect(page.getByText('还没有预订。')).toBeVisible();
  await expect(page.getByText('第 0–0 条，共 0 条')).toBeVisible();
});

test('what was saved is still there after the host restarts', async ({ host, page }) => {
  await page.goto(host.url);
  await new AuthScreens(page).createOwner();
  await new Roster(page).visit();
  await new Roster(page).addTalent('Kept Act', 'Kept Person');
  await host.restart();
  await page.goto(host.url);
  await new Roster(page).visit();
  await expect(new Roster(page).row('Kept Act')).toBeVisible();
});

test('a wrong password gets a clear message and no session', async ({ host, page }) => {
  await page.goto(host.url);
  await new AuthScreens(page).createOwner();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await new AuthScreens(page).signIn('owner', 'not the password');
  await expect(page.getByRole('alert')).toContainText('The username or password is not right.');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the talent form shows field errors from validation', async ({ host, page }) => {
  await page.goto(host.url);
  await new AuthScreens(page).createOwner();
  await new Roster(page).visit();
  await page.getByRole('button', { name: 'New talent' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Portfolio link' }).fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Required').first()).toBeVisible();
  await expect(dialog.getByText('Enter a link starting with http:// or https://')).toBeVisible();
  await expect(dialog).toBeVisible();
});
