/**
 * The web host's cost per call over HTTP, against its limit: a bare Node http server answering
 * the same JSON envelope, called by the same client (Node fetch, keep-alive), interleaved. The
 * host runs as `npm run serve` runs it (the built JavaScript) and, for comparison, from the
 * TypeScript sources through tsx. Run: `npm run bench -- webhost` (needs `npm run build`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './childProcess';
import { interleave, summarize } from './stats';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSWORD = 'bench passphrase for the host';

/** The limit: Node's http server, nothing else, answering what auth.me answers. */
const BARE_SERVER = `
const http = require('node:http');
const body = JSON.stringify({ ok: true, data: { user: { id: 'x', username: 'owner' } } });
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(body);
  });
}).listen(0, '127.0.0.1', function () { console.log('bare at http://127.0.0.1:' + this.address().port); });
`;

async function post(url: string, channel: string, body: unknown, token?: string) {
  const response = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; data: never };
  if (!envelope.ok) throw new Error(`${channel} failed`);
  return envelope.data as { token: string };
}

export async function benchWebHost(): Promise<boolean> {
  const built = join(ROOT, 'out', 'main', 'webHost.js');
  if (!existsSync(built)) {
    console.log('\nweb host: skipped (run npm run build first)');
    return true;
  }
  const dir = mkdtempSync(join(tmpdir(), 'greenroom-bench-host-'));
  const hosts = await Promise.all([
    startChild([built, '--data-dir', join(dir, 'built'), '--port', '0'], /running at (\S+)/),
    startChild(
      ['--import', 'tsx', 'src/main/host/cli.ts', '--data-dir', join(dir, 'tsx'), '--port', '0'],
      /running at (\S+)/,
    ),
    startChild(['-e', BARE_SERVER], /bare at (\S+)/),
  ]);
  try {
    const [builtHost, tsxHost, bare] = hosts;
    const tokens: string[] = [];
    for (const host of [builtHost!, tsxHost!]) {
      await post(host.url, 'setup.createOwner', {
        username: 'owner',
        email: 'owner@example.com',
        fullName: 'Owner',
        password: PASSWORD,
      });
      tokens.push(
        (await post(host.url, 'auth.login', { username: 'owner', password: PASSWORD })).token,
      );
    }
    const samples = await interleave(
      {
        bare: () => post(bare!.url, 'auth.me', {}),
        built: () => post(builtHost!.url, 'auth.me', {}, tokens[0]),
        tsx: () => post(tsxHost!.url, 'auth.me', {}, tokens[1]),
      },
      2000,
      200,
    );
    const bareP50 = summarize(samples.bare!).p50;
    console.log('\nweb host, auth.me over HTTP (Node fetch, keep-alive), 2,000 calls interleaved');
    for (const [name, label] of [
      ['bare', 'bare Node http server (the limit)'],
      ['built', 'web host, built JavaScript (npm run serve)'],
      ['tsx', 'web host, TypeScript through tsx'],
    ] as const) {
      const s = summarize(samples[name]!);
      console.log(
        `  ${label.padEnd(44)} p50 ${s.p50.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms  ${(s.p50 / bareP50).toFixed(2)}x`,
      );
    }
    return true;
  } finally {
    for (const host of hosts) host.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWebHost();
