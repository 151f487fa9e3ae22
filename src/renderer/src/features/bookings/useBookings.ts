import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { clashCheck } from '../../../../shared/domain/booking';
import { call } from '../../api/client';

export function useBookingList(filters: Input<'bookings.list'>) {
  return useQuery({
    queryKey: ['bookings', 'list', filters],
    queryFn: () => call('bookings.list', filters),
    placeholderData: keepPreviousData,
  });
}

/** One booking as main reads it now, with the holds its confirmation released. */
export function useBooking(id: string | null) {
  return useQuery({
    queryKey: ['bookings', 'get', id],
    queryFn: () => call('bookings.get', { id: id! }),
    enabled: id !== null,
  });
}

/** What confirming a hold would release now: asked just before confirming, never cached. */
export const releasePreview = (id: string) => call('bookings.releasePreview', { id });

/**
 * The dry-run clash check the form shows while the user picks a time. A time being typed passes
 * through values main refuses (year 0002 on the way to 2027, an end before the start): main is
 * asked only once the shared schema accepts both times, so typing sends no request it answers 400.
 */
export function useClashes(candidate: Input<'clashes.check'> | null) {
  const parsed = candidate ? clashCheck.safeParse(candidate) : null;
  const input = parsed?.success ? parsed.data : null;
  return useQuery({
    queryKey: ['bookings', 'clashes', input],
    queryFn: () => call('clashes.check', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

/** Booking writes also change the schedule: both are refreshed. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['bookings'] }),
      queryClient.invalidateQueries({ queryKey: ['schedule'] }),
    ]);
}

export function useBookingActions() {
  const onSuccess = useInvalidate();
  return {
    create: useMutation({
      mutationFn: (input: Input<'bookings.create'>) => call('bookings.create', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: (input: Input<'bookings.update'>) => call('bookings.update', input),
      onSuccess,
    }),
    confirm: useMutation({
      mutationFn: (input: Input<'bookings.confirm'>) => call('bookings.confirm', input),
      onSuccess,
    }),
    challenge: useMutation({
      mutationFn: (input: Input<'bookings.challenge'>) => call('bookings.challenge', input),
      onSuccess,
    }),
    cancel: useMutation({
      mutationFn: (input: Input<'bookings.cancel'>) => call('bookings.cancel', input),
      onSuccess,
    }),
  };
}
