import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session';

/** Where a role with no screen of its own yet lands: a clear word rather than an empty frame. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Box sx={{ p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 640 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('home.title', { name: user.fullName })}
        </Typography>
        <Typography color="text.secondary">{t('home.nothingYet')}</Typography>
      </Paper>
    </Box>
  );
}
