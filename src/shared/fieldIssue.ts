import type { z } from 'zod';

/**
 * What is wrong with one field, as a code and its parameters rather than a sentence: main sends
 * it beside the English text (`fieldCodes` next to `fields`) and the renderer words it in the
 * user's language, the same way whether its own form check or main found it.
 *
 * Codes follow zod's issue codes, plus `required` (nothing given), `unknown_field` and, for a
 * rule of ours, `custom` with a `rule` name (see FIELD_RULES) and that rule's parameters.
 */
export interface FieldIssue {
  readonly code: FieldIssueCode;
  readonly [param: string]: string | number | boolean | undefined;
}

export type FieldIssueCode =
  | 'required'
  | 'too_small'
  | 'too_big'
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_value'
  | 'not_integer'
  | 'unknown_field'
  | 'custom';

export type FieldCodes = Record<string, FieldIssue>;

/** The rules of our own schemas and services, named so the renderer can word them. */
export const FIELD_RULES = [
  'after_start', // end must be after the start
  'max_span', // { days }: at most so many days after the start
  'date_min', // { minimum: YYYY-MM-DD }
  'date_max', // { maximum: YYYY-MM-DD }
  'not_future', // a date or instant that may not be later than today / now
  'web_url', // an http(s) link
  'timezone', // an IANA zone name
  'currency', // a 3-letter ISO 4217 code
  'whole_minor_units', // an amount in whole cents
  'password_common', // too common a password
  'taken', // already used by another record
  'not_found', // the referenced record does not exist (or is not yours to see)
  'archived', // the referenced record is archived
  'not_eligible', // the referenced user cannot take this role here
  'stale', // changed elsewhere since it was opened
  'not_allowed', // this value cannot be given here
  'document_missing', // the step needs the record's document attached first
  'document_unsigned', // the step needs a signed copy, not the app's own unsigned export
  'not_utf8', // an uploaded text file that is not UTF-8
  'not_csv', // an uploaded file that does not read as CSV
  'file_too_large', // an uploaded file over the size allowed
  'no_rows', // an uploaded file with nothing to import
  'file_empty', // an uploaded file with no bytes
  'not_audio', // an uploaded file that is not audio Greenroom plays
  'audio_unsupported', // audio in a variant Greenroom cannot play (a WAV encoding, say)
  'audio_damaged', // audio that is cut short or does not decode
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export const rule = (
  name: FieldRule,
  params: Record<string, string | number> = {},
): FieldIssue => ({
  code: 'custom',
  rule: name,
  ...params,
});

/** The `params` of a refinement, so its issue carries the rule's name to the renderer. */
export const ruleParams = (name: FieldRule, params: Record<string, string | number> = {}) => ({
  params: { rule: name, ...params },
});

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The issue's code and parameters; `input` (what was parsed) tells "nothing given" apart. */
export function fieldIssueOf(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
  const given = valueAt(input, issue.path);
  switch (issue.code) {
    case 'too_small':
      // Nothing typed is "Required", whatever the minimum (a username of at least 3).
      if (issue.origin === 'string' && isBlank(given)) return { code: 'required' };
      return {
        code: 'too_small',
        origin: issue.origin,
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive ?? true,
      };
    case 'too_big':
      return {
        code: 'too_big',
        origin: issue.origin,
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive ?? true,
      };
    case 'invalid_type':
      if (isBlank(given)) return { code: 'required' };
      if (issue.expected === 'int') return { code: 'not_integer' };
      return { code: 'invalid_type', expected: issue.expected };
    case 'invalid_format':
      if (isBlank(given)) return { code: 'required' };
      return { code: 'invalid_format', format: issue.format };
    case 'invalid_value':
      if (isBlank(given)) return { code: 'required' };
      return { code: 'invalid_value' };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      return { code: 'custom', ...params };
    }
    default:
      return { code: 'invalid_value' };
  }
}

/** A zod error as field paths (`a.b`) to their first issue: the text and the code. */
export function fieldErrorsOf(
  error: z.ZodError,
  input: unknown,
): { fields: Record<string, string>; fieldCodes: FieldCodes } {
  const fields: Record<string, string> = {};
  const fieldCodes: FieldCodes = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
      for (const key of issue.keys) {
        fields[`${prefix}${key}`] = 'Unknown field';
        fieldCodes[`${prefix}${key}`] = { code: 'unknown_field' };
      }
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (key in fields) continue;
    fields[key] = issue.message;
    fieldCodes[key] = fieldIssueOf(issue, input);
  }
  return { fields, fieldCodes };
}

/**
 * Field problems that services name in English only (most predate codes): their codes, so the
 * renderer can word them too. New code passes codes to AppError instead of adding lines here.
 */
const LEGACY_FIELD_MESSAGES: ReadonlyArray<readonly [RegExp, FieldIssue]> = [
  [/^Must be after the start$/, rule('after_start')],
  [/^(Cannot be|In the) future$/i, rule('not_future')],
  [/^Not found$|^Unknown or expired file$|^Not this talent’s audition$/, rule('not_found')],
  [/^Archived$/, rule('archived')],
  [/^Not (an active manager|an eligible active user|your team)$/, rule('not_eligible')],
  [/^Current version is \d+$/, rule('stale')],
  [/taken$|^Already (taken|in use|used)$/i, rule('taken')],
  [/^Attach the signed document first$/, rule('document_missing')],
  [/^Too large$/, rule('file_too_large')],
  [/^Required/, { code: 'required' }],
  [/^Unknown field$/, { code: 'unknown_field' }],
];

/** The code of a field problem given only as English text; `not_allowed` when not known. */
export function legacyFieldIssue(message: string): FieldIssue {
  return (
    LEGACY_FIELD_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? rule('not_allowed')
  );
}
