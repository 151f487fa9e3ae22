import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { call } from '../../api/client';

/** Today's list for the signed-in user, as of their local date. */
export function useToday() {
  const today = DateTime.now().toISODate()!;
  return useQuery({
    queryKey: ['today', today],
    queryFn: () => call('today.list', { today }),
    refetchInterval: 5 * 60_000,
  });
}
