import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';

/** Auditions a page (100) at a time, more on request: the board says what it holds. */
export function useAuditionPages(filters: Omit<Input<'auditions.list'>, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: ['auditions', 'list', filters],
    queryFn: ({ pageParam }) =>
      call('auditions.list', { ...filters, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAuditionActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['auditions'] });
  return {
    create: useMutation({
      mutationFn: (input: Input<'auditions.create'>) => call('auditions.create', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: (input: Input<'auditions.update'>) => call('auditions.update', input),
      onSuccess,
    }),
    setStatus: useMutation({
      mutationFn: (input: Input<'auditions.setStatus'>) => call('auditions.setStatus', input),
      onSuccess,
    }),
  };
}
