/**
 * A contract's History as people read it: main's audit rows (real core, real SQLite) worded by
 * the renderer's readableHistory module in English and Chinese. No id, no stored-file reference
 * and no JSON may reach the words.
 */
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changeLine,
  readAuditEntry,
  type AuditRow,
} from '../../src/renderer/src/features/audit/readableHistory';
import { en } from '../../src/renderer/src/i18n/locales/en';
import { zhCN } from '../../src/renderer/src/i18n/locales/zh-CN';
import {
  createTestCore,
  PASSWORD,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let t: TestCore;
let a: Actors;

async function person(username: string, fullName: string, role: 'legal' | 'AandR') {
  const created = await t.call(
    'users.create',
    { username, email: `${username}@example.com`, fullName, password: PASSWORD, role },
    a.owner,
  );
  return { id: created.id, token: await a.token(username) };
}

async function translator(language: 'en' | 'zh-CN'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance.t;
}

/** The app's formats (useFormatters), in UTC so the expected dates do not depend on the machine. */
function formats(language: string) {
  const dateTime = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (d: string) => day.format(new Date(`${d}T00:00:00Z`)),
    money: (minor: number | null | undefined) => String(minor ?? ''),
    number: (n: number) => new Intl.NumberFormat(language).format(n),
  };
}

function read(rows: readonly AuditRow[], tr: TFunction, language: string): string[] {
  return rows.map((row) => {
    const entry = readAuditEntry(row, tr, formats(language));
    return [entry.sentence, ...entry.changes.map((change) => changeLine(change, tr))].join('\n');
  });
}

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
});
afterEach(() => t.close());

describe('a contract’s History', () => {
  it('reads as sentences after export, transition and edit, in English and Chinese', async () => {
    const lena = await person('lena', 'Lena Marsh', 'legal');
    const sam = await person('sam', 'Sam Lee', 'legal');
    const ada = await person('ada', 'Ada Reyes', 'AandR');
    const artist = await t.call(
      'artists.create',
      { artistName: 'Nova Lane', genre: 'indie' },
      ada.token,
    );
    const draft = await t.call(
      'contracts.create',
      { artist: artist.id, contractType: 'recording', terms: 'Eighteen percent, paid quarterly.' },
      lena.token,
    );
    await t.call('contracts.exportDocument', { id: draft.id }, lena.token);
    const exported = await t.call('contracts.get', { id: draft.id }, lena.token);
    const sent = await t.call('contracts.transition', { id: draft.id, to: 'sent' }, lena.token);
    await t.call(
      'contracts.update',
      {
        id: draft.id,
        version: sent.version,
        patch: { expiryDate: '2027-06-30', legalOwner: sam.id },
      },
      lena.token,
    );
    expect(exported.documentUrl).toMatch(/^media:/);

    for (const reader of [lena.token, a.owner]) {
      const history = await t.call(
        'audit.list',
        { entity: 'contracts', entityId: draft.id },
        reader,
      );
      // At the source: the record's display data is not a change anybody made.
      for (const row of history.items)
        expect(Object.keys(row.changes ?? {})).not.toContain('expanded');
      expect(history.items.map((row) => row.action)).toEqual([
        'contracts.update',
        'contracts.transition',
        'contracts.exportDocument',
        'contracts.create',
      ]);
      expect(history.items[0]!.changes).toEqual({
        expiryDate: [null, '2027-06-30'],
        legalOwner: [lena.id, sam.id],
      });

      const english = read(history.items, await translator('en'), 'en');
      expect(english[0]).toBe(
        'Lena Marsh edited the contract\nLegal owner: Lena Marsh → Sam Lee\nExpiry date: — → Jun 30, 2027',
      );
      expect(english[1]).toBe('Lena Marsh moved the contract on\nStatus: Draft → Sent');
      expect(english[2]).toBe('Lena Marsh exported the contract PDF\nDocument: — → a new file');
      expect(english[3]).toContain('Lena Marsh drafted the contract\nArtist: Nova Lane');
      expect(english[3]).toContain('Contract type: Recording');
      expect(english[3]).toContain('Status: Draft');

      const chinese = read(history.items, await translator('zh-CN'), 'zh-CN');
      expect(chinese[0]).toBe(
        'Lena Marsh 编辑了合同\n法务负责人：Lena Marsh → Sam Lee\n到期日期：— → 2027年6月30日',
      );
      expect(chinese[1]).toBe('Lena Marsh 推进了合同状态\n状态：草稿 → 已发送');
      expect(chinese[2]).toBe('Lena Marsh 导出了合同 PDF\n文件：— → 新文件');

      for (const text of [...english, ...chinese]) {
        expect(text).not.toMatch(UUID);
        expect(text).not.toContain('media:');
        expect(text).not.toContain('{');
      }
    }
  });
});

describe('a hold’s History', () => {
  it('names the challenging hold as a booking, not as a person or an id', async () => {
    const talent = await t.call(
      'talents.create',
      { stageName: 'Mia', fullName: 'Mia L', talentType: 'actor' },
      a.owner,
    );
    const hold = (clientName: string) =>
      t.call(
        'bookings.create',
        {
          talentProfile: talent.id,
          clientName,
          projectName: 'Pilot',
          startDateTime: '2027-03-01T10:00:00.000Z',
          endDateTime: '2027-03-01T12:00:00.000Z',
        },
        a.owner,
      );
    const first = await hold('Northwind Studios');
    const second = await hold('Bluebird Media');
    await t.call('bookings.challenge', { id: second.id, hours: 24 }, a.owner);
    const history = await t.call('audit.list', { entity: 'bookings', entityId: first.id }, a.owner);
    const english = read(history.items, await translator('en'), 'en').join('\n');
    expect(english).toContain('Challenged by: — → Mia · Pilot');
    expect(english).not.toMatch(UUID);
  });
});

describe('the whole trail', () => {
  it('names the person who asked for an account in Who and What alike', async () => {
    await t.call('auth.signUp', {
      username: 'nia',
      email: 'nia@example.com',
      fullName: 'Nia Newbie',
      password: PASSWORD,
    });
    const trail = await t.call('audit.list', { entity: 'users' }, a.owner);
    const signUp = trail.items.find((row) => row.action === 'auth.signUp')!;
    const english = readAuditEntry(signUp, await translator('en'), formats('en'));
    expect(english.actor).toBe('Nia Newbie');
    expect(english.sentence).toBe('Nia Newbie asked for an account');
    expect(english.record).toBe('Users · Nia Newbie');
    const chinese = readAuditEntry(signUp, await translator('zh-CN'), formats('zh-CN'));
    expect(chinese.actor).toBe('Nia Newbie');
    expect(chinese.sentence).toBe('Nia Newbie 申请了账号');
    // Filtering the trail by that person finds what they did before anyone let them in.
    const theirs = await t.call('audit.list', { actor: signUp.expanded.actor!.id }, a.owner);
    expect(theirs.items.map((row) => row.action)).toEqual(['auth.signUp']);
  });

  it('words a backup as Settings does: its kind, when it was taken, its size in MB', async () => {
    const scheduled = await t.core.maintenance.runScheduled();
    await t.call('maintenance.backupNow', {}, a.owner);
    const trail = await t.call('audit.list', { entity: 'settings' }, a.owner);
    const backups = trail.items.filter((row) => row.action === 'maintenance.backup');
    expect(backups).toHaveLength(2);
    const taken = formats('en').dateTime(
      (await t.call('maintenance.backups', {}, a.owner)).items.find(
        (item) => item.name === scheduled!.name,
      )!.createdAt,
    );
    const mb = (scheduled!.size / 1024 ** 2).toFixed(1);

    const english = read(backups, await translator('en'), 'en');
    expect(english[1]).toBe(
      `Greenroom made a backup\nTaken: ${taken}\nKind: Daily\nSize: ${mb} MB`,
    );
    expect(english[0]).toContain('Kind: Backup now');
    const chinese = read(backups, await translator('zh-CN'), 'zh-CN');
    expect(chinese[1]).toContain('类别：每日');
    expect(chinese[1]).toContain(`大小：${mb} MB`);
    for (const text of [...english, ...chinese]) {
      expect(text).not.toContain('greenroom-');
      expect(text).not.toContain('.sqlite');
      expect(text).not.toMatch(/bytes|字节/);
    }
  });
});
