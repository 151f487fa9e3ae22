import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  ACTIONS,
  ENTITIES,
  RESTRICTED_FIELDS,
  can,
  redact,
  scopeOf,
  teamManagerOf,
} from '../../src/shared/access';
import { AGENCY_ROLES, LABEL_ROLES, ROLES } from '../../src/shared/domain/vocabulary';

describe('the access table', () => {
  it('covers every role', () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...ROLES].sort());
  });

  it('gives admin every action on every entity, except changing append-only records', () => {
    const appendOnly = ['growthLogs', 'reviewNotes', 'audit'] as const;
    for (const entity of ENTITIES.filter((e) => !(appendOnly as readonly string[]).includes(e))) {
      for (const action of ACTIONS) expect(scopeOf('admin', entity, action)).toBe('all');
    }
    for (const entity of appendOnly) {
      expect(scopeOf('admin', entity, 'read')).toBe('all');
      expect(scopeOf('admin', entity, 'update')).toBeNull();
      expect(scopeOf('admin', entity, 'archive')).toBeNull();
    }
  });

  it('keeps the two desks apart for everyone but admin', () => {
    const agency = ['talents', 'auditions', 'bookings', 'schedule', 'availability'] as const;
    const label = ['artists', 'demos', 'contracts', 'growthLogs', 'reviewNotes'] as const;
    for (const role of LABEL_ROLES)
      for (const entity of agency)
        for (const action of ACTIONS)
          expect(can(role, entity, action), `${role} ${action} ${entity}`).toBe(false);
    for (const role of ['manager', 'coordinator'] as const)
      for (const entity of label)
        for (const action of ACTIONS)
          expect(can(role, entity, action), `${role} ${action} ${entity}`).toBe(false);
  });

  it('keeps users and the audit trail to admins', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      for (const action of ACTIONS) {
        expect(can(role, 'users', action), `${role} ${action} users`).toBe(false);
        expect(can(role, 'audit', action), `${role} ${action} audit`).toBe(false);
      }
    }
  });

  it('scopes managers and coordinators to their team on agency rows', () => {
    for (const role of ['manager', 'coordinator'] as const) {
      for (const entity of [
        'talents',
        'auditions',
        'bookings',
        'schedule',
        'availability',
      ] as const) {
        for (const action of ACTIONS) expect(scopeOf(role, entity, action)).toBe('team');
      }
      for (const entity of [
        'artists',
        'demos',
        'contracts',
        'growthLogs',
        'reviewNotes',
      ] as const) {
        for (const action of ACTIONS) expect(scopeOf(role, entity, action)).toBeNull();
      }
    }
  });

  it('never lets a label role write agency rows', () => {
    for (const role of LABEL_ROLES) {
      for (const entity of [
        'talents',
        'auditions',
        'bookings',
        'schedule',
        'availability',
      ] as const) {
        for (const action of ['create', 'update', 'archive'] as const)
          expect(can(role, entity, action)).toBe(false);
      }
    }
  });

  it('answers every role x entity x action with a known scope or none', () => {
    for (const role of ROLES) {
      for (const entity of ENTITIES) {
        for (const action of ACTIONS)
          expect([null, 'all', 'team', 'own']).toContain(scopeOf(role, entity, action));
      }
    }
  });
});

describe('restricted fields', () => {
  const row = {
    id: '1',
    stageName: 'A',
    notes: 'private',
    portfolioUrl: 'https://x',
    headshotUrl: null,
  };

  it('are removed, not blanked, for roles outside the agency desk', () => {
    for (const role of LABEL_ROLES) {
      const out = redact(role, 'talents', row);
      for (const field of RESTRICTED_FIELDS.talents!) expect(out).not.toHaveProperty(field);
      expect(out).toHaveProperty('stageName', 'A');
    }
  });

  it('stay for agency staff', () => {
    for (const role of AGENCY_ROLES) expect(redact(role, 'talents', row)).toEqual(row);
  });
});

describe('teams', () => {
  it('are headed by the manager', () => {
    expect(teamManagerOf({ id: 'm', role: 'manager', manager: null })).toBe('m');
    expect(teamManagerOf({ id: 'c', role: 'coordinator', manager: 'm' })).toBe('m');
    expect(teamManagerOf({ id: 'c', role: 'coordinator', manager: null })).toBeNull();
    expect(teamManagerOf({ id: 'a', role: 'AandR', manager: null })).toBeNull();
  });
});
