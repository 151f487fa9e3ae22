// Fonts for generated contract PDFs, copied into resources/fonts from packages (never
// committed: the CJK collection alone is 19 MB). Both are Noto fonts under the SIL Open Font
// License, which allows embedding and redistribution (resources/fonts/*-OFL.txt).
//   NotoSans-Regular.ttf     Latin, Greek, Cyrillic: the npm devDependency @embedpdf/fonts-latin
//   NotoSansCJK-Regular.ttc  Chinese, Japanese (kana and kanji), Korean (Hangul): Debian's
//                            fonts-noto-cjk (`apt-get install fonts-noto-cjk`), or any copy of
//                            the same file named by GREENROOM_CJK_FONT (e.g. on macOS/Windows)
//
// Runs after `npm install` (postinstall: a missing font is a warning, the app then prints its
// characters as a visible stand-in) and before `npm run dist` (--require: a missing font fails
// the build, so no installer ships without it).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'fonts');
const required = process.argv.includes('--require');

const fonts = [
  {
    file: 'NotoSans-Regular.ttf',
    from: [join(root, 'node_modules', '@embedpdf', 'fonts-latin', 'fonts', 'NotoSans-Regular.ttf')],
    install: 'npm install (the devDependency @embedpdf/fonts-latin)',
  },
  {
    file: 'NotoSansCJK-Regular.ttc',
    from: [
      process.env.GREENROOM_CJK_FONT,
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    ].filter(Boolean),
    install:
      'apt-get install fonts-noto-cjk (Debian, Ubuntu), or set GREENROOM_CJK_FONT to a copy of NotoSansCJK-Regular.ttc',
  },
];

mkdirSync(target, { recursive: true });
const missing = [];
for (const font of fonts) {
  const destination = join(target, font.file);
  const source = font.from.find((candidate) => existsSync(candidate));
  if (source) {
    const same = existsSync(destination) && statSync(destination).size === statSync(source).size;
    if (!same) copyFileSync(source, destination);
    console.log(`fonts: ${font.file} ${same ? 'is up to date' : `copied from ${source}`}`);
  } else if (existsSync(destination)) {
    console.log(`fonts: ${font.file} is in place`);
  } else {
    missing.push(font);
  }
}
for (const font of missing) {
  console.warn(`fonts: ${font.file} is missing; install it with: ${font.install}`);
}
if (missing.length > 0 && required) process.exit(1);
