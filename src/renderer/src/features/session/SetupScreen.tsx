import { Alert, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { AuthLayout } from './AuthLayout';
import { useSession } from './SessionContext';
import { AccountFields, useAccountForm } from './SignUpForm';
import { useServerErrors } from './useServerErrors';

const FIELDS = ['username', 'email', 'fullName', 'password'] as const;

/** First run: the workspace has no user yet, so its first account becomes the admin. */
export function SetupScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const form = useAccountForm();
  const server = useServerErrors(form.setError, FIELDS);
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    try {
      await call('setup.createOwner', values);
      await session.signIn(values.username, values.password);
    } catch (error) {
      server.report(error);
    }
  });

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {server.message && <Alert severity="error">{server.message}</Alert>}
          <AccountFields form={form} />
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? t('setup.creating') : t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
