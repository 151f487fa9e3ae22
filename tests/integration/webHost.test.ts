import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { wavBytes } from '../support/files';
import { createTestCore, tempDir, withOwner, type TestCore } from '../support/testCore';

let t: TestCore;
let host: Host;
let token: string;
let rendererDir: string;

beforeEach(async () => {
  t = createTestCore();
  rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A sibling whose name starts with the root's: a prefix check would serve it.
  mkdirSync(`${rendererDir}Evil`, { recursive: true });
  writeFileSync(join(`${rendererDir}Evil`, 'secret.txt'), 'secret');
  host = await startHost({ core: t.core, rendererDir, port: 0 });
  token = (await withOwner(t)).owner;
});
afterEach(async () => {
  await host.close();
  t.close();
});

async function api(channel: string, body: unknown, auth: string | null = token) {
  const response = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string } },
  };
}

/** A raw GET, so the Host header and the path reach the server exactly as written. */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('maps envelopes to HTTP statuses', async () => {
    expect(await api('setup.status', {}, null)).toEqual({
      status: 200,
      body: { ok: true, data: { needsOwner: false, signUpEnabled: true } },
    });
    expect((await api('talents.list', {}, null)).status).toBe(401);
    expect((await api('talents.list', {}, 'forged')).status).toBe(401);
    expect((await api('talents.create', { stageName: '' })).status).toBe(400);
    expect((await api('talents.get', { id: 'nope' })).status).toBe(404);
    expect((await api('no.such', {})).status).toBe(404);
    expect((await api('talents.list', '{not json')).body).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const created = await api('talents.create', {
      stageName: 'A',
      fullName: 'B',
      talentType: 'actor',
    });
    expect(created.status).toBe(200);
  });

  it('serves the renderer with a CSP, falls back to index.html, and never leaves its folder', async () => {
    const index = await rawGet('/');
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await rawGet('/assets/app.js')).body).toBe('console.log(1)');
    expect((await rawGet('/talents/123')).body).toContain('<title>Greenroom</title>');
    for (const path of [
      '/../' + rendererDir.split('/').pop() + 'Evil/secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
    ]) {
      const response = await rawGet(path);
      expect(response.body, path).not.toContain('secret');
      expect(response.body, path).not.toContain('root:');
    }
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    expect((await rawGet('/', { Host: 'evil.example.com' })).status).toBe(403);
  });

  it('streams change events a session may see', async () => {
    const controller = new AbortController();
    const { ticket } = (await api('events.ticket', {})).body.data as { ticket: string };
    const response = await fetch(`${host.url}/api/events?ticket=${ticket}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await api('talents.create', { stageName: 'Live', fullName: 'Live Act', talentType: 'host' });
    let text = '';
    while (!text.includes('event: change')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toMatch(
      /event: change\ndata: \{"entity":"talents","id":"[^"]+","action":"created"/,
    );
  });

  it('refuses the event stream without a session', async () => {
    expect((await rawGet('/api/events')).status).toBe(401);
  });

  it('stages uploads for the signed-in user and serves stored media with ranges', async () => {
    const audio = wavBytes(1, { sampleRate: 8000 });
    const upload = await fetch(`${host.url}/upload`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('clip 夜.wav'),
      },
      body: audio,
    });
    const staged = (await upload.json()) as { ok: boolean; data: { file: string } };
    expect(staged.ok).toBe(true);
    const artist = (await api('artists.create', { artistName: 'Paper Tides', genre: 'pop' })).body
      .data as { id: string };
    const demo = (
      await api('demos.import', {
        artist: artist.id,
        title: 'Clip',
        submissionSource: 'email',
        file: staged.data.file,
      })
    ).body.data as { audioUrl: string };
    const url = `${host.url}/media/${demo.audioUrl.slice('media:'.length)}`;
    const ranged = async (range: string) => {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Range: range },
      });
      return {
        status: response.status,
        range: response.headers.get('content-range'),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    const middle = await ranged('bytes=100-1099');
    expect(middle.status).toBe(206);
    expect(middle.range).toBe(`bytes 100-1099/${audio.length}`);
    expect(middle.bytes.equals(audio.subarray(100, 1100))).toBe(true);
    expect((await ranged('bytes=-500')).bytes.equals(audio.subarray(audio.length - 500))).toBe(
      true,
    );
    expect((await ranged('bytes=15000-')).bytes.equals(audio.subarray(15000))).toBe(true);
    expect((await ranged(`bytes=${audio.length}-`)).status).toBe(416);
    const whole = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(Buffer.from(await whole.arrayBuffer()).equals(audio)).toBe(true);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect((await rawGet(new URL(url).pathname)).status).toBe(401);
    expect((await rawGet('/media/nope', { Authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it('refuses media paths that are not ids (403), and files reached through no readable record (404)', async () => {
    for (const path of [
      '/media/..%2f..%2fgreenroom.sqlite',
      '/media/..%252f..%252fgreenroom.sqlite',
      '/media/%2e%2e%2fstaging',
    ]) {
      expect((await rawGet(path, { Authorization: `Bearer ${token}` })).status, path).toBe(403);
    }
    // A backslash is a slash to the URL parser: this leaves /media and never reaches the store.
    const backslash = await rawGet('/media/..\\greenroom.sqlite', {
      Authorization: `Bearer ${token}`,
    });
    expect(backslash.body).not.toContain('SQLite format');
    const stored = await t.core.media.storeBytes(Buffer.from('nobody links to this'));
    const row = t.core.store.write(null, (w) =>
      t.core.media.record(w.tx, stored, {
        fileName: 'x.txt',
        contentType: 'text/plain',
        createdBy: null,
        now: w.now,
      }),
    );
    expect((await rawGet(`/media/${row.id}`, { Authorization: `Bearer ${token}` })).status).toBe(
      404,
    );
  });
});
