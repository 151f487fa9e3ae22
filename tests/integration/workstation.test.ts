import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedMigrationCount } from '../../src/main/db/migrationState';
import { createRemoteClient } from '../../src/main/team/remoteClient';
import { createWorkstation, type Workstation } from '../../src/main/team/workstation';
import { createTestCore, tempDir, withOwner, type TestCore } from '../support/testCore';

// The desktop app's share and join, as plain Node: one workstation shares its workspace, a
// second one looks it up, confirms the fingerprint and joins.

let host: TestCore;
let hostStation: Workstation;
let guestStation: Workstation;
let guest: TestCore;
const stationDir = tempDir('station-');

beforeEach(() => {
  host = createTestCore();
  const rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>');
  hostStation = createWorkstation({ dir: join(stationDir, 'host'), core: host.core, rendererDir });
  guest = createTestCore(tempDir(), { workstation: () => guestStation });
  guestStation = createWorkstation({
    dir: join(stationDir, 'guest'),
    core: guest.core,
    rendererDir,
  });
});
afterEach(async () => {
  await hostStation.close();
  await guestStation.close();
  host.close();
  guest.close();
});

describe('sharing this workspace', () => {
  it('runs the team server on the chosen port, says where and with which fingerprint, and keeps sharing after a restart', async () => {
    const shared = await hostStation.share({ enabled: true, port: 0 });
    expect(shared.sharing.enabled).toBe(true);
    expect(shared.sharing.problem).toBeNull();
    expect(shared.sharing.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(shared.sharing.urls.length).toBeGreaterThan(0);

    const port = shared.sharing.port;
    expect(
      JSON.parse(readFileSync(join(stationDir, 'host', 'workstation.json'), 'utf8')),
    ).toMatchObject({ sharing: { enabled: true } });
    // The app restarts: sharing resumes by itself, with the same certificate.
    await hostStation.close();
    const again = createWorkstation({
      dir: join(stationDir, 'host'),
      core: host.core,
      rendererDir: tempDir(),
    });
    await again.resume();
    expect(again.status().sharing.fingerprint).toBe(shared.sharing.fingerprint);
    await again.close();
    expect(port).toBeGreaterThan(0);
  });

  it('says when the port is taken instead of failing silently', async () => {
    const first = await hostStation.share({ enabled: true, port: 0 });
    const other = createWorkstation({
      dir: tempDir('station-other-'),
      core: guest.core,
      rendererDir: tempDir(),
    });
    const taken = await other.share({ enabled: true, port: first.sharing.port });
    expect(taken.sharing.problem).toMatch(/in use/);
    await other.close();
  });
});

describe('joining a team workspace', () => {
  it('looks the server up, refuses a fingerprint that does not match, and joins once confirmed', async () => {
    const { owner } = await withOwner(host);
    const shared = await hostStation.share({ enabled: true, port: 0 });
    const url = `https://127.0.0.1:${shared.sharing.port}`;

    const found = await guest.call('workstation.probe', { url });
    expect(found.fingerprint).toBe(shared.sharing.fingerprint);
    const wrong = await guest.raw('workstation.join', {
      url,
      fingerprint: 'AB:'.repeat(31) + 'AB',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { fingerprint: 'Does not match' } },
    });
    expect(guestStation.settings.mode).toBe('local');

    // Typed without colons and in lower case: the same fingerprint.
    const joined = await guest.call('workstation.join', {
      url,
      fingerprint: found.fingerprint.replace(/:/g, '').toLowerCase(),
    });
    expect(joined).toMatchObject({ mode: 'joined', chosen: true, joined: { url } });

    // Main would now carry the window's calls to the server, trusting the confirmed certificate.
    const { joined: server } = guestStation.settings;
    const remote = createRemoteClient(server!, {
      schemaVersion: appliedMigrationCount(host.core.sqlite),
    });
    const me = await remote.dispatch('auth.me', {}, owner);
    remote.close();
    expect(me).toMatchObject({ ok: true, data: { user: { username: 'owner' } } });

    const left = await guest.call('workstation.leave', {});
    expect(left).toMatchObject({ mode: 'local', joined: null });
  });

  it('will not share a workspace this computer only joined', async () => {
    const shared = await hostStation.share({ enabled: true, port: 0 });
    const url = `https://127.0.0.1:${shared.sharing.port}`;
    const found = await guest.call('workstation.probe', { url });
    await guest.call('workstation.join', { url, fingerprint: found.fingerprint });
    const { owner } = await withOwner(guest);
    const refused = await guest.raw('workstation.share', { enabled: true }, owner);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
