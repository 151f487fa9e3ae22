import { Button, Divider, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './AuthLayout';
import { LoginForm } from './LoginForm';
import { SignUpForm } from './SignUpForm';

export function LoginScreen({ signUpEnabled }: { signUpEnabled: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signIn');
  const [notice, setNotice] = useState<string | undefined>();

  if (mode === 'signUp') {
    return (
      <AuthLayout title={t('signUp.title')} intro={t('signUp.intro')}>
        <SignUpForm
          onDone={() => {
            setNotice(t('signUp.pending'));
            setMode('signIn');
          }}
        />
        <Button fullWidth sx={{ mt: 1 }} onClick={() => setMode('signIn')}>
          {t('signUp.back')}
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <LoginForm notice={notice} />
      {signUpEnabled && (
        <Stack sx={{ mt: 2 }} spacing={1}>
          <Divider />
          <Button onClick={() => setMode('signUp')}>{t('signUp.link')}</Button>
        </Stack>
      )}
    </AuthLayout>
  );
}
