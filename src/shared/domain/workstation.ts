import { z } from 'zod';

/**
 * This computer's part in a workspace (desktop app only): its own workspace, shared with the
 * team or not, or a team workspace it joined on another computer.
 */
export const WORKSTATION_MODES = ['local', 'joined'] as const;

export const serverAddress = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(300, 'At most 300 characters');

/** SHA-256, as servers print it: 32 colon-separated hex pairs (separators optional). */
export const fingerprint = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'Must be a SHA-256 fingerprint');

export const sharePort = z.number().int().min(1024).max(65535);

export const workstationStatus = z.object({
  mode: z.enum(WORKSTATION_MODES),
  /** Whether the first-run choice (this computer or a team workspace) was made. */
  chosen: z.boolean(),
  joined: z.object({ url: z.string(), fingerprint: z.string() }).nullable(),
  sharing: z.object({
    enabled: z.boolean(),
    port: z.number(),
    /** Addresses colleagues may join by, while sharing runs. */
    urls: z.array(z.string()),
    fingerprint: z.string().nullable(),
    /** Why sharing could not start (the port is taken, say), while it is on. */
    problem: z.string().nullable(),
  }),
});
export type WorkstationStatus = z.infer<typeof workstationStatus>;

export const serverIdentity = z.object({
  url: z.string(),
  fingerprint: z.string(),
  names: z.array(z.string()),
});

export const workstationJoin = z.strictObject({ url: serverAddress, fingerprint });
export const workstationShare = z.strictObject({
  enabled: z.boolean(),
  port: sharePort.optional(),
});
