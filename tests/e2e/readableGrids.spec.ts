import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './api';
import { agencyTeam } from './agencyDesk';
import { AuthScreens, OWNER, Roster } from './pages';

// The size the issue names: a 1280 px wide window.
test.use({ viewport: { width: 1280, height: 800 } });

/** The seed command's default workspace (`npm run seed`), written into the running host. */
async function seedDefaults(dataDir: string) {
  await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'src/main/seed/cli.ts',
    '--data-dir',
    dataDir,
    '--password',
    OWNER.password,
  ]);
}

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** The little of the DOM the checks below read (the tests compile without the DOM library). */
interface Drawn {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly textContent: string | null;
  readonly children: { readonly length: number };
  getBoundingClientRect(): { readonly right: number };
  querySelectorAll(selector: string): Iterable<Drawn>;
}

/**
 * What a grid on screen shows cut off: column headers, status chips and date cells whose text
 * is wider than their box (drawn with "…"), and any text that reads as an ISO date.
 */
async function unreadable(page: Page) {
  await expect(page.locator('.MuiDataGrid-row').first()).toBeVisible();
  return page.evaluate((isoSource) => {
    const iso = new RegExp(isoSource);
    const doc = (globalThis as unknown as { document: Drawn }).document;
    const cut = [
      ...doc.querySelectorAll(
        '.MuiDataGrid-columnHeaderTitle, .MuiDataGrid-cell .MuiChip-label, .MuiDataGrid-cell[data-field$="Date"]',
      ),
    ]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent);
    const isoTexts = [...doc.querySelectorAll('main *')]
      .filter((el) => el.children.length === 0 && iso.test(el.textContent ?? ''))
      .map((el) => el.textContent);
    // Every column header lies inside its grid: nothing needs a sideways scroll at 1280 px.
    const outside = [...doc.querySelectorAll('.MuiDataGrid-root')].flatMap((grid) => {
      const right = grid.getBoundingClientRect().right;
      return [...grid.querySelectorAll('.MuiDataGrid-columnHeader')]
        .filter((header) => header.getBoundingClientRect().right > right + 1)
        .map((header) => header.textContent);
    });
    return { cut, iso: isoTexts, outside };
  }, ISO_DAY.source);
}

/** The cells of these columns whose text is wider than their box (drawn with "…"). */
async function namesCut(page: Page, fields: readonly string[]) {
  await expect(page.locator('.MuiDataGrid-row').first()).toBeVisible();
  return page.evaluate((names) => {
    const doc = (globalThis as unknown as { document: Drawn }).document;
    const selector = names.map((name) => `.MuiDataGrid-cell[data-field="${name}"]`).join(', ');
    return [...doc.querySelectorAll(selector)]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent);
  }, fields);
}

test('the seeded workspace at 1280 px, in English and Chinese: headers, status chips and dates show whole, and dates read in the reader’s format', async ({
  host,
  page,
}) => {
  test.setTimeout(120_000);
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await seedDefaults(host.dataDir);
  // Someone who asked for an account: the users list shows their chip beside the active ones.
  await owner.call('users.create', {
    username: 'nia',
    email: 'nia@example.com',
    fullName: 'Nia Newbie',
    password: OWNER.password,
    role: 'contributor',
    active: false,
  });
  // An address longer than its column: cut, it tells its whole self on hover.
  const longEmail = 'anastasia.konstantinopoulou@international-talent-management.example.com';
  await owner.call('users.create', {
    username: 'anastasia',
    email: longEmail,
    fullName: 'Anastasia Konstantinopoulou',
    password: OWNER.password,
    role: 'contributor',
  });
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('navigation')).toBeVisible();

  for (const language of ['en', 'zh-CN'] as const) {
    await page.evaluate(
      (l) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('greenroom.language', l),
      language,
    );
    for (const path of ['contracts', 'artists', 'bookings', 'users', 'demos']) {
      await page.goto(`${host.url}/#/${path}`);
      await page.reload();
      const found = await unreadable(page);
      await page.screenshot({ path: test.info().outputPath(`${language}-${path}.png`) });
      expect(found, `${language} ${path}`).toEqual({ cut: [], iso: [], outside: [] });
      if (path === 'demos') {
        // Titles and artists share what the measured columns leave: one cut shows whole on hover.
        const names = page.locator(
          '.MuiDataGrid-cell[data-field="title"] span[title], .MuiDataGrid-cell[data-field="artist"] span[title]',
        );
        await expect(names.first()).toBeVisible();
        for (const name of await names.all())
          expect(await name.getAttribute('title')).toBe(await name.textContent());
      }
      if (path === 'users') {
        const email = page.locator('.MuiDataGrid-cell[data-field="email"] span', {
          hasText: longEmail,
        });
        await expect(email).toHaveAttribute('title', longEmail);
      }
      if (path === 'contracts') {
        // What a legal user works through: whose contract and who owns it, whole; the document
        // mark (an icon, often absent) takes no room from them.
        expect(await namesCut(page, ['artist', 'legalOwner']), language).toEqual([]);
        const documentColumn = await page
          .locator('.MuiDataGrid-columnHeader[data-field="documentUrl"]')
          .boundingBox();
        expect(documentColumn!.width, language).toBeLessThanOrEqual(64);
      }
    }
  }

  // A contract's details: its calendar dates read like its signing time beside them.
  await page.goto(`${host.url}/#/contracts`);
  await page.reload();
  await page.locator('.MuiDataGrid-row').first().getByRole('gridcell').nth(1).click();
  const details = page.getByRole('dialog');
  await expect(details.locator('dd').first()).toBeVisible();
  expect(await details.locator('dd').allTextContents()).not.toContainEqual(
    expect.stringMatching(ISO_DAY),
  );
  await details.screenshot({ path: test.info().outputPath('zh-CN-contract-details.png') });
});

test('“New booking” on a talent’s page starts with that talent chosen', async ({ host, page }) => {
  await agencyTeam(host);
  await page.goto(host.url);
  await new AuthScreens(page).signIn('carol', OWNER.password);
  const roster = new Roster(page);
  await roster.visit();
  await roster.open('Mia Lux');
  await page.getByRole('tab', { name: 'Bookings' }).click();
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog.getByRole('combobox', { name: 'Talent' })).toHaveValue('Mia Lux');
});

test('the artist picker lists names starting with what was typed first, hides the rest, and tells two artists of one name apart', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  // Highest priority first is main's order: the best matches are not the first it answers.
  for (const [artistName, genre, priorityScore] of [
    ['Quicksilver Road', 'rock', 99],
    ['Moonlight Silvers', 'folk', 98],
    ['Goldfinch', 'pop', 97],
    ['Silver Lake', 'jazz', 40],
    ['Silver Lake', 'metal', 30],
  ] as const) {
    await owner.call('artists.create', { artistName, genre, priorityScore });
  }
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('navigation').getByRole('link', { name: 'Demo queue' }).click();
  const picker = page.getByRole('combobox', { name: 'Artist' });
  await picker.click();
  await picker.pressSequentially('Silver');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveCount(4);
  await expect(options.nth(0)).toContainText('Silver Lake');
  await expect(options.nth(1)).toContainText('Silver Lake');
  // The two of one name differ by what is shown beneath them.
  await expect(options.nth(0)).toContainText('jazz');
  await expect(options.nth(1)).toContainText('metal');
  await expect(options.nth(2)).toContainText('Moonlight Silvers');
  await expect(options.nth(3)).toContainText('Quicksilver Road');
  await expect(page.getByRole('listbox')).not.toContainText('Goldfinch');
  await page.screenshot({ path: test.info().outputPath('artist-picker-silver.png') });
});
