import { mkdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { pdfBytes, wavBytes } from '../support/files';
import {
  createTestCore,
  tempDir,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

// The web host opened to a network: cross-site requests, tokens in URLs, upload floods, streams
// that outlive their session, and bad encodings. Each case failed on the host before this.

let t: TestCore;
let host: Host;
let a: Actors;

const LIMITS = { fileBytes: 256 * 1024, userBytes: 400 * 1024, userFiles: 3 };

beforeEach(async () => {
  t = createTestCore(tempDir(), { stagingLimits: LIMITS });
  const rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>');
  host = await startHost({ core: t.core, rendererDir, port: 0 });
});
afterEach(async () => {
  await host.close();
  t.close();
});

interface Raw {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A raw request: headers and path reach the server exactly as written. The body is bytes, or a
 * function that writes to the request as it likes (part of a body, a chunked stream).
 */
function raw(
  method: string,
  path: string,
  headers: Record<string, string | number> = {},
  body?: Buffer | string | ((req: ClientRequest) => void),
): Promise<Raw> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      );
    });
    req.on('error', reject);
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}

const json = (body: unknown) => JSON.stringify(body);
const errorCode = (response: Raw) =>
  (JSON.parse(response.body) as { error: { code: string } }).error.code;

async function api(channel: string, body: unknown, token: string) {
  const response = await raw(
    'POST',
    `/api/${channel}`,
    { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    json(body),
  );
  return JSON.parse(response.body) as { ok: boolean; data: never; error?: { code: string } };
}

function upload(token: string, bytes: Buffer, headers: Record<string, string | number> = {}) {
  return raw(
    'POST',
    '/upload',
    {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/octet-stream',
      'Content-Length': bytes.length,
      'x-file-name': 'clip.wav',
      ...headers,
    },
    bytes,
  );
}

describe('cross-site requests', () => {
  const owner = {
    username: 'mallory',
    email: 'm@example.com',
    fullName: 'M',
    password: 'a long enough passphrase',
  };

  it('refuses a form-type body and a foreign Origin on public channels, creating nothing', async () => {
    const plain = await raw(
      'POST',
      '/api/setup.createOwner',
      { 'Content-Type': 'text/plain' },
      json(owner),
    );
    expect(plain.status).toBe(415);
    expect(errorCode(plain)).toBe('VALIDATION');
    const foreign = await raw(
      'POST',
      '/api/setup.createOwner',
      { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      json(owner),
    );
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const foreignJson = await raw(
      'POST',
      '/api/auth.login',
      { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      json({ username: 'x', password: 'y' }),
    );
    expect(foreignJson.status).toBe(403);
    expect(t.count('users')).toBe(0);
    expect(t.count('audit_log')).toBe(0);
  });

  it('accepts the host’s own Origin', async () => {
    const own = await raw(
      'POST',
      '/api/setup.status',
      { 'Content-Type': 'application/json', Origin: host.url },
      '{}',
    );
    expect(own.status).toBe(200);
  });
});

describe('with a workspace', () => {
  beforeEach(async () => {
    a = await withOwner(t);
  });

  it('accepts no token in a URL; a ticket opens one file, and only while the session lasts', async () => {
    const staged = JSON.parse((await upload(a.owner, wavBytes(1, { sampleRate: 8000 }))).body).data
      .file as string;
    const artist = (await api('artists.create', { artistName: 'Tides', genre: 'pop' }, a.owner))
      .data as { id: string };
    const demo = (
      await api(
        'demos.import',
        { artist: artist.id, title: 'Clip', submissionSource: 'email', file: staged },
        a.owner,
      )
    ).data as { audioUrl: string };
    const id = demo.audioUrl.slice('media:'.length);

    expect((await raw('GET', `/media/${id}?token=${a.owner}`)).status).toBe(401);
    expect((await raw('GET', `/api/events?token=${a.owner}`)).status).toBe(401);

    const { ticket } = (await api('media.ticket', { media: id }, a.owner)).data as {
      ticket: string;
    };
    const opened = await raw('GET', `/media/${id}?ticket=${ticket}`);
    expect(opened.status).toBe(200);
    expect(opened.headers['content-type']).toBe('audio/wav');

    // The ticket is for that file only.
    const pdf = JSON.parse((await upload(a.owner, pdfBytes(), { 'x-file-name': 'a.pdf' })).body)
      .data.file as string;
    expect(pdf).toBeTruthy();
    const other = await t.core.media.storeBytes(Buffer.from('another file'));
    const row = t.core.store.write(null, (w) =>
      t.core.media.record(w.tx, other, {
        fileName: 'x.txt',
        contentType: 'text/plain',
        createdBy: null,
        now: w.now,
      }),
    );
    expect((await raw('GET', `/media/${row.id}?ticket=${ticket}`)).status).toBe(401);

    // Signing out ends the ticket with the session.
    await api('auth.logout', {}, a.owner);
    expect((await raw('GET', `/media/${id}?ticket=${ticket}`)).status).toBe(401);
  });

  it('sends documents with Cache-Control: no-store', async () => {
    const exported = (await api('exports.csv', { entity: 'talents' }, a.owner)).data as {
      media: string;
    };
    const response = await raw('GET', `/media/${exported.media}`, {
      Authorization: `Bearer ${a.owner}`,
    });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  describe('uploads', () => {
    it('wants a binary type', async () => {
      const response = await upload(a.owner, Buffer.from('x'), { 'Content-Type': 'text/plain' });
      expect(response.status).toBe(415);
      expect(errorCode(response)).toBe('VALIDATION');
    });

    it('answers a declared size over the limit with 413 before reading the body', async () => {
      const response = await raw(
        'POST',
        '/upload',
        {
          Authorization: `Bearer ${a.owner}`,
          'Content-Type': 'application/octet-stream',
          'Content-Length': 10 * 1024 ** 3,
        },
        // Headers only: the answer must come without the 10 GB.
        (req) => req.write(Buffer.alloc(16)),
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body).error).toMatchObject({
        code: 'VALIDATION',
        fields: { file: 'Too large' },
      });
    });

    it('limits what one user may have staged, by bytes and by files, and tells them', async () => {
      const chunk = Buffer.alloc(150 * 1024, 1);
      expect((await upload(a.owner, chunk)).status).toBe(200);
      expect((await upload(a.owner, chunk)).status).toBe(200);
      const third = await upload(a.owner, chunk);
      expect(third.status).toBe(413);
      expect(JSON.parse(third.body).error.message).toMatch(/per person/);
      // Another user has their own allowance.
      const other = await a.user('coord', 'admin');
      expect((await upload(other.token, chunk)).status).toBe(200);
    });

    it('ends a stream that runs over the limit with the typed error', async () => {
      const response = await raw(
        'POST',
        '/upload',
        {
          Authorization: `Bearer ${a.owner}`,
          'Content-Type': 'application/octet-stream',
          'Transfer-Encoding': 'chunked',
        },
        (req) => {
          for (let i = 0; i < 8; i += 1) req.write(Buffer.alloc(64 * 1024, 2));
          req.end();
        },
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body).error.code).toBe('VALIDATION');
      expect(existsSync(join(t.dir, 'staging'))).toBe(true);
    });
  });

  describe('event streams', () => {
    async function openStream(token: string) {
      const { ticket } = (await api('events.ticket', {}, token)).data as { ticket: string };
      const controller = new AbortController();
      const response = await fetch(`${host.url}/api/events?ticket=${ticket}`, {
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      /** Resolves with what the stream said when the server ended it. */
      const ended = (async () => {
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return text;
          text += new TextDecoder().decode(value);
        }
      })();
      return { ended, abort: () => controller.abort(), ticket };
    }

    it('spends an events ticket once', async () => {
      const stream = await openStream(a.owner);
      expect((await raw('GET', `/api/events?ticket=${stream.ticket}`)).status).toBe(401);
      stream.abort();
      await stream.ended.catch(() => undefined);
    });

    it('ends when the session signs out', async () => {
      const stream = await openStream(a.owner);
      await api('auth.logout', {}, a.owner);
      expect(await stream.ended).toContain('event: ended');
    });

    it('ends when the user is deactivated', async () => {
      const user = await a.user('lena', 'legal');
      const stream = await openStream(user.token);
      const found = (await api('users.list', {}, a.owner)).data as {
        items: { id: string; version: number }[];
      };
      const row = found.items.find((u) => u.id === user.id)!;
      const updated = await api(
        'users.update',
        { id: user.id, version: row.version, patch: { active: false } },
        a.owner,
      );
      expect(updated.ok).toBe(true);
      expect(await stream.ended).toContain('event: ended');
    });
  });

  describe('bad encodings get a typed 400, never 500', () => {
    it('in a channel name, a media id and a file name', async () => {
      const channel = await raw(
        'POST',
        '/api/%E0%A4%A',
        { 'Content-Type': 'application/json', Authorization: `Bearer ${a.owner}` },
        '{}',
      );
      expect(channel.status).toBe(400);
      expect(errorCode(channel)).toBe('VALIDATION');
      const media = await raw('GET', '/media/%E0%A4%A', { Authorization: `Bearer ${a.owner}` });
      expect(media.status).toBe(400);
      const name = await upload(a.owner, Buffer.from('RIFF'), { 'x-file-name': '%E0%A4%A' });
      expect(name.status).toBe(400);
      const page = await raw('GET', '/%E0%A4%A');
      expect(page.status).toBe(400);
    });

    it('in a search term holding NUL', async () => {
      const response = await raw(
        'POST',
        '/api/search.query',
        { 'Content-Type': 'application/json', Authorization: `Bearer ${a.owner}` },
        json({ q: 'a\u0000b' }),
      );
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).error.fields).toHaveProperty('q');
    });
  });
});

describe('the workspace on disk', () => {
  it('clears files staged before a restart', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'staging'), { recursive: true });
    writeFileSync(join(dir, 'staging', 'left-behind'), Buffer.alloc(1024));
    const again = createTestCore(dir);
    try {
      expect(existsSync(join(dir, 'staging', 'left-behind'))).toBe(false);
    } finally {
      again.close();
    }
  });

  it.skipIf(process.platform === 'win32')(
    'creates the data folder and the database readable by their owner only',
    () => {
      const parent = tempDir();
      const dir = join(parent, 'workspace');
      const fresh = createTestCore(dir);
      try {
        expect(statSync(dir).mode & 0o777).toBe(0o700);
        expect(statSync(join(dir, 'greenroom.sqlite')).mode & 0o777).toBe(0o600);
      } finally {
        fresh.close();
      }
    },
  );
});

describe('a full disk', () => {
  it('answers a typed error and leaves nothing half-written', async () => {
    const full = createTestCore();
    try {
      const { owner } = await withOwner(full);
      const before = { talents: full.count('talent_profiles'), audit: full.count('audit_log') };
      // The database may not grow past its current size: the next write finds the disk full.
      const pages = full.core.sqlite.pragma('page_count', { simple: true }) as number;
      full.core.sqlite.pragma(`max_page_count = ${pages}`);
      let reply;
      for (let i = 0; i < 200; i += 1) {
        reply = await full.raw(
          'talents.create',
          {
            stageName: `Full ${i}`,
            fullName: 'x'.repeat(150),
            talentType: 'actor',
            notes: 'n'.repeat(9000),
          },
          owner,
        );
        if (!reply.ok) break;
      }
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', fields: { disk: 'Full' } },
      });
      expect(reply!.ok || reply!.error.message).toMatch(/disk is full/);
      // Every write is whole: each talent that exists has its audit row.
      const talents = full.count('talent_profiles') - before.talents;
      const audited = (
        full.core.sqlite
          .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'talents.create'")
          .get() as { n: number }
      ).n;
      expect(audited).toBe(talents);
      expect(full.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      full.close();
    }
  });
});
