import type { Locator, Page } from '@playwright/test';
import { api } from './api';
import { OWNER } from './pages';

/** A manager (alice), her coordinator (carol) and one of her talents (Mia Lux). */
export async function agencyTeam(host: { url: string }) {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const alice = await owner.call('users.create', {
    username: 'alice',
    email: 'alice@example.com',
    fullName: 'Alice Manager',
    password: OWNER.password,
    role: 'manager',
  });
  await owner.call('users.create', {
    username: 'carol',
    email: 'carol@example.com',
    fullName: 'Carol Coordinator',
    password: OWNER.password,
    role: 'coordinator',
    manager: alice.id,
  });
  const talent = await owner.call('talents.create', {
    stageName: 'Mia Lux',
    fullName: 'Mia Luxembourg',
    talentType: 'actor',
    manager: alice.id,
  });
  return { owner, talent };
}

/** Types an instant (as UTC wall-clock time) into an MUI date-time picker, section by section. */
export async function setPicker(page: Page, dialog: Locator, label: string, iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = d.getUTCHours();
  const typed = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${d.getUTCFullYear()}${pad(hours % 12 || 12)}${pad(d.getUTCMinutes())}${hours < 12 ? 'AM' : 'PM'}`;
  await dialog.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(typed);
}

/**
 * Drags a calendar event to a day column and slot time in the week view. It is held 12 px below
 * its top (clear of the resize handle) and let go 12 px below the slot's top, so its start lands
 * on that slot.
 */
export async function dragEvent(page: Page, event: Locator, date: string, time: string) {
  const from = (await event.boundingBox())!;
  const column = (await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox())!;
  const slot = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 30, { steps: 4 });
  await page.mouse.move(column.x + column.width / 2, slot.y + 12, { steps: 12 });
  await page.mouse.up();
}
