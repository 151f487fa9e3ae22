import { expect, test } from './fixtures';
import { api } from './api';
import { AuthScreens, OWNER } from './pages';

test('Ctrl+K finds a talent by part of an English or Chinese name and Enter opens it; actions too', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('talents.create', {
    stageName: 'Zoë Müller',
    fullName: 'Zoë Anna Müller',
    talentType: 'dancer',
  });
  await owner.call('talents.create', {
    stageName: '周杰',
    fullName: '周杰明',
    talentType: 'musician',
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('heading', { name: 'Talent roster' })).toBeVisible();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill('zoe mul');
  await expect(page.getByRole('option', { name: /Zoë Müller/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('palette.png') });
  await box.press('Enter');
  await expect(page.getByRole('heading', { name: 'Zoë Müller' })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('杰明');
  await expect(page.getByRole('option', { name: /周杰/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '周杰' })).toBeVisible();

  // Actions, keyboard only.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('new book');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New booking' })).toBeVisible();
});
