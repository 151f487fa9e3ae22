import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import type { FieldIssue } from '../../../../shared/fieldIssue';

/** A calendar date (YYYY-MM-DD) in the reader's language: the day itself, whatever their zone. */
function calendarDay(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

const FORMAT_KEYS: Record<string, string> = {
  email: 'formErrors.invalidEmail',
  date: 'formErrors.invalidDate',
  datetime: 'formErrors.invalidDateTime',
  url: 'formErrors.webUrl',
};

export const RULE_KEYS: Record<string, string> = {
  after_start: 'formErrors.afterStart',
  max_span: 'formErrors.maxSpan',
  not_future: 'formErrors.notFuture',
  web_url: 'formErrors.webUrl',
  timezone: 'formErrors.timezone',
  currency: 'formErrors.currency',
  whole_minor_units: 'formErrors.wholeMinorUnits',
  password_common: 'formErrors.passwordCommon',
  taken: 'formErrors.taken',
  not_found: 'formErrors.notFound',
  archived: 'formErrors.archived',
  not_eligible: 'formErrors.notEligible',
  stale: 'formErrors.stale',
  not_allowed: 'formErrors.notAllowed',
  document_missing: 'formErrors.documentMissing',
  document_unsigned: 'formErrors.documentUnsigned',
  not_utf8: 'formErrors.notUtf8',
  not_csv: 'formErrors.notCsv',
  file_too_large: 'formErrors.fileTooLarge',
  no_rows: 'formErrors.noRows',
  file_empty: 'formErrors.fileEmpty',
  not_audio: 'formErrors.notAudio',
  audio_unsupported: 'formErrors.audioUnsupported',
  audio_damaged: 'formErrors.audioDamaged',
};

/**
 * Words one field problem (a code and its parameters, from the form's own check or from main)
 * in the reader's language. Never a field name, a zod sentence or a parameter's key.
 */
export function issueText(t: TFunction, language: string, issue: FieldIssue): string {
  const n = (value: unknown) => Number(value).toLocaleString(language);
  switch (issue.code) {
    case 'required':
      return t('formErrors.required');
    case 'too_small':
      if (issue.origin === 'string') return t('formErrors.tooShort', { minimum: n(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('formErrors.tooFew', { minimum: n(issue.minimum) });
      return issue.inclusive === false
        ? t('formErrors.tooSmallExclusive', { minimum: n(issue.minimum) })
        : t('formErrors.tooSmall', { minimum: n(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('formErrors.tooLong', { maximum: n(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('formErrors.tooMany', { maximum: n(issue.maximum) });
      return issue.inclusive === false
        ? t('formErrors.tooBigExclusive', { maximum: n(issue.maximum) })
        : t('formErrors.tooBig', { maximum: n(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'number' ? t('formErrors.notANumber') : t('formErrors.invalidType');
    case 'not_integer':
      return t('formErrors.notInteger');
    case 'invalid_format':
      return t(FORMAT_KEYS[String(issue.format)] ?? 'formErrors.invalidFormat');
    case 'invalid_value':
      return t('formErrors.invalidValue');
    case 'unknown_field':
      return t('formErrors.unknownField');
    case 'custom':
      if (issue.rule === 'date_min')
        return t('formErrors.dateMin', { date: calendarDay(String(issue.minimum), language) });
      if (issue.rule === 'date_max')
        return t('formErrors.dateMax', { date: calendarDay(String(issue.maximum), language) });
      if (issue.rule === 'max_span') return t('formErrors.maxSpan', { days: n(issue.days) });
      return t(RULE_KEYS[String(issue.rule)] ?? 'formErrors.notAllowed');
    default:
      return t('formErrors.notAllowed');
  }
}

/** `issueText` in the current language. */
export function useIssueText(): (issue: FieldIssue) => string {
  const { t, i18n } = useTranslation();
  return (issue) => issueText(t, i18n.language, issue);
}

/** A failed call's field problems, each under its label when the caller knows it. */
export type Unplaced = readonly (readonly [label: string | null, issue: FieldIssue])[];

/**
 * The sentence for a failed call, in the reader's language: the error code's own sentence (main's
 * English one when reading English and it is not a list of fields), a wait for RATE_LIMITED, and
 * the field problems no field on screen shows. When no field on screen is marked (`highlighted`
 * false), a refused input is told by its problems alone, not by "check the highlighted fields".
 */
export function errorText(
  t: TFunction,
  language: string,
  error: unknown,
  unplaced: Unplaced = [],
  highlighted = true,
): string {
  if (!(error instanceof AppError)) return t('common.unexpected');
  if (error.code === 'RATE_LIMITED') {
    const seconds = Number(error.fields?.retryAfterSeconds);
    return Number.isFinite(seconds) && seconds > 0
      ? t('formErrors.retryIn', { minutes: Math.ceil(seconds / 60).toLocaleString(language) })
      : t('errors.RATE_LIMITED');
  }
  // Main's sentences are English written for people; a VALIDATION one only counts fields.
  const base =
    language.startsWith('en') && error.code !== 'VALIDATION'
      ? error.message
      : t(`errors.${error.code}`);
  if (unplaced.length === 0) return base;
  // The same problem on many fields (rows of a file) is said once.
  const listed = [
    ...new Set(
      unplaced.map(([label, issue]) => {
        const text = issueText(t, language, issue);
        return label ? `${label}: ${text}` : text;
      }),
    ),
  ].join('; ');
  if (error.code === 'VALIDATION' && !highlighted) {
    // Problems the renderer can only call "not allowed" (a file refused for what it holds) are
    // better told by main's own sentence to an English reader.
    const unknownOnly = unplaced.every(([, issue]) => issue.rule === 'not_allowed');
    if (unknownOnly && language.startsWith('en')) return error.message;
    return t('formErrors.problems', { problems: listed });
  }
  return `${base} ${t('formErrors.checkFields', { fields: listed })}`;
}

const NO_LABELS: Readonly<Record<string, string>> = {};

/**
 * `errorText` in the current language, for a notice or an alert outside a form: a refused input's
 * field problems are worded by their codes (`labels` names the fields it knows), as no field on
 * screen shows them.
 */
export function useErrorText(
  labels: Readonly<Record<string, string>> = NO_LABELS,
): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  // Stable while the language and labels are: callers may use it inside their own callbacks.
  return useCallback(
    (error: unknown) => {
      const problems: Unplaced =
        error instanceof AppError && error.code === 'VALIDATION'
          ? Object.entries(error.fieldCodes ?? {}).map(([path, issue]) => [
              labels[path] ?? null,
              issue,
            ])
          : [];
      return errorText(t, i18n.language, error, problems, false);
    },
    [t, i18n.language, labels],
  );
}
