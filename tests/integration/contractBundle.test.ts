/**
 * contracts.exportBundle: a job that zips the filtered contracts' PDFs, their attached
 * documents and a manifest, followed with jobs.get and stoppable with jobs.cancel.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/domain/job';
import { fromCsv } from '../../src/main/services/workspace/files/csv';
import { pdfBytes } from '../support/files';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let legal: { id: string; token: string };
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  legal = await a.user('lee', 'legal');
  artist = (await t.call('artists.create', { artistName: '夜行者', genre: 'city pop' }, a.owner))
    .id;
});
afterEach(() => t.close());

async function finished(id: string, token: string): Promise<Job> {
  for (let i = 0; i < 400; i += 1) {
    const job = await t.call('jobs.get', { id }, token);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the job did not finish');
}

function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

/** Every entry name in the zip's central directory, duplicates included. */
function entryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

describe('contracts.exportBundle', () => {
  it('zips each filtered contract’s PDF, its attached document and a manifest, changing no contract', async () => {
    const drafts = [];
    for (const type of ['recording', 'publishing', 'licensing'] as const) {
      drafts.push(
        await t.call(
          'contracts.create',
          { artist, contractType: type, terms: `${type} terms` },
          legal.token,
        ),
      );
    }
    await t.call('contracts.transition', { id: drafts[0]!.id, to: 'sent' }, legal.token);
    const file = await t.core.staging.fromStream(
      legal.id,
      'signed.pdf',
      Readable.from([pdfBytes('Signed copy')]),
    );
    await t.call('contracts.attachDocument', { id: drafts[0]!.id, file }, legal.token);
    await t.call('contracts.transition', { id: drafts[1]!.id, to: 'terminated' }, legal.token);

    const started = await t.call('contracts.exportBundle', { artist }, legal.token);
    expect(started).toMatchObject({
      kind: 'contracts.exportBundle',
      state: 'running',
      result: null,
    });
    const job = await finished(started.id, legal.token);
    expect(job).toMatchObject({ state: 'done', done: 3, total: 3, error: null });
    const zip = t.core.mediaAccess.open(t.core.auth.resolve(legal.token), job.result!.media);
    const entries = await unzip(zip.path);
    const names = [...entries.keys()];
    expect(names[0]).toBe('manifest.csv');
    expect(names.filter((n) => n.startsWith('contracts/'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('documents/'))).toHaveLength(1);

    const manifest = fromCsv(entries.get('manifest.csv')!.toString('utf8')).rows;
    expect(manifest.map((row) => row.status).sort()).toEqual(['draft', 'sent', 'terminated']);
    const sent = manifest.find((row) => row.status === 'sent')!;
    expect(entries.get(sent.document!)!.toString('latin1')).toContain('Signed copy');
    // The generated PDF names the artist in Chinese.
    const dir = mkdtempSync(join(tmpdir(), 'greenroom-bundle-'));
    writeFileSync(join(dir, 'c.pdf'), entries.get(sent.pdf!)!);
    expect(execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' })).toContain(
      '夜行者',
    );

    // Bulk printouts change no contract's document.
    const untouched = await t.call('contracts.get', { id: drafts[2]!.id }, legal.token);
    expect(untouched.documentUrl).toBeNull();
    // Only the filter's contracts: another status filter gives another count.
    const onlyDrafts = await finished(
      (await t.call('contracts.exportBundle', { status: 'draft' }, legal.token)).id,
      legal.token,
    );
    expect(onlyDrafts.total).toBe(1);
  });

  it('stops when cancelled, stores nothing, and is nobody else’s to read', async () => {
    for (let i = 0; i < 12; i += 1) {
      await t.call(
        'contracts.create',
        { artist, contractType: 'recording', terms: 'x'.repeat(4000) },
        legal.token,
      );
    }
    const mediaBefore = t.count('media');
    const started = await t.call('contracts.exportBundle', {}, legal.token);
    expect(await t.raw('jobs.get', { id: started.id }, a.owner)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await t.call('jobs.cancel', { id: started.id }, legal.token);
    const job = await finished(started.id, legal.token);
    expect(job.state).toBe('cancelled');
    expect(job.result).toBeNull();
    expect(t.count('media')).toBe(mediaBefore);
  });

  it('names every file in at most 200 bytes by artist and type, numbering a repeat, never twice in one zip', async () => {
    // 160 characters of Chinese: 480 bytes of UTF-8, more than any file system takes in a name.
    const longName = '夜行者乐队与城市流行音乐合唱团'.repeat(11).slice(0, 160);
    const long = (
      await t.call('artists.create', { artistName: longName, genre: 'city pop' }, a.owner)
    ).id;
    const made = [];
    for (const type of ['recording', 'recording', 'publishing'] as const) {
      made.push(
        await t.call('contracts.create', { artist: long, contractType: type }, legal.token),
      );
    }
    await t.call('contracts.transition', { id: made[0]!.id, to: 'sent' }, legal.token);
    const file = await t.core.staging.fromStream(
      legal.id,
      'signed.pdf',
      Readable.from([pdfBytes('Signed copy')]),
    );
    await t.call('contracts.attachDocument', { id: made[0]!.id, file }, legal.token);

    const single = await t.call('contracts.exportDocument', { id: made[1]!.id }, legal.token);
    expect(Buffer.byteLength(single.fileName)).toBeLessThanOrEqual(200);
    expect(single.fileName).toMatch(/^夜行者乐队[^ ]* Recording Agreement\.pdf$/);

    const job = await finished(
      (await t.call('contracts.exportBundle', { artist: long }, legal.token)).id,
      legal.token,
    );
    expect(job.state).toBe('done');
    const zip = t.core.mediaAccess.open(t.core.auth.resolve(legal.token), job.result!.media);
    const names = await entryNames(zip.path);
    // The manifest, three PDFs, the signed copy and the generated document of the second.
    expect(names).toHaveLength(1 + 3 + 2);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      const base = name.split('/').at(-1)!;
      expect(Buffer.byteLength(base), base).toBeLessThanOrEqual(200);
      // Cut on a character boundary: the name survives a round trip through UTF-8.
      expect(Buffer.from(base, 'utf8').toString('utf8')).toBe(base);
    }
    const manifest = fromCsv((await unzip(zip.path)).get('manifest.csv')!.toString('utf8')).rows;
    for (const row of manifest) {
      expect(names).toContain(row.pdf);
      if (row.document) expect(names).toContain(row.document);
    }
    // No id in a name: the second recording agreement is numbered, the publishing one is not.
    expect(
      manifest.map((row) => row.pdf!.replace(/^contracts\/夜行者乐队[^ ]* /, '')).sort(),
    ).toEqual([
      'Publishing Agreement.pdf',
      'Recording Agreement (2).pdf',
      'Recording Agreement.pdf',
    ]);
  });
});
