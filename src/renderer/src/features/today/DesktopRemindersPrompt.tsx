import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopNotifications } from './desktopNotifications';

/** Asks, once the user chooses to, for the browser's permission to show reminders. */
export function DesktopRemindersPrompt() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(desktopNotifications.permission);
  if (permission !== 'default') return null;
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => void desktopNotifications.request().then(setPermission)}
        >
          {t('reminders.enable')}
        </Button>
      }
    >
      {t('reminders.explain')}
    </Alert>
  );
}
