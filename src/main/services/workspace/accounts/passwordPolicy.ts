import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import {
  MIN_PASSWORD_LENGTH,
  PASSWORD_TOO_COMMON,
  PASSWORD_TOO_SHORT,
} from '../../../../shared/domain/user';
import { rule } from '../../../../shared/fieldIssue';
import { AppError } from '../../../../shared/errors';

/**
 * zxcvbn's score from 0 to 4; 3 and up is "safely unguessable" (about 10^8 guesses or more).
 * Below that a password is on the common-password list, a variation of one (l33t, a year, a
 * capital and a '!'), a keyboard walk or a repeat, or built on the account's own names.
 */
const MIN_SCORE = 3;

// Built on first use: ranking the bundled dictionaries takes a moment, and only accounts need it.
// The check runs on the main thread and sign-up needs no account: only the first 64 characters
// are matched (nothing that long is a common password, and a repeat shows in 64 as in 1024)
// and l33t variants are capped, so the worst input costs ~30 ms, not ~300.
let checker: ZxcvbnFactory | null = null;
const zxcvbn = (): ZxcvbnFactory =>
  (checker ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    maxLength: 64,
    l33tMaxSubstitutions: 20,
  }));

/** What a password is guessed from besides the lists: the account's own names, and the app's. */
export interface PasswordContext {
  readonly username?: string | undefined;
  readonly email?: string | undefined;
  readonly fullName?: string | undefined;
}

function contextWords({ username, email, fullName }: PasswordContext): string[] {
  return [
    'greenroom',
    ...(username ? [username] : []),
    ...(email ? [email, email.split('@')[0]!] : []),
    ...(fullName ? [fullName, ...fullName.split(/\s+/)] : []),
  ].filter((word) => word.length > 0);
}

/** The field message for a password that may not be used, or null when it may. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return PASSWORD_TOO_SHORT;
  return zxcvbn().check(password, contextWords(context)).score < MIN_SCORE
    ? PASSWORD_TOO_COMMON
    : null;
}

/** VALIDATION on `field` (password, newPassword) unless the password may be used. */
export function assertPasswordAllowed(
  password: string,
  field: string,
  context: PasswordContext = {},
): void {
  const problem = passwordProblem(password, context);
  if (problem === null) return;
  throw new AppError(
    'VALIDATION',
    problem === PASSWORD_TOO_COMMON
      ? 'That password is too common or too easy to guess. Choose a longer or less predictable one.'
      : `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    { [field]: problem },
    {
      [field]:
        problem === PASSWORD_TOO_COMMON
          ? rule('password_common')
          : { code: 'too_small', origin: 'string', minimum: MIN_PASSWORD_LENGTH },
    },
  );
}
