import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LoginForm } from './LoginForm';
import { useCurrentUser } from './SessionContext';

/** Over the still-mounted app: signing in again picks up where the user left off. */
export function LockDialog() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Dialog
      open
      fullWidth
      maxWidth="xs"
      aria-labelledby="lock-title"
      slotProps={{ backdrop: { sx: { backdropFilter: 'blur(6px)' } } }}
    >
      <DialogTitle id="lock-title">{t('lock.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('lock.intro')}
        </Typography>
        <LoginForm username={user.username} />
      </DialogContent>
    </Dialog>
  );
}
