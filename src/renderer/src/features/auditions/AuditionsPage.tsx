import AddIcon from '@mui/icons-material/Add';
import { Box, Snackbar } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { useOpenedRecord } from '../../components/useOpenedRecord';
import { useRecordRoute } from '../../components/useRecordRoute';
import { ExportCsvButton } from '../interchange';
import { PageHeader } from '../../components/PageHeader';
import { AuditionDialog } from './AuditionDialog';
import { AuditionsView } from './AuditionsView';
import { ErrorAlert } from '../../components/ErrorAlert';

export function AuditionsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  useOpenFromQuery(() => setCreating(true));
  const [notice, setNotice] = useState<string | null>(null);
  // #/auditions/<id>: the audition at its own link, over the board.
  const record = useRecordRoute('/auditions', 'auditions');
  const opened = useOpenedRecord('auditions.get', record.id);
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
      <ErrorAlert error={opened.error} onClose={record.close} sx={{ mb: 2 }} />
      <AuditionsView onOpen={(audition) => record.open(audition.id)} />
      {opened.record && (
        <AuditionDialog
          key={opened.record.id}
          audition={opened.record}
          onClose={(message) => {
            record.close();
            if (message) setNotice(message);
          }}
        />
      )}
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
