import { z } from 'zod';
import { rowMeta } from './common';

export const workspaceSettings = z.object({
  ...rowMeta,
  signUpEnabled: z.boolean(),
  idleTimeoutMinutes: z.number().int(),
  /** Sessions end this many days after sign-in, however busy they are. */
  sessionMaxDays: z.number().int(),
  demoDecisionDays: z.number().int(),
  organizationName: z.string(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettings>;

export const settingsPatch = z.strictObject({
  signUpEnabled: z.boolean().optional(),
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(5, 'At least 5 minutes')
    .max(7 * 24 * 60, 'At most a week')
    .optional(),
  sessionMaxDays: z.number().int().min(1, 'At least a day').max(365, 'At most a year').optional(),
  demoDecisionDays: z
    .number()
    .int()
    .min(1, 'At least a day')
    .max(180, 'At most 180 days')
    .optional(),
  organizationName: z.string().trim().max(200, 'At most 200 characters').optional(),
});
