import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, MenuItem, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SCHEDULE_ENTRY_TYPES, SCHEDULE_STATUSES } from '../../../../shared/domain/vocabulary';
import { call } from '../../api/client';
import { downloadMedia } from '../../api/downloadMedia';
import { ExportCsvButton } from '../interchange';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../components/form';
import { PageHeader } from '../../components/PageHeader';
import { TalentPicker } from '../../components/TalentPicker';
import { SYSTEM_TIMEZONE, TimezoneField } from '../../components/TimezoneField';
import { VocabularySelect } from '../../components/VocabularySelect';
import { recordPath } from '../../components/recordLinks';
import { useOpenedRecord } from '../../components/useOpenedRecord';
import { useRecordRoute } from '../../components/useRecordRoute';
import { can } from '../../../../shared/access';
import { useCurrentUser } from '../session';
import { useManagers } from '../users/useUsers';
import { CalendarView, type CalendarFilters } from './CalendarView';
import { EntryDialog } from './EntryDialog';
import { prefetchScheduleList, weekAround, weekStartsOn } from './openingWeek';

const ZONE_KEY = 'greenroom.displayZone';
type EntryType = (typeof SCHEDULE_ENTRY_TYPES)[number];
type Status = (typeof SCHEDULE_STATUSES)[number];

function TeamFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const managers = useManagers();
  return (
    <TextField
      select
      size="small"
      label={t('calendar.team')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 180 }}
    >
      <MenuItem value="">{t('common.all')}</MenuItem>
      {(managers.data ?? []).map((m) => (
        <MenuItem key={m.id} value={m.id}>
          {m.fullName}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The days a range shows in a zone, both inclusive (the range's end is exclusive). */
function calendarDays(range: { from: string; to: string }, zone: string) {
  const from = DateTime.fromISO(range.from, { zone }).toISODate()!;
  const to = DateTime.fromISO(range.to, { zone }).minus({ days: 1 }).toISODate()!;
  return { from, to: to < from ? from : to };
}

export function SchedulePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const errorText = useErrorText();
  const [talent, setTalent] = useState<{ id: string; stageName: string; fullName: string } | null>(
    null,
  );
  const [entryType, setEntryType] = useState<EntryType | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const [manager, setManager] = useState('');
  const [zone, setZone] = useState(() => localStorage.getItem(ZONE_KEY) ?? SYSTEM_TIMEZONE);
  // The week the calendar opens on (all talents, this week), asked for on the first render: an
  // effect would run only after FullCalendar has mounted, and the reply is what the page waits on.
  useState(() => {
    if (can(user.role, 'schedule', 'read'))
      prefetchScheduleList(weekAround(DateTime.now(), zone, weekStartsOn(i18n.language)));
  });
  const [notice, setNotice] = useState<string | null>(null);
  const visible = useRef<{ from: string; to: string } | null>(null);
  // #/schedule/entries/<id>: the entry at its own link, over the calendar. An entry a booking
  // made is changed through its booking, so its link opens the booking.
  const record = useRecordRoute('/schedule', 'schedule');
  const opened = useOpenedRecord('schedule.get', record.id);
  const navigate = useNavigate();
  const fromBooking = opened.record?.source === 'booking' ? opened.record.booking : null;
  useEffect(() => {
    if (fromBooking) void navigate(recordPath('bookings', fromBooking)!, { replace: true });
  }, [fromBooking, navigate]);
  const onRangeChange = useCallback((range: { from: string; to: string }) => {
    visible.current = range;
  }, []);

  const filters: CalendarFilters = {
    ...(talent ? { talentProfile: talent.id } : {}),
    ...(entryType ? { entryType } : {}),
    ...(status ? { status } : {}),
    ...(manager ? { manager } : {}),
  };

  const readsSchedule = can(user.role, 'schedule', 'read');
  // Legal sees only contract dates on the calendar: their export is those dates.
  const readsContractDates = can(user.role, 'contracts', 'update');
  const exportIcs = async () => {
    const range = visible.current;
    if (!range) return;
    try {
      const exported = readsSchedule
        ? await call('schedule.exportIcs', { ...filters, ...range, timezone: zone })
        : await call('contracts.exportIcs', calendarDays(range, zone));
      await downloadMedia(exported.media, exported.fileName);
    } catch (error) {
      setNotice(errorText(error));
    }
  };

  return (
    <Box
      sx={{
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        flexGrow: 1,
        minHeight: 0,
        overflow: 'auto',
      }}
    >
      <PageHeader
        title={t('calendar.title')}
        extra={
          (readsSchedule || readsContractDates) && (
            <>
              {readsSchedule && (
                <ExportCsvButton
                  entity="schedule"
                  filters={() => (visible.current ? { ...filters, ...visible.current } : null)}
                />
              )}
              <Button
                variant="outlined"
                startIcon={<DownloadIcon />}
                onClick={() => void exportIcs()}
              >
                {t('calendar.exportIcs')}
              </Button>
            </>
          )
        }
      />
      {!readsSchedule && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('calendar.contractsOnly')}
        </Typography>
      )}
      {readsSchedule && (
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
          <Box sx={{ minWidth: 240 }}>
            <TalentPicker
              label={t('calendar.allTalent')}
              value={talent}
              onChange={setTalent}
              required={false}
              size="small"
            />
          </Box>
          {user.role === 'admin' && <TeamFilter value={manager} onChange={setManager} />}
          <VocabularySelect
            size="small"
            label={t('fields.talentType')}
            values={SCHEDULE_ENTRY_TYPES}
            labels="schedule.entryType"
            withAll
            value={entryType}
            onChange={(e) => setEntryType(e.target.value as EntryType | '')}
            sx={{ minWidth: 150 }}
          />
          <VocabularySelect
            size="small"
            label={t('bookings.status')}
            values={SCHEDULE_STATUSES}
            labels="schedule.status"
            withAll
            value={status}
            onChange={(e) => setStatus(e.target.value as Status | '')}
            sx={{ minWidth: 150 }}
          />
          <Box sx={{ minWidth: 240 }}>
            <TimezoneField
              size="small"
              label={t('calendar.displayZone')}
              value={zone}
              onChange={(next) => {
                setZone(next);
                localStorage.setItem(ZONE_KEY, next);
              }}
            />
          </Box>
        </Stack>
      )}
      <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
        {t(readsSchedule ? 'calendar.keys' : 'calendar.keysContractDates')}
      </Typography>
      <CalendarView
        // Its own scroller below the filters: the header stays put and nothing scrolls above it.
        height="100%"
        filters={filters}
        displayZone={zone}
        onRangeChange={onRangeChange}
        onOpenEntry={(entry) => record.open(entry.id)}
        {...(talent ? { talent } : {})}
      />
      <ErrorAlert error={opened.error} onClose={record.close} sx={{ mt: 2 }} />
      {opened.record && !fromBooking && (
        <EntryDialog
          key={opened.record.id}
          entry={opened.record}
          onClose={(message) => {
            record.close();
            if (message) setNotice(message);
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={5000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}
