import type { Locator, Page } from '@playwright/test';
import { pdfBytes, wavBytes } from '../support/files';
import { agencyTeam } from './agencyDesk';
import { expect, test } from './fixtures';
import { AuthScreens, showTimesInUtc } from './pages';

/** The message under the field labelled `label` (a text field or a date picker). */
function messageOf(dialog: Locator, label: string): Locator {
  return (
    dialog
      .locator('.MuiFormControl-root')
      // `has` is looked up inside each field, so it starts from the page, not the dialog.
      .filter({
        has: dialog.page().locator('label', { hasText: new RegExp(`^${label}\\s*\\*?$`) }),
      })
      .locator('.MuiFormHelperText-root')
  );
}

/** What a field should say: its message, or nothing (null). */
type Message = string | RegExp | null;

/** Expects each field's message, by its label. */
async function expectMessages(dialog: Locator, messages: Record<string, Message>): Promise<void> {
  for (const [label, message] of Object.entries(messages)) {
    if (message === null) await expect(messageOf(dialog, label)).toHaveCount(0);
    else await expect(messageOf(dialog, label)).toHaveText(message);
  }
}

/** Every message the dialog shows is Chinese: no English word, field name or zod sentence. */
async function onlyChinese(dialog: Locator): Promise<void> {
  const messages = await dialog.locator('.MuiFormHelperText-root, [role="alert"]').allInnerTexts();
  expect(messages.length).toBeGreaterThan(0);
  for (const raw of messages) {
    // A link's scheme is what the user types, not English: "以 http:// 或 https:// 开头".
    const text = raw.replace(/https?:\/\//g, '');
    if (text.trim() === '' || text.trim() === '%') continue;
    expect(text, text).toMatch(/[\u4e00-\u9fff]/);
    expect(text, text).not.toMatch(/[A-Za-z]{2,}/);
  }
}

/**
 * Types a date (and time) into a picker section by section, in the order the Chinese field
 * shows them (year, month, day, hours, minutes).
 */
async function typeDate(dialog: Locator, label: string, parts: readonly string[]) {
  const sections = dialog.getByRole('group', { name: label }).getByRole('spinbutton');
  for (const [index, value] of parts.entries()) {
    await sections.nth(index).click();
    await dialog.page().keyboard.type(value);
  }
}

/** A text or number field by its label. */
const field = (dialog: Locator, label: string) =>
  dialog.getByRole('textbox', { name: label }).or(dialog.getByRole('spinbutton', { name: label }));

/**
 * One edit and what its field says right after: text is filled in, a list of parts is typed into
 * a date picker's sections.
 */
type Edit = readonly [label: string, value: string | readonly string[], message: Message];

/** Makes each edit in turn, expecting its field's message as it goes. */
async function edit(dialog: Locator, edits: readonly Edit[]): Promise<void> {
  for (const [label, value, message] of edits) {
    if (typeof value === 'string') await field(dialog, label).fill(value);
    else await typeDate(dialog, label, value);
    await expectMessages(dialog, { [label]: message });
  }
}

/** Clicks the dialog's `button` and expects the fields' messages (Chinese only). */
async function submit(
  dialog: Locator,
  button: string,
  messages: Record<string, Message>,
): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  await expectMessages(dialog, messages);
  await onlyChinese(dialog);
}

/** A screenshot of the page, kept with the test's output. */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}-zh-CN.png`) });

/** Opens a page from the navigation, then the dialog its button opens (named as the button). */
async function openNew(page: Page, link: string, button: string, dialog = button) {
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await page.getByRole('button', { name: button }).click();
  return page.getByRole('dialog', { name: dialog });
}

/** Picks the record whose name starts with `typed` in a picker. */
async function pick(dialog: Locator, label: string, typed: string, option: RegExp) {
  await dialog.getByRole('combobox', { name: label }).fill(typed);
  await dialog.page().getByRole('option', { name: option }).click();
  await expectMessages(dialog, { [label]: null });
}

async function inChinese(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文（简体）' }).click();
  await expect(page.getByRole('heading', { name: '今日', exact: true })).toBeVisible();
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayParts = (d: Date) => [String(d.getFullYear()), pad(d.getMonth() + 1), pad(d.getDate())];
const DAY = 86_400_000;

test('in Chinese, an empty and a wrong booking and audition show Chinese messages at their fields, which go as each is fixed', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  await inChinese(page, host.url);

  // A booking: nothing filled in, then too long, negative, ending before it starts.
  const booking = await openNew(page, '预订', '新增预订');
  await submit(booking, '创建', { 艺人: '必填', 客户: '必填', 项目: '必填' });
  await shot(page, 'booking-empty');
  const tomorrow = dayParts(new Date(Date.now() + DAY));
  await edit(booking, [
    ['客户', 'x'.repeat(600), '最多 160 个字符'],
    ['报酬', '-5', '不能小于 0'],
    ['结束', [...tomorrow, '08', '00'], '必须晚于开始时间'],
  ]);
  await onlyChinese(booking);
  await shot(page, 'booking-invalid');

  // Each message goes as soon as its field is right.
  await edit(booking, [
    ['客户', 'Acme Studios', null],
    ['项目', 'Spring campaign', null],
    ['报酬', '1200', null],
    ['结束', [...tomorrow, '18', '00'], null],
  ]);
  await pick(booking, '艺人', 'Mia', /Mia Lux/);
  await booking.getByRole('button', { name: '创建' }).click();
  await expect(booking).toBeHidden();

  // An audition: empty, then in 1900 (a year typed into the wrong place).
  const audition = await openNew(page, '试镜', '新增试镜');
  await typeDate(audition, '日期与时间', ['1900']);
  await submit(audition, '创建', {
    艺人: '必填',
    客户: '必填',
    项目: '必填',
    日期与时间: /^不能早于 2000/,
  });
  await shot(page, 'audition-invalid');
  await edit(audition, [
    ['日期与时间', [String(new Date().getFullYear() + 1)], null],
    ['客户', 'Acme Studios', null],
  ]);
  await expectMessages(audition, { 项目: '必填' });
});

test('in Chinese, an empty and a wrong growth log and away period show Chinese messages at their fields, which go as each is fixed', async ({
  host,
  page,
}) => {
  const { owner } = await agencyTeam(host);
  await owner.call('artists.create', { artistName: 'Night Shift', genre: 'techno' });
  await inChinese(page, host.url);

  // A follower capture: nothing typed, then negative and dated tomorrow.
  await page.getByRole('navigation').getByRole('link', { name: '音乐人' }).click();
  await page.getByRole('gridcell', { name: 'Night Shift' }).click();
  await page.getByRole('tab', { name: '增长' }).click();
  await page.getByRole('button', { name: '记录粉丝数' }).click();
  const growth = page.getByRole('dialog', { name: '记录粉丝数' });
  await submit(growth, '记录粉丝数', { 粉丝数: '必填' });
  await edit(growth, [['粉丝数', '-3', '不能小于 0']]);
  await field(growth, '互动率').fill('140');
  await submit(growth, '记录粉丝数', { 互动率: '不能大于 100' });
  await edit(growth, [['记录日期', dayParts(new Date(Date.now() + DAY)), '不能是将来的日期']]);
  await onlyChinese(growth);
  await shot(page, 'growth-invalid');
  await edit(growth, [
    ['粉丝数', '1500', null],
    ['互动率', '4.2', '%'],
    ['记录日期', dayParts(new Date()), null],
  ]);
  await growth.getByRole('button', { name: '记录粉丝数' }).click();
  await expect(growth).toBeHidden();

  // A mistaken capture is corrected by a new one; the old one stays, struck through.
  const captures = page.getByRole('list', { name: '采集记录' });
  await captures.getByRole('button', { name: /^更正/ }).click();
  const correction = page.getByRole('dialog', { name: '更正一条记录' });
  await field(correction, '粉丝数').fill('1400');
  await correction.getByRole('button', { name: '更正' }).click();
  await expect(correction).toBeHidden();
  await expect(captures.getByRole('listitem')).toHaveCount(2);
  await expect(captures.getByRole('listitem').filter({ hasText: '已更正' })).toContainText('1,500');
  await expect(page.getByRole('heading', { name: '1,400' })).toBeVisible();

  // An away period: the end before the start.
  await page.getByRole('navigation').getByRole('link', { name: '艺人名册' }).click();
  await page.getByRole('gridcell', { name: 'Mia Lux', exact: true }).click();
  await page.getByRole('tab', { name: '日程' }).click();
  await page.getByRole('button', { name: '添加外出时段' }).click();
  const away = page.getByRole('dialog', { name: '添加外出时段' });
  const start = dayParts(new Date(Date.now() + 3 * DAY));
  await typeDate(away, '结束', [...start, '08', '00']);
  await typeDate(away, '开始', [...start, '09', '00']);
  await submit(away, '保存', { 结束: '必须晚于开始时间' });
  await edit(away, [['备注', 'n'.repeat(1001), '最多 1,000 个字符']]);
  await onlyChinese(away);
  await shot(page, 'away-invalid');
  await edit(away, [
    ['结束', [...start, '18', '00'], null],
    ['备注', 'Festival', null],
  ]);
  await away.getByRole('button', { name: '保存' }).click();
  await expect(away).toBeHidden();
});

test('in Chinese, an empty and a wrong talent and user show Chinese messages at their fields, and main’s own finding lands on its field', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  await inChinese(page, host.url);

  // A talent: nothing typed, then too long and not a web link.
  const talent = await openNew(page, '艺人名册', '新增艺人');
  await submit(talent, '创建', { 艺名: '必填', 全名: '必填' });
  await edit(talent, [
    ['艺名', 's'.repeat(121), '最多 120 个字符'],
    ['作品集链接', 'javascript:alert(1)', '请输入以 http:// 或 https:// 开头的链接'],
  ]);
  await onlyChinese(talent);
  await shot(page, 'talent-invalid');
  await edit(talent, [
    ['艺名', 'Nova', null],
    ['全名', 'Nova Quinn', null],
    ['作品集链接', 'https://nova.example.com', null],
  ]);
  await talent.getByRole('button', { name: '创建' }).click();
  await expect(talent).toBeHidden();

  // A user: nothing typed (an empty name is "required" whatever its least length), then a bad
  // name, address and password.
  const user = await openNew(page, '用户', '新增用户');
  await submit(user, '创建', { 全名: '必填', 用户名: '必填', 邮箱: '必填', 密码: '必填' });
  await edit(user, [
    ['用户名', 'da', '至少 3 个字符'],
    ['邮箱', 'dana-at-example', '请输入电子邮件地址'],
    ['用户名', 'da na', '格式不正确'],
  ]);
  await onlyChinese(user);
  await shot(page, 'user-invalid');
  await edit(user, [
    ['全名', 'Dana Park', null],
    ['用户名', 'dana', null],
    ['邮箱', 'dana@example.com', null],
  ]);
  await user.getByLabel('密码').fill('password1234');
  await expectMessages(user, { 密码: '至少 12 个字符，且不能是常见密码。' });
  await user.getByRole('combobox', { name: '团队（经纪人）' }).click();
  await page.getByRole('option', { name: 'Alice Manager' }).click();

  // Long enough for the form; only main knows it is too common, and says so at the field.
  await submit(user, '创建', { 密码: '过于常见或容易被猜到：试试几个互不相关的词' });
  await expect(user.getByRole('alert')).toHaveCount(0);
  await user.getByLabel('密码').fill('violet-harbour-cinema-42');
  await expectMessages(user, { 密码: '至少 12 个字符，且不能是常见密码。' });
  await user.getByRole('button', { name: '创建' }).click();
  await expect(user).toBeHidden();
});

test('in Chinese, an empty and a wrong artist and contract show Chinese messages at their fields, which go as each is fixed', async ({
  host,
  page,
}) => {
  const { owner } = await agencyTeam(host);
  await owner.call('artists.create', { artistName: 'Night Shift', genre: 'techno' });
  await inChinese(page, host.url);

  // An artist: nothing typed, then a genre too long and a priority out of range.
  const artist = await openNew(page, '音乐人', '新建音乐人');
  await submit(artist, '保存', { 音乐人: '必填', 风格: '必填' });
  await edit(artist, [
    ['风格', 'g'.repeat(81), '最多 80 个字符'],
    ['优先级', '150', '不能大于 100'],
    ['优先级', '2.5', '请输入整数'],
  ]);
  await onlyChinese(artist);
  await shot(page, 'artist-invalid');
  await edit(artist, [
    ['音乐人', 'Paper Tides', null],
    ['风格', 'indie pop', null],
    ['优先级', '80', '0 到 100，越高越靠前。'],
  ]);
  await artist.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: 'Paper Tides' })).toBeVisible();

  // A contract: no artist, and an expiry typed in 1900.
  const contract = await openNew(page, '合同', '新建合同', '新建合同（草稿）');
  await typeDate(contract, '到期日期', ['1900', '03', '15']);
  await submit(contract, '保存', { 音乐人: '必填', 到期日期: /^不能早于 2000/ });
  await shot(page, 'contract-invalid');
  await edit(contract, [['到期日期', [String(new Date().getFullYear() + 2)], null]]);
  await pick(contract, '音乐人', 'Night', /Night Shift/);
  await contract.getByRole('button', { name: '保存' }).click();
  await expect(contract).toBeHidden();
});

test('in Chinese, a contract signed in the future, without its document or in effect before 2000 is refused in Chinese at its field', async ({
  host,
  page,
}) => {
  const { owner } = await agencyTeam(host);
  const nightShift = await owner.call('artists.create', {
    artistName: 'Night Shift',
    genre: 'techno',
  });
  const paperTides = await owner.call('artists.create', {
    artistName: 'Paper Tides',
    genre: 'indie pop',
  });
  // Night Shift's is sent without its document; Paper Tides' is signed, with one.
  const bare = await owner.call('contracts.create', {
    artist: nightShift.id,
    contractType: 'recording',
  });
  await owner.call('contracts.transition', { id: bare.id, to: 'sent' });
  const signed = await owner.call('contracts.create', {
    artist: paperTides.id,
    contractType: 'recording',
  });
  // Signing needs a copy a person attached (the app's own export is not signed).
  const upload = await fetch(`${host.url}/upload`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${owner.token}`,
      'Content-Type': 'application/octet-stream',
      'x-file-name': 'signed.pdf',
    },
    body: new Uint8Array(pdfBytes()),
  });
  const { data: staged } = (await upload.json()) as { data: { file: string } };
  await owner.call('contracts.transition', { id: signed.id, to: 'sent' });
  await owner.call('contracts.attachDocument', { id: signed.id, file: staged.file });
  await owner.call('contracts.transition', {
    id: signed.id,
    to: 'signed',
    signedAt: new Date(Date.now() - DAY).toISOString(),
  });
  await inChinese(page, host.url);
  await page.getByRole('navigation').getByRole('link', { name: '合同' }).click();

  // Signed tomorrow: the form refuses it at the field; signed yesterday, main finds no document.
  await page.getByRole('gridcell', { name: 'Night Shift' }).click();
  const details = page.getByRole('dialog', { name: /Night Shift/ });
  await typeDate(details, '签署时间', dayParts(new Date(Date.now() + DAY)));
  await submit(details, '标记为已签署', { 签署时间: '不能是将来的日期' });
  await shot(page, 'signed-future');
  await edit(details, [['签署时间', dayParts(new Date(Date.now() - DAY)), null]]);
  await details.getByRole('button', { name: '标记为已签署' }).click();
  await expect(details.getByRole('alert')).toHaveText('请先附上已签署的文档。');
  await onlyChinese(details);
  await details.getByRole('button', { name: '关闭' }).click();

  // In effect from 1999: refused at the field, and the contract becomes active once it is right.
  await page.getByRole('gridcell', { name: 'Paper Tides' }).click();
  const active = page.getByRole('dialog', { name: /Paper Tides/ });
  await typeDate(active, '生效日期', ['1999', '12', '31']);
  await submit(active, '设为生效', { 生效日期: /^不能早于 2000/ });
  await shot(page, 'effective-invalid');
  await edit(active, [['生效日期', ['2026', '01', '15'], null]]);
  await active.getByRole('button', { name: '设为生效' }).click();
  await expect(active.getByRole('button', { name: '标记为已到期' })).toBeVisible();
});

test('in Chinese, a review decision with too long a note shows a Chinese message at the note, which goes when it is shortened', async ({
  host,
  page,
}) => {
  const { owner } = await agencyTeam(host);
  const artist = await owner.call('artists.create', { artistName: 'Night Shift', genre: 'techno' });
  const upload = await fetch(`${host.url}/upload`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${owner.token}`,
      'Content-Type': 'application/octet-stream',
      'x-file-name': 'first-light.wav',
    },
    body: new Uint8Array(wavBytes(2)),
  });
  const { data } = (await upload.json()) as { data: { file: string } };
  const demo = await owner.call('demos.import', {
    artist: artist.id,
    title: 'First Light',
    submissionSource: 'portal',
    file: data.file,
  });
  await owner.call('demos.setReviewStatus', { id: demo.id, status: 'in_review' });
  await inChinese(page, host.url);

  await page.getByRole('navigation').getByRole('link', { name: '音乐人' }).click();
  await page.getByRole('gridcell', { name: 'Night Shift' }).click();
  const row = page.getByRole('row').filter({ hasText: 'First Light' });
  await row.getByRole('button', { name: '入围' }).click();
  const decision = page.getByRole('dialog', { name: '入围' });
  const hint = '随决定一起保存；A&R 团队、法务和管理员可以阅读。';
  await edit(decision, [['备注（可选）', 'n'.repeat(20_001), hint]]);
  await submit(decision, '入围', { '备注（可选）': '最多 20,000 个字符' });
  await shot(page, 'decision-invalid');
  await edit(decision, [['备注（可选）', 'Chorus lands; book a session.', hint]]);
  await decision.getByRole('button', { name: '入围' }).click();
  await expect(decision).toBeHidden();
  await expect(row.getByText('已入围')).toBeVisible();
});
test('in Chinese, an empty and a wrong schedule entry show Chinese messages at their fields, which go as each is fixed', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  await showTimesInUtc(page);
  await inChinese(page, host.url);
  await page.getByRole('navigation').getByRole('link', { name: '日程' }).click();

  // A range selected on today's column, from 09:00 to 11:00 (UTC, the calendar's zone).
  const today = new Date().toISOString().slice(0, 10);
  const column = page.locator(`td.fc-timegrid-col[data-date="${today}"]`);
  const from = page.locator('td.fc-timegrid-slot-lane[data-time="09:00:00"]');
  const to = page.locator('td.fc-timegrid-slot-lane[data-time="10:30:00"]');
  await from.scrollIntoViewIfNeeded();
  const x = (await column.boundingBox())!;
  const y0 = (await from.boundingBox())!;
  const y1 = (await to.boundingBox())!;
  await page.mouse.move(x.x + x.width / 2, y0.y + 5);
  await page.mouse.down();
  await page.mouse.move(x.x + x.width / 2, y1.y + 5, { steps: 10 });
  await page.mouse.up();
  const entry = page.getByRole('dialog', { name: '新增日程' });

  // Nobody chosen; then a title too long and an end before the start.
  await submit(entry, '创建', { 艺人: '必填' });
  await edit(entry, [
    ['标题', 't'.repeat(201), '最多 200 个字符'],
    ['结束', [...today.split('-'), '08', '00'], '必须晚于开始时间'],
  ]);
  await onlyChinese(entry);
  await shot(page, 'entry-invalid');
  await edit(entry, [['标题', 'Fitting', null]]);
  await typeDate(entry, '开始', [...today.split('-'), '07', '00']);
  await expectMessages(entry, { 结束: null });
  await pick(entry, '艺人', 'Mia', /Mia Lux/);
  await entry.getByRole('button', { name: '创建' }).click();
  await expect(entry).toBeHidden();
  await expect(page.locator('.fc-event').filter({ hasText: 'Fitting' })).toBeVisible();
});

test('in Chinese, a failure outside a form is told in Chinese, not in main’s English', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  await inChinese(page, host.url);

  // A talent's link to one that does not exist (or is not the reader's to see).
  await page.goto(`${host.url}#/talents/00000000-0000-4000-8000-000000000000`);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('该艺人不存在或不在你的团队中。');
  await onlyChinese(page.locator('main'));

  // A link that is not an id at all: main refuses the input, still worded in Chinese.
  await page.goto(`${host.url}#/talents/does-not-exist`);
  await expect(page.getByRole('alert')).toBeVisible();
  await onlyChinese(page.locator('main'));
  await shot(page, 'talent-missing');
});
