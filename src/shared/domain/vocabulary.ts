/** Vocabularies from the seed data models. Values may be added, never renamed. */
export const ROLES = ['admin', 'manager', 'coordinator', 'AandR', 'legal', 'contributor'] as const;
export type Role = (typeof ROLES)[number];
export const AGENCY_ROLES: readonly Role[] = ['admin', 'manager', 'coordinator'];
export const LABEL_ROLES: readonly Role[] = ['AandR', 'legal', 'contributor'];

export const TALENT_TYPES = [
  'actor',
  'model',
  'musician',
  'voice',
  'dancer',
  'host',
  'other',
] as const;
export const AVAILABILITY_STATUSES = ['available', 'on_hold', 'booked', 'unavailable'] as const;
export const AUDITION_TYPES = ['in_person', 'self_tape', 'virtual'] as const;
export const AUDITION_STATUSES = ['invited', 'callback', 'booked', 'declined'] as const;
export const BOOKING_STATUSES = ['hold', 'confirmed', 'cancelled', 'completed'] as const;
export const SCHEDULE_ENTRY_TYPES = [
  'audition',
  'booking',
  'rehearsal',
  'fitting',
  'travel',
  'hold',
  'personal',
] as const;
export const SCHEDULE_STATUSES = ['tentative', 'confirmed', 'cancelled'] as const;
export const SCHEDULE_SOURCES = ['manual', 'booking', 'audition', 'import'] as const;
export const ARTIST_STATUSES = ['prospect', 'in_talks', 'signed', 'passed'] as const;
export const SUBMISSION_SOURCES = [
  'email',
  'portal',
  'referral',
  'live_show',
  'social',
  'other',
] as const;
export const REVIEW_STATUSES = ['submitted', 'in_review', 'shortlisted', 'passed'] as const;
export const CONTRACT_TYPES = [
  'recording',
  'publishing',
  'distribution',
  'licensing',
  'management',
] as const;
export const CONTRACT_STATUSES = [
  'draft',
  'sent',
  'signed',
  'active',
  'expired',
  'terminated',
] as const;
export const BLOCK_KINDS = ['unavailable', 'out_of_town'] as const;
export const PLATFORMS = [
  'instagram',
  'tiktok',
  'youtube',
  'spotify',
  'x',
  'facebook',
  'soundcloud',
  'other',
] as const;
export const NOTE_TYPES = ['listening', 'meeting', 'decision', 'general'] as const;
export const NOTE_VISIBILITIES = ['private', 'team', 'label'] as const;

export type TalentType = (typeof TALENT_TYPES)[number];
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];
export type NoteType = (typeof NOTE_TYPES)[number];
export type SubmissionSource = (typeof SUBMISSION_SOURCES)[number];
