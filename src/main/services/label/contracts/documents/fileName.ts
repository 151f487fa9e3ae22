// Control characters are exactly what must not reach a file name.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/** A file name any file system accepts, keeping letters of every script. */
export function safeFileName(name: string): string {
  return name.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'contract';
}

/** "<artist> <document title> <reference>": how a contract's PDF is named everywhere. */
export function contractFileBase(artistName: string, title: string, contractId: string): string {
  return safeFileName(`${artistName} ${title} ${contractId.slice(0, 8).toUpperCase()}`);
}
