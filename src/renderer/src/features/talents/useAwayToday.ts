import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { can } from '../../../../shared/access';
import { call } from '../../api/client';
import { useCurrentUser } from '../session';

/** The talents with an unavailable or out-of-town period touching today (local day). */
export function useAwayToday(): ReadonlyMap<string, string> {
  const user = useCurrentUser();
  const today = DateTime.now().startOf('day');
  const input = {
    from: today.toUTC().toISO()!,
    to: today.plus({ days: 1 }).toUTC().toISO()!,
    limit: 100,
  };
  const blocks = useQuery({
    enabled: can(user.role, 'availability', 'read'),
    queryKey: ['availability', 'today', input.from],
    queryFn: () => call('blocks.list', input),
  });
  return useMemo(
    () => new Map((blocks.data?.items ?? []).map((b) => [b.talentProfile, b.kind])),
    [blocks.data],
  );
}
