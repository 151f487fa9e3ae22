import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';

/** One action at a time, with its error worded for the person: what these settings do. */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof AppError ? caught.message : t('common.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
