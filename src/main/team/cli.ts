/**
 * `npm run server -- --data-dir DIR --listen HOST:PORT [--tls-cert F --tls-key F] [--name N ...]`:
 * the team server. The same core as the desktop app and the web host, served over HTTPS to the
 * desks of a team. Prints the address and the certificate's fingerprint to give colleagues.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../host/projectRoot';
import { createCore } from '../core';
import { loadOrCreateCertificate, readCertificate } from './certificate';
import { parseListen } from './listen';
import { startTeamServer } from './server';

const root = projectRoot();

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    listen: { type: 'string', default: '0.0.0.0:5443' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    name: { type: 'string', multiple: true, default: [] },
    quiet: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!values['data-dir']) fail('--data-dir DIR is required: the workspace folder to serve.');
const listen =
  parseListen(values.listen) ?? fail(`--listen must be HOST:PORT, not "${values.listen}"`);
if (Boolean(values['tls-cert']) !== Boolean(values['tls-key']))
  fail('--tls-cert and --tls-key go together.');

const dataDir = resolve(values['data-dir']);
const certificate =
  values['tls-cert'] && values['tls-key']
    ? readCertificate(values['tls-cert'], values['tls-key'])
    : await loadOrCreateCertificate(dataDir, values.name);

const core = createCore({ dataDir, migrationsDir: join(root, 'resources', 'migrations') });
const server = await startTeamServer({
  core,
  rendererDir: join(root, 'out', 'renderer'),
  host: listen.host,
  port: listen.port,
  certificate,
  log: values.quiet ? undefined : (line) => console.log(JSON.stringify(line)),
});
console.log(
  JSON.stringify({
    event: 'listening',
    url: server.url,
    fingerprint: server.fingerprint,
    names: certificate.names,
    schemaVersion: server.schemaVersion,
    dataDir,
  }),
);
console.error(
  `Greenroom team server at ${server.url}\nCertificate fingerprint (SHA-256): ${server.fingerprint}`,
);

let stopping = false;
const stop = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ event: 'stopping', signal }));
  await server.close();
  // Fold the write-ahead log into the database so the folder is one consistent file at rest.
  core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  console.log(JSON.stringify({ event: 'stopped' }));
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
