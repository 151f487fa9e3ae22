import { isIP } from 'node:net';

/** `HOST:PORT`, `[v6]:PORT` or `:PORT` (all addresses); null when it is none of those. */
export function parseListen(value: string): { host: string; port: number } | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value.trim());
  if (!match) return null;
  const host = match[1] ?? (match[2] || '0.0.0.0');
  const port = Number(match[3]);
  if (port > 65535) return null;
  if (match[1] && isIP(match[1]) !== 6) return null;
  return { host, port };
}
