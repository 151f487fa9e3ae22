import { useQuery } from '@tanstack/react-query';
import type { Output } from '../../../../shared/api';
import type { GrowthLog } from '../../../../shared/domain/growthLog';
import { call } from '../../api/client';

/** Pages a chart may draw: beyond this an artist has years of daily captures. */
const MAX_PAGES = 20;

/** Every capture for an artist, oldest first (the chart needs them all, not one page). */
export function useGrowthLogs(artist: string) {
  return useQuery({
    queryKey: ['growthLogs', 'all', artist],
    queryFn: async () => {
      const all: GrowthLog[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result: Output<'growthLogs.list'> = await call('growthLogs.list', {
          artist,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        all.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
  });
}
