// Installers for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb): `npm run dist`.
// tests/unit/packaging.test.ts pins the security-relevant parts, since no binary is built in CI.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.greenroom.desktop',
  productName: 'Greenroom',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/**', 'package.json'],
  asar: true,
  // Native modules cannot load from inside an archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**', '**/*.node'],
  // Migrations, document templates and fonts are read from beside the archive
  // (process.resourcesPath), as they are from resources/ in development.
  extraResources: [
    { from: 'resources/migrations', to: 'migrations' },
    { from: 'resources/templates', to: 'templates' },
    { from: 'resources/fonts', to: 'fonts' },
  ],
  // better-sqlite3 is rebuilt against the Electron version being packaged.
  npmRebuild: true,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Greenroom' },
};
