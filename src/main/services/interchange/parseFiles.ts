/**
 * Reading the files of a Back4app (Parse) export: one JSON file per class, as Parse Server's
 * REST `GET /classes/<Class>` returns it (`{ "results": [...] }`), plus the join lists of the
 * `_Role` relations (`_Join:users:_Role.json`: `{ owningId, relatedId }` pairs), which REST does
 * not inline (a Relation reads as `{ "__type": "Relation", "className": "_User" }`).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { objectsOf, parseJsonText, type DroppedEntry, type ParseObject } from './parseValues';

/** The hosted apps' classes, in the order their pointers need them. */
export const PARSE_CLASSES = [
  '_User',
  'TalentProfile',
  'Audition',
  'Booking',
  'ScheduleEntry',
  'Artist',
  'Demo',
  'Contract',
  'SocialGrowthLog',
  'ReviewNote',
] as const;
export type ParseClass = (typeof PARSE_CLASSES)[number];

/** `_Role` objects are not imported as rows: they give users their role and explain ACLs. */
export type ParseFileClass = ParseClass | '_Role' | '_Join:users:_Role' | '_Join:roles:_Role';

const MAX_FILE_BYTES = 500 * 1024 * 1024;

/**
 * `_User.json`, `User.json` or any name ending in a class name (`export-TalentProfile.json`);
 * `_Join:users:_Role.json` (or with `_`/`-` for the colons, which Windows does not allow).
 */
export function classOfFile(fileName: string): ParseFileClass | null {
  const name = basename(fileName).replace(/\.json$/i, '');
  const join = /_?join[:_-]+(users|roles)[:_-]+_?role$/i.exec(name);
  if (join) return join[1]!.toLowerCase() === 'users' ? '_Join:users:_Role' : '_Join:roles:_Role';
  if (name === 'User' || name.endsWith('_User')) return '_User';
  if (name === 'Role' || name.endsWith('_Role')) return '_Role';
  return (
    [...PARSE_CLASSES]
      .sort((a, b) => b.length - a.length)
      .find((cls) => name === cls || name.endsWith(`-${cls}`) || name.endsWith(`_${cls}`)) ?? null
  );
}

export interface ReadFile {
  readonly name: string;
  readonly className: ParseFileClass;
  readonly objects: ParseObject[];
  readonly dropped: DroppedEntry[];
}

/** One staged file, read whole; a file that is not a Parse export stops the import. */
export function readParseFile(path: string, fileName: string, className: ParseFileClass): ReadFile {
  if (statSync(path).size > MAX_FILE_BYTES) {
    throw new AppError('VALIDATION', `${fileName} is larger than 500 MB.`, { files: 'Too large' });
  }
  let read: ReturnType<typeof objectsOf>;
  try {
    read = objectsOf(parseJsonText(readFileSync(path, 'utf8')));
  } catch {
    read = null;
  }
  if (!read) {
    throw new AppError(
      'VALIDATION',
      `${fileName} is not a Parse class export (JSON with a "results" list). Nothing was imported.`,
      { files: 'Not a Parse export' },
    );
  }
  return { name: fileName, className, ...read };
}
