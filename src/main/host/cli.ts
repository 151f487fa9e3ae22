/**
 * `npm run serve -- --data-dir DIR --port N`: the browser mode. Runs the same core as the
 * desktop app and listens on 127.0.0.1 only.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './projectRoot';
import { createCore } from '../core';
import { startHost } from './server';

const root = projectRoot();

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: join(root, 'data') },
    port: { type: 'string', default: '5180' },
    // Runs the workspace clock ahead (rehearsing deadlines, or tests of what happens while the
    // app is closed); never needed in daily use.
    'clock-offset-minutes': { type: 'string', default: '0' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const offsetMinutes = Number(values['clock-offset-minutes']);
if (!Number.isInteger(offsetMinutes)) {
  console.error(
    `--clock-offset-minutes must be a whole number, not "${values['clock-offset-minutes']}"`,
  );
  process.exit(2);
}

const core = createCore({
  dataDir: resolve(values['data-dir']),
  migrationsDir: join(root, 'resources', 'migrations'),
  ...(offsetMinutes ? { clock: () => new Date(Date.now() + offsetMinutes * 60_000) } : {}),
});
const host = await startHost({ core, rendererDir: join(root, 'out', 'renderer'), port });
console.log(`Greenroom is running at ${host.url} (data: ${core.dataDir})`);

const stop = async (): Promise<void> => {
  await host.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
