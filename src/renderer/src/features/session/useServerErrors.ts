import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';

/** Puts a failed call's field errors on the form's fields and keeps its message for an alert. */
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
      const unplaced: string[] = [];
      for (const [field, text] of Object.entries(error.fields ?? {})) {
        if (fieldNames.includes(field))
          setError(field as Path<T>, { type: 'server', message: text });
        else unplaced.push(`${field}: ${text}`);
      }
      setMessage([error.message, ...unplaced].join(' '));
      return error;
    },
  };
}
