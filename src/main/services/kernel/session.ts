import type { User } from '../../../shared/domain/user';

/** Who is asking. Every service takes it first; access is decided from it, never from input. */
export interface Session {
  readonly tokenHash: string;
  readonly user: Readonly<User>;
}
