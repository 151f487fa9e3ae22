import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newAccount } from '../../../../shared/domain/user';
import { call } from '../../api/client';
import { AuthLayout } from './AuthLayout';
import { useSession } from './SessionContext';
import { useServerErrors } from './useServerErrors';

type OwnerForm = z.input<typeof newAccount>;
const FIELDS = ['username', 'email', 'fullName', 'password'] as const;

/** First run: the workspace has no user yet, so its first account becomes the admin. */
export function SetupScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm<OwnerForm>({
    resolver: zodResolver(newAccount),
    defaultValues: { username: '', email: '', fullName: '', password: '' },
  });
  const server = useServerErrors(form.setError, FIELDS);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    try {
      await call('setup.createOwner', values);
      await session.signIn(values.username, values.password);
    } catch (error) {
      server.report(error);
      session.refresh();
    }
  });

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {server.message && <Alert severity="error">{server.message}</Alert>}
          <TextField
            label={t('fields.fullName')}
            autoFocus
            autoComplete="name"
            {...form.register('fullName')}
            error={!!errors.fullName}
            helperText={errors.fullName?.message}
          />
          <TextField
            label={t('fields.username')}
            autoComplete="username"
            {...form.register('username')}
            error={!!errors.username}
            helperText={errors.username?.message}
          />
          <TextField
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            {...form.register('email')}
            error={!!errors.email}
            helperText={errors.email?.message}
          />
          <TextField
            label={t('fields.password')}
            type="password"
            autoComplete="new-password"
            {...form.register('password')}
            error={!!errors.password}
            helperText={errors.password?.message ?? t('fields.passwordHint')}
          />
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? t('setup.creating') : t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
