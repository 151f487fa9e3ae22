import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import type { FieldIssue } from '../../../../shared/fieldIssue';
import { errorText, issueText } from '../../components/form';

/**
 * Puts a failed call's field problems on the form's fields, worded from their codes in the
 * reader's language, and keeps a sentence for an alert (none when every problem found its
 * field). Forms made with the form kit (components/form) get this from useSchemaForm.
 */
export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    clear: () => setMessage(null),
    report(error: unknown): AppError | null {
      if (!(error instanceof AppError)) {
        setMessage(t('common.unexpected'));
        return null;
      }
      const codes = error.code === 'VALIDATION' ? Object.entries(error.fieldCodes ?? {}) : [];
      const unplaced: (readonly [string | null, FieldIssue])[] = [];
      for (const [path, issue] of codes) {
        const field = path.replace(/^patch\./, '');
        if (fieldNames.includes(field))
          setError(field as Path<T>, {
            type: 'server',
            message: issueText(t, i18n.language, issue),
          });
        else unplaced.push([null, issue]);
      }
      const allPlaced = codes.length > 0 && unplaced.length === 0;
      setMessage(allPlaced ? null : errorText(t, i18n.language, error, unplaced));
      return error;
    },
  };
}
