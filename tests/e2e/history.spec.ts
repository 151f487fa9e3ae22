import type { Locator, Page } from '@playwright/test';
import { api, type ApiClient } from './api';
import { expect, test } from './fixtures';
import { AuthScreens, OWNER } from './pages';

const PASSWORD = 'readable history password 1';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Lena (legal) drafts a contract for Ada's artist, exports its PDF, sends it and edits it; Ada
 * (A&R) edits the artist. Everything through the public API, as another client would.
 */
async function story(baseUrl: string): Promise<{ owner: ApiClient }> {
  const client = api(baseUrl);
  const owner = await client.signIn(OWNER.username, OWNER.password, true);
  const people = [
    ['lena', 'Lena Marsh', 'legal'],
    ['sam', 'Sam Lee', 'legal'],
    ['ada', 'Ada Reyes', 'AandR'],
  ] as const;
  const ids: Record<string, string> = {};
  for (const [username, fullName, role] of people) {
    const user = await owner.call('users.create', {
      username,
      email: `${username}@example.com`,
      fullName,
      password: PASSWORD,
      role,
    });
    ids[username] = user.id;
  }
  const lena = await client.signIn('lena', PASSWORD);
  const ada = await client.signIn('ada', PASSWORD);
  const artist = await ada.call('artists.create', { artistName: 'Nova Lane', genre: 'indie' });
  await ada.call('artists.update', {
    id: artist.id,
    version: artist.version,
    patch: { status: 'in_talks', priorityScore: 80 },
  });
  const contract = await lena.call('contracts.create', {
    artist: artist.id,
    contractType: 'recording',
    terms: 'Two albums, worldwide.',
  });
  await lena.call('contracts.exportDocument', { id: contract.id });
  const sent = await lena.call('contracts.transition', { id: contract.id, to: 'sent' });
  await lena.call('contracts.update', {
    id: contract.id,
    version: sent.version,
    patch: { expiryDate: '2027-06-30', legalOwner: ids.sam },
  });
  return { owner };
}

/** Nothing a person cannot read: no id, no stored-file reference, no JSON. */
async function expectOnlyWords(region: Locator): Promise<void> {
  const text = await region.innerText();
  expect(text).not.toMatch(UUID);
  expect(text).not.toContain('media:');
  expect(text).not.toContain('{');
}

async function openContract(page: Page, artistName: string): Promise<Locator> {
  await page.getByRole('grid').getByRole('gridcell', { name: artistName }).first().click();
  return page.getByRole('dialog', { name: new RegExp(artistName) });
}

test('a contract’s History reads as sentences, in English and in Chinese', async ({
  host,
  page,
}) => {
  await story(host.url);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Contracts' }).click();
  const details = await openContract(page, 'Nova Lane');
  const history = details.getByRole('list', { name: 'History' });
  // Each entry is an item of the list; its field changes are a list inside it.
  const entries = history.locator(':scope > li');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText('Lena Marsh edited the contract');
  await expect(entries.nth(0)).toContainText('Legal owner: Lena Marsh → Sam Lee');
  await expect(entries.nth(0)).toContainText('Expiry date: — → Jun 30, 2027');
  await expect(entries.nth(1)).toContainText('Lena Marsh moved the contract on');
  await expect(entries.nth(1)).toContainText('Status: Draft → Sent');
  await expect(entries.nth(2)).toContainText('Lena Marsh exported the contract PDF');
  await expect(entries.nth(3)).toContainText('Lena Marsh drafted the contract');
  await expect(entries.nth(3)).toContainText('Artist: Nova Lane');
  await expectOnlyWords(history);
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('contract-history-en.png') });

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文（简体）' }).click();
  const zhDetails = await openContract(page, 'Nova Lane');
  const zhHistory = zhDetails.getByRole('list', { name: '历史' });
  const zhEntries = zhHistory.locator(':scope > li');
  await expect(zhEntries.nth(0)).toContainText('Lena Marsh 编辑了合同');
  await expect(zhEntries.nth(0)).toContainText('法务负责人：Lena Marsh → Sam Lee');
  await expect(zhEntries.nth(0)).toContainText('到期日期：— → 2027年6月30日');
  await expect(zhEntries.nth(1)).toContainText('状态：草稿 → 已发送');
  await expect(zhEntries.nth(2)).toContainText('Lena Marsh 导出了合同 PDF');
  await expectOnlyWords(zhHistory);
  await zhHistory.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('contract-history-zh.png') });
});

test('the audit trail filters by user, record type and day', async ({ host, page }) => {
  await story(host.url);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const grid = page.getByRole('grid', { name: 'Audit trail' });
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(grid.getByText('Lena Marsh exported the contract PDF')).toBeVisible();
  await expect(grid.getByText('Olive Owner added a user').first()).toBeVisible();

  // Who: only Ada's rows (her sign-in, the artist she added and edited).
  await page.getByRole('combobox', { name: 'User' }).click();
  await page.getByRole('option', { name: 'Ada Reyes' }).click();
  await expect(grid.getByText('Ada Reyes edited the artist')).toBeVisible();
  await expect(grid.getByText('Lena Marsh exported the contract PDF')).toHaveCount(0);
  for (const who of await rows.getByRole('gridcell').nth(1).allInnerTexts())
    expect(who).toBe('Ada Reyes');
  await expect(grid.getByText('Status: Prospect → In talks')).toBeVisible();
  await expect(grid.getByText('Artists · Nova Lane').first()).toBeVisible();

  // What: Lena's contract rows only, each named by its record.
  await page.getByRole('combobox', { name: 'User' }).click();
  await page.getByRole('option', { name: 'Anyone' }).click();
  await page.getByRole('combobox', { name: 'Record type' }).click();
  await expectOnlyWords(page.getByRole('listbox'));
  await expect(page.getByRole('listbox')).not.toContainText('entities.');
  await page.getByRole('option', { name: 'Contracts' }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(rows).toHaveCount(4);
  await expect(grid.getByText('Contracts · Nova Lane · Recording')).toHaveCount(4);
  await expect(grid.getByText('Status: Draft → Sent')).toBeVisible();
  await expectOnlyWords(grid);
  // The menu fades out after it is hidden: the picture is of the trail, not of the fade.
  await expect(page.locator('.MuiPopover-root')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('audit-trail.png') });

  // When: from tomorrow there is nothing yet; from today there is all of it.
  const day = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getMonth() + 1)}${pad(d.getDate())}${d.getFullYear()}`;
  };
  const from = page.getByRole('group', { name: 'From' });
  await from.getByRole('spinbutton').first().click();
  await page.keyboard.type(day(1));
  await expect(rows).toHaveCount(0);
  await from.getByRole('spinbutton').first().click();
  await page.keyboard.type(day(0));
  await expect(rows).toHaveCount(4);
  const to = page.getByRole('group', { name: 'To' });
  await to.getByRole('spinbutton').first().click();
  await page.keyboard.type(day(-1));
  await expect(rows).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid.getByText('Olive Owner added a user').first()).toBeVisible();
});
