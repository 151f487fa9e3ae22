import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Box,
  Button,
  CircularProgress,
  Link,
  Paper,
  Snackbar,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { PermittedButton } from '../../components/PermittedButton';
import { SYSTEM_TIMEZONE } from '../../components/TimezoneField';
import { CalendarView } from '../schedule';
import { HistoryPanel } from '../audit';
import { AuditionsView } from '../auditions';
import { BookingDialog, BookingsGrid } from '../bookings';
import { AvailabilityChip } from './AvailabilityChip';
import { Headshot } from './Headshot';
import { TalentDialog } from './TalentDialog';
import { AvailabilityPanel } from './AvailabilityPanel';
import { TalentSchedule } from './TalentSchedule';
import { SubscribeButton } from '../account';
import { useTalent } from './useTalents';
import { ErrorAlert } from '../../components/ErrorAlert';

type TabName = 'details' | 'auditions' | 'bookings' | 'schedule' | 'history';

/** One talent: details, and tabs for everything that hangs off them. */
export function TalentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const talent = useTalent(id);
  const [tab, setTab] = useState<TabName>('details');
  const [editing, setEditing] = useState(false);
  const [booking, setBooking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (talent.isPending) return <CircularProgress sx={{ m: 4 }} aria-label={t('common.loading')} />;
  if (talent.error) {
    return (
      <Box sx={{ p: 3 }}>
        <ErrorAlert error={talent.error} wording={{ NOT_FOUND: t('talentPage.notFound') }} />
      </Box>
    );
  }
  const data = talent.data;
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Button
        component={RouterLink}
        to="/talents"
        startIcon={<ArrowBackIcon />}
        sx={{ alignSelf: 'flex-start', mb: 1 }}
      >
        {t('talentPage.back')}
      </Button>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">
            {data.stageName}
          </Typography>
          <Typography color="text.secondary">
            {data.fullName} · {t(`talentType.${data.talentType}`)} ·{' '}
            {data.expanded.manager.fullName}
          </Typography>
        </Box>
        <AvailabilityChip status={data.availabilityStatus} />
        <PermittedButton
          needs={{ entity: 'talents', action: 'update' }}
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </PermittedButton>
      </Stack>
      <Tabs
        value={tab}
        onChange={(_e, next: TabName) => setTab(next)}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {(['details', 'auditions', 'bookings', 'schedule', 'history'] as const).map((name) => (
          <Tab key={name} value={name} label={t(`talentPage.${name}`)} />
        ))}
      </Tabs>
      {tab === 'details' && (
        <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }}>
          <Stack spacing={2}>
            <Headshot talent={data} />
            <div>
              <Typography variant="overline">{t('fields.portfolioUrl')}</Typography>
              <Typography>
                {data.portfolioUrl ? (
                  // The shell opens http(s) links in the system browser, never inside the app.
                  <Link href={data.portfolioUrl} target="_blank" rel="noopener noreferrer">
                    {data.portfolioUrl}{' '}
                    <OpenInNewIcon sx={{ fontSize: 14, verticalAlign: 'middle' }} />
                  </Link>
                ) : (
                  t('talentPage.noPortfolio')
                )}
              </Typography>
            </div>
            <div>
              <Typography variant="overline">{t('fields.notes')}</Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{data.notes || '—'}</Typography>
            </div>
          </Stack>
        </Paper>
      )}
      {tab === 'auditions' && <AuditionsView talentProfile={data.id} />}
      {tab === 'bookings' && (
        <Stack spacing={2} sx={{ flexGrow: 1, minHeight: 0 }}>
          <PermittedButton
            needs={{ entity: 'bookings', action: 'create' }}
            variant="contained"
            startIcon={<AddIcon />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => setBooking(true)}
          >
            {t('bookings.new')}
          </PermittedButton>
          <BookingsGrid filters={{ talentProfile: data.id }} showTalent={false} />
        </Stack>
      )}
      {tab === 'schedule' && (
        <Stack spacing={2}>
          <CalendarView
            filters={{ talentProfile: data.id }}
            displayZone={SYSTEM_TIMEZONE}
            talent={{ id: data.id, stageName: data.stageName, fullName: data.fullName }}
          />
          <AvailabilityPanel talentProfile={data.id} />
          <TalentSchedule talentProfile={data.id} />
          <SubscribeButton talent={{ id: data.id, stageName: data.stageName }} />
        </Stack>
      )}
      {tab === 'history' && <HistoryPanel entity="talents" id={data.id} />}
      {editing && (
        <TalentDialog
          talent={data}
          onClose={(message) => {
            setEditing(false);
            if (message) setNotice(message);
          }}
        />
      )}
      {booking && (
        <BookingDialog
          booking={null}
          draft={{ talent: { id: data.id, stageName: data.stageName, fullName: data.fullName } }}
          onClose={(message) => {
            setBooking(false);
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
