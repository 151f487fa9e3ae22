import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/errors';

interface Props {
  readonly title: string;
  readonly submitLabel?: string;
  readonly onClose: () => void;
  /** Runs the write; a thrown AppError is shown, its field errors placed by `fieldError`. */
  readonly onSubmit: () => Promise<void>;
  readonly children: (fieldError: (name: string) => string | undefined) => ReactNode;
  readonly maxWidth?: 'xs' | 'sm' | 'md';
  readonly disabled?: boolean;
}

/**
 * The shape every edit dialog shares: a title, the server's message on failure, field errors
 * placed on their fields (plain or under `patch.`), and Cancel / Save with Enter submitting.
 */
export function FormDialog({
  title,
  submitLabel,
  onClose,
  onSubmit,
  children,
  maxWidth = 'sm',
  disabled = false,
}: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const fieldError = (name: string) => error?.fields?.[name] ?? error?.fields?.[`patch.${name}`];
  const submit = async () => {
    setError(null);
    setPending(true);
    try {
      await onSubmit();
    } catch (caught) {
      setError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      );
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent dividers>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error.message}
            </Alert>
          )}
          {children(fieldError)}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending || disabled}>
            {submitLabel ?? t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
