import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';

/**
 * Puts a failed call's field errors on the form's fields and keeps its message for an alert
 * (none when every field error found its field).
 */
export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    clear: () => setMessage(null),
    report(error: unknown): AppError | null {
      if (!(error instanceof AppError)) {
        setMessage(t('common.unexpected'));
        return null;
      }
      const fields = Object.entries(error.fields ?? {});
      const unplaced: string[] = [];
      for (const [field, text] of fields) {
        if (fieldNames.includes(field))
          setError(field as Path<T>, { type: 'server', message: text });
        else unplaced.push(`${field}: ${text}`);
      }
      // When every reason sits at its field, they say it (translated where the form knows the
      // text); main's own sentence above them would only repeat it, in English.
      const allPlaced = fields.length > 0 && unplaced.length === 0;
      setMessage(allPlaced ? null : [error.message, ...unplaced].join(' '));
      return error;
    },
  };
}
