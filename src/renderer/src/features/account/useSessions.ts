import { useQuery } from '@tanstack/react-query';
import { useChannelMutation } from '../../api/useChannelMutation';
import { call } from '../../api/client';

/**
 * A user's signed-in sessions (one's own without `user`). Keyed under 'users' so the change
 * events of a revoke (and of a deactivation) refresh it.
 */
export function useSessionList(user?: string) {
  return useQuery({
    queryKey: ['users', 'sessions', user ?? 'me'],
    queryFn: () => call('sessions.list', user ? { user } : {}),
  });
}

export function useRevokeSessions() {
  return useChannelMutation('sessions.revoke', ['users']);
}

/** The caller's calendar feeds, one talent's when given. */
export function useFeedList(talentProfile?: string) {
  return useQuery({
    queryKey: ['feeds', talentProfile ?? 'all'],
    queryFn: () => call('feeds.list', talentProfile ? { talentProfile } : {}),
  });
}

export function useCreateFeed() {
  return useChannelMutation('feeds.create', ['feeds']);
}

export function useRevokeFeed() {
  return useChannelMutation('feeds.revoke', ['feeds']);
}
