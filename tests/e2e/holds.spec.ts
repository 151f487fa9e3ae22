import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './api';
import { agencyTeam, dragEvent, setPicker } from './agencyDesk';
import { AuthScreens, OWNER, Roster, showTimesInUtc } from './pages';

// Tall enough that the whole working day of the week view is on screen for the drag.
test.use({ viewport: { width: 1280, height: 1400 } });

const today = () => new Date().toISOString().slice(0, 10);
const at = (hour: number) => `${today()}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function pencil(page: Page, client: string, project: string) {
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByRole('textbox', { name: 'Client' }).fill(client);
  await dialog.getByRole('textbox', { name: 'Project' }).fill(project);
  const zone = dialog.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('');
  await zone.pressSequentially('UTC');
  await page.getByRole('option', { name: 'UTC', exact: true }).click();
  await setPicker(page, dialog, 'Starts', at(14));
  await setPicker(page, dialog, 'Ends', at(16));
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

const row = (page: Page, client: string) => page.getByRole('row').filter({ hasText: client });

test('a coordinator pencils two clients, challenges the 1st, the deadline passes while the app is closed, the 2nd moves up, is confirmed, and nothing can be dragged onto it', async ({
  host,
  page,
}) => {
  const { owner, talent: mia } = await agencyTeam(host);
  const rehearsal = await owner.call('schedule.create', {
    talentProfile: mia.id,
    entryType: 'rehearsal',
    status: 'tentative',
    title: 'Table read',
    start: at(9),
    end: at(10),
    timezone: 'UTC',
  });

  await showTimesInUtc(page);
  await page.goto(host.url);
  await new AuthScreens(page).signIn('carol', OWNER.password);
  const roster = new Roster(page);
  await roster.visit();
  await roster.open('Mia Lux');
  await page.getByRole('tab', { name: 'Bookings' }).click();
  await pencil(page, 'Northwind Studios', 'The Long Night');
  await pencil(page, 'Bluebird Media', 'Holiday Spot');

  // Both holds stand, ranked by arrival.
  await page.getByRole('navigation').getByRole('link', { name: 'Bookings' }).click();
  await expect(row(page, 'Northwind Studios')).toContainText('1st hold');
  await expect(row(page, 'Bluebird Media')).toContainText('2nd hold');

  // The 2nd challenges the 1st: it must confirm within 24 hours.
  await row(page, 'Bluebird Media').getByRole('gridcell').first().click();
  const second = page.getByRole('dialog', { name: /Booking for Mia Lux/ });
  await expect(second).toContainText('This is the 2nd hold on its time');
  await second.getByRole('combobox', { name: 'Deadline' }).click();
  await page.getByRole('option', { name: '24 hours' }).click();
  await second.getByRole('button', { name: 'Challenge the 1st hold' }).click();
  await expect(page.getByText('The 1st hold must confirm within 24 hours')).toBeVisible();
  await expect(second).toBeHidden();
  await expect(row(page, 'Northwind Studios')).toContainText(/confirm in/);
  await page.screenshot({ path: test.info().outputPath('holds-challenged.png') });

  // Nobody confirms; the app is closed and opened a day and an hour later.
  await host.restart({ clockOffsetMinutes: 25 * 60 });
  await page.goto(host.url);
  await new AuthScreens(page).signIn('carol', OWNER.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Bookings' }).click();
  await expect(row(page, 'Northwind Studios')).toContainText('Cancelled');
  await expect(row(page, 'Bluebird Media')).toContainText('1st hold');

  // The new 1st confirms, with no release needed.
  await row(page, 'Bluebird Media').getByRole('gridcell').first().click();
  const confirming = page.getByRole('dialog', { name: /Booking for Mia Lux/ });
  await confirming.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(row(page, 'Bluebird Media')).toContainText('Confirmed');
  await page.screenshot({ path: test.info().outputPath('holds-confirmed.png') });

  // And nothing of Mia's can be dragged onto it: refused before saving, with the reason.
  await page.getByRole('navigation').getByRole('link', { name: 'Schedule' }).click();
  await page.getByRole('button', { name: 'week', exact: true }).click();
  const event = page.locator(`[data-entry-id="${rehearsal.id}"]`);
  await expect(event).toContainText('Table read');
  await dragEvent(page, event, today(), '14:00:00');
  await expect(
    page.getByText(/Not moved: That time clashes with Bluebird Media · Holiday Spot/),
  ).toBeVisible();
  await expect(event).toContainText('9:00');
  const later = await api(host.url).signIn(OWNER.username, OWNER.password);
  const audit = await later.call('audit.list', { entity: 'bookings', limit: 100 });
  expect(audit.items.map((e: { action: string }) => e.action)).toContain(
    'bookings.challengeExpired',
  );
});

test('confirming a hold that releases another client’s asks first, naming the client, and the booking keeps them as the clients to call', async ({
  host,
  page,
}) => {
  const { owner, talent: mia } = await agencyTeam(host);
  const slot = { talentProfile: mia.id, startDateTime: at(14), endDateTime: at(16) };
  const first = await owner.call('bookings.create', {
    ...slot,
    clientName: 'Northwind Studios',
    projectName: 'The Long Night',
  });
  await owner.call('bookings.create', {
    ...slot,
    clientName: 'Bluebird Media',
    projectName: 'Holiday Spot',
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn('carol', OWNER.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Bookings' }).click();
  await row(page, 'Northwind Studios').getByRole('gridcell').first().click();
  const booking = page.getByRole('dialog', { name: /Booking for Mia Lux/ });
  await booking.getByRole('button', { name: 'Confirm booking' }).click();

  // Asked first, with the client to call; saying no changes nothing.
  const ask = page.getByRole('dialog', { name: 'Release other clients’ holds?' });
  await expect(ask).toContainText('Bluebird Media · Holiday Spot');
  await expect(ask).not.toContainText('Northwind');
  await page.screenshot({ path: test.info().outputPath('holds-release-ask.png') });
  await ask.getByRole('button', { name: 'Keep the holds' }).click();
  await expect(ask).toBeHidden();
  await expect(booking).toBeVisible();
  expect((await owner.call('bookings.get', { id: first.id })).status).toBe('hold');

  await booking.getByRole('button', { name: 'Confirm booking' }).click();
  await ask.getByRole('button', { name: 'Confirm and release 1 hold' }).click();
  await expect(page.getByText(/Released holds to follow up: Bluebird Media/)).toBeVisible();
  await expect(row(page, 'Northwind Studios')).toContainText('Confirmed');
  await expect(row(page, 'Bluebird Media')).toContainText('Cancelled');

  // The list stays on the booking, also after a reload.
  await page.reload();
  await row(page, 'Northwind Studios').getByRole('gridcell').first().click();
  const toCall = booking.getByRole('region', { name: 'Clients to call' });
  await expect(toCall).toContainText('Bluebird Media · Holiday Spot');
  await booking.screenshot({ path: test.info().outputPath('holds-clients-to-call.png') });
});
