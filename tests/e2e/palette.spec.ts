import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();

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

  // One Chinese character is a given name, and finds it.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('明');
  await expect(page.getByRole('option', { name: /周杰/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '周杰' })).toBeVisible();

  // Actions, keyboard only.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('new book');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New booking' })).toBeVisible();
});

test('an A&R user finds an artist by part of its name, English or Chinese, and opens it', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  // Sample data for the label desk, written by the seed command into the running workspace.
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
    '0',
    '--artists',
    '40',
  ]);
  const ar = await api(host.url).signIn('ar1', OWNER.password);
  const artists = (await ar.call('artists.list', { limit: 100 })).items as { artistName: string }[];
  const latin = artists.find((a) => /^[A-Za-z ]+$/.test(a.artistName))!;
  const chinese = artists.find((a) => /[\u4e00-\u9fff]{3,}/.test(a.artistName));

  await page.goto(host.url);
  await new AuthScreens(page).signIn('ar1', OWNER.password);
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  for (const name of [latin.artistName, ...(chinese ? [chinese.artistName] : [])]) {
    await page.keyboard.press('Control+k');
    // Part of the name: its last three characters.
    await page.getByRole('combobox', { name: 'Search' }).fill(name.slice(-3));
    const option = page
      .getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  }
});
