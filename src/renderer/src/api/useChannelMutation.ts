import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, Input } from '../../../shared/api';
import { call } from './client';

/**
 * A write through one channel that marks the named entities' queries stale when it succeeds
 * (other windows hear of it through change events).
 */
export function useChannelMutation<C extends Channel>(channel: C, invalidates: readonly string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<C>) => call(channel, input),
    onSuccess: () =>
      Promise.all(
        invalidates.map((entity) => queryClient.invalidateQueries({ queryKey: [entity] })),
      ),
  });
}
