import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { confine } from '../../src/main/host/staticFiles';

/** A store with one file, a sibling folder whose name starts like the store's, and a secret. */
const base = mkdtempSync(join(tmpdir(), 'greenroom-confine-'));
const store = join(base, 'media');
beforeAll(() => {
  mkdirSync(join(store, 'ab'), { recursive: true });
  writeFileSync(join(store, 'ab', 'abcdef'), 'stored');
  mkdirSync(join(base, 'media-evil'));
  writeFileSync(join(base, 'media-evil', 'x'), 'sibling');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(store, 'ab', 'link-out'));
  symlinkSync(join(base, 'media-evil'), join(store, 'evil-dir'));
});

describe('confine (media and renderer files)', () => {
  it('resolves a stored file inside the store', () => {
    expect(confine(store, 'ab/abcdef')).toBe(realpathSync(join(store, 'ab', 'abcdef')));
  });

  it.each([
    ['parent traversal', '../secret.txt'],
    ['nested traversal', 'ab/../../secret.txt'],
    ['encoded traversal', '%2e%2e/secret.txt'],
    ['double-encoded traversal', '%252e%252e%252fsecret.txt'],
    ['a sibling folder with a look-alike name', '../media-evil/x'],
    ['an absolute path', '/etc/passwd'],
    ['an absolute path to the secret', join(base, 'secret.txt')],
    ['a UNC path', '\\\\server\\share\\secret.txt'],
    ['a NUL byte', 'ab/abcdef\u0000.png'],
    ['a symlink out of the store', 'ab/link-out'],
    ['a symlinked folder out of the store', 'evil-dir/x'],
    ['the store folder itself', '.'],
    ['a folder', 'ab'],
  ])('refuses %s', (_why, requested) => {
    expect(confine(store, requested)).toBeNull();
  });

  it('never returns a path outside the store, for any mix of traversal pieces', () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '/',
      '\\',
      '%2e',
      '%2f',
      '\u0000',
      'ab',
      'abcdef',
      'media-evil',
      'x',
      'secret.txt',
      'link-out',
      'evil-dir',
      base,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const found = confine(store, pieces.join(''));
        if (found !== null) {
          const rel = relative(realpathSync(store), found);
          expect(rel.startsWith('..')).toBe(false);
          expect(found).toBe(realpathSync(join(store, 'ab', 'abcdef')));
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
