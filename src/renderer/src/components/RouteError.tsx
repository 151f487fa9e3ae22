import { Alert, Box, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A screen that failed to render says so and offers a way out, instead of a blank window. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Box sx={{ p: 4 }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" onClick={() => window.location.assign('#/')}>
            {t('common.retry')}
          </Button>
        }
      >
        {t('common.unexpected')}
      </Alert>
    </Box>
  );
}
