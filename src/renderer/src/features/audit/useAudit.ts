import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';

/** Audit queries live under the entity they describe too, so its change events refresh them. */
export function useAuditList(filters: Input<'audit.list'>, enabled = true) {
  return useQuery({
    queryKey: [filters.entity ?? 'audit', 'audit', filters],
    queryFn: () => call('audit.list', filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}
