import { expect, test } from './fixtures';
import { AuthScreens, OWNER, Roster } from './pages';
import { api } from './api';

test('a coordinator sees only their team, and an admin sees the history of their edit', async ({
  host,
  page,
  browser,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const alice = await owner.call('users.create', {
    username: 'alice',
    email: 'alice@example.com',
    fullName: 'Alice Manager',
    password: OWNER.password,
    role: 'manager',
  });
  const bob = await owner.call('users.create', {
    username: 'bob',
    email: 'bob@example.com',
    fullName: 'Bob Manager',
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
  await owner.call('talents.create', {
    stageName: 'Alice Act',
    fullName: 'A. Act',
    talentType: 'actor',
    manager: alice.id,
  });
  await owner.call('talents.create', {
    stageName: 'Bob Act',
    fullName: 'B. Act',
    talentType: 'model',
    manager: bob.id,
  });

  // The coordinator's roster holds their team's talent only; no admin screens.
  await page.goto(host.url);
  await new AuthScreens(page).signIn('carol', OWNER.password);
  const roster = new Roster(page);
  await roster.visit();
  await expect(roster.row('Alice Act')).toBeVisible();
  await expect(roster.row('Bob Act')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await roster.rename('Alice Act', 'Alice Star');

  // The admin opens the talent's history and sees the coordinator's edit.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(host.url);
  await new AuthScreens(admin).signIn();
  await new Roster(admin).visit();
  await new Roster(admin).open('Alice Star');
  await admin.getByRole('tab', { name: 'History' }).click();
  const history = admin.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText(
    'Carol Coordinator edited the talent',
  );
  await expect(history.getByRole('listitem').first()).toContainText(
    'Stage name: Alice Act → Alice Star',
  );
  await admin.screenshot({ path: test.info().outputPath('history.png') });
  await adminContext.close();
});

test('sign-up waits for an admin, who activates it from the Users screen', async ({
  host,
  page,
}) => {
  await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Nina New');
  await page.getByRole('textbox', { name: 'Username' }).fill('nina');
  await page.getByRole('textbox', { name: 'Email' }).fill('nina@example.com');
  await page.getByLabel('Password').fill('nina password 1');
  await page.getByRole('button', { name: 'Request account' }).click();
  await expect(page.getByText('You can sign in once an administrator activates it.')).toBeVisible();

  await new AuthScreens(page).signIn('nina', 'nina password 1');
  await expect(page.getByRole('alert')).toContainText('not active');

  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Users' }).click();
  const row = page.getByRole('row').filter({ hasText: 'nina@example.com' });
  await expect(row).toContainText('Inactive');
  await row.getByRole('gridcell').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'A&R' }).click();
  await dialog.getByLabel('Active').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('A&R');
  await expect(row).toContainText('Active');
  await page.screenshot({ path: test.info().outputPath('users.png') });
});

test('an ended session locks the app without losing what was typed', async ({ host, page }) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await new Roster(page).visit();
  await page.getByRole('button', { name: 'New talent' }).click();
  const dialog = page.getByRole('dialog', { name: 'New talent' });
  await dialog.getByRole('textbox', { name: 'Stage name' }).fill('Unsaved Star');
  await dialog.getByRole('textbox', { name: 'Full name' }).fill('Kept Typing');

  // The session ends behind the user's back (here: the password changed elsewhere).
  await owner.endAllSessions();

  await dialog.getByRole('button', { name: 'Create' }).click();
  const lock = page.getByRole('dialog', { name: 'Session ended' });
  await expect(lock).toBeVisible();
  await lock.getByLabel('Password').fill(OWNER.password);
  await lock.getByRole('button', { name: 'Sign in' }).click();
  await expect(lock).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Stage name' })).toHaveValue('Unsaved Star');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(new Roster(page).row('Unsaved Star')).toBeVisible();
});

test('the audit trail shortens a long value until it is asked for', async ({ host, page }) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  const notes = Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the casting notes.`).join(
    ' ',
  );
  await owner.call('talents.create', {
    stageName: 'Long Notes',
    fullName: 'Lena Notes',
    talentType: 'actor',
    notes,
  });

  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Olive Owner added the talent' });
  await expect(row).toContainText('Line 1 of the casting notes.');
  await expect(row).not.toContainText('Line 30 of the casting notes.');
  await row.getByRole('button', { name: `Show all (${notes.length} characters)` }).click();
  await expect(row).toContainText('Line 30 of the casting notes.');
  await row.getByRole('button', { name: 'Show less' }).click();
  await expect(row).not.toContainText('Line 30 of the casting notes.');
});

test('a common password is refused with the reason at its field, in English and in Chinese', async ({
  host,
  page,
}) => {
  const owner = await api(host.url).signIn(OWNER.username, OWNER.password, true);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Pat Common');
  await page.getByRole('textbox', { name: 'Username' }).fill('pat');
  await page.getByRole('textbox', { name: 'Email' }).fill('pat@example.com');
  // Too short: the form says so itself.
  await page.getByLabel('Password').fill('short pass');
  await page.getByRole('button', { name: 'Request account' }).click();
  await expect(page.getByText('At least 12 characters', { exact: true })).toBeVisible();
  // Long enough but common: only main knows, and its reason lands on the field.
  await page.getByLabel('Password').fill('password1234');
  await page.getByRole('button', { name: 'Request account' }).click();
  await expect(
    page.getByText('Too common or too easy to guess: try a few unrelated words'),
  ).toBeVisible();
  await expect(page.getByText('You can sign in once an administrator activates it.')).toHaveCount(
    0,
  );

  // Signed in and in Chinese, changing the password says the same in Chinese.
  await page.goto(host.url);
  await new AuthScreens(page).signIn();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文（简体）' }).click();
  await expect(page.getByRole('heading', { name: '今日', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '账户', exact: true }).click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await dialog.getByLabel('当前密码').fill(OWNER.password);
  await dialog.getByLabel('新密码').fill('iloveyou1234');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('过于常见或容易被猜到：试试几个互不相关的词')).toBeVisible();
  // The reason is at its field; no English sentence repeats it above.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('common-password-zh-CN.png') });
  await dialog.getByRole('button', { name: '取消' }).click();

  // Admins set how long a session may last at most.
  await page.getByRole('link', { name: '设置' }).click();
  const maxDays = page.getByRole('spinbutton', { name: '每隔多少天需重新登录' });
  await expect(maxDays).toHaveValue('30');
  await maxDays.fill('14');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect
    .poll(
      async () =>
        ((await owner.call('settings.get', {})) as { sessionMaxDays: number }).sessionMaxDays,
    )
    .toBe(14);
  await page.screenshot({ path: test.info().outputPath('settings-zh-CN.png') });
});
