import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { api, type ApiClient } from './api';
import { expect, test } from './fixtures';
import { AuthScreens } from './pages';

const run = promisify(execFile);
const PASSWORD = 'player desk password 1';

/** "1:07 / 10:00" → 67: the position the player shows, in whole seconds. */
const seconds = (shown: string) => {
  const [minutes, secs] = shown.split(' /')[0]!.split(':').map(Number);
  return minutes! * 60 + secs!;
};
const clock = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;

/** A tone sweep of the given length, mono 8 kHz (an hour is 58 MB), made by sox. */
async function sweep(minutes: number, name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'greenroom-long-')), name);
  await run('sox', [
    '-n',
    '-r',
    '8000',
    '-c',
    '1',
    '-b',
    '16',
    path,
    'synth',
    String(minutes * 60),
    'sine',
    '200:1200',
    'vol',
    '0.4',
  ]);
  return path;
}

async function importFile(
  host: string,
  client: ApiClient,
  artist: string,
  path: string,
  title: string,
) {
  const upload = await fetch(`${host}/upload`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${client.token}`,
      'Content-Type': 'application/octet-stream',
      'x-file-name': title,
      'Content-Length': String(statSync(path).size),
    },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const { data } = (await upload.json()) as { data: { file: string } };
  return client.call('demos.import', {
    artist,
    title,
    submissionSource: 'portal',
    file: data.file,
  });
}

/** Waits until the analysis worker has stored the demo's peaks. */
async function peaksReady(client: ApiClient, id: string): Promise<void> {
  await expect
    .poll(async () => (await client.call('demos.peaks', { id })).status, { timeout: 60_000 })
    .toBe('ready');
}

/** A second A&R reviewer scores the demo through the API, as another workstation would. */
async function rateAsSecondReviewer(host: string, demo: string, score: number) {
  const owner = await api(host).signIn('owner', PASSWORD);
  await owner.call('users.create', {
    username: 'omar',
    email: 'omar@example.com',
    fullName: 'Omar Idris',
    password: PASSWORD,
    role: 'AandR',
  });
  const omar = await api(host).signIn('omar', PASSWORD);
  return omar.call('demos.rate', { id: demo, score });
}

async function setUp(host: string) {
  const owner = await api(host).signIn('owner', PASSWORD, true);
  await owner.call('users.create', {
    username: 'ada',
    email: 'ada@example.com',
    fullName: 'Ada Ramos',
    password: PASSWORD,
    role: 'AandR',
  });
  const ada = await api(host).signIn('ada', PASSWORD);
  const artist = await ada.call('artists.create', { artistName: 'Long Form', genre: 'ambient' });
  return { ada, artist: artist.id as string };
}

test('a demo is auditioned by keyboard: play, seek, a note at the playhead that stays on the waveform, a decision, the next demo', async ({
  host,
  page,
}) => {
  const { ada, artist } = await setUp(host.url);
  const first = await importFile(host.url, ada, artist, await sweep(10, 'ten.wav'), 'Ten Minutes');
  const second = await importFile(host.url, ada, artist, await sweep(1, 'one.wav'), 'One Minute');
  await peaksReady(ada, first.id);

  await page.goto(host.url);
  await new AuthScreens(page).signIn('ada', PASSWORD);
  await page.getByRole('link', { name: 'Demo queue' }).click();
  await page.getByRole('gridcell', { name: 'Ten Minutes' }).click();
  await expect(page.getByRole('heading', { name: 'Ten Minutes' })).toBeVisible();
  const waveform = page.locator('[data-waveform-state]');
  await expect(waveform).toHaveAttribute('data-waveform-state', 'ready');
  // The time axis is labelled every minute of the ten.
  const axisLabels = page.locator('[part~="timeline-notch-primary"]');
  await expect
    .poll(() => axisLabels.allTextContents())
    .toEqual(['0:00', '1:00', '2:00', '3:00', '4:00', '5:00', '6:00', '7:00', '8:00', '9:00']);
  await expect(page.getByText(/Loudness: -\d+(\.\d)? LUFS/)).toBeVisible();
  const position = page.getByLabel('Position');
  await expect(position).toHaveText('0:00 / 10:00');

  // Space plays; the position moves on its own.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(position).not.toHaveText(/^0:00 /, { timeout: 5_000 });
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const pausedAt = seconds((await position.textContent())!);
  // Seeking far into a long file is immediate: the audio streams by range. Quick presses add up
  // exactly, even while the previous seek is still buffering.
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('l');
  await expect(position).toHaveText(`${clock(pausedAt + 40)} / 10:00`);
  const seekedTo = (await position.textContent())!.split(' /')[0]!;
  await page.keyboard.press(']');
  await expect(page.getByLabel('Playback speed')).toHaveText('1.25×');

  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: `Note at ${seekedTo}` });
  await note.fill('Synth swell lands here');
  await note.press('Enter');
  const notes = page.getByRole('list', { name: 'Notes on this demo' });
  await expect(notes.getByText('Synth swell lands here')).toBeVisible();
  await expect(notes.getByText(`1 · ${seekedTo}`, { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('player.png') });

  // The marker is on the waveform (wavesurfer draws regions in its shadow DOM), and survives a reload.
  const markerCount = () =>
    page.evaluate<number>(
      `document.querySelector('[data-waveform-state]')?.firstElementChild?.shadowRoot?.querySelectorAll('[part~="marker"]').length ?? 0`,
    );
  await expect.poll(markerCount).toBe(1);
  await page.reload();
  await expect(waveform).toHaveAttribute('data-waveform-state', 'ready');
  await expect(notes.getByText('Synth swell lands here')).toBeVisible();
  await expect.poll(markerCount).toBe(1);
  // The position in this demo was remembered for this user.
  await expect(position).toHaveText(new RegExp(`^${seekedTo} /`));

  // Shift+4 is this reviewer's score; another reviewer's 5 makes the average.
  await page.keyboard.press('Shift+Digit4');
  await expect(page.getByText('Your score: 4.')).toBeVisible();
  await expect(page.getByTestId('score-average')).toHaveText('Average 4 from 1 reviewer');
  const omar = await rateAsSecondReviewer(host.url, first.id, 5);
  expect(omar.scores).toMatchObject({ average: 4.5, count: 2, mine: 5 });
  await expect(page.getByTestId('score-average')).toHaveText('Average 4.5 from 2 reviewers');

  // 1 starts the review; ↓ opens the next demo in the queue.
  // A decision by key can be taken back from its notice for a moment.
  await page.keyboard.press('1');
  await expect(page.getByText('In review', { exact: true })).toBeVisible();
  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Submitted', { exact: true })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByText('In review', { exact: true })).toBeVisible();
  await expect(page.getByText('Now In review.')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { name: 'One Minute' })).toBeVisible();
  expect(page.url()).toContain(second.id);
  // The last demo's notice went with it; this one's axis is labelled every 10 seconds.
  await expect(page.getByText('Now In review.')).toHaveCount(0);
  await expect
    .poll(() => axisLabels.allTextContents())
    .toEqual(['0:00', '0:10', '0:20', '0:30', '0:40', '0:50']);
  // The shorter demo's own clock: never the longer one's position over its length.
  await expect(position).toHaveText('0:00 / 1:00');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('a 60-minute demo opens from its stored peaks; the figure against decoding it', async ({
  host,
  page,
}) => {
  test.setTimeout(180_000);
  const { ada, artist } = await setUp(host.url);
  const hour = await importFile(host.url, ada, artist, await sweep(60, 'hour.wav'), 'One Hour');
  await peaksReady(ada, hour.id);

  await page.goto(host.url);
  await new AuthScreens(page).signIn('ada', PASSWORD);
  await page.getByRole('link', { name: 'Demo queue' }).click();
  await expect(page.getByRole('gridcell', { name: 'One Hour' })).toBeVisible();

  // Browser-side timing, from the route change to the waveform drawn.
  const cached = await page.evaluate<number>(`(async () => {
    const started = performance.now();
    location.hash = '#/demos/${hour.id as string}';
    await new Promise((resolve) => {
      const check = () =>
        document.querySelector('[data-waveform-state="ready"]') ? resolve() : requestAnimationFrame(check);
      check();
    });
    return performance.now() - started;
  })()`);
  await expect(page.getByLabel('Position')).toHaveText('0:00 / 1:00:00');

  // Without stored peaks the browser must fetch and decode the whole file first.
  const decoded = await page.evaluate<number>(`(async () => {
    const url = '/media/${(hour.audioUrl as string).slice('media:'.length)}';
    const started = performance.now();
    const headers = { Authorization: 'Bearer ' + localStorage.getItem('greenroom.token') };
    const bytes = await (await fetch(url, { headers })).arrayBuffer();
    const context = new AudioContext();
    await context.decodeAudioData(bytes);
    await context.close();
    return performance.now() - started;
  })()`);

  const figures = { cachedPeaksMs: Math.round(cached), decodeWithoutPeaksMs: Math.round(decoded) };
  console.log(`60-minute demo waveform: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'figure', description: JSON.stringify(figures) });
  await page.screenshot({ path: test.info().outputPath('hour.png') });
  // A ratio in the same run, not a bare time: stored peaks must beat decoding by far.
  expect(cached).toBeLessThan(decoded);
});

test('an A&R user who does not own the artist sees why they cannot decide, in the queue and the player', async ({
  host,
  page,
}) => {
  const { ada, artist } = await setUp(host.url);
  const demo = await importFile(host.url, ada, artist, await sweep(1, 'one.wav'), 'Not Mine');
  const owner = await api(host.url).signIn('owner', PASSWORD);
  await owner.call('users.create', {
    username: 'omar',
    email: 'omar@example.com',
    fullName: 'Omar Idris',
    password: PASSWORD,
    role: 'AandR',
  });
  const reason = 'Only this artist’s A&R owner or an admin decides on its demos.';

  await page.goto(host.url);
  await new AuthScreens(page).signIn('omar', PASSWORD);
  await page.getByRole('link', { name: 'Demo queue' }).click();
  const row = page.getByRole('row', { name: /Not Mine/ });
  const start = row.getByRole('button', { name: 'Start review' });
  await expect(start).toBeDisabled();
  await start.locator('..').hover();
  await expect(page.getByRole('tooltip')).toHaveText(reason);

  await row.getByRole('gridcell', { name: 'Not Mine' }).click();
  await expect(page.getByRole('heading', { name: 'Not Mine' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Start review/ })).toBeDisabled();
  // The decision key says why it does nothing; scoring is still every reviewer's.
  await page.keyboard.press('1');
  await expect(page.getByRole('alert').filter({ hasText: reason })).toBeVisible();
  await page.keyboard.press('Shift+Digit4');
  await expect(page.getByText('Your score: 4.')).toBeVisible();
  expect((await ada.call('demos.get', { id: demo.id })).reviewStatus).toBe('submitted');
});
