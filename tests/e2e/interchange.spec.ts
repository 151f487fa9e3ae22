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

/** An object as Parse Server's REST API returns it: ids, stamps and ACL, then its fields. */
const parseObject = (
  objectId: string,
  fields: Record<string, unknown>,
  acl: Record<string, unknown> = { '*': { read: true } },
) => ({
  objectId,
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-02T10:00:00.000Z',
  ACL: acl,
  ...fields,
});

/** One class of a Back4app (Parse) export: `GET /classes/<Class>` as a file. */
const classExport = (className: string, results: unknown[], bom = false): ChosenFile => ({
  name: `${className}.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(`${bom ? '\uFEFF' : ''}${JSON.stringify({ results })}`),
});

/** Clicks a button that opens the file chooser, and chooses these files. */
async function choose(page: Page, button: Locator, files: ChosenFile | ChosenFile[]) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}

/** Signs in as the owner, chooses these class exports in Settings and waits for the preview. */
async function previewBack4app(page: Page, host: { url: string }, files: ChosenFile[]) {
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Import from Back4app' });
  await choose(page, panel.getByRole('button', { name: 'Choose export files…' }), files);
  await expect(panel.getByRole('status')).toContainText('Preview — nothing is imported yet');
  return panel;
}

/** Previews, then imports as previewed. */
async function importFromBack4app(page: Page, host: { url: string }, files: ChosenFile[]) {
  const panel = await previewBack4app(page, host, files);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Imported');
  return panel;
}

test('an admin previews a Back4app export in Chinese and English, maps a user, and imports it once', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'max',
    email: 'max@example.com',
    fullName: 'Max Person',
    password: PASSWORD,
    role: 'manager',
  });
  const talent = (objectId: string, stageName: string, manager: string, acl?: object) =>
    parseObject(
      objectId,
      {
        stageName,
        fullName: `${stageName} (full name)`,
        talentType: 'model',
        availabilityStatus: 'available',
        manager: ptr('_User', manager),
      },
      acl as Record<string, unknown> | undefined,
    );
  const files = [
    // Saved by a Windows editor (with a BOM), with a stray entry that is not an object.
    classExport(
      '_User',
      [
        parseObject('u1', { username: 'mags', email: 'mags@agency.example', role: 'manager' }),
        parseObject('u2', { username: 'odd', email: 'odd@agency.example', role: 'agent' }),
        parseObject('u3', { username: 'olive', email: 'OWNER@example.com', role: 'admin' }),
        parseObject('u4', {
          username: 'maxwell',
          email: 'maxwell@agency.example',
          role: 'manager',
        }),
        42,
      ],
      true,
    ),
    classExport('TalentProfile', [
      talent('t1', '林小雨', 'u1'),
      // Only Mags could read this one in Back4app.
      talent('t2', 'Nova Hart', 'u1', { u1: { read: true, write: true } }),
      talent('t3', 'Max Talent', 'u4'),
    ]),
    classExport('ScheduleEntry', [
      parseObject('s1', {
        talentProfile: ptr('TalentProfile', 't1'),
        entryType: 'fitting',
        startDateTime: { __type: 'Date', iso: '2026-05-03T01:00:00.000Z' },
        endDateTime: { __type: 'Date', iso: '2026-05-03T02:00:00.000Z' },
        timezone: 'CST',
        status: 'confirmed',
      }),
    ]),
  ];

  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文（简体）' }).click();
  await page.getByRole('link', { name: '设置' }).click();
  const panel = page.getByRole('region', { name: '从 Back4app 导入' });
  await choose(page, panel.getByRole('button', { name: '选择导出文件…' }), files);
  const status = panel.getByRole('status');
  await expect(status).toContainText('预览——尚未导入任何内容');
  await expect(panel.getByRole('table', { name: '已在 Greenroom 中的用户' })).toContainText(
    'owner',
  );
  await expect(panel.getByRole('table', { name: '不在 Greenroom 中的用户' })).toContainText(
    'maxwell',
  );
  await expect(
    panel.getByRole('table', { name: '可见人数比在 Back4app 中多的记录（1）' }),
  ).toContainText('用户 mags');
  await expect(panel.getByRole('table', { name: '不是对象的条目（1）' })).toContainText(
    '_User.json',
  );
  await expect(panel.getByRole('table', { name: '数据中的时区名称' })).toContainText('CST');
  await panel.screenshot({ path: test.info().outputPath('parse-preview-zh-CN.png') });

  // The same preview in English; the zone of the dates is chosen there.
  await page.getByRole('button', { name: '语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  const english = page.getByRole('region', { name: 'Import from Back4app' });
  await expect(english.getByRole('status')).toContainText('Preview — nothing is imported yet');
  const zone = english.getByRole('combobox', { name: 'Time zone of the dates' });
  await zone.fill('Asia/Shanghai');
  await page.getByRole('option', { name: 'Asia/Shanghai', exact: true }).click();
  await expect(english).toContainText('Dates without a time are read in Asia/Shanghai.');
  const matched = english.getByRole('table', { name: 'Users already in Greenroom' });
  await expect(matched).toContainText('olive');
  await expect(matched).toContainText('Email');
  const acl = english.getByRole('table', {
    name: 'Records more people will see than in Back4app (1)',
  });
  await expect(acl).toContainText('TalentProfile:t2');
  await expect(acl).toContainText('user mags');
  await expect(acl).toContainText('owner');
  await expect(
    english.getByRole('table', { name: 'Entries that are not objects (1)' }),
  ).toContainText('not an object (a number)');
  await expect(english.getByRole('table', { name: 'Time zone names in the data' })).toContainText(
    'Could be',
  );

  // maxwell is Max: mapped, not created.
  await english.getByRole('combobox', { name: 'Greenroom user for maxwell' }).click();
  await page.getByRole('option', { name: 'Max Person (max)' }).click();
  await expect(matched).toContainText('Your choice');
  await expect(english.getByRole('status')).toContainText('5 new records');
  // The README's picture of the import, whole: a window tall enough that the app bar stays clear.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await english.screenshot({ path: test.info().outputPath('parse-import.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await english.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(english.getByRole('status')).toContainText(
    'Imported 5 records and updated 0; 0 conflicts left as they are; skipped 1',
  );
  const people = (await owner.call('users.list', { limit: 100 })) as {
    items: { username: string }[];
  };
  expect(people.items.map((u) => u.username).sort()).toEqual(['mags', 'max', 'owner']);

  // Later, 林小雨 was renamed in Back4app and given notes here: a conflict, settled in Chinese.
  const roster = (await owner.call('talents.list', { limit: 100 })) as {
    items: { id: string; version: number; stageName: string }[];
  };
  const lin = roster.items.find((x) => x.stageName === '林小雨')!;
  await owner.call('talents.update', {
    id: lin.id,
    version: lin.version,
    patch: { notes: 'Prefers morning calls' },
  });
  const renamed = {
    ...talent('t1', '林小雨', 'u1'),
    stageName: '林晓雨',
    updatedAt: '2025-06-01T08:00:00.000Z',
  };
  const later = [files[0]!, classExport('TalentProfile', [renamed])];
  await choose(page, english.getByRole('button', { name: 'Choose export files…' }), later);
  await expect(english.getByRole('status')).toContainText('0 new records, 0 updated, 1 conflicts');
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文（简体）' }).click();
  const chinese = page.getByRole('region', { name: '从 Back4app 导入' });
  const conflicts = chinese.getByRole('table', { name: '在这里和 Back4app 中都改过（1）' });
  await expect(conflicts).toContainText('林晓雨');
  await expect(conflicts).toContainText('Prefers morning calls');
  await conflicts.getByRole('combobox', { name: '如何处理 TalentProfile:t1' }).click();
  await page.getByRole('option', { name: 'Back4app 的版本' }).click();
  await expect(chinese.getByRole('status')).toContainText('更新 1 条，冲突 0 条');
  await chinese.screenshot({ path: test.info().outputPath('parse-conflict-zh-CN.png') });
  await chinese.getByRole('button', { name: '导入', exact: true }).click();
  await expect(chinese.getByRole('status')).toContainText('已导入 0 条记录，更新 1 条');

  await page.getByRole('link', { name: '艺人名册' }).click();
  await expect(page.getByRole('grid').getByText('林晓雨', { exact: true })).toBeVisible();
  await expect(page.getByRole('grid').getByText('Nova Hart', { exact: true })).toBeVisible();
});

test('a demo brought over from Back4app gets its recording, which the hosted app kept', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const demo = (objectId: string, title: string, audioUrl: string) =>
    parseObject(objectId, {
      artist: ptr('Artist', 'a1'),
      title,
      audioUrl,
      submissionSource: 'email',
      reviewStatus: 'submitted',
      submittedBy: ptr('_User', 'u1'),
      receivedAt: { __type: 'Date', iso: '2026-02-01T08:00:00.000Z' },
    });
  const files = [
    classExport('_User', [
      parseObject('u1', { username: 'ari', email: 'ari@label.example', role: 'AandR' }),
    ]),
    classExport('Artist', [
      parseObject('a1', {
        artistName: '夜行者',
        genre: 'city pop',
        status: 'prospect',
        owner: ptr('_User', 'u1'),
      }),
    ]),
    classExport('Demo', [
      demo('d1', 'Night Drive', 'https://parsefiles.back4app.com/app/3f9c_night-drive.wav'),
      demo(
        'd2',
        'Sunrise',
        'https://parsefiles.back4app.com/app/0123456789abcdef0123456789abcdef_sunrise.wav',
      ),
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
