/**
 * Every action main writes to the audit trail. `w.audit` takes only these (a typo or a new action
 * missing here is a compile error), and the renderer words each one in every language: a unit
 * test walks this list against the catalogs, so an action nobody worded fails it.
 */
export const AUDIT_ACTIONS = [
  'setup.createOwner',
  'auth.signUp',
  'auth.signUpRefused',
  'auth.login',
  'auth.loginFailed',
  'auth.loginThrottled',
  'auth.logout',
  'auth.changePassword',
  'auth.changePasswordFailed',
  'sessions.revoke',
  'users.create',
  'users.update',
  'settings.update',
  'maintenance.backup',
  'maintenance.restore',
  'maintenance.exportWorkspace',
  'talents.create',
  'talents.update',
  'talents.setHeadshot',
  'talents.archive',
  'auditions.create',
  'auditions.update',
  'auditions.setStatus',
  'bookings.create',
  'bookings.update',
  'bookings.confirm',
  'bookings.cancel',
  'bookings.challenge',
  'bookings.challengeExpired',
  'bookings.release',
  'bookings.rank',
  'schedule.create',
  'schedule.update',
  'schedule.cancel',
  'schedule.createFromBooking',
  'schedule.syncFromBooking',
  'schedule.exportIcs',
  'blocks.create',
  'blocks.update',
  'blocks.delete',
  'artists.create',
  'artists.update',
  'demos.import',
  'demos.analyze',
  'demos.relink',
  'demos.setReviewStatus',
  'demos.rate',
  'contracts.create',
  'contracts.update',
  'contracts.transition',
  'contracts.attachDocument',
  'contracts.exportDocument',
  'contracts.exportBundle',
  'contracts.exportIcs',
  'growthLogs.create',
  'reviewNotes.create',
  'exports.csv',
  'imports.commit',
  'imports.parse',
  'feeds.create',
  'feeds.revoke',
  'today.done',
  'today.snooze',
  'today.reopen',
  'today.reminded',
  'seed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Change keys that hold a user's id: `audit.list` names them (under `expanded.names`), and the
 * renderer shows the name, never the id.
 */
export const USER_REFERENCE_FIELDS = [
  'manager',
  'owner',
  'legalOwner',
  'submittedBy',
  'capturedBy',
  'author',
  'createdBy',
  'user',
] as const;

/** Change keys that hold another record's id, and the record type they point at. */
export const RECORD_REFERENCE_FIELDS = {
  talentProfile: 'talents',
  audition: 'auditions',
  booking: 'bookings',
  releasedBy: 'bookings',
  // The challenging hold, a booking (not a person).
  challengedBy: 'bookings',
  artist: 'artists',
  demo: 'demos',
  replaces: 'reviewNotes',
} as const;
