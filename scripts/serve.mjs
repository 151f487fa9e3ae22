// `npm run serve` / `npm run server`: builds the app when its sources are newer than the build,
// then starts the web host (or, with --team, the team server) from the built JavaScript under
// plain Node, with the arguments given after `--`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// `--team` (npm run server): the HTTPS team server instead of the loopback web host.
const team = process.argv[2] === '--team';
const args = process.argv.slice(team ? 3 : 2);
const entry = join(root, 'out', 'main', team ? 'teamServer.js' : 'webHost.js');
const built = [entry, join(root, 'out', 'renderer', 'index.html')];

function newestMtime(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = newestMtime(join(root, 'src'));
if (built.some((file) => !existsSync(file) || statSync(file).mtimeMs < sources)) {
  console.log('Building Greenroom…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = spawn(process.execPath, [entry, ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
