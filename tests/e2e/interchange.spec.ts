import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './api';
import { AuthScreens, OWNER } from './pages';
import { wavBytes } from '../support/files';

const PASSWORD = OWNER.password;

test('legal exports a contract as a PDF that names the artist in Chinese', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const legal = await owner.call('users.create', {
    username: 'lee',
    email: 'lee@example.com',
    fullName: 'Lee Marsh',
    password: PASSWORD,
    role: 'legal',
  });
  const settings = await owner.call('settings.get', {});
  await owner.call('settings.update', {
    version: settings.version,
    patch: { organizationName: 'Greenroom Records' },
  });
  const artist = await owner.call('artists.create', { artistName: '夜行者', genre: 'city pop' });
  await owner.call('contracts.create', {
    artist: artist.id,
    contractType: 'recording',
    legalOwner: legal.id,
    terms: 'Two albums, worldwide. 版税百分之十八。',
    effectiveDate: '2027-01-01',
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn('lee', PASSWORD);
  await page.getByRole('link', { name: 'Contracts' }).click();
  await page.getByRole('grid').getByText('夜行者').first().click();
  const details = page.getByRole('dialog', { name: /Recording contract · 夜行者/ });
  await expect(details.getByText('No document yet')).toBeVisible();

  const download = page.waitForEvent('download');
  await details.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^夜行者 Recording Agreement [0-9A-F]{8}\.pdf$/);
  const path = (await pdf.path())!;
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(text).toContain('夜行者');
  expect(text).toContain('Greenroom Records');
  expect(text).toContain('版税百分之十八');
  expect(text).toContain('Page 1 of 1');
  // A draft's generated PDF becomes its document.
  await expect(page.getByText('It is now this contract’s document.')).toBeVisible();
  await expect(details.getByRole('link', { name: 'Open document' })).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();

  // Every contract on the list as one zip, with a progress dialog while it is made.
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all (zip)' }).click();
  const bundle = await zip;
  expect(bundle.suggestedFilename()).toMatch(/^greenroom-contracts-\d{4}-\d{2}-\d{2}\.zip$/);
  const listing = execFileSync('unzip', ['-l', (await bundle.path())!], { encoding: 'utf8' });
  expect(listing).toContain('manifest.csv');
  expect(listing).toContain('Recording Agreement');
  await expect(page.getByText('The contracts zip is ready.')).toBeVisible();
});

test('an A&R user imports artists from CSV after fixing the rows the preview refused', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'ada',
    email: 'ada@example.com',
    fullName: 'Ada Reyes',
    password: PASSWORD,
    role: 'AandR',
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn('ada', PASSWORD);
  await page.getByRole('link', { name: 'Artists' }).click();

  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import artists from CSV' });
  const bad =
    'artistName,genre,priorityScore,owner\n夜行者乐队,indie,80,ada\n,rock,,\nLoud Band,metal,900,ghost\n';
  await choose(page, dialog.getByRole('button', { name: 'Choose a CSV file…' }), {
    name: 'artists.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad),
  });
  await expect(dialog.getByRole('status')).toContainText('2 of 3 rows cannot be imported');
  const errors = dialog.getByRole('table', { name: 'Rows that cannot be imported' });
  await expect(errors.getByRole('row').filter({ hasText: 'artistName' })).toContainText('2');
  await expect(errors.getByRole('row').filter({ hasText: 'owner' })).toContainText('ghost');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('csv-import.png') });

  const good =
    '\uFEFFartistName,genre,priorityScore,owner\r\n夜行者乐队,indie,80,ada\r\n"Comma, Band",rock,,\r\n';
  await choose(page, dialog.getByRole('button', { name: 'Choose another file…' }), {
    name: 'artists.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(good),
  });
  await expect(dialog.getByRole('status')).toContainText('All 2 rows can be imported.');
  await expect(dialog.getByRole('status')).toContainText('Will add 2 and update 0.');
  await expect(dialog.getByRole('status')).toContainText('Columns separated by commas.');
  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByText('Imported 2 rows.')).toBeVisible();
  await expect(page.getByRole('grid').getByText('Comma, Band')).toBeVisible();
  await expect(page.getByRole('grid').getByText('夜行者乐队')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.startsWith('\uFEFFid,version,artistName,genre')).toBe(true);
  expect(csv).toContain('"Comma, Band"');
  expect(csv).toContain('夜行者乐队');
});

test('a semicolon file from a European Excel is read, and a long check can be cancelled', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Artists' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import artists from CSV' });
  await choose(page, dialog.getByRole('button', { name: 'Choose a CSV file…' }), {
    name: 'artists.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFFartistName;genre;priorityScore\r\n"Drei, Ecken";techno;70\r\n'),
  });
  await expect(dialog.getByRole('status')).toContainText('All 1 rows can be imported.');
  await expect(dialog.getByRole('status')).toContainText('Columns separated by semicolons.');

  const rows = Array.from({ length: 40_000 }, (_, i) => `Artist ${i};indie;${i % 100}`);
  await choose(page, dialog.getByRole('button', { name: 'Choose another file…' }), {
    name: 'many.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['artistName;genre;priorityScore', ...rows].join('\n')),
  });
  await expect(dialog.getByRole('progressbar', { name: 'Checking every row…' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Stop checking' }).click();
  await expect(dialog.getByText('The check was cancelled. Nothing was imported.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
});

type ChosenFile = { name: string; mimeType: string; buffer: Buffer };

const ptr = (className: string, objectId: string) => ({ __type: 'Pointer', className, objectId });

/** One class of a Back4app (Parse) JSON export, as the hosted app's export names it. */
const classExport = (className: string, results: unknown[]): ChosenFile => ({
  name: `${className}.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ results })),
});

/** Clicks a button that opens the file chooser, and chooses these files. */
async function choose(page: Page, button: Locator, files: ChosenFile | ChosenFile[]) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}

/** Signs in as the owner and brings these class exports over from Settings. */
async function importFromBack4app(page: Page, host: { url: string }, files: ChosenFile[]) {
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Import from Back4app' });
  await choose(page, panel.getByRole('button', { name: 'Choose export files…' }), files);
  return panel;
}

test('an admin brings a workspace over from Back4app exports, and running it again adds nothing', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const files = [
    classExport('_User', [
      { objectId: 'u1', username: 'mags', email: 'mags@agency.example', role: 'manager' },
      { objectId: 'u2', username: 'odd', email: 'odd@agency.example', role: 'agent' },
    ]),
    classExport('TalentProfile', [
      {
        objectId: 't1',
        stageName: '林小雨',
        fullName: 'Lin Xiaoyu',
        talentType: 'model',
        manager: ptr('_User', 'u1'),
      },
      {
        objectId: 't2',
        stageName: 'Nova Hart',
        fullName: 'Nova Hartley',
        talentType: 'actor',
        manager: ptr('_User', 'u1'),
      },
    ]),
  ];

  const panel = await importFromBack4app(page, host, files);
  await expect(panel.getByRole('status')).toContainText('Imported 3 records; skipped 1');
  const skipped = panel.getByRole('table', { name: 'Skipped objects' });
  await expect(skipped).toContainText('role “agent” is not one of');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('parse-import.png') });

  await choose(page, panel.getByRole('button', { name: 'Choose export files…' }), files);
  await expect(panel.getByRole('status')).toContainText(
    'Imported 0 records; skipped 1; 3 were already imported',
  );

  await page.getByRole('link', { name: 'Talent roster' }).click();
  await expect(page.getByRole('grid').getByText('林小雨')).toBeVisible();
  await expect(page.getByRole('grid').getByText('Nova Hart', { exact: true })).toBeVisible();
});

test('a demo brought over from Back4app gets its recording, which the hosted app kept', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const files = [
    classExport('_User', [
      { objectId: 'u1', username: 'ari', email: 'ari@label.example', role: 'AandR' },
    ]),
    classExport('Artist', [
      { objectId: 'a1', artistName: '夜行者', genre: 'city pop', owner: ptr('_User', 'u1') },
    ]),
    classExport('Demo', [
      {
        objectId: 'd1',
        artist: ptr('Artist', 'a1'),
        title: 'Night Drive',
        audioUrl: 'https://parsefiles.back4app.com/app/3f9c_night-drive.wav',
        submittedBy: ptr('_User', 'u1'),
      },
      {
        objectId: 'd2',
        artist: ptr('Artist', 'a1'),
        title: 'Sunrise',
        audioUrl:
          'https://parsefiles.back4app.com/app/0123456789abcdef0123456789abcdef_sunrise.wav',
        submittedBy: ptr('_User', 'u1'),
      },
    ]),
  ];

  const panel = await importFromBack4app(page, host, files);
  await expect(panel.getByRole('status')).toContainText('Imported 4 records');

  await page.getByRole('link', { name: 'Demo queue' }).click();
  const row = page
    .getByRole('grid', { name: 'Demo queue' })
    .getByRole('row', { name: /Night Drive/ });
  await expect(row.getByText('No audio', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('hosted-demo.png') });
  await choose(page, row.getByRole('button', { name: 'Add recording' }), {
    name: 'night-drive.wav',
    mimeType: 'audio/wav',
    buffer: wavBytes(1.2),
  });
  await expect(page.getByText('“Night Drive” is playable again.')).toBeVisible();
  await expect(row.getByText('No audio', { exact: true })).toHaveCount(0);
  await expect(row).toContainText('0:01');

  // The rest at once: each file goes to the demo whose hosted audio had its name.
  await choose(page, page.getByRole('button', { name: 'Add recordings' }), [
    { name: 'sunrise.wav', mimeType: 'audio/wav', buffer: wavBytes(2.4) },
    { name: 'unknown.wav', mimeType: 'audio/wav', buffer: wavBytes(0.5) },
  ]);
  const report = page.getByRole('dialog', { name: 'Recordings for demos from Back4app' });
  await expect(report.getByRole('status')).toHaveText('Added: 1. Not added: 1.');
  await expect(report.getByRole('table', { name: 'Added', exact: true })).toContainText(
    'Sunrise · 夜行者',
  );
  await expect(report.getByRole('table', { name: 'Not added' })).toContainText(
    'No demo brought over from Back4app had audio with this name.',
  );
  await page.screenshot({ path: test.info().outputPath('add-recordings.png') });
  await report.getByRole('button', { name: 'Close' }).click();
  const sunrise = page
    .getByRole('grid', { name: 'Demo queue' })
    .getByRole('row', { name: /Sunrise/ });
  await expect(sunrise).toContainText('0:02');
  await expect(sunrise.getByText('No audio', { exact: true })).toHaveCount(0);
});
