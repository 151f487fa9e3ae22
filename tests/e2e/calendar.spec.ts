import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, type ApiClient } from './api';
import { agencyTeam, dragEvent } from './agencyDesk';
import { AuthScreens, OWNER, showTimesInUtc } from './pages';

// Tall enough that the whole working day of the week view is on screen for the drags.
test.use({ viewport: { width: 1280, height: 1400 } });

const today = () => new Date().toISOString().slice(0, 10);
const at = (hour: number) => `${today()}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function openWeek(page: Page, host: { url: string }, username: string) {
  await showTimesInUtc(page);
  await page.goto(host.url);
  await new AuthScreens(page).signIn(username, OWNER.password);
  await page.getByRole('link', { name: 'Schedule' }).click();
}

const startOf = async (owner: ApiClient, id: string) =>
  (await owner.call('schedule.list', { from: at(0), to: `${today()}T23:59:59.000Z` })).items.find(
    (e: { id: string }) => e.id === id,
  )?.start;

test('a coordinator drags a tentative entry to a free slot, cannot drop it on a confirmed booking, exports the week, and a second page follows', async ({
  host,
  page,
  context,
}) => {
  const { owner, talent } = await agencyTeam(host);
  const entry = await owner.call('schedule.create', {
    talentProfile: talent.id,
    entryType: 'rehearsal',
    title: 'Table read',
    start: at(9),
    end: at(10),
    timezone: 'America/New_York',
  });
  const booking = await owner.call('bookings.create', {
    talentProfile: talent.id,
    clientName: 'Northwind',
    projectName: 'Summer',
    startDateTime: at(14),
    endDateTime: at(16),
  });
  await owner.call('bookings.confirm', { id: booking.id });

  await openWeek(page, host, 'carol');
  const event = page.locator(`[data-entry-id="${entry.id}"]`);
  await expect(event).toContainText('Table read');
  await expect(page.locator('.fc-event').filter({ hasText: 'Northwind · Summer' })).toBeVisible();

  const second = await context.newPage();
  await second.goto(`${host.url}/#/schedule`);
  const mirrored = second.locator(`[data-entry-id="${entry.id}"]`);
  await expect(mirrored).toContainText('9:00');

  // To a free slot: saved in main, and the second page shows it without a reload.
  await dragEvent(page, event, today(), '11:00:00');
  await expect(page.getByText('Moved.')).toBeVisible();
  await expect.poll(() => startOf(owner, entry.id)).toBe(at(11));
  await expect(mirrored).toContainText('11:00');

  // Undo puts it back, through main (audited as a move like any other), then again to 11:00.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Move undone: back where it was.')).toBeVisible();
  await expect.poll(() => startOf(owner, entry.id)).toBe(at(9));
  await expect(mirrored).toContainText('9:00');
  const moves = await owner.call('audit.list', { entity: 'schedule', entityId: entry.id });
  expect(moves.items.length).toBeGreaterThanOrEqual(3);
  await dragEvent(page, page.locator(`[data-entry-id="${entry.id}"]`), today(), '11:00:00');
  await expect.poll(() => startOf(owner, entry.id)).toBe(at(11));

  // The confirmed booking's own entry does not move: a drag on it says why instead.
  const confirmed = page.locator('.fc-event').filter({ hasText: 'Northwind · Summer' });
  await expect(confirmed).toBeVisible();
  await dragEvent(page, confirmed, today(), '18:00:00');
  await expect(page.getByText(/A confirmed booking’s entry does not move here/)).toBeVisible();

  // Onto the confirmed booking: refused in main, reverted on screen with the reason.
  await dragEvent(page, page.locator(`[data-entry-id="${entry.id}"]`), today(), '14:00:00');
  await expect(
    page.getByText(/Not moved: That time clashes with Northwind · Summer/),
  ).toBeVisible();
  expect(await startOf(owner, entry.id)).toBe(at(11));
  await expect(page.locator(`[data-entry-id="${entry.id}"]`)).toContainText('11:00');
  await page.screenshot({ path: test.info().outputPath('calendar-week.png') });

  // The week as .ics.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .ics' }).click();
  const file = await (await download).path();
  const ics = readFileSync(file, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(`UID:${entry.id}@greenroom`);
  expect(ics).toContain('SUMMARY:Mia Lux: Table read');
  // In the entry's own zone, which the file defines.
  expect(ics).toContain('DTSTART;TZID=America/New_York:');
  expect(ics).toContain('TZID:America/New_York');
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
});

test('legal, who sees only contract dates on the calendar, exports those dates as all-day events', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'lena',
    email: 'lena@example.com',
    fullName: 'Lena Legal',
    password: OWNER.password,
    role: 'legal',
  });
  const artist = await owner.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' });
  const contract = await owner.call('contracts.create', {
    artist: artist.id,
    contractType: 'recording',
    optionDate: today(),
  });

  await openWeek(page, host, 'lena');
  await expect(page.locator('.gr-contract-option', { hasText: 'Paper Tides' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .ics' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(
    /^greenroom-contract-dates-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.ics$/,
  );
  const ics = readFileSync(await saved.path(), 'utf8');
  expect(ics).toContain(`UID:${contract.id}-option@greenroom`);
  expect(ics).toContain(`DTSTART;VALUE=DATE:${today().replaceAll('-', '')}`);
});
