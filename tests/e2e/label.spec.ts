import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pdfBytes } from '../support/files';
import { api } from './api';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';

const run = promisify(execFile);
const PASSWORD = 'label desk password 1';

/** Real audio made by sox and espeak-ng, plus a "wav" that is only text. */
async function audioFixtures(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'greenroom-audio-'));
  const tone = join(dir, 'Midnight Drive.wav');
  const flac = join(dir, 'Second Take.flac');
  const spoken = join(dir, 'Intro Voice.wav');
  const broken = join(dir, 'Broken Bounce.wav');
  await run('sox', [
    '-n',
    '-r',
    '44100',
    '-c',
    '2',
    tone,
    'synth',
    '4',
    'sine',
    '440',
    'vol',
    '0.3',
  ]);
  await run('sox', ['-n', '-r', '48000', flac, 'synth', '3', 'pluck', 'C3', 'vol', '0.5']);
  await run('espeak-ng', ['-w', spoken, 'Greenroom demo number three, thank you for listening.']);
  writeFileSync(broken, 'this is not audio, only a name that ends in wav');
  return [tone, flac, spoken, broken];
}

test('an A&R user imports demos for a new artist, sees them queued, and shortlists one', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'ada',
    email: 'ada@example.com',
    fullName: 'Ada Ramos',
    password: PASSWORD,
    role: 'AandR',
  });
  const files = await audioFixtures();

  await page.goto(host.url);
  await new AuthScreens(page).signIn('ada', PASSWORD);
  await page.getByRole('link', { name: 'Artists' }).click();
  await page.getByRole('button', { name: 'New artist' }).click();
  const dialog = page.getByRole('dialog', { name: 'New artist' });
  await dialog.getByRole('textbox', { name: 'Artist' }).fill('Paper Tides');
  await dialog.getByRole('textbox', { name: 'Genre' }).fill('indie pop');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Paper Tides' })).toBeVisible();

  await page.getByRole('button', { name: 'Import demos' }).click();
  const importer = page.getByRole('dialog', { name: 'Import demos' });
  const chooser = page.waitForEvent('filechooser');
  await importer.getByRole('button', { name: 'Choose audio files…' }).click();
  await (await chooser).setFiles(files);
  await expect(importer.getByRole('textbox', { name: 'Title' })).toHaveCount(4);
  await importer.getByRole('button', { name: 'Import 4 files' }).click();
  await expect(importer.getByText('Imported', { exact: true })).toHaveCount(3);
  await expect(importer.getByText(/not an audio file Greenroom can play/i)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import.png') });
  await importer.getByRole('button', { name: 'Close' }).click();

  const queue = page.getByRole('grid', { name: 'Demo queue' });
  await expect(queue.getByRole('row')).toHaveCount(4); // header + 3 demos
  const row = queue.getByRole('row').filter({ hasText: 'Midnight Drive' });
  await expect(row).toContainText('0:04');
  await expect(row).toContainText('44.1 kHz');
  await expect(queue.getByRole('row').filter({ hasText: 'Second Take' })).toContainText('48 kHz');

  await row.getByRole('button', { name: 'Start review' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start review' }).click();
  await expect(row.getByText('In review')).toBeVisible();
  await row.getByRole('button', { name: 'Shortlist' }).click();
  const decision = page.getByRole('dialog', { name: 'Shortlist' });
  await decision
    .getByRole('textbox', { name: 'Note (optional)' })
    .fill('Chorus lands; book a session.');
  await decision.getByRole('button', { name: 'Shortlist' }).click();
  await expect(row.getByText('Shortlisted')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('queue.png') });

  // The decision note is on the artist's notes; the queue page filters by status.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(page.getByText('Chorus lands; book a session.')).toBeVisible();
  await page.getByRole('link', { name: 'Demo queue' }).click();
  await page.getByRole('combobox', { name: 'Review' }).click();
  await page.getByRole('option', { name: 'Shortlisted' }).click();
  await expect(page.getByRole('grid', { name: 'Demo queue' }).getByRole('row')).toHaveCount(2);
});

test('a legal user takes a contract from draft to active with a signed PDF attached', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'lee',
    email: 'lee@example.com',
    fullName: 'Lee Marsh',
    password: PASSWORD,
    role: 'legal',
  });
  await owner.call('artists.create', { artistName: '夜行者', genre: 'city pop' });
  const pdf = join(mkdtempSync(join(tmpdir(), 'greenroom-pdf-')), 'signed contract.pdf');
  writeFileSync(pdf, pdfBytes('Signed by both parties'));

  await page.goto(host.url);
  await new AuthScreens(page).signIn('lee', PASSWORD);
  await page.getByRole('link', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'New contract' }).click();
  const form = page.getByRole('dialog', { name: 'New contract (draft)' });
  await form.getByRole('combobox', { name: 'Artist' }).fill('夜行');
  await page.getByRole('option', { name: '夜行者' }).click();
  await form.getByRole('textbox', { name: 'Terms' }).fill('Two albums, worldwide.');
  await form.getByRole('button', { name: 'Save' }).click();

  const details = page.getByRole('dialog', { name: /Recording contract · 夜行者/ });
  await expect(details.getByText('Draft').first()).toBeVisible();
  await details.getByRole('button', { name: 'Mark sent' }).click();
  await expect(details.getByRole('button', { name: 'Mark signed' })).toBeVisible();

  // Signing without the document is refused, and says why.
  await details.getByRole('button', { name: 'Mark signed' }).click();
  await expect(details.getByText(/Attach the signed document first/)).toBeVisible();

  // The exported PDF becomes the draft's document, but it is not a signed copy: the old
  // refusal goes, the dialog still asks for the signed one, and signing on it is refused.
  const download = page.waitForEvent('download');
  await details.getByRole('button', { name: 'Export PDF' }).click();
  await download;
  await expect(details.getByText('Generated by Greenroom, not signed')).toBeVisible();
  await expect(details.getByText(/Attach the signed document first/)).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Attach signed PDF…' })).toBeVisible();
  await details.getByRole('button', { name: 'Mark signed' }).click();
  await expect(details.getByText(/The generated PDF is not signed/)).toBeVisible();
  await expect(details.getByText('Sent', { exact: true }).first()).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await details.getByRole('button', { name: 'Attach signed PDF…' }).click();
  await (await chooser).setFiles(pdf);
  await expect(details.getByRole('button', { name: 'Replace signed PDF…' })).toBeVisible();
  await expect(details.getByText(/The generated PDF is not signed/)).toHaveCount(0);
  await expect(details.getByText('Generated by Greenroom, not signed')).toHaveCount(0);
  await details.getByRole('button', { name: 'Mark signed' }).click();
  await details.getByRole('button', { name: 'Make active' }).click();
  await expect(details.getByText('Active', { exact: true }).first()).toBeVisible();
  await expect(details.getByRole('button', { name: 'Mark expired' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('contract.png') });

  // The stored document is the PDF, served from the media store.
  // The link carries a ticket for that one file, never the session token.
  const href = await details.getByRole('link', { name: 'Open document' }).getAttribute('href');
  expect(href).toMatch(/\?ticket=/);
  const token = await page.evaluate<string | null>("localStorage.getItem('greenroom.token')");
  expect(href).not.toContain(token);
  const response = await page.request.get(new URL(href!, host.url).toString());
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['cache-control']).toBe('no-store');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a contributor logs followers and sees the growth chart', async ({ host, page }) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'cai',
    email: 'cai@example.com',
    fullName: 'Cai Wen',
    password: PASSWORD,
    role: 'contributor',
  });
  const artist = await owner.call('artists.create', { artistName: 'Night Shift', genre: 'techno' });
  const contributor = await api(host.url).signIn('cai', PASSWORD);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await contributor.call('growthLogs.create', {
    artist: artist.id,
    platform: 'instagram',
    followerCount: 1000,
    captureDate: monthAgo,
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn('cai', PASSWORD);
  await page.getByRole('link', { name: 'Artists' }).click();
  await page.getByRole('gridcell', { name: 'Night Shift' }).click();
  await page.getByRole('tab', { name: 'Growth' }).click();
  await page.getByRole('button', { name: 'Log followers' }).click();
  const form = page.getByRole('dialog', { name: 'Log followers' });
  await form.getByRole('spinbutton', { name: 'Followers' }).fill('1500');
  await form.getByRole('spinbutton', { name: 'Engagement rate' }).fill('4.2');
  await form.getByRole('button', { name: 'Log followers' }).click();
  await expect(form).toBeHidden();

  await expect(page.getByText('30 days: +500')).toBeVisible();
  const chart = page.getByRole('figure', { name: 'Followers over time by platform' });
  await expect(chart.locator('svg path').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '1,500' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('growth.png'), fullPage: true });
  // The artist's follower total follows the latest capture.
  await page.getByRole('navigation').getByRole('link', { name: 'Artists' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Night Shift' })).toContainText('1,500');
});
