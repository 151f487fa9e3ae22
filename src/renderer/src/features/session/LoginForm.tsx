import { Alert, Button, Stack, TextField } from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSession } from './SessionContext';
import { useServerErrors } from './useServerErrors';

interface LoginValues {
  username: string;
  password: string;
}
const FIELDS = ['username', 'password'] as const;

/** Username (or email) and password; used by the sign-in screen and the lock dialog. */
export function LoginForm({ username = '', notice }: { username?: string; notice?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm<LoginValues>({ defaultValues: { username, password: '' } });
  const server = useServerErrors(form.setError, FIELDS);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    try {
      await session.signIn(values.username, values.password);
    } catch (error) {
      server.report(error);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack spacing={2}>
        {notice && !server.message && <Alert severity="info">{notice}</Alert>}
        {server.message && <Alert severity="error">{server.message}</Alert>}
        <TextField
          label={t('login.username')}
          autoFocus={!username}
          autoComplete="username"
          {...form.register('username', { required: true })}
          error={!!errors.username}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoFocus={!!username}
          autoComplete="current-password"
          {...form.register('password', { required: true })}
          error={!!errors.password}
        />
        <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
          {isSubmitting ? t('login.signingIn') : t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
