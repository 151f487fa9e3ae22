import { existsSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
};

/**
 * Resolves `requested` inside `root`, following symlinks, or returns null. `path.relative` on
 * real paths is the check: a prefix test would let a sibling like `<root>Evil` through.
 */
export function confine(root: string, requested: string): string | null {
  const realRoot = realpathSync(root);
  const candidate = join(realRoot, requested);
  if (!existsSync(candidate)) return null;
  const real = realpathSync(candidate);
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return statSync(real).isFile() ? real : null;
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
