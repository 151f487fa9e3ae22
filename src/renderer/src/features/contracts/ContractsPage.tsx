import AddIcon from '@mui/icons-material/Add';
import { Box } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ContractStatus } from '../../../../shared/domain/contract';
import { CONTRACT_STATUSES } from '../../../../shared/domain/vocabulary';
import { PageHeader } from '../../components/PageHeader';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { useRecordRoute } from '../../components/useRecordRoute';
import { VocabularySelect } from '../../components/VocabularySelect';
import { ContractDetailsDialog } from './ContractDetailsDialog';
import { ContractDialog } from './ContractDialog';
import { ContractsGrid } from './ContractsGrid';
import { ExportBundleButton } from './ExportBundleButton';
import { UpcomingExpiries } from './UpcomingExpiries';

/** Every contract, with upcoming expiries first; legal and admins move them through signing. */
export function ContractsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ContractStatus | ''>('');
  // #/contracts/<id>: the contract at its own link, over the list.
  const record = useRecordRoute('/contracts', 'contracts');
  // The older ?open=<id> links (kept in bookmarks and notes) become the contract's own link.
  const [params] = useSearchParams();
  const legacy = params.get('open');
  const navigate = useNavigate();
  useEffect(() => {
    if (legacy) void navigate(`/contracts/${encodeURIComponent(legacy)}`, { replace: true });
  }, [legacy, navigate]);
  const [creating, setCreating] = useState(false);
  useOpenFromQuery(useCallback(() => setCreating(true), []));
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('contracts.title')}
        extra={<ExportBundleButton filters={status ? { status } : {}} />}
        action={{
          label: t('contracts.new'),
          icon: <AddIcon />,
          needs: { entity: 'contracts', action: 'create' },
          onClick: () => setCreating(true),
        }}
      />
      <UpcomingExpiries onOpen={record.open} />
      <VocabularySelect
        size="small"
        label={t('contracts.status')}
        values={CONTRACT_STATUSES}
        labels="contractStatus"
        withAll
        value={status}
        onChange={(e) => setStatus(e.target.value as ContractStatus | '')}
        sx={{ minWidth: 170, alignSelf: 'flex-start', mb: 2 }}
      />
      <ContractsGrid filters={status ? { status } : {}} onOpen={record.open} />
      {creating && (
        <ContractDialog
          contract={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) record.open(saved.id);
          }}
        />
      )}
      {record.id && <ContractDetailsDialog key={record.id} id={record.id} onClose={record.close} />}
    </Box>
  );
}
