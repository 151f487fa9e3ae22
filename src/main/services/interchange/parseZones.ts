/**
 * Time zone names as people typed them into the hosted apps. An IANA name the runtime knows is
 * taken as it is; anything else ("Beijing", "China Time", "JST") is looked up in @vvo/tzdb's
 * list of zones with their main cities, names and abbreviations, and mapped only when exactly one
 * zone fits. "CST" (Chicago, Shanghai, Havana...) fits several: it is reported, never guessed and
 * never taken as UTC.
 */
import { rawTimeZones } from '@vvo/tzdb';

export type ZoneLookup =
  | { readonly zone: string; readonly mapped: boolean }
  | { readonly zone: null; readonly candidates: readonly string[] };

/** The runtime's own spelling of an IANA name, or null when it does not know it. */
function knownZone(name: string): string | null {
  // Abbreviations the runtime also accepts as zones ("EST", "MST") are legacy links with a fixed
  // offset: they are looked up like any other informal name instead.
  if (!name.includes('/') && name.toUpperCase() !== 'UTC') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const keyOf = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** Every informal name → the zones it may mean. Built once, on first use. */
let index: Map<string, Set<string>> | null = null;

function informalNames(): Map<string, Set<string>> {
  if (index) return index;
  index = new Map();
  const add = (name: string, zone: string) => {
    const key = keyOf(name);
    if (!key) return;
    const zones = index!.get(key) ?? new Set<string>();
    zones.add(zone);
    index!.set(key, zones);
  };
  for (const zone of rawTimeZones) {
    // Only zones this runtime can use are offered.
    const canonical = knownZone(zone.name);
    if (!canonical) continue;
    for (const city of zone.mainCities) add(city, canonical);
    for (const alias of zone.group) add(alias.split('/').pop() ?? alias, canonical);
    add(zone.alternativeName, canonical);
    add(zone.abbreviation, canonical);
  }
  return index;
}

/** Maps a zone name to an IANA zone, or says which zones it could be (none: unknown). */
export function lookUpZone(name: string): ZoneLookup {
  const trimmed = name.trim();
  const known = knownZone(trimmed);
  if (known) return { zone: known, mapped: false };
  const zones = [...(informalNames().get(keyOf(trimmed)) ?? [])].sort();
  if (zones.length === 1) return { zone: zones[0]!, mapped: true };
  return { zone: null, candidates: zones };
}

/** The zone of the computer main runs on. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
