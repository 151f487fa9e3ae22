import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { ERROR_CODES } from '../../src/shared/errors';
import { createTestCore, tempDir, withOwner, type TestCore } from '../support/testCore';

// The HTTP layer under arbitrary requests: paths with broken percent-encoding, odd methods,
// hostile headers and bodies. Whatever arrives, the answer is a typed 4xx (or a success), never
// a 500, and the host keeps answering. Channel inputs are fuzzed per channel in fuzz.test.ts.

let t: TestCore;
let host: Host;
let token: string;

beforeAll(async () => {
  t = createTestCore(tempDir(), {
    stagingLimits: { fileBytes: 64 * 1024, userBytes: 256 * 1024, userFiles: 50 },
  });
  const rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>');
  host = await startHost({ core: t.core, rendererDir, port: 0 });
  token = (await withOwner(t)).owner;
});
afterAll(async () => {
  await host.close();
  t.close();
});

const pathPiece = fc.constantFrom(
  'talents.list',
  'auth.login',
  'setup.createOwner',
  'search.query',
  'no.such',
  '%',
  '%E0%A4%A',
  '%00',
  '%2e%2e',
  '%2F',
  '..',
  '\\',
  '%ZZ',
  '%C0%AF',
  'a'.repeat(300),
  '',
);
const path = fc
  .tuple(
    fc.constantFrom('/api/', '/media/', '/upload', '/', '/api/events', '/assets/', '//', '/api'),
    fc.array(pathPiece, { maxLength: 3 }),
    fc.constantFrom('', '?token=x', '?ticket=%', '?ticket=abc&ticket=def', '#frag'),
  )
  .map(([root, pieces, query]) => root + pieces.join('/') + query);

const headerText = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
const headers = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'APPLICATION/JSON',
      ),
      headerText,
    ),
    authorization: fc.oneof(fc.constant(`Bearer ${'x'}`), fc.constant('Bearer '), headerText),
    origin: fc.oneof(fc.constant('https://evil.example'), fc.constant('null'), headerText),
    'x-file-name': fc.oneof(fc.constantFrom('%E0%A4%A', '%00', '..%2F..%2Fx', 'a.wav'), headerText),
    range: fc.oneof(
      fc.constantFrom('bytes=0-', 'bytes=-1', 'bytes=5-2', 'bytes=99999999999999999999-'),
      headerText,
    ),
    'sec-fetch-site': fc.constantFrom('cross-site', 'same-origin', 'none'),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(''),
  fc.constant('{'),
  fc.constant('null'),
  fc.constant('[]'),
  fc.constant('{"__proto__":{"x":1}}'),
  fc.constant('{"q":"\\u0000"}'),
  fc.json(),
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
);

interface Answer {
  status: number;
  type: string;
  body: string;
}

function send(
  method: string,
  target: string,
  extra: Record<string, string>,
  payload: string | Buffer,
  signedIn: boolean,
): Promise<Answer> {
  const url = new URL(host.url);
  const allHeaders: Record<string, string> = { ...extra };
  if (signedIn) allHeaders.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path: target, headers: allHeaders },
      (res) => {
        const type = String(res.headers['content-type'] ?? '');
        if (type.startsWith('text/event-stream')) {
          // A stream opened: it would stay open; that it opened is the answer.
          res.destroy();
          resolve({ status: res.statusCode ?? 0, type, body: '' });
          return;
        }
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: text,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(method === 'GET' || method === 'HEAD' ? undefined : payload);
  });
}

describe('the HTTP layer under arbitrary requests', () => {
  it('answers every request with a success or a typed 4xx, and keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
        path,
        headers,
        body,
        fc.boolean(),
        async (method, target, extra, payload, signedIn) => {
          const answer = await send(method, target, extra, payload, signedIn);
          expect(answer.status, `${method} ${target}`).toBeLessThan(500);
          if (
            method !== 'HEAD' &&
            answer.status >= 400 &&
            answer.type.startsWith('application/json')
          ) {
            const parsed = JSON.parse(answer.body) as { ok: boolean; error: { code: string } };
            expect(parsed.ok).toBe(false);
            expect(ERROR_CODES).toContain(parsed.error.code);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // Still serving, and the workspace intact.
    const health = await send(
      'POST',
      '/api/auth.me',
      { 'content-type': 'application/json' },
      '{}',
      true,
    );
    expect(health.status).toBe(200);
    expect(t.count('users')).toBe(1);
  });
});
