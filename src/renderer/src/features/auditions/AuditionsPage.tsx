import AddIcon from '@mui/icons-material/Add';
import { Box, Snackbar, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { PermittedButton } from '../../components/PermittedButton';
import { AuditionDialog } from './AuditionDialog';
import { AuditionsView } from './AuditionsView';

export function AuditionsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  useOpenFromQuery(() => setCreating(true));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('auditions.title')}
        </Typography>
        <PermittedButton
          needs={{ entity: 'auditions', action: 'create' }}
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setCreating(true)}
        >
          {t('auditions.new')}
        </PermittedButton>
      </Stack>
      <AuditionsView />
      {creating && (
        <AuditionDialog
          audition={null}
          onClose={(message) => {
            setCreating(false);
            if (message) setNotice(message);
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}
