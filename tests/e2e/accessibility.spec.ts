import AxeBuilder from '@axe-core/playwright';
import { api } from './api';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';

/** Every screen in the navigation, as an admin (who sees them all), with some data on it. */
const SCREENS = [
  'Today',
  'Talent roster',
  'Schedule',
  'Auditions',
  'Bookings',
  'Artists',
  'Demo queue',
  'Contracts',
  'Users',
  'Audit trail',
  'Settings',
];

test('every screen has no serious or critical accessibility violations (axe)', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const talent = await owner.call('talents.create', {
    stageName: 'Mia Lux',
    fullName: 'Mia Luxembourg',
    talentType: 'actor',
  });
  const start = new Date(Date.now() + 86_400_000);
  start.setUTCHours(14, 0, 0, 0);
  await owner.call('bookings.create', {
    talentProfile: talent.id,
    clientName: 'Northwind Studios',
    projectName: 'The Long Night',
    startDateTime: start.toISOString(),
    endDateTime: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
  });
  const artist = await owner.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' });
  await owner.call('contracts.create', {
    artist: artist.id,
    contractType: 'recording',
    optionDate: new Date().toISOString().slice(0, 10),
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  const found: string[] = [];
  for (const screen of SCREENS) {
    await page.getByRole('navigation').getByRole('link', { name: screen }).click();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(
          `${screen}: ${v.id} (${v.impact}) ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
        );
  }
  console.log(
    `axe: ${SCREENS.length} screens checked, ${found.length} serious or critical violations`,
  );
  expect(found).toEqual([]);
});
