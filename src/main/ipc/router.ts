import type { z } from 'zod';
import { can } from '../../shared/access';
import {
  contract,
  isChannel,
  type Channel,
  type Contract,
  type Output,
  type ParsedInput,
} from '../../shared/api';
import { AppError, type Envelope, type FieldErrors } from '../../shared/errors';
import { fieldErrorsOf } from '../../shared/fieldIssue';
import type { Session } from '../services/kernel/session';

type SessionFor<C extends Channel> = Contract[C]['guard'] extends 'public' ? null : Session;

/**
 * Where a call comes from, as the transport knows it: the client's network address for the web
 * host and the team server, `local` for the desktop window. Sign-in throttling and the audit of
 * sign-ins read it; nothing else may trust it.
 */
export interface CallOrigin {
  readonly clientAddress: string;
  readonly userAgent?: string;
}

export const LOCAL_CALL: CallOrigin = { clientAddress: 'local' };

/** One handler per channel: a channel in the contract without a handler is a compile error. */
export type Handlers = {
  [C in Channel]: (
    session: SessionFor<C>,
    input: ParsedInput<C>,
    origin: CallOrigin,
  ) => Output<C> | Promise<Output<C>>;
};

export interface SessionResolver {
  resolve(token: string | null): Session;
}

export interface Reply<T = unknown> {
  readonly envelope: Envelope<T>;
  /** The session the call ran as, for adapters that track sign-in per window. */
  readonly session: Session | null;
}

export type Dispatch = (
  channel: string,
  input: unknown,
  token: string | null,
  origin?: CallOrigin,
) => Promise<Reply>;

/**
 * The summary of a refused input: how many fields, never their names (a person reads it; the
 * renderer words each field from `fieldCodes` and places it at its field).
 */
function validationSummary(fields: FieldErrors): string {
  const count = Object.keys(fields).length;
  return count === 1
    ? 'Please check the highlighted field.'
    : `Please check the ${count} highlighted fields.`;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // SQLite constraint failures that a service did not foresee are still the caller's conflict.
  if (
    error instanceof Error &&
    'code' in error &&
    String(error.code).startsWith('SQLITE_CONSTRAINT')
  ) {
    return new AppError('CONFLICT', 'That change conflicts with existing data.');
  }
  // A full disk (SQLite's SQLITE_FULL, a file write's ENOSPC): the transaction rolled back, so
  // nothing is half-written; say what to do instead of "something went wrong".
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError(
      'INTERNAL',
      'The workspace’s disk is full, so nothing was saved. Free some space on it and try again.',
      { disk: 'Full' },
    );
  }
  console.error('[router] unexpected error', error);
  return new AppError('INTERNAL', 'Something went wrong. The change was not saved.');
}

/**
 * The one router: channel -> session -> access rule -> input validation -> service. Services
 * wrap their writes (and audit rows) in one transaction; a rejected call changes nothing.
 */
export function createRouter(handlers: Handlers, auth: SessionResolver): Dispatch {
  const refused = (error: unknown, session: Session | null): Reply => ({
    envelope: { ok: false, error: toAppError(error).toBody() },
    session,
  });
  // Not an async function: most handlers answer synchronously, and their reply then costs one
  // resolved promise instead of an async frame awaiting another.
  return (channel, input, token, origin = LOCAL_CALL) => {
    let session: Session | null = null;
    try {
      if (!isChannel(channel))
        throw new AppError('NOT_FOUND', `There is no channel named "${channel.slice(0, 100)}".`);
      const spec = contract[channel];
      if (spec.guard !== 'public') {
        session = auth.resolve(token);
        if (
          spec.guard !== 'signedIn' &&
          !can(session.user.role, spec.guard.entity, spec.guard.action)
        ) {
          throw new AppError('FORBIDDEN', 'Your role does not allow this.');
        }
      }
      const parsed = (spec.input as z.ZodType).safeParse(input ?? {});
      if (!parsed.success) {
        const { fields, fieldCodes } = fieldErrorsOf(parsed.error, input ?? {});
        throw new AppError('VALIDATION', validationSummary(fields), fields, fieldCodes);
      }
      const handler = handlers[channel] as (
        s: Session | null,
        i: unknown,
        o: CallOrigin,
      ) => unknown;
      const data = handler(session, parsed.data, origin);
      const signedIn = session;
      if (data instanceof Promise)
        return data.then(
          (value: unknown): Reply => ({ envelope: { ok: true, data: value }, session: signedIn }),
          (error: unknown) => refused(error, signedIn),
        );
      return Promise.resolve({ envelope: { ok: true, data }, session });
    } catch (error) {
      return Promise.resolve(refused(error, session));
    }
  };
}
