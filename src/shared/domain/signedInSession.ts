import { z } from 'zod';
import { id } from './common';

/** What the desktop app sends as its User-Agent to a team server it joined. */
export const DESKTOP_USER_AGENT = 'GreenroomDesktop';

/**
 * A signed-in session as its owner and admins see it: never the token or its hash, only an
 * opaque id, and the device read from the User-Agent it signed in with.
 */
export const sessionDevice = z.object({
  /** `desktop`: the Greenroom app (its own window, or joined to a team server). */
  kind: z.enum(['desktop', 'browser', 'unknown']),
  /** For a browser: its name and the operating system, as far as the User-Agent tells. */
  browser: z.string().nullable(),
  os: z.string().nullable(),
});
export type SessionDevice = z.infer<typeof sessionDevice>;

export const signedInSession = z.object({
  id: z.string(),
  user: z.string(),
  device: sessionDevice,
  /** The client's network address at sign-in; `local` for the desktop app's own window. */
  clientAddress: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The session this call came from. */
  current: z.boolean(),
});
export type SignedInSession = z.infer<typeof signedInSession>;

/** Admins list anyone's sessions; everyone else only their own (the service checks). */
export const sessionListQuery = z.strictObject({ user: id.optional() });

/** One session by its id, or every session of one user. */
export const sessionRevoke = z
  .strictObject({ id: id.optional(), user: id.optional(), all: z.literal(true).optional() })
  .superRefine((value, ctx) => {
    const one = value.id !== undefined;
    const every = value.user !== undefined || value.all !== undefined;
    if (one === every)
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: 'Give a session id, or a user and all',
      });
    else if (every && (value.user === undefined || value.all !== true))
      ctx.addIssue({
        code: 'custom',
        path: [value.user === undefined ? 'user' : 'all'],
        message: 'Required with the other',
      });
  });
