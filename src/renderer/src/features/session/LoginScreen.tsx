import { Alert, Button, Stack, TextField } from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './AuthLayout';
import { useSession } from './SessionContext';
import { useServerErrors } from './useServerErrors';

interface LoginForm {
  username: string;
  password: string;
}
const FIELDS = ['username', 'password'] as const;

export function LoginScreen({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm<LoginForm>({ defaultValues: { username: '', password: '' } });
  const server = useServerErrors(form.setError, FIELDS);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    server.clear();
    try {
      await session.signIn(username, password);
    } catch (error) {
      server.report(error);
    }
  });

  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {expired && !server.message && <Alert severity="info">{t('login.expired')}</Alert>}
          {server.message && <Alert severity="error">{server.message}</Alert>}
          <TextField
            label={t('login.username')}
            autoFocus
            autoComplete="username"
            {...form.register('username', { required: true })}
            error={!!errors.username}
          />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            {...form.register('password', { required: true })}
            error={!!errors.password}
          />
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? t('login.signingIn') : t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
