import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, CircularProgress, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { can, scopeOf } from '../../../../shared/access';
import { call } from '../../api/client';
import { PermittedButton } from '../../components/PermittedButton';
import { StatusChip } from '../../components/StatusChip';
import { useFormatters } from '../../components/useFormatters';
import { HistoryPanel } from '../audit';
import { ContractDetailsDialog, ContractDialog, ContractsGrid } from '../contracts';
import { DemoQueue, ImportDemosDialog } from '../demos';
import { GrowthPanel } from '../growth';
import { NotesPanel } from '../notes';
import { useCurrentUser } from '../session';
import { ArtistDialog } from './ArtistDialog';
import { ErrorAlert } from '../../components/ErrorAlert';

const TABS = ['demos', 'contracts', 'growth', 'notes', 'history'] as const;
type TabName = (typeof TABS)[number];

/** One artist: the record the label desk's demos, contracts, growth and notes hang off. */
export function ArtistPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const [tab, setTab] = useState<TabName>('demos');
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [newContract, setNewContract] = useState(false);
  const [contract, setContract] = useState<string | null>(null);
  const artist = useQuery({
    queryKey: ['artists', 'one', id],
    queryFn: () => call('artists.get', { id }),
  });
  if (artist.isPending) return <CircularProgress sx={{ m: 4 }} aria-label={t('common.loading')} />;
  if (artist.error) {
    return (
      <Box sx={{ p: 3 }}>
        <ErrorAlert error={artist.error} wording={{ NOT_FOUND: t('artists.notFound') }} />
      </Box>
    );
  }
  const a = artist.data;
  const mayEdit =
    scopeOf(user.role, 'artists', 'update') === 'all' ||
    (scopeOf(user.role, 'artists', 'update') === 'own' && a.owner === user.id);
  const tabs = TABS.filter((name) => name !== 'contracts' || can(user.role, 'contracts', 'read'));
  const facts: [string, string][] = [
    [t('artists.genre'), a.genre],
    [t('artists.priorityScore'), a.priorityScore == null ? '—' : String(a.priorityScore)],
    [
      t('artists.socialFollowers'),
      a.socialFollowers == null
        ? '—'
        : new Intl.NumberFormat(i18n.language).format(a.socialFollowers),
    ],
    [t('artists.lastDemoDate'), a.lastDemoDate ? format.date(a.lastDemoDate) : '—'],
    [t('artists.owner'), a.expanded.owner.fullName],
  ];
  const option = { id: a.id, artistName: a.artistName };
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Button
        component={RouterLink}
        to="/artists"
        startIcon={<ArrowBackIcon />}
        sx={{ alignSelf: 'flex-start', mb: 1 }}
      >
        {t('artists.back')}
      </Button>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1">
          {a.artistName}
        </Typography>
        <StatusChip status={a.status} labels="artistStatus" />
        <Box sx={{ flexGrow: 1 }} />
        {mayEdit && (
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )}
      </Stack>
      <Paper variant="outlined" sx={{ px: 3, py: 2, mb: 2 }}>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Typography variant="body2" color="text.secondary">
                {label}
              </Typography>
              <Typography>{value}</Typography>
            </div>
          ))}
        </Stack>
      </Paper>
      <Tabs
        value={tab}
        onChange={(_e, next: TabName) => setTab(next)}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {tabs.map((name) => (
          <Tab key={name} value={name} label={t(`artists.tabs.${name}`)} />
        ))}
      </Tabs>
      {tab === 'demos' && (
        <Stack spacing={2} sx={{ flexGrow: 1, minHeight: 0 }}>
          <PermittedButton
            needs={{ entity: 'demos', action: 'create' }}
            variant="contained"
            startIcon={<UploadFileIcon />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => setImporting(true)}
          >
            {t('demos.import.open')}
          </PermittedButton>
          <DemoQueue filters={{ artist: a.id }} showArtist={false} />
        </Stack>
      )}
      {tab === 'contracts' && (
        <Stack spacing={2} sx={{ flexGrow: 1, minHeight: 0 }}>
          <PermittedButton
            needs={{ entity: 'contracts', action: 'create' }}
            variant="contained"
            startIcon={<AddIcon />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => setNewContract(true)}
          >
            {t('contracts.new')}
          </PermittedButton>
          <ContractsGrid filters={{ artist: a.id }} showArtist={false} onOpen={setContract} />
        </Stack>
      )}
      {tab === 'growth' && <GrowthPanel artist={a.id} />}
      {tab === 'notes' && <NotesPanel artist={a.id} />}
      {tab === 'history' && <HistoryPanel entity="artists" id={a.id} />}
      {editing && <ArtistDialog artist={a} onClose={() => setEditing(false)} />}
      {importing && <ImportDemosDialog artist={option} onClose={() => setImporting(false)} />}
      {newContract && (
        <ContractDialog
          contract={null}
          artist={option}
          onClose={(saved) => {
            setNewContract(false);
            if (saved) setContract(saved.id);
          }}
        />
      )}
      {contract && <ContractDetailsDialog id={contract} onClose={() => setContract(null)} />}
    </Box>
  );
}
