import { Alert, Button, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { useErrorText } from './form';

export interface ErrorAlertProps {
  /** What failed: an AppError is worded by its code, anything else as "something went wrong". */
  error: unknown;
  /** Offers "Try again" beside the message. */
  onRetry?: () => void;
  /** Offers a close button. */
  onClose?: () => void;
  /** A screen's own sentence for some codes, e.g. NOT_FOUND on a record's page. */
  wording?: Partial<Record<ErrorCode, string>>;
  /** Labels of the fields a refused input's problems may name. */
  labels?: Readonly<Record<string, string>>;
  sx?: SxProps<Theme>;
}

/**
 * The one way a screen shows a failed call outside a form: in the reader's language, never main's
 * English to a Chinese reader, never an engineer's text. Renders nothing when there is no error.
 */
export function ErrorAlert({ error, onRetry, onClose, wording, labels, sx }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText(labels);
  if (error === null || error === undefined) return null;
  const own = error instanceof AppError ? wording?.[error.code] : undefined;
  return (
    <Alert
      severity="error"
      onClose={onClose}
      sx={sx}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {own ?? errorText(error)}
    </Alert>
  );
}
