/**
 * The name a recording is known by on both sides of a move from Back4app: the hosted file's
 * name at the end of its address (Parse prefixes its own id: `<32 hex>_name` or
 * `tfss-<uuid>-name`), and the name of the file the user picked. Case and Unicode forms aside.
 */
export function recordingKey(nameOrUrl: string): string {
  let name = nameOrUrl.split(/[?#]/)[0]!.split('/').pop() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[0-9a-f]{32}_/, '')
    .replace(/^tfss-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-/, '');
}
