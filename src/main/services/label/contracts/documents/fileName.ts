// Control characters are exactly what must not reach a file name.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/**
 * ext4 and APFS take 255 bytes in a name (APFS counts them after Unicode decomposition, which
 * can grow Hangul threefold), so names stay well under: 200 bytes of UTF-8.
 */
export const MAX_FILE_NAME_BYTES = 200;

/** The longest ending a contract's file takes, beside its PDF: `<base> (document).pdf`. */
const LONGEST_ENDING = ' (document).pdf';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A file name any file system accepts, keeping letters of every script (no length cap). */
export function safeFileName(name: string): string {
  return name.normalize('NFC').replace(UNSAFE, '-').replace(/\s+/g, ' ').trim();
}

/** The longest prefix of `text` within `maxBytes` of UTF-8 that ends between two graphemes. */
export function fitBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let fitted = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = Buffer.byteLength(segment);
    if (bytes + size > maxBytes) break;
    fitted += segment;
    bytes += size;
  }
  return fitted;
}

/** The reference printed on a contract: the first characters of its id, upper case. */
export function contractReference(contractId: string, length = 8): string {
  return contractId.replace(/-/g, '').slice(0, length).toUpperCase();
}

/**
 * "<artist> <document title>": how a contract's file is named, as a person would name it (the
 * record's id means nothing to them). The `copy`-th file of that name in one bundle ends in
 * " (copy)", as file managers number copies. The artist's name gives way first (cut between
 * graphemes), so the type and the number always stay, and `<base> (document).pdf` still fits in
 * MAX_FILE_NAME_BYTES.
 */
export function contractFileBase(artistName: string, title: string, { copy = 1 } = {}): string {
  const budget = MAX_FILE_NAME_BYTES - Buffer.byteLength(LONGEST_ENDING);
  const tail = fitBytes(safeFileName(`${title}${copy > 1 ? ` (${copy})` : ''}`), budget);
  const room = budget - Buffer.byteLength(tail) - 1;
  const artist = room > 0 ? fitBytes(safeFileName(artistName), room).trim() : '';
  return artist ? `${artist} ${tail}` : tail || 'contract';
}

/**
 * Names for the contracts of one bundle: the first of a name keeps it, a later one with the same
 * name (one artist's two recording agreements) gets " (2)", " (3)"..., so no two entries of a zip
 * share a name, also where a file system does not tell upper from lower case.
 */
export function createContractNamer() {
  const taken = new Set<string>();
  const key = (name: string) => name.toLocaleLowerCase('en');
  return (artistName: string, title: string): string => {
    let name = contractFileBase(artistName, title);
    for (let copy = 2; taken.has(key(name)); copy += 1) {
      name = contractFileBase(artistName, title, { copy });
    }
    taken.add(key(name));
    return name;
  };
}
