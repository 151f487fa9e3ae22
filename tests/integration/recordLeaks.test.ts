import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfBytes } from '../support/files';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

// Records reached through a side door: the audit trail of a record the role may not read, and a
// file field pointed at someone else's stored file.

let t: TestCore;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
});
afterEach(() => t.close());

async function contractWithDocument() {
  const legal = await a.user('lena', 'legal');
  const artist = await t.call('artists.create', { artistName: 'Tides', genre: 'pop' }, a.owner);
  const contract = await t.call(
    'contracts.create',
    { artist: artist.id, contractType: 'recording', legalOwner: legal.id },
    a.owner,
  );
  const file = await t.core.staging.fromStream(
    a.ownerId,
    'signed.pdf',
    Readable.from([pdfBytes()]),
  );
  const attached = await t.call('contracts.attachDocument', { id: contract.id, file }, a.owner);
  return { legal, artist, contract: attached };
}

describe('the audit trail', () => {
  it('shows a record’s history only to roles that may read that record', async () => {
    const { contract, legal } = await contractWithDocument();
    const manager = await a.user('mia', 'manager');
    const asManager = await t.raw(
      'audit.list',
      { entity: 'contracts', entityId: contract.id },
      manager.token,
    );
    expect(asManager).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(asManager)).not.toContain(contract.documentUrl!);
    const asLegal = await t.call(
      'audit.list',
      { entity: 'contracts', entityId: contract.id },
      legal.token,
    );
    expect(asLegal.items.length).toBeGreaterThan(0);
  });

  it('keeps a private review note’s body to its author, admins included', async () => {
    const ar = await a.user('ari', 'AandR');
    const artist = await t.call('artists.create', { artistName: 'Quiet', genre: 'folk' }, ar.token);
    const note = await t.call(
      'reviewNotes.create',
      { artist: artist.id, noteType: 'listening', body: 'only mine', visibility: 'private' },
      ar.token,
    );
    const trail = await t.call('audit.list', { entity: 'reviewNotes', entityId: note.id }, a.owner);
    expect(trail.items).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain('only mine');
    expect(trail.items[0]!.changes).toMatchObject({ visibility: 'private' });
  });
});

describe('file fields', () => {
  it('refuse pointing a talent’s headshot at another stored file', async () => {
    const { contract } = await contractWithDocument();
    const talent = await t.call(
      'talents.create',
      { stageName: 'Ana', fullName: 'Ana Ng', talentType: 'actor' },
      a.owner,
    );
    const update = await t.raw(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { headshotUrl: contract.documentUrl } },
      a.owner,
    );
    expect(update).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { headshotUrl: expect.any(String) } },
    });
    const create = await t.raw(
      'talents.create',
      {
        stageName: 'Bo',
        fullName: 'Bo Li',
        talentType: 'actor',
        headshotUrl: contract.documentUrl,
      },
      a.owner,
    );
    expect(create).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await t.call('talents.get', { id: talent.id }, a.owner)).headshotUrl).toBeNull();
    // Removing a headshot stays possible.
    const removed = await t.call(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { headshotUrl: null } },
      a.owner,
    );
    expect(removed.headshotUrl).toBeNull();
  });
});
