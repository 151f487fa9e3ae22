import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout a command runs from (where resources/ and out/renderer are): the nearest folder
 * above this file holding package.json. The same from the TypeScript sources (src/main/…) and
 * from the built JavaScript (out/main/…).
 */
export function projectRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('No package.json above this file.');
    dir = parent;
  }
  return dir;
}
