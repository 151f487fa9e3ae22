import { useQuery } from '@tanstack/react-query';
import type { Output } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import { bridge, call } from '../../api/client';

export type WorkstationStatus = Output<'workstation.status'>;

/**
 * This computer's part in a workspace. Null in a browser, where the server decides (the
 * workstation channels answer NOT_FOUND there).
 */
export function useWorkstation() {
  return useQuery({
    queryKey: ['workstation'],
    queryFn: async (): Promise<WorkstationStatus | null> => {
      // A browser is never a workstation: no need to ask (and log a 404 on every visit).
      if (bridge.kind !== 'electron') return null;
      try {
        return await call('workstation.status', {});
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    staleTime: 10_000,
  });
}

/** A fingerprint in groups of four pairs, so two people can read it to each other. */
export function groupedFingerprint(value: string): string[] {
  const pairs = value.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return groups;
}
