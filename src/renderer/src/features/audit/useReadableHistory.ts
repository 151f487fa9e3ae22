import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters';
import { readAuditEntry, type AuditRow, type HistoryFormats } from './readableHistory';

/** readAuditEntry with the viewer's language and the app's date and money formats. */
export function useReadableHistory(): (row: AuditRow) => ReturnType<typeof readAuditEntry> {
  const { t, i18n } = useTranslation();
  const formatters = useFormatters();
  const formats = useMemo<HistoryFormats>(() => {
    const number = new Intl.NumberFormat(i18n.language);
    return {
      dateTime: formatters.dateTime,
      date: formatters.date,
      money: formatters.money,
      number: (value) => number.format(value),
    };
  }, [formatters, i18n.language]);
  return useCallback((row) => readAuditEntry(row, t, formats), [t, formats]);
}
