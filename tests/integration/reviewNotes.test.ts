import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/shared/api';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let ar: { id: string; token: string };
let legal: { id: string; token: string };
let contributor: { id: string; token: string };
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  ar = await a.user('ada', 'AandR');
  legal = await a.user('lee', 'legal');
  contributor = await a.user('cai', 'contributor');
  artist = (await t.call('artists.create', { artistName: 'Paper Tides', genre: 'indie' }, ar.token))
    .id;
});
afterEach(() => t.close());

const note = (
  token: string,
  visibility: 'private' | 'team' | 'label',
  body: string,
  replaces?: string,
) =>
  t.raw(
    'reviewNotes.create',
    { artist, noteType: 'listening', body, visibility, ...(replaces ? { replaces } : {}) },
    token,
  );
const bodies = async (token: string) =>
  (await t.call('reviewNotes.list', { artist }, token)).items.map((n) => n.body).sort();
const found = async (token: string, q: string) =>
  (await t.call('search.query', { q }, token)).groups.flatMap((g) =>
    g.items.map((i) => i.title + i.detail),
  );

describe('review notes', () => {
  beforeEach(async () => {
    expect((await note(ar.token, 'private', 'private thought zebra')).ok).toBe(true);
    expect((await note(ar.token, 'team', 'team thought zebra')).ok).toBe(true);
    expect((await note(ar.token, 'label', 'label thought zebra')).ok).toBe(true);
  });

  it('are read by their audience only, in lists and in search', async () => {
    const all = ['label thought zebra', 'private thought zebra', 'team thought zebra'];
    expect(await bodies(ar.token)).toEqual(all);
    expect(await bodies(legal.token)).toEqual(['label thought zebra', 'team thought zebra']);
    expect(await bodies(a.owner)).toEqual(['label thought zebra', 'team thought zebra']);
    expect(await bodies(contributor.token)).toEqual(['label thought zebra']);
    expect((await found(contributor.token, 'zebra')).sort()).toEqual(['label thought zebra']);
    expect((await found(legal.token, 'zebra')).sort()).toEqual([
      'label thought zebra',
      'team thought zebra',
    ]);
  });

  it('reach only their audience as live events', async () => {
    const heard: Record<string, ChangeEvent[]> = { ar: [], legal: [], contributor: [] };
    const sessions = {
      ar: t.core.auth.resolve(ar.token),
      legal: t.core.auth.resolve(legal.token),
      contributor: t.core.auth.resolve(contributor.token),
    };
    const stops = Object.entries(sessions).map(([who, session]) =>
      t.core.subscribe(session, (event) => heard[who]!.push(event)),
    );
    await note(ar.token, 'team', 'for the team');
    await note(ar.token, 'private', 'for me');
    stops.forEach((stop) => stop());
    expect(heard.ar).toHaveLength(2);
    expect(heard.legal).toHaveLength(1);
    expect(heard.contributor).toHaveLength(0);
  });

  it('cannot be written for an audience the author is not in', async () => {
    const reply = await note(contributor.token, 'team', 'sneaky');
    expect(reply.ok || reply.error.fields?.visibility).toBeTruthy();
    expect(reply.ok).toBe(false);
    expect((await note(contributor.token, 'private', 'my own')).ok).toBe(true);
  });

  it('are corrected by a new note that replaces the old one, never edited', async () => {
    const original = await t.call(
      'reviewNotes.create',
      { artist, noteType: 'meeting', body: 'Met on Tuesday', visibility: 'label' },
      contributor.token,
    );
    const fix = await note(contributor.token, 'label', 'Met on Wednesday', original.id);
    expect(fix.ok && fix.data).toMatchObject({ replaces: original.id });
    const notByAuthor = await note(ar.token, 'label', 'Met on Thursday', original.id);
    expect(notByAuthor.ok || notByAuthor.error.fields?.replaces).toBe(
      'Not your note on this artist',
    );
    expect(() =>
      t.core.sqlite
        .prepare('UPDATE review_notes SET body = ? WHERE id = ?')
        .run('edited', original.id),
    ).toThrow();
  });
});
