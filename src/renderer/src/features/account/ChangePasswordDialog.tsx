import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { password } from '../../../../shared/domain/user';
import { call } from '../../api/client';
import { usePasswordMessage, useServerErrors, useWordedResolver } from '../session';

const schema = z.object({ currentPassword: z.string().min(1, 'Required'), newPassword: password });
type Values = z.infer<typeof schema>;
const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordDialog({ onClose }: { onClose: (message?: string) => void }) {
  const { t } = useTranslation();
  const passwordMessage = usePasswordMessage();
  const form = useForm<Values>({
    resolver: useWordedResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const server = useServerErrors(form.setError, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    try {
      await call('auth.changePassword', values);
      onClose(t('account.passwordChanged'));
    } catch (error) {
      server.report(error);
    }
  });
  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="xs" aria-labelledby="password-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="password-title">{t('account.changePassword')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {server.message && <Alert severity="error">{server.message}</Alert>}
            <TextField
              label={t('account.currentPassword')}
              type="password"
              autoComplete="current-password"
              autoFocus
              {...form.register('currentPassword')}
              error={!!errors.currentPassword}
              helperText={errors.currentPassword?.message}
            />
            <TextField
              label={t('account.newPassword')}
              type="password"
              autoComplete="new-password"
              {...form.register('newPassword')}
              error={!!errors.newPassword}
              helperText={passwordMessage(errors.newPassword?.message) ?? t('fields.passwordHint')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={isSubmitting}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
