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
      likes: [],
    });
    expect(toFtsQuery('周杰 ab')).toEqual({ match: null, likes: ['%周杰%', '%ab%'] });
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
