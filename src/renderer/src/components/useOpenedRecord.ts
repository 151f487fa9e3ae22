import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../shared/api';
import { call } from '../api/client';

type GetChannel = 'auditions.get' | 'bookings.get' | 'schedule.get';

/**
 * The record a link opens, read fresh by id (nothing cached from an earlier visit) and then held
 * as it was read: an edit saves against the version the person saw, so someone else's change
 * in between is a CONFLICT to look at, not overwritten by a live refresh under the form.
 */
export function useOpenedRecord<C extends GetChannel>(channel: C, id: string | null) {
  const query = useQuery({
    queryKey: [channel.split('.')[0], 'get', id],
    queryFn: () => call(channel, { id: id! } as never) as Promise<Output<C>>,
    enabled: id !== null,
    retry: false,
    gcTime: 0,
  });
  const [held, setHeld] = useState<{ id: string; record: Output<C> } | null>(null);
  // Held once read ("state from the previous render"); let go when the link closes.
  if (id === null && held !== null) setHeld(null);
  if (id !== null && held?.id !== id && query.data && !query.isFetching)
    setHeld({ id, record: query.data });
  return {
    record: held !== null && held.id === id ? held.record : null,
    error: id !== null ? query.error : null,
  };
}
