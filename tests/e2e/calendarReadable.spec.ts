import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api } from './api';
import { AuthScreens, OWNER, showTimesInUtc } from './pages';

// The size the issue names: a 1280 px wide window, as an admin would have it.
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

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

/** The few DOM members the page functions below read (the tests compile without the DOM library). */
interface DomRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface DomNode {
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
}
interface DomElement extends DomNode {
  getBoundingClientRect(): DomRect & { toJSON(): DomRect };
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
}
interface DomRange {
  selectNodeContents(node: DomNode): void;
  getClientRects(): ArrayLike<DomRect>;
}
interface Dom {
  document: {
    querySelectorAll(selector: string): ArrayLike<DomElement>;
    createTreeWalker(root: DomElement, show: number): { nextNode(): DomNode | null };
    createRange(): DomRange;
  };
  getComputedStyle(el: DomElement): { overflow: string };
}

/**
 * Every visible piece of text the calendar draws (event titles and times, availability badges,
 * "+N" links, day headers), as the boxes its glyphs occupy: a Range over the text, clipped to
 * what the element shows, so text cut off by an ellipsis counts only where it is drawn.
 */
async function drawnLabels(page: Page): Promise<{ labels: Box[]; escaping: string[] }> {
  return page.evaluate(() => {
    const dom = globalThis as unknown as Dom;
    const doc = dom.document;
    const labels: Box[] = [];
    const escaping: string[] = [];
    const selector = [
      '.fc-timegrid-event .gr-event-content',
      '.fc-daygrid-event .fc-event-title',
      '.fc-daygrid-event .fc-event-time',
      '.fc-timegrid-more-link',
      '.gr-availability-badge',
      '.fc-col-header-cell-cushion',
    ].join(',');
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      // What the element and every scroller or clipping box around it let be seen.
      const box = { ...el.getBoundingClientRect().toJSON() };
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (dom.getComputedStyle(up).overflow === 'visible') continue;
        const clip = up.getBoundingClientRect();
        box.left = Math.max(box.left, clip.left);
        box.right = Math.min(box.right, clip.right);
        box.top = Math.max(box.top, clip.top);
        box.bottom = Math.min(box.bottom, clip.bottom);
      }
      if (box.right - box.left < 1 || box.bottom - box.top < 1) continue;
      // The event's own box (its harness): the text must stay inside it.
      const frame = (el.closest('.fc-event') ?? el).getBoundingClientRect();
      // Its own text, not that of a label nested in it (a day header holds its badge).
      const own: DomNode[] = [];
      const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.textContent?.trim() && node.parentElement?.closest(selector) === el)
          own.push(node);
      const rects = own.flatMap((node) => {
        const range = doc.createRange();
        range.selectNodeContents(node);
        return Array.from(range.getClientRects());
      });
      for (const r of rects) {
        // What is drawn of the text: clipped by the element's own overflow.
        const left = Math.max(r.left, box.left);
        const right = Math.min(r.right, box.right);
        const top = Math.max(r.top, box.top);
        const bottom = Math.min(r.bottom, box.bottom);
        if (right - left < 1 || bottom - top < 1) continue;
        if (
          left < frame.left - 0.5 ||
          right > frame.right + 0.5 ||
          top < frame.top - 0.5 ||
          bottom > frame.bottom + 0.5
        )
          escaping.push(el.textContent ?? '');
        labels.push({
          x: left,
          y: top,
          width: right - left,
          height: bottom - top,
          text: el.textContent ?? '',
        });
      }
    }
    return { labels, escaping };
  });
}

/** Pairs of labels whose drawn text overlaps by more than a pixel each way. */
function overprinted(labels: readonly Box[]): string[] {
  const clashes: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1 && a.text !== b.text) clashes.push(`"${a.text}" over "${b.text}"`);
    }
  }
  return clashes;
}

/**
 * Week-view events on screen whose box shows no text at all: not a glyph of the title, not even
 * the ellipsis that says more is in the tooltip. Counted where the scroller shows the box.
 */
async function eventsWithoutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dom = globalThis as unknown as Dom;
    const doc = dom.document;
    const blank: string[] = [];
    for (const event of Array.from(doc.querySelectorAll('.fc-timegrid-event'))) {
      const seen = { ...event.getBoundingClientRect().toJSON() };
      for (let up = event.parentElement; up; up = up.parentElement) {
        if (dom.getComputedStyle(up).overflow === 'visible') continue;
        const clip = up.getBoundingClientRect();
        seen.left = Math.max(seen.left, clip.left);
        seen.right = Math.min(seen.right, clip.right);
        seen.top = Math.max(seen.top, clip.top);
        seen.bottom = Math.min(seen.bottom, clip.bottom);
      }
      // Less than a line's height of the box in view: nothing to ask of it.
      if (seen.right - seen.left < 8 || seen.bottom - seen.top < 20) continue;
      const content = event.querySelector('.gr-event-content');
      const range = doc.createRange();
      range.selectNodeContents(content ?? event);
      const drawn = Array.from(range.getClientRects()).some(
        (r) =>
          Math.min(r.right, seen.right) - Math.max(r.left, seen.left) >= 4 &&
          Math.min(r.bottom, seen.bottom) - Math.max(r.top, seen.top) >= 8,
      );
      if (!drawn) blank.push(event.textContent ?? '');
    }
    return blank;
  });
}

test('the seeded busy week, as an admin at 1280 px: no text overprints another, each title stays in its box', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await seedDefaults(host.dataDir);

  await showTimesInUtc(page);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Schedule' }).click();
  await expect(page.locator('.fc-timegrid-event').first()).toBeVisible();
  await expect(page.locator('.gr-availability-badge').first()).toBeVisible();
  // The reminders panel is another screen's concern: out of the way of the calendar here.
  const reminders = page.getByRole('button', { name: 'Close reminders' });
  if (await reminders.isVisible()) {
    await reminders.click();
    await expect(reminders).toBeHidden();
  }
  await page.screenshot({ path: test.info().outputPath('calendar-busy-week-seeded.png') });

  const { labels, escaping } = await drawnLabels(page);
  expect(labels.length).toBeGreaterThan(10);
  expect(overprinted(labels)).toEqual([]);
  expect(escaping).toEqual([]);
  // Every box on screen says something: narrow ones (three side by side) the start of the title,
  // one that began above the hour scrolled to its title at the top of what is shown of it.
  expect(await eventsWithoutText(page)).toEqual([]);
});

test('the talent rows of the seeded week, at 1280 px: each item at its own start time, in its cell; a night past midnight continues on the next day', async ({
  host,
  page,
}) => {
  test.setTimeout(120_000);
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await seedDefaults(host.dataDir);
  // Monday 22:00 to Tuesday 02:00 of this week (weeks start on Sunday in English).
  const now = new Date();
  const sunday = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate() - now.getUTCDay(),
  );
  const talent = await owner.call('talents.create', {
    stageName: 'Aaron Owl',
    fullName: 'Aaron Owl',
    talentType: 'actor',
  });
  await owner.call('schedule.create', {
    talentProfile: talent.id,
    entryType: 'rehearsal',
    title: 'Night shoot',
    start: new Date(sunday + 86_400_000 + 22 * 3_600_000).toISOString(),
    end: new Date(sunday + 2 * 86_400_000 + 2 * 3_600_000).toISOString(),
    timezone: 'UTC',
  });
  await showTimesInUtc(page);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByRole('button', { name: 'talents' }).click();
  await expect(page.locator('.gr-talent-item').first()).toBeVisible();
  const reminders = page.getByRole('button', { name: 'Close reminders' });
  if (await reminders.isVisible()) {
    await reminders.click();
    await expect(reminders).toBeHidden();
  }
  await page.screenshot({ path: test.info().outputPath('calendar-talents-seeded.png') });

  // The seed's entries start at many hours: the rows once showed every one at midnight.
  // An entry begun on an earlier day says it continues (its start is on that day).
  const times = await page
    .locator('.gr-talent-item')
    .evaluateAll((items: { textContent: string | null }[]) =>
      items.map(
        (item) =>
          /^(\d{1,2}:\d\d\s?[AP]M|continues (to \d{1,2}:\d\d\s?[AP]M|all day))/.exec(
            item.textContent ?? '',
          )?.[0] ?? '',
      ),
    );
  expect(times.every(Boolean)).toBe(true);
  expect(new Set(times).size).toBeGreaterThan(3);
  const owl = page.locator('.gr-talent-row', { hasText: 'Aaron Owl' }).getByRole('cell');
  await expect(owl.nth(1)).toHaveText('10:00 PM Night shoot');
  await expect(owl.nth(2)).toHaveText('continues to 2:00 AM Night shoot');
  const { escaping } = await drawnLabels(page);
  expect(escaping).toEqual([]);
});

/** Signs in (display zone UTC), then opens the schedule in the language given. */
async function openSchedule(
  page: Page,
  host: { url: string },
  { username = OWNER.username, language = 'en' }: { username?: string; language?: string } = {},
) {
  await showTimesInUtc(page);
  await page.goto(host.url);
  await new AuthScreens(page).signIn(username, OWNER.password);
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.evaluate(
    (lng) =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('greenroom.language', lng),
    language,
  );
  await page.goto(`${host.url}/#/schedule`);
  await page.reload();
  await expect(page.locator('.fc-view')).toBeVisible();
  const reminders = page.getByRole('button', {
    name: language === 'en' ? 'Close reminders' : '关闭提醒',
  });
  if (await reminders.isVisible()) await reminders.click();
}

for (const [language, month, compact] of [
  ['en', 'month', /^\d{1,2}(:\d\d)?[ap]$/],
  ['zh-CN', '月', /^\d{1,2}:\d\d$/],
] as const) {
  test(`the seeded month at 1280 px in ${language}: every entry's time is whole and compact, its title after it`, async ({
    host,
    page,
  }) => {
    test.setTimeout(120_000);
    await api(host.url).signIn(OWNER.username, OWNER.password, true);
    await seedDefaults(host.dataDir);
    await openSchedule(page, host, { language });
    await page.getByRole('button', { name: month, exact: true }).click();
    await expect(
      page.locator('.fc-daygrid-dot-event').filter({ visible: true }).first(),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`calendar-month-${language}.png`) });
    // The times drawn (a busy day's hidden entries are laid out unseen, for measuring).
    const times = await page.locator('.fc-daygrid-event .fc-event-time').evaluateAll(
      (
        els: {
          textContent: string | null;
          scrollWidth: number;
          clientWidth: number;
          checkVisibility(options: object): boolean;
        }[],
      ) =>
        els
          .filter((el) => el.checkVisibility({ visibilityProperty: true }))
          .map((el) => ({
            text: el.textContent ?? '',
            cut: el.scrollWidth > el.clientWidth + 0.5,
          })),
    );
    expect(times.length).toBeGreaterThan(1);
    expect(times.filter((time) => time.cut)).toEqual([]);
    expect(times.filter((time) => !compact.test(time.text))).toEqual([]);
    const { escaping } = await drawnLabels(page);
    expect(escaping).toEqual([]);
  });
}

test('a week whose entries are all at night opens scrolled to the earliest, and says how many are further down', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const talent = await owner.call('talents.create', {
    stageName: 'Nox Vale',
    fullName: 'Nox Vale',
    talentType: 'actor',
  });
  const day = new Date().toISOString().slice(0, 10);
  const entry = async (from: string, to: string, title: string) =>
    (
      await owner.call('schedule.create', {
        talentProfile: talent.id,
        entryType: 'travel',
        title,
        start: `${day}T${from}:00.000Z`,
        end: `${day}T${to}:00.000Z`,
        timezone: 'UTC',
      })
    ).id as string;
  const early = await entry('01:00', '02:00', 'Red-eye');
  const late = await entry('21:00', '22:30', 'Night shoot');

  await openSchedule(page, host);
  await expect(page.locator(`[data-entry-id="${early}"]`)).toBeInViewport();
  await expect(page.locator(`[data-entry-id="${late}"]`)).not.toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('calendar-night-week.png') });
  // What is below the hours in view is told, and one click away.
  const later = page.getByRole('button', { name: '1 entry later' });
  await later.click();
  await expect(page.locator(`[data-entry-id="${late}"]`)).toBeInViewport();
  await expect(page.getByRole('button', { name: '1 entry earlier' })).toBeVisible();
});

test('legal sees the contract-date calendar only: month and list, the contract legend, no talent rows', async ({
  host,
  page,
}) => {
  test.setTimeout(120_000);
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await seedDefaults(host.dataDir);
  await openSchedule(page, host, { username: 'legal1' });
  await expect(page.locator('.fc-dayGridMonth-view')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar-legal.png') });
  const legend = page.getByRole('list', { name: 'Colour legend' });
  await expect(legend).toContainText('Option date');
  await expect(legend.getByRole('listitem')).toHaveText([
    'Option date',
    'Notice date',
    'Contract expires',
  ]);
  for (const name of ['talents', 'week', 'day'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'list', exact: true }).click();
  await expect(page.locator('.fc-list')).toBeVisible();
});

test('in zh-CN the list view names its columns in Chinese, and its hints too', async ({
  host,
  page,
}) => {
  test.setTimeout(120_000);
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await seedDefaults(host.dataDir);
  await openSchedule(page, host, { language: 'zh-CN' });
  await page.getByRole('button', { name: '日程', exact: true }).click();
  await expect(page.locator('.fc-list-event').first()).toBeVisible();
  const headers = await page
    .locator('.fc-list-table thead th')
    .evaluateAll((cells: { textContent: string | null }[]) => cells.map((c) => c.textContent));
  expect(headers).toEqual(['时间', '', '日程']);
  await expect(page.locator('.fc-prev-button')).toHaveAttribute('title', '上一周');
});
