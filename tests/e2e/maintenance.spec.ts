import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { api } from './api';
import { AuthScreens, OWNER } from './pages';

test('an admin checks the database, backs up, exports everything and restores a backup', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('artists.create', { artistName: 'Before The Backup', genre: 'pop' });

  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Backups and maintenance' });
  await expect(panel.getByText('No backups yet.', { exact: false })).toBeVisible();

  await panel.getByRole('button', { name: 'Check database' }).click();
  await expect(panel.getByRole('status')).toContainText('The database is healthy');

  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup taken.')).toBeVisible();
  const backups = panel.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups.getByRole('row').nth(1)).toContainText('Backup now');

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export workspace' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/^greenroom-workspace-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = readFileSync((await zip.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // A change after the backup, which the restore sets aside.
  await owner.call('artists.create', { artistName: 'After The Backup', genre: 'pop' });
  await page.screenshot({ path: test.info().outputPath('maintenance.png') });

  await backups.getByRole('button', { name: /Restore the backup taken/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Changes made since then are set aside');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  const done = page.getByRole('dialog', { name: 'Workspace restored' });
  await expect(done).toBeVisible();
  await done.getByRole('button', { name: 'Sign in again' }).click();

  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Artists' }).click();
  await expect(page.getByRole('grid').getByText('Before The Backup')).toBeVisible();
  await expect(page.getByRole('grid').getByText('After The Backup')).toHaveCount(0);

  // The workspace as it was before the restore is itself a backup.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(panel.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
});
