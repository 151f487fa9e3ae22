import { api } from './api';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';

const PASSWORD = 'today desk password 1';

/** The owner, a legal user (Lee) and an artist whose contracts Lee works on. */
async function legalDesk(host: { url: string }) {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await owner.call('users.create', {
    username: 'lee',
    email: 'lee@example.com',
    fullName: 'Lee Marsh',
    password: PASSWORD,
    role: 'legal',
  });
  const lee = await api(host.url).signIn('lee', PASSWORD);
  const artist = await owner.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' });
  return { owner, lee, artist };
}

test('Today shows a contract option date coming up, and marking it done removes it for that user', async ({
  host,
  page,
}) => {
  const { owner, lee, artist } = await legalDesk(host);
  const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await lee.call('contracts.create', {
    artist: artist.id,
    contractType: 'recording',
    optionDate: inFiveDays,
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn('lee', PASSWORD);
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  const soon = page.getByRole('region', { name: 'Coming up (7 days)' });
  await expect(soon.getByText('Paper Tides · Recording')).toBeVisible();
  await expect(soon.getByText(/Contract option date/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('today.png') });

  // Opening it goes to the contract.
  await soon.getByText('Paper Tides · Recording').click();
  await expect(
    page.getByRole('dialog', { name: /Recording contract · Paper Tides/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();

  // The same date is on the calendar as an all-day item, for legal.
  await page.getByRole('navigation').getByRole('link', { name: 'Schedule' }).click();
  await page.getByRole('button', { name: 'month', exact: true }).click();
  const onCalendar = page.locator('.gr-contract-option', { hasText: 'Paper Tides' });
  await expect(onCalendar).toContainText('Option date · Paper Tides · Recording');
  await page.screenshot({ path: test.info().outputPath('calendar-contract-dates.png') });
  await onCalendar.click();
  await expect(
    page.getByRole('dialog', { name: /Recording contract · Paper Tides/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();

  // Done can be taken back for a moment from its notice.
  await soon.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('Nothing is due this week. Enjoy the quiet.')).toBeVisible();
  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect(soon.getByText('Paper Tides · Recording')).toBeVisible();
  await soon.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('Nothing is due this week. Enjoy the quiet.')).toBeVisible();
  // Done is this user's: the admin still sees it.
  const adminView = await owner.call('today.list', {});
  expect(adminView.items).toContainEqual(
    expect.objectContaining({
      title: 'Paper Tides',
      term: { vocabulary: 'contractType', value: 'recording' },
    }),
  );
});

test('A reminder shows once when something is due, with a desktop notification, and snooze and done', async ({
  host,
  page,
  context,
}) => {
  const { lee, artist } = await legalDesk(host);
  const today = new Date().toISOString().slice(0, 10);
  // Due while nobody had the app open: shown at the next start.
  await lee.call('contracts.create', {
    artist: artist.id,
    contractType: 'recording',
    noticeDate: today,
  });
  await lee.call('contracts.create', {
    artist: artist.id,
    contractType: 'licensing',
    optionDate: today,
  });

  await context.grantPermissions(['notifications']);
  await page.addInitScript(`
    window.__notified = [];
    window.Notification = class {
      static permission = 'granted';
      static requestPermission() { return Promise.resolve('granted'); }
      constructor(title, options) { window.__notified.push(title + ': ' + options.body); }
      close() {}
    };
  `);
  await page.goto(host.url);
  await new AuthScreens(page).signIn('lee', PASSWORD);
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByText('Paper Tides · Recording')).toBeVisible();
  await expect(reminders.getByText('Paper Tides · Licensing')).toBeVisible();
  expect((await page.evaluate<string[]>('window.__notified')).sort()).toEqual([
    'Reminders: Contract notice date: Paper Tides · Recording',
    'Reminders: Contract option date: Paper Tides · Licensing',
  ]);
  await page.screenshot({ path: test.info().outputPath('reminders.png') });
  // The panel sits above the page, never over it: Today's own buttons stay uncovered.
  const panel = (await reminders.boundingBox())!;
  for (const button of await page.getByRole('main').getByRole('button', { name: 'Done' }).all()) {
    const box = await button.boundingBox();
    if (!box) continue;
    const overlaps =
      box.x < panel.x + panel.width &&
      panel.x < box.x + box.width &&
      box.y < panel.y + panel.height &&
      panel.y < box.y + box.height;
    const inside = await button.evaluate(
      (el: { closest(selector: string): unknown }) => !!el.closest('[aria-label="Reminders"]'),
    );
    expect(overlaps && !inside).toBe(false);
  }

  // Done from the reminder: gone from Today too. Snoozed: hidden until tomorrow.
  await reminders
    .getByRole('listitem')
    .filter({ hasText: 'Recording' })
    .getByRole('button', { name: 'Done' })
    .click();
  await reminders
    .getByRole('listitem')
    .filter({ hasText: 'Licensing' })
    .getByRole('button', { name: 'Snooze until tomorrow' })
    .click();
  await expect(reminders).toBeHidden();
  await expect(page.getByText('Nothing is due this week. Enjoy the quiet.')).toBeVisible();

  // Shown once: a new contract due today reminds at once (live), and not again after a reload.
  await lee.call('contracts.create', {
    artist: artist.id,
    contractType: 'publishing',
    expiryDate: today,
  });
  await expect(reminders.getByText('Paper Tides · Publishing')).toBeVisible();
  await reminders.getByRole('button', { name: 'Close reminders' }).click();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Due today' })).toContainText(
    'Paper Tides · Publishing',
  );
  await expect(reminders).toBeHidden();
});

test('many reminders at once: three listed, the rest counted and a click away on Today', async ({
  host,
  page,
}) => {
  const { lee, artist } = await legalDesk(host);
  const today = new Date().toISOString().slice(0, 10);
  for (const contractType of ['recording', 'licensing', 'publishing', 'management', 'distribution'])
    await lee.call('contracts.create', { artist: artist.id, contractType, noticeDate: today });

  await page.goto(host.url);
  await new AuthScreens(page).signIn('lee', PASSWORD);
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByRole('listitem')).toHaveCount(3);
  await expect(reminders).toContainText('2 more are due.');

  // Done on one brings the next into the list.
  await reminders.getByRole('listitem').first().getByRole('button', { name: 'Done' }).click();
  await expect(reminders.getByRole('listitem')).toHaveCount(3);
  await expect(reminders).toContainText('1 more is due.');

  await page.getByRole('navigation').getByRole('link', { name: 'Contracts' }).click();
  await reminders.getByRole('button', { name: 'Open Today' }).click();
  await expect(reminders).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Due today' }).getByRole('listitem')).toHaveCount(
    4,
  );
});

test('more than a hundred reminders at once are all recorded as shown, none repeats', async ({
  host,
  page,
}) => {
  const { lee, artist } = await legalDesk(host);
  const today = new Date().toISOString().slice(0, 10);
  // More than one today.reminded call takes.
  for (let i = 0; i < 101; i++)
    await lee.call('contracts.create', {
      artist: artist.id,
      contractType: 'recording',
      noticeDate: today,
    });

  await page.goto(host.url);
  await new AuthScreens(page).signIn('lee', PASSWORD);
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders).toContainText('98 more are due.');
  // Above a page far taller than the window, the panel keeps its height: Today's heading is
  // below it, not under it.
  const panel = (await reminders.boundingBox())!;
  const heading = (await page.getByRole('heading', { name: 'Today', level: 1 }).boundingBox())!;
  expect(heading.y).toBeGreaterThanOrEqual(panel.y + panel.height);
  await expect
    .poll(
      async () =>
        (await lee.call('today.list', {})).items.filter((i: { reminded: boolean }) => i.reminded)
          .length,
    )
    .toBe(101);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(reminders).toBeHidden();
});
