import { describe, expect, it } from 'vitest';
import { foldName, rankByName } from '../../src/renderer/src/components/nameMatch';

const names = [
  'Quicksilver Road',
  'Moonlight',
  'The Silver Lakes',
  'Silver',
  'Silverline',
  'quicksilver',
  'Silver',
];

describe('rankByName', () => {
  it('lists names that start with the text first, then a word that does, then contains; hides the rest', () => {
    expect(rankByName(names, 'Silver', (n) => n)).toEqual([
      'Silver',
      'Silverline',
      'Silver',
      'The Silver Lakes',
      'Quicksilver Road',
      'quicksilver',
    ]);
  });

  it('ignores case, width and accents, and keeps the given order for an empty text', () => {
    expect(rankByName(['Sílver Sun', 'Gold'], 'ＳＩＬＶ', (n) => n)).toEqual(['Sílver Sun']);
    expect(rankByName(names, '  ', (n) => n)).toEqual(names);
    expect(foldName('  Ｓｉｌｖｅｒ ')).toBe('silver');
  });

  it('matches Chinese names by their characters', () => {
    expect(rankByName(['白日梦乐队', '梦想家', '夜行者'], '梦', (n) => n)).toEqual([
      '梦想家',
      '白日梦乐队',
    ]);
  });
});
