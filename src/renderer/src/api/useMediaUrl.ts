import { useQuery } from '@tanstack/react-query';
import { bridge } from './client';

/** A file ticket lives five minutes; a new one is fetched before it runs out. */
const FILE_URL_REFRESH_MS = 4 * 60_000;

/**
 * The URL a stored `media:<id>` file loads from: in the browser it carries a short-lived ticket
 * for that one file (never the session token), fetched here and renewed while the screen stays
 * open. `playback` is for an audio element that reads the file for as long as it plays: its
 * ticket lasts hours, so the URL (and the playing audio) does not change under the listener.
 */
export function useMediaUrl(
  ref: string | null | undefined,
  { playback = false }: { playback?: boolean } = {},
): string | undefined {
  const { data } = useQuery({
    queryKey: ['mediaUrl', ref, playback],
    queryFn: () => bridge.mediaUrl(ref!),
    enabled: Boolean(ref),
    staleTime: playback ? Infinity : FILE_URL_REFRESH_MS,
    refetchInterval: playback ? false : FILE_URL_REFRESH_MS,
    gcTime: 0,
  });
  return ref ? data : undefined;
}
