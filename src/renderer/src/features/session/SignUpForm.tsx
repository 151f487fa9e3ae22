import { Alert, Button, Stack, TextField } from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newAccount } from '../../../../shared/domain/user';
import { call } from '../../api/client';
import { usePasswordMessage } from './usePasswordMessage';
import { useServerErrors } from './useServerErrors';
import { useWordedResolver } from './useWordedResolver';

type AccountValues = z.input<typeof newAccount>;
const FIELDS = ['username', 'email', 'fullName', 'password'] as const;

/** The account fields shared by first run (owner) and sign-up (pending approval). */
export function AccountFields({ form }: { form: ReturnType<typeof useForm<AccountValues>> }) {
  const { t } = useTranslation();
  const passwordMessage = usePasswordMessage();
  const { errors } = form.formState;
  return (
    <>
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
        helperText={passwordMessage(errors.password?.message) ?? t('fields.passwordHint')}
      />
    </>
  );
}

export function useAccountForm() {
  return useForm<AccountValues>({
    resolver: useWordedResolver(newAccount),
    defaultValues: { username: '', email: '', fullName: '', password: '' },
  });
}

export function SignUpForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useAccountForm();
  const server = useServerErrors(form.setError, FIELDS);
  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    try {
      await call('auth.signUp', values);
      onDone();
    } catch (error) {
      server.report(error);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack spacing={2}>
        {server.message && <Alert severity="error">{server.message}</Alert>}
        <AccountFields form={form} />
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={form.formState.isSubmitting}
        >
          {t('signUp.submit')}
        </Button>
      </Stack>
    </form>
  );
}
