import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(join(ROOT, 'electron-builder.config.cjs')) as {
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  npmRebuild: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
};

describe('packaging (electron-builder), checked since no installer is built here', () => {
  it('targets NSIS, dmg, AppImage and deb', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs into asar with native modules unpacked and rebuilt, and migrations beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    // main reads join(process.resourcesPath, 'migrations') when packaged.
    expect(config.extraResources).toEqual([
      { from: 'resources/migrations', to: 'migrations' },
      { from: 'resources/templates', to: 'templates' },
      { from: 'resources/fonts', to: 'fonts' },
    ]);
    expect(existsSync(join(ROOT, 'resources', 'migrations', 'meta', '_journal.json'))).toBe(true);
    // Templates and fonts are found beside the migrations (core resolves them from there).
    expect(existsSync(join(ROOT, 'resources', 'templates', 'contract.json'))).toBe(true);
    // The fonts are copied from packages at install (scripts/fonts.mjs), with their licences.
    for (const font of ['NotoSans-Regular.ttf', 'NotoSansCJK-Regular.ttc']) {
      expect(existsSync(join(ROOT, 'resources', 'fonts', font)), font).toBe(true);
    }
    for (const licence of ['NotoSans-OFL.txt', 'NotoSansCJK-OFL.txt']) {
      expect(readFileSync(join(ROOT, 'resources', 'fonts', licence), 'utf8')).toContain(
        'SIL Open Font License, Version 1.1',
      );
    }
    const main = readFileSync(join(ROOT, 'src', 'main', 'index.ts'), 'utf8');
    expect(main).toContain("join(process.resourcesPath, 'migrations')");
    expect(config.files).toEqual(['out/**', 'package.json']);
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or inspect; cookies encrypted; asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('is what `npm run dist` builds with, from a fresh build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      main: string;
    };
    expect(pkg.scripts.dist).toBe(
      'electron-vite build && electron-builder --config electron-builder.config.cjs',
    );
    // No installer without its fonts: a missing one fails the build instead of a document.
    expect(pkg.scripts.predist).toBe('node scripts/fonts.mjs --require');
    expect(pkg.scripts.postinstall).toBe('node scripts/fonts.mjs');
    expect(pkg.main).toMatch(/^\.\/out\/main\//);
  });
});
