import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUploads } from '../../src/main/ipc/uploads';
import { createTestCore, type TestCore } from '../support/testCore';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

describe('chunked uploads (files dropped on the desktop window)', () => {
  it('stream chunks into staging and hand back a file token for the same bytes', async () => {
    const uploads = createUploads(t.core.staging);
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    const { upload } = await uploads.step('u1', { begin: 'take.wav' });
    for (let offset = 0; offset < bytes.length; offset += 65_536) {
      await uploads.step('u1', {
        append: upload,
        bytes: new Uint8Array(bytes.subarray(offset, offset + 65_536)),
      });
    }
    const { file } = await uploads.step('u1', { finish: upload });
    const staged = t.core.staging.take('u1', file!);
    expect(staged.fileName).toBe('take.wav');
    expect(readFileSync(staged.path).equals(bytes)).toBe(true);
  });

  it('refuse another user’s upload and malformed steps', async () => {
    const uploads = createUploads(t.core.staging);
    const { upload } = await uploads.step('u1', { begin: 'a.wav' });
    await expect(uploads.step('u2', { finish: upload })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(uploads.step('u1', { append: upload, bytes: 'not bytes' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(uploads.step('u1', { path: '/etc/passwd' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await uploads.step('u1', { abort: upload });
    await expect(uploads.step('u1', { finish: upload })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
