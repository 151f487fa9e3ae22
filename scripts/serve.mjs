// `npm run serve` / `npm run server`: builds the renderer when its sources are newer than the
// build, then starts the web host (or, with --team, the team server) under Node with the
// arguments given after `--`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(join(root, 'src', 'renderer')),
  newestMtime(join(root, 'src', 'shared')),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the renderer…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// `--team` (npm run server): the HTTPS team server instead of the loopback web host.
const team = process.argv[2] === '--team';
const args = process.argv.slice(team ? 3 : 2);
const entry = team ? 'src/main/team/cli.ts' : 'src/main/host/cli.ts';
const host = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
