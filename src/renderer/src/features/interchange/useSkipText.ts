import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkipReason } from '../../../../shared/domain/interchange';
import { AppError } from '../../../../shared/errors';
import { useErrorText } from '../../components/form';

/**
 * Why a Parse object was not imported, in the reader's language: Parse's own names (columns,
 * classes, values) stay as the export has them; Greenroom's roles read as Greenroom names them.
 */
export function useSkipText(): (why: SkipReason) => string {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (why) => {
      if (why.code === 'refused' && why.error) return errorText(AppError.fromBody(why.error));
      const list = (items: readonly string[], type: 'conjunction' | 'disjunction') =>
        new Intl.ListFormat(i18n.language, { type }).format(items);
      const params = why.params ?? {};
      const words: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(params))
        words[key] = Array.isArray(value) ? list(value, 'disjunction') : value;
      if (why.code === 'wrongRole' && Array.isArray(params.roles))
        words.roles = list(
          params.roles.map((role) => t(`roles.${role}`, { defaultValue: role })),
          'disjunction',
        );
      if (why.code === 'notObject')
        words.kind = t(`parseImport.kind.${String(params.kind)}`, { defaultValue: params.kind });
      if (why.code === 'severalRoles' && Array.isArray(params.roles))
        words.roles = list(params.roles, 'conjunction');
      return t(`parseImport.skip.${why.code}`, { field: why.field, ...words });
    },
    [t, i18n.language, errorText],
  );
}
