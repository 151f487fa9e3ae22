import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnplacedRecording } from '../../../../shared/domain/demo';
import { AppError } from '../../../../shared/errors';
import { useErrorText } from '../../components/form';

/** Why a recording went to no demo, in the reader's language (main's `reason` is English). */
export function useUnplacedText(): (why: UnplacedRecording['why']) => string {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (why) => {
      switch (why.code) {
        case 'noDemo':
          return t('demos.addRecordings.noDemo');
        case 'severalDemos':
          return t('demos.addRecordings.severalDemos', {
            count: why.titles.length,
            titles: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
              why.titles.map((title) => t('demos.addRecordings.quoted', { title })),
            ),
          });
        case 'alreadyGiven':
          return t('demos.addRecordings.alreadyGiven', { title: why.title });
        case 'refused':
          return errorText(AppError.fromBody(why.error));
      }
    },
    [t, i18n.language, errorText],
  );
}
