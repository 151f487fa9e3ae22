import CloudOffIcon from '@mui/icons-material/CloudOff';
import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../../shared/api';
import { bridge } from '../../api/client';

/**
 * Says when the host (the web host, or the team server this desktop joined) does not answer.
 * It sits in the page's flow above the content, so it pushes the screen down instead of
 * covering it; forms keep what was typed, and the bridge keeps retrying until it answers.
 */
export function ConnectionBar() {
  const { t } = useTranslation();
  const [state, setState] = useState<ConnectionState>('online');
  useEffect(() => bridge.on('connection', setState), []);
  if (state === 'online') return null;
  return (
    <Alert
      severity="warning"
      icon={<CloudOffIcon fontSize="inherit" />}
      role="status"
      square
      sx={{ borderRadius: 0, py: 0 }}
    >
      {t('connection.offline')}
    </Alert>
  );
}
