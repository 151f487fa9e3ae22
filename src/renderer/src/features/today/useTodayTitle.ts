import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayItem } from '../../../../shared/domain/today';

/** An item's line as the reader says it: names as they are, a contract type or platform in their language. */
export function useTodayTitle(): (item: TodayItem) => string {
  const { t } = useTranslation();
  return useCallback(
    (item) =>
      item.term
        ? `${item.title} · ${t(`${item.term.vocabulary}.${item.term.value}`, { defaultValue: item.term.value })}`
        : item.title,
    [t],
  );
}
