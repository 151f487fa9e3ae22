import { z } from 'zod';
import {
  id,
  listPaging,
  mediaRef,
  optionalText,
  requiredText,
  rowMeta,
  userSummary,
  webUrl,
} from './common';
import { AVAILABILITY_STATUSES, TALENT_TYPES } from './vocabulary';

/** Editable fields of a TalentProfile; the form and the channel validate with the same rules. */
export const talentFields = {
  stageName: requiredText(120),
  fullName: requiredText(160),
  talentType: z.enum(TALENT_TYPES),
  portfolioUrl: webUrl.nullable().optional(),
  headshotUrl: mediaRef.nullable().optional(),
  availabilityStatus: z.enum(AVAILABILITY_STATUSES),
  manager: id,
  notes: optionalText(10_000),
};

export const talentCreate = z.strictObject({
  ...talentFields,
  availabilityStatus: talentFields.availabilityStatus.optional(),
  // Managers and coordinators may leave it out: it defaults to their team's manager.
  manager: id.optional(),
});
export type TalentCreate = z.infer<typeof talentCreate>;

export const talentPatch = z.strictObject({
  stageName: talentFields.stageName.optional(),
  fullName: talentFields.fullName.optional(),
  talentType: talentFields.talentType.optional(),
  portfolioUrl: talentFields.portfolioUrl,
  headshotUrl: talentFields.headshotUrl,
  availabilityStatus: talentFields.availabilityStatus.optional(),
  manager: id.optional(),
  notes: talentFields.notes,
});
export type TalentPatch = z.infer<typeof talentPatch>;

export const talentUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: talentPatch,
});

export const talentList = z.strictObject({
  manager: id.optional(),
  availabilityStatus: z.enum(AVAILABILITY_STATUSES).optional(),
  talentType: z.enum(TALENT_TYPES).optional(),
  q: z.string().trim().max(200, 'At most 200 characters').optional(),
  includeArchived: z.boolean().optional(),
  ...listPaging,
});
export type TalentListInput = z.infer<typeof talentList>;

export const talent = z.object({
  ...rowMeta,
  stageName: z.string(),
  fullName: z.string(),
  talentType: z.enum(TALENT_TYPES),
  // Restricted fields: absent (not null) for roles outside the agency desk.
  portfolioUrl: z.string().nullable().optional(),
  headshotUrl: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  availabilityStatus: z.enum(AVAILABILITY_STATUSES),
  manager: z.string(),
  archivedAt: z.string().nullable(),
  expanded: z.object({ manager: userSummary }),
});
export type Talent = z.infer<typeof talent>;
