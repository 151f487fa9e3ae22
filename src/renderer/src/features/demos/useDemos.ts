import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scopeOf } from '../../../../shared/access';
import type { Input } from '../../../../shared/api';
import type { Demo } from '../../../../shared/domain/demo';
import type { User } from '../../../../shared/domain/user';
import { call } from '../../api/client';

export function useDemoList(filters: Input<'demos.list'>) {
  return useQuery({
    queryKey: ['demos', 'list', filters],
    queryFn: () => call('demos.list', filters),
    placeholderData: keepPreviousData,
  });
}

/** Mirrors main's rule (convenience only): the artist's owner or an admin decides. */
export function mayDecide(user: Pick<User, 'id' | 'role'>, demo: Demo): boolean {
  const scope = scopeOf(user.role, 'demos', 'update');
  return scope === 'all' || (scope === 'own' && demo.expanded.artist.owner === user.id);
}

/**
 * Whether the user's role decides on some demos (an A&R user, on their own artists'): they see
 * the decisions on every demo, disabled with the reason where it is not theirs, rather than
 * buttons that come and go from row to row. Roles that never decide see none.
 */
export function decidesDemos(user: Pick<User, 'role'>): boolean {
  return scopeOf(user.role, 'demos', 'update') !== null;
}

/** The catalog key of why a user who decides on some demos may not decide on this one. */
export const NOT_DECIDER = 'demos.decideOwnerOnly';

export function formatDuration(seconds: number | null): string {
  if (seconds == null) return '—';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
