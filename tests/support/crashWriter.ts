/**
 * Run as a child process by the crash test: opens the real core on a real file and commits
 * transactions of one artist plus three review notes (with their audit rows) as fast as it
 * can, printing each artist id only after its commit returned. The parent kills it at random.
 */
import { createCore } from '../../src/main/core';
import { artists, reviewNotes, users } from '../../src/main/db/schema';
import { newId } from '../../src/main/services/kernel/store';
import { MIGRATIONS_DIR, TEST_SCRYPT } from './testCore';

const [dataDir, maxWrites = '400'] = process.argv.slice(2);
const core = createCore({
  dataDir: dataDir!,
  migrationsDir: MIGRATIONS_DIR,
  scrypt: TEST_SCRYPT,
  scheduledBackups: false,
});
core.analysis.stop();

const owner = core.store.write(null, (w) => {
  const existing = w.tx.select({ id: users.id }).from(users).get();
  if (existing) return existing.id;
  const id = newId();
  w.tx
    .insert(users)
    .values({
      id,
      createdAt: w.now,
      updatedAt: w.now,
      version: 1,
      username: 'crash',
      usernameKey: 'crash',
      email: 'crash@example.com',
      emailKey: 'crash@example.com',
      fullName: 'Crash Test',
      role: 'AandR',
      passwordHash: 'x',
      active: true,
    })
    .run();
  return id;
});

for (let i = 0; i < Number(maxWrites); i += 1) {
  const id = core.store.write(owner, (w) => {
    const artist = newId();
    w.tx
      .insert(artists)
      .values({
        id: artist,
        createdAt: w.now,
        updatedAt: w.now,
        version: 1,
        artistName: `Crash ${i}`,
        genre: 'noise',
        status: 'prospect',
        owner,
      })
      .run();
    w.audit({ action: 'artists.create', entity: 'artists', entityId: artist });
    for (let n = 0; n < 3; n += 1) {
      const note = newId();
      w.tx
        .insert(reviewNotes)
        .values({
          id: note,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          artist,
          author: owner,
          noteType: 'general',
          body: `note ${n} of ${i} ${'x'.repeat(200)}`,
          visibility: 'label',
        })
        .run();
      w.audit({ action: 'reviewNotes.create', entity: 'reviewNotes', entityId: note });
    }
    return artist;
  });
  process.stdout.write(`ack ${id}\n`);
}
process.stdout.write('done\n');
