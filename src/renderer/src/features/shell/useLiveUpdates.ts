import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge } from '../../api/client';

/** Committed changes from any window mark the matching queries stale; TanStack refetches them. */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      bridge.on('change', (event) => {
        void queryClient.invalidateQueries({ queryKey: [event.entity] });
        // Today gathers from every desk: any change may move it.
        void queryClient.invalidateQueries({ queryKey: ['today'] });
      }),
    [queryClient],
  );
}
