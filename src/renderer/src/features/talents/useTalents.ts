import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';

/** Query keys start with the entity name, so a change event for it refreshes them all. */
export const talentKeys = {
  all: ['talents'] as const,
  list: (filters: Input<'talents.list'>) => ['talents', 'list', filters] as const,
  one: (id: string) => ['talents', 'one', id] as const,
};

export function useTalentList(filters: Input<'talents.list'>) {
  return useQuery({
    queryKey: talentKeys.list(filters),
    queryFn: () => call('talents.list', filters),
    placeholderData: keepPreviousData,
  });
}

export function useTalent(id: string | null) {
  return useQuery({
    queryKey: talentKeys.one(id ?? ''),
    queryFn: () => call('talents.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

function useInvalidateTalents() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: talentKeys.all });
}

export function useCreateTalent() {
  const invalidate = useInvalidateTalents();
  return useMutation({
    mutationFn: (input: Input<'talents.create'>) => call('talents.create', input),
    onSuccess: invalidate,
  });
}

export function useUpdateTalent() {
  const invalidate = useInvalidateTalents();
  return useMutation({
    mutationFn: (input: Input<'talents.update'>) => call('talents.update', input),
    onSuccess: invalidate,
  });
}

export function useArchiveTalent() {
  const invalidate = useInvalidateTalents();
  return useMutation({
    mutationFn: (id: string) => call('talents.archive', { id }),
    onSuccess: invalidate,
  });
}

/** Managers an admin may assign talent to. */
export function useAssignableManagers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'assignableManagers'],
    queryFn: async () => {
      const { items } = await call('users.list', { limit: 100 });
      return items.filter(
        (user) => user.active && (user.role === 'manager' || user.role === 'admin'),
      );
    },
    enabled,
  });
}
