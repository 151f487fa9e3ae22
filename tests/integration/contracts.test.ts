import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfBytes, wavBytes } from '../support/files';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let legal: { id: string; token: string };
let ar: { id: string; token: string };
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  legal = await a.user('lee', 'legal');
  ar = await a.user('ada', 'AandR');
  artist = (await t.call('artists.create', { artistName: 'Paper Tides', genre: 'indie' }, ar.token))
    .id;
});
afterEach(() => t.close());

const stage = (bytes: Buffer, name: string) =>
  t.core.staging.fromStream(legal.id, name, Readable.from([bytes]));
const draft = async () =>
  t.call('contracts.create', { artist, contractType: 'recording' }, legal.token);
const move = (id: string, to: string, extra: Record<string, string> = {}) =>
  t.raw('contracts.transition', { id, to, ...extra }, legal.token);

describe('contracts', () => {
  it('start as drafts owned by their creator, and go draft -> sent -> signed -> active -> expired', async () => {
    const c = await draft();
    expect(c).toMatchObject({
      status: 'draft',
      legalOwner: legal.id,
      documentUrl: null,
      signedAt: null,
    });
    expect((await move(c.id, 'sent')).ok).toBe(true);
    const attached = await t.call(
      'contracts.attachDocument',
      { id: c.id, file: await stage(pdfBytes(), 'signed.pdf') },
      legal.token,
    );
    expect(attached.documentUrl).toMatch(/^media:/);
    expect(t.core.media.locate(attached.documentUrl!.slice(6)).contentType).toBe('application/pdf');
    const signed = await move(c.id, 'signed', { signedAt: '2026-01-10T15:00:00Z' });
    expect(signed.ok && signed.data).toMatchObject({
      status: 'signed',
      signedAt: '2026-01-10T15:00:00.000Z',
    });
    const active = await move(c.id, 'active', { effectiveDate: '2026-02-01' });
    expect(active.ok && active.data).toMatchObject({
      status: 'active',
      effectiveDate: '2026-02-01',
    });
    expect((await move(c.id, 'expired')).ok).toBe(true);
    const history = await t.call(
      'audit.list',
      { entity: 'contracts', entityId: c.id },
      legal.token,
    );
    expect(history.items.map((e) => e.action).reverse()).toEqual([
      'contracts.create',
      'contracts.transition',
      'contracts.attachDocument',
      'contracts.transition',
      'contracts.transition',
      'contracts.transition',
    ]);
  });

  it.each([
    ['draft', 'signed', []],
    ['draft', 'active', []],
    ['sent', 'draft', ['sent']],
    ['terminated', 'sent', ['terminated']],
  ] as const)('refuse %s -> %s with CONFLICT', async (_from, to, path) => {
    const c = await draft();
    for (const step of path) expect((await move(c.id, step)).ok).toBe(true);
    const before = await t.call('contracts.get', { id: c.id }, legal.token);
    const reply = await move(c.id, to);
    expect(reply.ok || reply.error.code).toBe('CONFLICT');
    expect(await t.call('contracts.get', { id: c.id }, legal.token)).toEqual(before);
  });

  it('need the signed document and a past signedAt to be signed, and an effectiveDate to be active', async () => {
    const c = await draft();
    await move(c.id, 'sent');
    const bare = await move(c.id, 'signed');
    expect(bare.ok || bare.error.fields).toEqual({
      documentUrl: 'Attach the signed document first',
      signedAt: 'Required to mark the contract signed',
    });
    await t.call(
      'contracts.attachDocument',
      { id: c.id, file: await stage(pdfBytes(), 'c.pdf') },
      legal.token,
    );
    const future = await move(c.id, 'signed', {
      signedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.ok || future.error.fields?.signedAt).toBe('Cannot be in the future');
    await move(c.id, 'signed', { signedAt: '2026-01-10T15:00:00.000Z' });
    const noDate = await move(c.id, 'active');
    expect(noDate.ok || noDate.error.fields?.effectiveDate).toBe(
      'Required to make the contract active',
    );
    expect((await t.call('contracts.get', { id: c.id }, legal.token)).status).toBe('signed');
  });

  it('are signed only on a signed copy a person attached, never on the generated PDF', async () => {
    const c = await draft();
    await move(c.id, 'sent');
    const exported = await t.call('contracts.exportDocument', { id: c.id }, legal.token);
    const generated = await t.call('contracts.get', { id: c.id }, legal.token);
    expect(generated).toMatchObject({
      documentUrl: `media:${exported.media}`,
      documentSource: 'generated',
    });
    const refused = await move(c.id, 'signed', { signedAt: '2026-01-10T15:00:00.000Z' });
    expect(refused.ok || refused.error.code).toBe('VALIDATION');
    expect(refused.ok || refused.error.fieldCodes).toEqual({
      documentUrl: { code: 'custom', rule: 'document_unsigned' },
    });
    expect(await t.call('contracts.get', { id: c.id }, legal.token)).toEqual(generated);

    const attached = await t.call(
      'contracts.attachDocument',
      { id: c.id, file: await stage(pdfBytes(), 'signed.pdf') },
      legal.token,
    );
    expect(attached.documentSource).toBe('signed');
    // Printing the contract again keeps the signed copy as its document.
    await t.call('contracts.exportDocument', { id: c.id }, legal.token);
    expect(await t.call('contracts.get', { id: c.id }, legal.token)).toMatchObject({
      documentUrl: attached.documentUrl,
      documentSource: 'signed',
    });
    const signed = await move(c.id, 'signed', { signedAt: '2026-01-10T15:00:00.000Z' });
    expect(signed.ok && signed.data).toMatchObject({
      status: 'signed',
      documentUrl: attached.documentUrl,
      documentSource: 'signed',
    });
  });

  it('never take status, signedAt or documentUrl in a plain update', async () => {
    const c = await draft();
    for (const patch of [
      { status: 'active' },
      { signedAt: '2026-01-01T00:00:00.000Z' },
      { documentUrl: 'media:x' },
    ]) {
      const reply = await t.raw(
        'contracts.update',
        { id: c.id, version: c.version, patch },
        legal.token,
      );
      expect(reply.ok || reply.error.code).toBe('VALIDATION');
    }
    const updated = await t.call(
      'contracts.update',
      { id: c.id, version: c.version, patch: { terms: 'Two albums', expiryDate: '2028-01-01' } },
      legal.token,
    );
    expect(updated).toMatchObject({
      status: 'draft',
      terms: 'Two albums',
      expiryDate: '2028-01-01',
    });
    const stale = await t.raw(
      'contracts.update',
      { id: c.id, version: c.version, patch: { terms: 'x' } },
      legal.token,
    );
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
  });

  it('accept only a PDF as the signed document, by content', async () => {
    const c = await draft();
    const reply = await t.raw(
      'contracts.attachDocument',
      { id: c.id, file: await stage(wavBytes(0.1), 'contract.pdf') },
      legal.token,
    );
    expect(reply.ok || reply.error.fields?.file).toBe('Not a PDF');
    expect((await t.call('contracts.get', { id: c.id }, legal.token)).documentUrl).toBeNull();
    expect(t.count('media')).toBe(0);
  });

  it('take only an active legal user or admin as legal owner', async () => {
    const reply = await t.raw(
      'contracts.create',
      { artist, contractType: 'publishing', legalOwner: ar.id },
      legal.token,
    );
    expect(reply.ok || reply.error.fields?.legalOwner).toBe('Not an eligible active user');
    expect(t.count('contracts')).toBe(0);
  });

  it('list upcoming expiries of active contracts, soonest first', async () => {
    const make = async (expiryDate: string, activate: boolean) => {
      const c = await t.call(
        'contracts.create',
        { artist, contractType: 'licensing', expiryDate, effectiveDate: '2026-01-01' },
        legal.token,
      );
      if (activate) {
        await move(c.id, 'sent');
        await t.call(
          'contracts.attachDocument',
          { id: c.id, file: await stage(pdfBytes(expiryDate), 'c.pdf') },
          legal.token,
        );
        await move(c.id, 'signed', { signedAt: '2026-01-01T00:00:00.000Z' });
        await move(c.id, 'active');
      }
      return c.id;
    };
    const later = await make('2027-03-01', true);
    const soon = await make('2027-01-15', true);
    await make('2027-01-01', false);
    await make('2029-01-01', true);
    const expiring = await t.call('contracts.list', { expiringBy: '2027-06-30' }, ar.token);
    expect(expiring.items.map((c) => c.id)).toEqual([soon, later]);
  });
});
