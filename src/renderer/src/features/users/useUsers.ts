import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';

export function useUserList(filters: Input<'users.list'>) {
  return useQuery({
    queryKey: ['users', 'list', filters],
    queryFn: () => call('users.list', filters),
    placeholderData: keepPreviousData,
  });
}

/** Active managers: the teams a coordinator can join. */
export function useManagers() {
  return useQuery({
    queryKey: ['users', 'managers'],
    queryFn: async () =>
      (await call('users.list', { role: 'manager', limit: 100 })).items.filter((u) => u.active),
  });
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: Input<'users.create'> } | { update: Input<'users.update'> }) =>
      'create' in input ? call('users.create', input.create) : call('users.update', input.update),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
