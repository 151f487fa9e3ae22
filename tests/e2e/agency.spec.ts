import { expect, test } from './fixtures';
import { api } from './api';
import { setPicker } from './agencyDesk';
import { AuthScreens, OWNER, Roster } from './pages';

test('an audition runs through callback to a confirmed booking on the schedule, and a clash is caught', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const mia = await owner.call('talents.create', {
    stageName: 'Mia Lux',
    fullName: 'Mia Luxembourg',
    talentType: 'actor',
  });
  // Tomorrow at 15:00 UTC: within the board's range and the talent page's 90-day schedule.
  const when = new Date(Date.now() + 86_400_000);
  when.setUTCHours(15, 0, 0, 0);
  await owner.call('auditions.create', {
    talentProfile: mia.id,
    clientName: 'Northwind Studios',
    projectName: 'The Long Night',
    auditionType: 'in_person',
    auditionDate: when.toISOString(),
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Auditions' }).click();

  // Invited -> callback, with notes.
  const invited = page.getByRole('region', { name: 'Invited' });
  const card = invited.getByRole('article').or(invited.locator('[aria-label^="Mia Lux"]')).first();
  await card.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('menuitem', { name: 'Callback' }).click();
  const callback = page.getByRole('dialog', { name: 'Callback for Mia Lux' });
  await callback
    .getByRole('textbox', { name: 'Callback notes' })
    .fill('Bring the second monologue');
  await callback.getByRole('button', { name: 'Save' }).click();
  const callbacks = page.getByRole('region', { name: 'Callback' });
  await expect(callbacks.locator('[aria-label^="Mia Lux"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('board.png') });

  // Callback -> booked, and the offered booking is prefilled and linked.
  await callbacks
    .locator('[aria-label^="Mia Lux"]')
    .getByRole('button', { name: 'Move to…' })
    .click();
  await page.getByRole('menuitem', { name: 'Booked' }).click();
  await page.getByRole('button', { name: 'Create booking' }).click();
  const booking = page.getByRole('dialog', { name: 'New booking' });
  await expect(
    booking.getByText('From the audition Northwind Studios · The Long Night'),
  ).toBeVisible();
  await expect(booking.getByRole('textbox', { name: 'Client' })).toHaveValue('Northwind Studios');
  await booking.getByRole('textbox', { name: 'Rate' }).fill('2500');
  await page.screenshot({ path: test.info().outputPath('booking-dialog.png') });
  await booking.getByRole('button', { name: 'Create' }).click();
  await expect(booking).toBeHidden();

  // Confirm it from the bookings list; the schedule entry appears on the talent page.
  await page.getByRole('link', { name: 'Bookings' }).click();
  const row = page.getByRole('row').filter({ hasText: 'The Long Night' });
  await expect(row).toContainText('1st hold');
  await row.getByRole('gridcell').first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm booking' }).click();
  await expect(row).toContainText('Confirmed');
  await expect(row).toContainText('$2,500.00');

  await page.getByRole('link', { name: 'Talent roster' }).click();
  await page.getByRole('gridcell', { name: 'Mia Lux', exact: true }).click();
  await page.getByRole('tab', { name: 'Schedule' }).click();
  await expect(page.getByRole('list', { name: 'The next 90 days' })).toContainText(
    'Booking · Northwind Studios · The Long Night',
  );

  // A second booking over the confirmed one: warned before saving, refused on save.
  await page.getByRole('tab', { name: 'Bookings' }).click();
  const confirmed = (await owner.call('bookings.list', { talentProfile: mia.id })).items[0];
  await owner
    .call('bookings.create', {
      talentProfile: mia.id,
      clientName: 'Bluebird Media',
      projectName: 'Holiday Spot',
      startDateTime: confirmed.startDateTime,
      endDateTime: confirmed.endDateTime,
    })
    .catch((error: Error) => {
      expect(error.message).toContain('CONFLICT');
    });
  await page.getByRole('button', { name: 'New booking' }).click();
  const clash = page.getByRole('dialog', { name: 'New booking' });
  await clash.getByRole('textbox', { name: 'Client' }).fill('Bluebird Media');
  await clash.getByRole('textbox', { name: 'Project' }).fill('Holiday Spot');
  // Same wall-clock times as the confirmed booking, in its zone.
  const zone = clash.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('');
  await zone.pressSequentially('UTC');
  await page.getByRole('option', { name: 'UTC', exact: true }).click();
  await setPicker(page, clash, 'Starts', confirmed.startDateTime);
  await setPicker(page, clash, 'Ends', confirmed.endDateTime);
  await expect(clash.getByRole('status')).toContainText('Northwind Studios · The Long Night');
  await clash.getByRole('button', { name: 'Create' }).click();
  await expect(clash.getByRole('alert')).toContainText(
    'This time clashes with Northwind Studios · The Long Night',
  );
  await page.screenshot({ path: test.info().outputPath('clash.png') });
  await clash.getByRole('button', { name: 'Close' }).click();

  // Cancelling asks for a reason in the app (no browser prompt: Electron has none).
  await page.getByRole('link', { name: 'Bookings' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: 'The Long Night' })
    .getByRole('gridcell')
    .first()
    .click();
  await page
    .getByRole('dialog', { name: /Booking for Mia Lux/ })
    .getByRole('button', { name: 'Cancel booking' })
    .click();
  const cancel = page.getByRole('dialog', { name: 'Cancel booking' });
  await cancel.getByRole('textbox', { name: 'Reason for cancelling' }).fill('Client postponed');
  await cancel.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'The Long Night' })).toContainText(
    'Cancelled',
  );
  const cancelled = (
    await owner.call('bookings.list', { talentProfile: mia.id, status: 'cancelled' })
  ).items[0];
  expect(cancelled.cancelReason).toBe('Client postponed');
});

/** Types an instant into an MUI X date-time field, section by section (MM/DD/YYYY hh:mm aa). */
test('a headshot is uploaded from the talent page and shown from the media store', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('talents.create', {
    stageName: 'Nova Hart',
    fullName: 'Nova Hartley',
    talentType: 'model',
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await new Roster(page).visit();
  await page.getByRole('gridcell', { name: 'Nova Hart', exact: true }).click();

  // A real 1x1 PNG, named .jpg: the server goes by the content.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload headshot' }).click();
  await (await chooser).setFiles({ name: 'nova.jpg', mimeType: 'image/jpeg', buffer: png });
  const image = page.getByRole('img', { name: 'Headshot' });
  await expect(image).toHaveAttribute('src', /\/media\/[0-9a-f-]+\?ticket=/);
  await expect
    .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(1);
});

test('the auditions page says what it shows, and a pipeline move can be undone', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Auditions' }).click();
  // Nothing yet: a sentence, not four blank columns.
  await expect(page.getByText(/^No auditions from .+ on\. Choose a longer range/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Invited' })).toHaveCount(0);

  const mia = await owner.call('talents.create', {
    stageName: 'Mia Lux',
    fullName: 'Mia Luxembourg',
    talentType: 'actor',
  });
  for (const [project, daysAgo] of [
    ['Last Season', 45],
    ['Next Week', -5],
  ] as const) {
    await owner.call('auditions.create', {
      talentProfile: mia.id,
      clientName: 'Northwind Studios',
      projectName: project,
      auditionType: 'in_person',
      auditionDate: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    });
  }
  await page.reload();
  const shown = page.getByRole('status').filter({ hasText: /audition/ });
  await expect(shown).toHaveText(/^1 audition from .+ on$/);
  await page.getByRole('combobox', { name: 'Dates' }).click();
  await page.getByRole('option', { name: 'From the last 90 days' }).click();
  await expect(shown).toHaveText(/^2 auditions from .+ on$/);

  // Declined by mistake: Undo puts it back in Invited.
  const invited = page.getByRole('region', { name: 'Invited' });
  const card = invited.locator('[aria-label*="Next Week"]');
  await card.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('menuitem', { name: 'Declined' }).click();
  const declined = page.getByRole('region', { name: 'Declined' });
  await expect(declined.locator('[aria-label*="Next Week"]')).toBeVisible();
  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect(invited.locator('[aria-label*="Next Week"]')).toBeVisible();
  await expect(declined.locator('[aria-label*="Next Week"]')).toHaveCount(0);
});
