import AddIcon from '@mui/icons-material/Add';
import { Box, Snackbar } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { ExportCsvButton } from '../interchange';
import { PageHeader } from '../../components/PageHeader';
import { AuditionDialog } from './AuditionDialog';
import { AuditionsView } from './AuditionsView';

export function AuditionsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  useOpenFromQuery(() => setCreating(true));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('auditions.title')}
        extra={<ExportCsvButton entity="auditions" filters={{}} />}
        action={{
          label: t('auditions.new'),
          icon: <AddIcon />,
          needs: { entity: 'auditions', action: 'create' },
          onClick: () => setCreating(true),
        }}
      />
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
