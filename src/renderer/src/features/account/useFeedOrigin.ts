import { useQuery } from '@tanstack/react-query';
import { bridge, call } from '../../api/client';

/**
 * Where calendar apps reach this workspace: the page's own origin in a browser (the web host or
 * the team server); in the desktop app, the team server it joined or the first address it shares
 * on. Null when nothing serves it on the network (a workspace kept on this computer only).
 */
export function useFeedOrigin(): { origin: string | null; pending: boolean } {
  const desktop = bridge.kind === 'electron';
  const status = useQuery({
    queryKey: ['workstation', 'status'],
    queryFn: () => call('workstation.status', {}),
    enabled: desktop,
  });
  if (!desktop) return { origin: window.location.origin, pending: false };
  if (status.isPending) return { origin: null, pending: true };
  const joined = status.data?.joined?.url;
  const shared = status.data?.sharing.enabled ? status.data.sharing.urls[0] : undefined;
  const url = joined ?? shared;
  return { origin: url ? new URL(url).origin : null, pending: false };
}
