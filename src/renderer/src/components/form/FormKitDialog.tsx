import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  type DialogProps,
} from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly title: ReactNode;
  readonly onClose: () => void;
  /** The kit's submit handler (`kit.submit(write)`). */
  readonly onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** The kit's alert: a failed call's sentence when a problem has no field on screen. */
  readonly alert: string | null;
  readonly pending?: boolean;
  readonly submitLabel?: string;
  /** No Save button (a record that can no longer be edited). */
  readonly readOnly?: boolean;
  readonly maxWidth?: DialogProps['maxWidth'];
  /** Shown above the fields, below the alert (notices, tabs' content). */
  readonly children: ReactNode;
  /** Buttons before Cancel (archive, cancel booking), left to right. */
  readonly actions?: ReactNode;
  /** Buttons between Cancel and Save (confirm, challenge). */
  readonly moreActions?: ReactNode;
  /** Shown between the title and the content (tabs). */
  readonly header?: ReactNode;
  readonly cancelLabel?: string;
}

/**
 * The frame of every create and edit dialog made with the form kit: a title, the alert, the
 * fields, and Cancel / Save, with Enter submitting.
 */
export function FormKitDialog({
  title,
  onClose,
  onSubmit,
  alert,
  pending = false,
  submitLabel,
  readOnly = false,
  maxWidth = 'sm',
  children,
  actions,
  moreActions,
  header,
  cancelLabel,
}: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        {header}
        <DialogContent dividers>
          {alert && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {alert}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          {actions}
          <Button onClick={onClose}>{cancelLabel ?? t('common.cancel')}</Button>
          {moreActions}
          {!readOnly && (
            <Button type="submit" variant="contained" disabled={pending}>
              {submitLabel ?? t('common.save')}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
