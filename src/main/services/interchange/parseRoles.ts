/**
 * Parse roles (`_Role`): who is in which, as the join lists of their `users` and `roles`
 * relations say. Parse grants a role's permissions to its users and to the users of its child
 * roles (the `roles` relation), which is what an ACL's `role:<name>` means. A role whose name is
 * one of Greenroom's (admin, manager, ... matched ignoring case and a plural "s", so "Managers"
 * is manager) gives its direct members that Greenroom role.
 */
import { ROLES, type Role } from '../../../shared/domain/vocabulary';
import type { ReadFile } from './parseFiles';

export interface ParseRoles {
  /** Parse user objectId → the role names whose permissions they have (with inherited ones). */
  readonly rolesOfUser: ReadonlyMap<string, ReadonlySet<string>>;
  /** Parse user objectId → Greenroom roles their direct memberships name. */
  readonly greenroomRolesOfUser: ReadonlyMap<string, ReadonlySet<Role>>;
  /** For the report: every Parse role, the Greenroom role it maps to, its direct members. */
  readonly summary: { name: string; role: Role | null; members: number }[];
}

/** The Greenroom role a Parse role name stands for, if any. */
export function greenroomRoleNamed(name: string): Role | null {
  const key = name.trim().toLowerCase();
  return (
    ROLES.find((role) => {
      const ours = role.toLowerCase();
      return key === ours || key === `${ours}s`;
    }) ?? null
  );
}

const pairsOf = (files: readonly ReadFile[]): [string, string][] =>
  files.flatMap((file) =>
    file.objects.flatMap((pair) =>
      typeof pair.owningId === 'string' && typeof pair.relatedId === 'string'
        ? [[pair.owningId, pair.relatedId] as [string, string]]
        : [],
    ),
  );

export function readRoles(
  roleFiles: readonly ReadFile[],
  userJoins: readonly ReadFile[],
  roleJoins: readonly ReadFile[],
): ParseRoles {
  const nameOf = new Map<string, string>();
  for (const file of roleFiles) {
    for (const role of file.objects) {
      if (typeof role.objectId === 'string' && typeof role.name === 'string') {
        nameOf.set(role.objectId, role.name);
      }
    }
  }
  const directUsers = new Map<string, Set<string>>();
  for (const [role, user] of pairsOf(userJoins)) {
    if (!nameOf.has(role)) continue;
    const users = directUsers.get(role) ?? new Set<string>();
    users.add(user);
    directUsers.set(role, users);
  }
  const children = new Map<string, Set<string>>();
  for (const [parent, child] of pairsOf(roleJoins)) {
    const set = children.get(parent) ?? new Set<string>();
    set.add(child);
    children.set(parent, set);
  }

  // A role's users: its own and, through child roles (any depth, cycles ignored), theirs.
  const rolesOfUser = new Map<string, Set<string>>();
  for (const [roleId, name] of nameOf) {
    const seen = new Set<string>();
    const stack = [roleId];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const user of directUsers.get(current) ?? []) {
        const names = rolesOfUser.get(user) ?? new Set<string>();
        names.add(name);
        rolesOfUser.set(user, names);
      }
      stack.push(...(children.get(current) ?? []));
    }
  }

  const greenroomRolesOfUser = new Map<string, Set<Role>>();
  const summary: ParseRoles['summary'] = [];
  for (const [roleId, name] of nameOf) {
    const role = greenroomRoleNamed(name);
    const members = directUsers.get(roleId) ?? new Set<string>();
    summary.push({ name, role, members: members.size });
    if (!role) continue;
    for (const user of members) {
      const set = greenroomRolesOfUser.get(user) ?? new Set<Role>();
      set.add(role);
      greenroomRolesOfUser.set(user, set);
    }
  }
  summary.sort((a, b) => a.name.localeCompare(b.name));
  return { rolesOfUser, greenroomRolesOfUser, summary };
}
