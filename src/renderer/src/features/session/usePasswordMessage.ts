import { useTranslation } from 'react-i18next';
import {
  MIN_PASSWORD_LENGTH,
  PASSWORD_TOO_COMMON,
  PASSWORD_TOO_SHORT,
} from '../../../../shared/domain/user';

/**
 * Translates the password rule's field messages (from the form's own check or from main,
 * which alone knows the common-password list); any other message is shown as it came.
 */
export function usePasswordMessage(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation();
  return (message) => {
    if (message === PASSWORD_TOO_COMMON) return t('fields.passwordTooCommon');
    if (message === PASSWORD_TOO_SHORT)
      return t('fields.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    return message;
  };
}
