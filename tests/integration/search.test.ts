import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/main/services/overview/search';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  for (const [stageName, fullName] of [
    ['Zoë Müller', 'Zoë Anna Müller'],
    ['周杰', '周杰明'],
    ['100% Real', 'Percent Person'],
    ['Star_Power', 'Under Score'],
    ['Quote "Q" Smith', 'Q Smith'],
    ['Nova (Live)', 'Nova Hart'],
  ]) {
    await t.call(
      'talents.create',
      { stageName: stageName!, fullName: fullName!, talentType: 'actor' },
      a.owner,
    );
  }
});
afterEach(() => t.close());

const titles = async (q: string, token = a.owner) =>
  (await t.call('search.query', { q, limit: 20 }, token)).groups.flatMap((g) =>
    g.items.map((i) => `${g.kind}:${i.title}`),
  );

describe('search', () => {
  it('finds by prefix and substring, ignoring case and diacritics', async () => {
    expect(await titles('zoe')).toEqual(['talents:Zoë Müller']);
    expect(await titles('MULL')).toEqual(['talents:Zoë Müller']);
    expect(await titles('anna')).toEqual(['talents:Zoë Müller']);
    expect(await titles('zoe anna')).toEqual(['talents:Zoë Müller']);
  });

  it('finds Chinese by substring, two characters or more', async () => {
    expect(await titles('周杰')).toEqual(['talents:周杰']);
    expect(await titles('杰明')).toEqual(['talents:周杰']);
    expect(await titles('周杰明')).toEqual(['talents:周杰']);
  });

  it('finds a single Chinese character, and two, through the gram index as LIKE would', async () => {
    for (const [stageName, fullName] of [
      ['刘雨桐', '刘雨桐'],
      ['王思远', 'Wang Siyuan'],
      ['南方有雨', '乐队'],
      ['ひらがな', 'カタカナ 한국어'],
    ]) {
      await t.call(
        'talents.create',
        { stageName: stageName!, fullName: fullName!, talentType: 'musician' },
        a.owner,
      );
    }
    expect(await titles('雨')).toEqual(['talents:刘雨桐', 'talents:南方有雨']);
    expect(await titles('思远')).toEqual(['talents:王思远']);
    expect(await titles('远')).toEqual(['talents:王思远']);
    expect(await titles('杰')).toEqual(['talents:周杰']);
    expect(await titles('が')).toEqual(['talents:ひらがな']);
    expect(await titles('국')).toEqual(['talents:ひらがな']);
    expect(await titles('雨 刘')).toEqual(['talents:刘雨桐']);
    expect(await titles('思远 wang')).toEqual(['talents:王思远']);
    expect(await titles('龘')).toEqual([]);
    // Not adjacent: no pair, as LIKE '%远刘%' finds nothing.
    expect(await titles('远南')).toEqual([]);

    // Every 1- and 2-character substring of the names, and some that are not: the gram index
    // answers exactly what a LIKE scan of the same rows answers.
    const names = t.core.sqlite
      .prepare("SELECT title || ' ' || detail AS text FROM search_index WHERE kind = 'talents'")
      .all() as { text: string }[];
    const probes = new Set<string>(['龘', '雨刘', '杰周']);
    for (const { text } of names) {
      const chars = [...text];
      chars.forEach((c, i) => {
        probes.add(c);
        if (chars[i + 1]) probes.add(c + chars[i + 1]);
      });
    }
    for (const probe of [...probes].filter((p) => !/\s/.test(p) && toFtsQuery(p).grams)) {
      const expected = names.filter((n) => n.text.includes(probe)).length;
      const found = (await titles(probe)).length;
      expect(found, probe).toBe(expected);
    }
    // Renamed and deleted rows leave the gram index with them.
    const talent = (await t.call('talents.list', { q: '思远' }, a.owner)).items[0]!;
    await t.call(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { stageName: '王小明' } },
      a.owner,
    );
    expect(await titles('思远')).toEqual([]);
    expect(await titles('小')).toEqual(['talents:王小明']);
    expect(t.core.search.rebuild()).toBe(t.count('search_index'));
    expect(await titles('雨')).toEqual(['talents:刘雨桐', 'talents:南方有雨']);
  });

  it.each([
    ['100%', ['talents:100% Real']],
    ['%', ['talents:100% Real']],
    ['_', ['talents:Star_Power']],
    ['"Q"', ['talents:Quote "Q" Smith']],
    ['(Live)', ['talents:Nova (Live)']],
    ['Nova (', ['talents:Nova (Live)']],
    ['NEAR', []],
    ['*', []],
    ['AND OR NOT', []],
    ['title:nova', []],
    ['"', ['talents:Quote "Q" Smith']],
  ])('treats %j literally, with no error', async (q, expected) => {
    expect(await titles(q)).toEqual(expected);
  });

  it('quotes every term before it reaches FTS5', () => {
    expect(toFtsQuery('nova NEAR(x) "a"')).toEqual({
      match: '"nova" AND "NEAR(x)" AND """a"""',
      grams: null,
      likes: [],
    });
    // Short CJK terms are tokens of the gram index; other short terms stay substrings (LIKE).
    expect(toFtsQuery('周杰 ab 雨 周a')).toEqual({
      match: null,
      grams: '"周杰" AND "雨"',
      likes: ['%ab%', '%周a%'],
    });
  });

  it('stays in step with writes: renamed, archived and new rows', async () => {
    const talent = (await t.call('talents.list', { q: 'Nova' }, a.owner)).items[0]!;
    await t.call(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { stageName: 'Vesper Lane' } },
      a.owner,
    );
    expect(await titles('vesper')).toEqual(['talents:Vesper Lane']);
    expect(await titles('(Live)')).toEqual([]);
    await t.call('talents.archive', { id: talent.id }, a.owner);
    expect(await titles('vesper')).toEqual([]);
    await t.call(
      'auditions.create',
      {
        talentProfile: (await t.call('talents.list', { q: 'Real' }, a.owner)).items[0]!.id,
        clientName: 'Lumière Films',
        projectName: 'City Lights',
        auditionType: 'virtual',
        auditionDate: '2026-12-01T10:00:00.000Z',
      },
      a.owner,
    );
    expect(await titles('lumiere')).toEqual(['auditions:Lumière Films · City Lights']);
  });

  it('never searches restricted fields', async () => {
    const talent = (await t.call('talents.list', { q: 'Real' }, a.owner)).items[0]!;
    await t.call(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { notes: 'secretword in the notes' } },
      a.owner,
    );
    expect(await titles('secretword')).toEqual([]);
  });

  it('rebuilds the index from the tables as one segment, and the triggers keep it in step after', async () => {
    const before = await titles('zoe');
    const indexed = t.count('search_index');
    const pages = t.count('search_index_data');
    expect(t.core.search.rebuild()).toBe(indexed);
    expect(t.count('search_index')).toBe(indexed);
    expect(await titles('zoe')).toEqual(before);
    expect(await titles('周杰')).toEqual(['talents:周杰']);
    // A fresh table, refilled and optimized into one segment: never more pages than before.
    expect(t.count('search_index_data')).toBeLessThanOrEqual(pages);
    await t.call(
      'talents.create',
      { stageName: 'Zoe After', fullName: 'Rebuilt Index', talentType: 'actor' },
      a.owner,
    );
    expect(await titles('rebuilt')).toEqual(['talents:Zoe After']);
  });
});
