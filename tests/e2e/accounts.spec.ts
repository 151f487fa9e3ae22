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
    'Carol Coordinator · talents.update',
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
  await expect(row).toContainText('Waiting for activation');
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
  const row = page.getByRole('row').filter({ hasText: 'talents.create' });
  await expect(row).toContainText('Line 1 of the casting notes.');
  await expect(row).not.toContainText('Line 30 of the casting notes.');
  await row.getByRole('button', { name: `Show all (${notes.length} characters)` }).click();
  await expect(row).toContainText('Line 30 of the casting notes.');
  await row.getByRole('button', { name: 'Show less' }).click();
  await expect(row).not.toContainText('Line 30 of the casting notes.');
});
