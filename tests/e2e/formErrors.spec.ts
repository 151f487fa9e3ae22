import type { Locator, Page } from '@playwright/test';
import { agencyTeam } from './agencyDesk';
import { expect, test } from './fixtures';
import { AuthScreens } from './pages';

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
async function typeDate(page: Page, dialog: Locator, label: string, parts: string[]) {
  const group = dialog.getByRole('group', { name: label });
  const sections = group.getByRole('spinbutton');
  for (const [index, value] of parts.entries()) {
    await sections.nth(index).click();
    await page.keyboard.type(value);
  }
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

test('in Chinese, an empty and a wrong booking and audition show Chinese messages at their fields, which go as each is fixed', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  await inChinese(page, host.url);

  // A booking: nothing filled in, then too long, negative, ending before it starts.
  await page.getByRole('navigation').getByRole('link', { name: '预订' }).click();
  await page.getByRole('button', { name: '新增预订' }).click();
  const booking = page.getByRole('dialog', { name: '新增预订' });
  await booking.getByRole('button', { name: '创建' }).click();
  await expect(messageOf(booking, '艺人')).toHaveText('必填');
  await expect(messageOf(booking, '客户')).toHaveText('必填');
  await expect(messageOf(booking, '项目')).toHaveText('必填');
  await onlyChinese(booking);
  await page.screenshot({ path: test.info().outputPath('booking-empty-zh-CN.png') });

  await booking.getByRole('textbox', { name: '客户' }).fill('x'.repeat(600));
  await expect(messageOf(booking, '客户')).toHaveText('最多 160 个字符');
  await booking.getByRole('textbox', { name: '报酬' }).fill('-5');
  await expect(messageOf(booking, '报酬')).toHaveText('不能小于 0');
  const tomorrow = new Date(Date.now() + 86_400_000);
  await typeDate(page, booking, '结束', [...dayParts(tomorrow), '08', '00']);
  await expect(messageOf(booking, '结束')).toHaveText('必须晚于开始时间');
  await onlyChinese(booking);
  await page.screenshot({ path: test.info().outputPath('booking-invalid-zh-CN.png') });

  // Each message goes as soon as its field is right.
  await booking.getByRole('textbox', { name: '客户' }).fill('Acme Studios');
  await expect(messageOf(booking, '客户')).toHaveCount(0);
  await booking.getByRole('textbox', { name: '项目' }).fill('Spring campaign');
  await expect(messageOf(booking, '项目')).toHaveCount(0);
  await booking.getByRole('textbox', { name: '报酬' }).fill('1200');
  await expect(messageOf(booking, '报酬')).toHaveCount(0);
  await typeDate(page, booking, '结束', [...dayParts(tomorrow), '18', '00']);
  await expect(messageOf(booking, '结束')).toHaveCount(0);
  await booking.getByRole('combobox', { name: '艺人' }).fill('Mia');
  await page.getByRole('option', { name: /Mia Lux/ }).click();
  await expect(messageOf(booking, '艺人')).toHaveCount(0);
  await booking.getByRole('button', { name: '创建' }).click();
  await expect(booking).toBeHidden();

  // An audition: empty, then in 1900 (a year typed into the wrong place).
  await page.getByRole('navigation').getByRole('link', { name: '试镜' }).click();
  await page.getByRole('button', { name: '新增试镜' }).click();
  const audition = page.getByRole('dialog', { name: '新增试镜' });
  await typeDate(page, audition, '日期与时间', ['1900']);
  await audition.getByRole('button', { name: '创建' }).click();
  await expect(messageOf(audition, '艺人')).toHaveText('必填');
  await expect(messageOf(audition, '客户')).toHaveText('必填');
  await expect(messageOf(audition, '项目')).toHaveText('必填');
  await expect(messageOf(audition, '日期与时间')).toHaveText(/^不能早于 2000/);
  await onlyChinese(audition);
  await page.screenshot({ path: test.info().outputPath('audition-invalid-zh-CN.png') });
  await typeDate(page, audition, '日期与时间', [String(tomorrow.getFullYear() + 1)]);
  await expect(messageOf(audition, '日期与时间')).toHaveCount(0);
  await audition.getByRole('textbox', { name: '客户' }).fill('Acme Studios');
  await expect(messageOf(audition, '客户')).toHaveCount(0);
  await expect(messageOf(audition, '项目')).toHaveText('必填');
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
  await growth.getByRole('button', { name: '记录粉丝数' }).click();
  await expect(messageOf(growth, '粉丝数')).toHaveText('必填');
  await onlyChinese(growth);
  await growth.getByRole('spinbutton', { name: '粉丝数' }).fill('-3');
  await expect(messageOf(growth, '粉丝数')).toHaveText('不能小于 0');
  await growth.getByRole('spinbutton', { name: '互动率' }).fill('140');
  await growth.getByRole('button', { name: '记录粉丝数' }).click();
  await expect(messageOf(growth, '互动率')).toHaveText('不能大于 100');
  const tomorrow = new Date(Date.now() + 86_400_000);
  await typeDate(page, growth, '记录日期', dayParts(tomorrow));
  await expect(messageOf(growth, '记录日期')).toHaveText('不能是将来的日期');
  await onlyChinese(growth);
  await page.screenshot({ path: test.info().outputPath('growth-invalid-zh-CN.png') });
  await growth.getByRole('spinbutton', { name: '粉丝数' }).fill('1500');
  await expect(messageOf(growth, '粉丝数')).toHaveCount(0);
  await growth.getByRole('spinbutton', { name: '互动率' }).fill('4.2');
  await expect(messageOf(growth, '互动率')).toHaveText('%');
  await typeDate(page, growth, '记录日期', dayParts(new Date()));
  await expect(messageOf(growth, '记录日期')).toHaveCount(0);
  await growth.getByRole('button', { name: '记录粉丝数' }).click();
  await expect(growth).toBeHidden();

  // A mistaken capture is corrected by a new one; the old one stays, struck through.
  const captures = page.getByRole('list', { name: '采集记录' });
  await captures.getByRole('button', { name: /^更正/ }).click();
  const correction = page.getByRole('dialog', { name: '更正一条记录' });
  await correction.getByRole('spinbutton', { name: '粉丝数' }).fill('1400');
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
  const start = new Date(Date.now() + 3 * 86_400_000);
  await typeDate(page, away, '结束', [...dayParts(start), '08', '00']);
  await typeDate(page, away, '开始', [...dayParts(start), '09', '00']);
  await away.getByRole('button', { name: '保存' }).click();
  await expect(messageOf(away, '结束')).toHaveText('必须晚于开始时间');
  await away.getByRole('textbox', { name: '备注' }).fill('n'.repeat(1001));
  await expect(messageOf(away, '备注')).toHaveText('最多 1,000 个字符');
  await onlyChinese(away);
  await page.screenshot({ path: test.info().outputPath('away-invalid-zh-CN.png') });
  await typeDate(page, away, '结束', [...dayParts(start), '18', '00']);
  await expect(messageOf(away, '结束')).toHaveCount(0);
  await away.getByRole('textbox', { name: '备注' }).fill('Festival');
  await expect(messageOf(away, '备注')).toHaveCount(0);
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
  await page.getByRole('navigation').getByRole('link', { name: '艺人名册' }).click();
  await page.getByRole('button', { name: '新增艺人' }).click();
  const talent = page.getByRole('dialog', { name: '新增艺人' });
  await talent.getByRole('button', { name: '创建' }).click();
  await expect(messageOf(talent, '艺名')).toHaveText('必填');
  await expect(messageOf(talent, '全名')).toHaveText('必填');
  await onlyChinese(talent);
  await talent.getByRole('textbox', { name: '艺名' }).fill('s'.repeat(121));
  await expect(messageOf(talent, '艺名')).toHaveText('最多 120 个字符');
  await talent.getByRole('textbox', { name: '作品集链接' }).fill('javascript:alert(1)');
  await expect(messageOf(talent, '作品集链接')).toHaveText(
    '请输入以 http:// 或 https:// 开头的链接',
  );
  await onlyChinese(talent);
  await page.screenshot({ path: test.info().outputPath('talent-invalid-zh-CN.png') });
  await talent.getByRole('textbox', { name: '艺名' }).fill('Nova');
  await expect(messageOf(talent, '艺名')).toHaveCount(0);
  await talent.getByRole('textbox', { name: '全名' }).fill('Nova Quinn');
  await expect(messageOf(talent, '全名')).toHaveCount(0);
  await talent.getByRole('textbox', { name: '作品集链接' }).fill('https://nova.example.com');
  await expect(messageOf(talent, '作品集链接')).toHaveCount(0);
  await talent.getByRole('button', { name: '创建' }).click();
  await expect(talent).toBeHidden();

  // A user: nothing typed, then a bad name, address and password.
  await page.getByRole('navigation').getByRole('link', { name: '用户' }).click();
  await page.getByRole('button', { name: '新增用户' }).click();
  const user = page.getByRole('dialog', { name: '新增用户' });
  await user.getByRole('button', { name: '创建' }).click();
  await expect(messageOf(user, '全名')).toHaveText('必填');
  await expect(messageOf(user, '用户名')).toHaveText('至少 3 个字符');
  await expect(messageOf(user, '邮箱')).toHaveText('必填');
  await expect(messageOf(user, '密码')).toHaveText('至少 12 个字符');
  await onlyChinese(user);
  await user.getByRole('textbox', { name: '邮箱' }).fill('dana-at-example');
  await expect(messageOf(user, '邮箱')).toHaveText('请输入电子邮件地址');
  await user.getByRole('textbox', { name: '用户名' }).fill('da na');
  await expect(messageOf(user, '用户名')).toHaveText('格式不正确');
  await onlyChinese(user);
  await page.screenshot({ path: test.info().outputPath('user-invalid-zh-CN.png') });
  await user.getByRole('textbox', { name: '全名' }).fill('Dana Park');
  await expect(messageOf(user, '全名')).toHaveCount(0);
  await user.getByRole('textbox', { name: '用户名' }).fill('dana');
  await expect(messageOf(user, '用户名')).toHaveCount(0);
  await user.getByRole('textbox', { name: '邮箱' }).fill('dana@example.com');
  await expect(messageOf(user, '邮箱')).toHaveCount(0);
  await user.getByLabel('密码').fill('password1234');
  await expect(messageOf(user, '密码')).toHaveText('至少 12 个字符，且不能是常见密码。');
  await user.getByRole('combobox', { name: '团队（经纪人）' }).click();
  await page.getByRole('option', { name: 'Alice Manager' }).click();

  // Long enough for the form; only main knows it is too common, and says so at the field.
  await user.getByRole('button', { name: '创建' }).click();
  await expect(messageOf(user, '密码')).toHaveText('过于常见或容易被猜到：试试几个互不相关的词');
  await expect(user.getByRole('alert')).toHaveCount(0);
  await onlyChinese(user);
  await user.getByLabel('密码').fill('violet-harbour-cinema-42');
  await expect(messageOf(user, '密码')).toHaveText('至少 12 个字符，且不能是常见密码。');
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
  await page.getByRole('navigation').getByRole('link', { name: '音乐人' }).click();
  await page.getByRole('button', { name: '新建音乐人' }).click();
  const artist = page.getByRole('dialog', { name: '新建音乐人' });
  await artist.getByRole('button', { name: '保存' }).click();
  await expect(messageOf(artist, '音乐人')).toHaveText('必填');
  await expect(messageOf(artist, '风格')).toHaveText('必填');
  await onlyChinese(artist);
  await artist.getByRole('textbox', { name: '风格' }).fill('g'.repeat(81));
  await expect(messageOf(artist, '风格')).toHaveText('最多 80 个字符');
  await artist.getByRole('spinbutton', { name: '优先级' }).fill('150');
  await expect(messageOf(artist, '优先级')).toHaveText('不能大于 100');
  await artist.getByRole('spinbutton', { name: '优先级' }).fill('2.5');
  await expect(messageOf(artist, '优先级')).toHaveText('请输入整数');
  await onlyChinese(artist);
  await page.screenshot({ path: test.info().outputPath('artist-invalid-zh-CN.png') });
  await artist.getByRole('textbox', { name: '音乐人' }).fill('Paper Tides');
  await expect(messageOf(artist, '音乐人')).toHaveCount(0);
  await artist.getByRole('textbox', { name: '风格' }).fill('indie pop');
  await expect(messageOf(artist, '风格')).toHaveCount(0);
  await artist.getByRole('spinbutton', { name: '优先级' }).fill('80');
  await expect(messageOf(artist, '优先级')).toHaveText('0 到 100，越高越靠前。');
  await artist.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: 'Paper Tides' })).toBeVisible();

  // A contract: no artist, and an expiry typed in 1900.
  await page.getByRole('navigation').getByRole('link', { name: '合同' }).click();
  await page.getByRole('button', { name: '新建合同' }).click();
  const contract = page.getByRole('dialog', { name: '新建合同（草稿）' });
  await typeDate(page, contract, '到期日期', ['1900', '03', '15']);
  await contract.getByRole('button', { name: '保存' }).click();
  await expect(messageOf(contract, '音乐人')).toHaveText('必填');
  await expect(messageOf(contract, '到期日期')).toHaveText(/^不能早于 2000/);
  await onlyChinese(contract);
  await page.screenshot({ path: test.info().outputPath('contract-invalid-zh-CN.png') });
  await typeDate(page, contract, '到期日期', [String(new Date().getFullYear() + 2)]);
  await expect(messageOf(contract, '到期日期')).toHaveCount(0);
  await contract.getByRole('combobox', { name: '音乐人' }).fill('Night');
  await page.getByRole('option', { name: /Night Shift/ }).click();
  await expect(messageOf(contract, '音乐人')).toHaveCount(0);
  await contract.getByRole('button', { name: '保存' }).click();
  await expect(contract).toBeHidden();
});

test('in Chinese, an empty and a wrong schedule entry show Chinese messages at their fields, which go as each is fixed', async ({
  host,
  page,
}) => {
  await agencyTeam(host);
  await page.addInitScript(() =>
    (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage.setItem('greenroom.displayZone', 'UTC'),
  );
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
  await entry.getByRole('button', { name: '创建' }).click();
  await expect(messageOf(entry, '艺人')).toHaveText('必填');
  await onlyChinese(entry);
  await entry.getByRole('textbox', { name: '标题' }).fill('t'.repeat(201));
  await expect(messageOf(entry, '标题')).toHaveText('最多 200 个字符');
  await typeDate(page, entry, '结束', [...today.split('-'), '08', '00']);
  await expect(messageOf(entry, '结束')).toHaveText('必须晚于开始时间');
  await onlyChinese(entry);
  await page.screenshot({ path: test.info().outputPath('entry-invalid-zh-CN.png') });
  await entry.getByRole('textbox', { name: '标题' }).fill('Fitting');
  await expect(messageOf(entry, '标题')).toHaveCount(0);
  await typeDate(page, entry, '开始', [...today.split('-'), '07', '00']);
  await expect(messageOf(entry, '结束')).toHaveCount(0);
  await entry.getByRole('combobox', { name: '艺人' }).fill('Mia');
  await page.getByRole('option', { name: /Mia Lux/ }).click();
  await expect(messageOf(entry, '艺人')).toHaveCount(0);
  await entry.getByRole('button', { name: '创建' }).click();
  await expect(entry).toBeHidden();
  await expect(page.locator('.fc-event').filter({ hasText: 'Fitting' })).toBeVisible();
});
