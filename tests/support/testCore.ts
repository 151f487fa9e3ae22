import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Channel, Input, Output } from '../../src/shared/api';
import type { Envelope } from '../../src/shared/errors';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import type { Role } from '../../src/shared/domain/vocabulary';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = join(ROOT, 'resources', 'migrations');
/** Cheap hashes for speed; the stored parameters make them verify like real ones. */
export const TEST_SCRYPT = { logN: 10, r: 8, p: 1 } as const;
export const PASSWORD = 'correct horse battery staple';

export function tempDir(prefix = 'greenroom-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestCore {
  readonly core: Core;
  readonly dir: string;
  /** Calls a channel through the real router and returns the envelope. */
  raw(channel: string, input: unknown, token?: string | null): Promise<Envelope<unknown>>;
  /** Calls a channel and returns its data, failing the test on an error reply. */
  call<C extends Channel>(channel: C, input: Input<C>, token?: string | null): Promise<Output<C>>;
  count(table: string): number;
  close(): void;
}

export function createTestCore(dir = tempDir(), options: Partial<CoreOptions> = {}): TestCore {
  const core = createCore({
    dataDir: dir,
    migrationsDir: MIGRATIONS_DIR,
    scrypt: TEST_SCRYPT,
    scheduledBackups: false,
    ...options,
  });
  const raw = async (channel: string, input: unknown, token: string | null = null) =>
    (await core.dispatch(channel, input, token)).envelope;
  return {
    core,
    dir,
    raw,
    async call(channel, input, token = null) {
      const envelope = await raw(channel, input, token);
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.data as never;
    },
    count: (table) =>
      (core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Actors {
  readonly owner: string;
  readonly ownerId: string;
  readonly token: (username: string) => Promise<string>;
  readonly user: (
    username: string,
    role: Role,
    manager?: string,
  ) => Promise<{ id: string; token: string }>;
}

/** Creates the owner and signs in; `user()` adds a user of any role and signs them in. */
export async function withOwner(t: TestCore): Promise<Actors> {
  const { user } = await t.call('setup.createOwner', {
    username: 'owner',
    email: 'owner@example.com',
    fullName: 'Olive Owner',
    password: PASSWORD,
  });
  const token = async (username: string) =>
    (await t.call('auth.login', { username, password: PASSWORD })).token;
  const owner = await token('owner');
  return {
    owner,
    ownerId: user.id,
    token,
    async user(username, role, manager) {
      const created = await t.call(
        'users.create',
        {
          username,
          email: `${username}@example.com`,
          fullName: `${username} Person`,
          password: PASSWORD,
          role,
          ...(manager ? { manager } : {}),
        },
        owner,
      );
      return { id: created.id, token: await token(username) };
    },
  };
}
