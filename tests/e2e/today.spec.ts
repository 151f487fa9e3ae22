import { api } from './api';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';

const PASSWORD = 'today desk password 1';

test('Today shows a contract option date coming up, and marking it done removes it for that user', async ({
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
  const lee = await api(host.url).signIn('lee', PASSWORD);
  const artist = await owner.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' });
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
  await expect(soon.getByText('Paper Tides · recording')).toBeVisible();
  await expect(soon.getByText(/Contract option date/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('today.png') });

  // Opening it goes to the contract.
  await soon.getByText('Paper Tides · recording').click();
  await expect(
    page.getByRole('dialog', { name: /Recording contract · Paper Tides/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();

  await soon.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('Nothing is due this week. Enjoy the quiet.')).toBeVisible();
  // Done is this user's: the admin still sees it.
  const adminView = await owner.call('today.list', {});
  expect(adminView.items.map((i: { title: string }) => i.title)).toContain(
    'Paper Tides · recording',
  );
});
