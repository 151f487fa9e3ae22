import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';

export function useAuditionList(filters: Input<'auditions.list'>) {
  return useQuery({
    queryKey: ['auditions', 'list', filters],
    queryFn: () => call('auditions.list', filters),
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
