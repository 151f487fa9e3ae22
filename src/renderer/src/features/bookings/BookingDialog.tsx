import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../../shared/domain/booking';
import { AppError } from '../../../../shared/errors';
import { PermittedButton } from '../../components/PermittedButton';
import { StatusChip } from '../../components/StatusChip';
import { TalentPicker } from '../../components/TalentPicker';
import { SYSTEM_TIMEZONE, TimezoneField } from '../../components/TimezoneField';
import { minorUnitsPer, useFormatters } from '../../components/useFormatters';
import { CancelBookingDialog } from './CancelBookingDialog';
import { ClashWarning } from './ClashWarning';
import { useBookingActions, useClashes } from './useBookings';

/** What a new booking can start from (an audition marked booked, or a talent page). */
export interface BookingDraft {
  readonly talent?: { id: string; stageName: string; fullName: string };
  readonly audition?: { id: string; clientName: string; projectName: string };
}

interface Props {
  readonly booking: Booking | null;
  readonly draft?: BookingDraft;
  readonly onClose: (message?: string) => void;
}

const nextHour = () =>
  DateTime.now().setZone(SYSTEM_TIMEZONE).plus({ days: 1 }).startOf('hour').set({ hour: 10 });

export function BookingDialog({ booking, draft, onClose }: Props) {
  const { t } = useTranslation();
  const actions = useBookingActions();
  const zone0 = booking?.timezone ?? SYSTEM_TIMEZONE;
  const [talent, setTalent] = useState(
    booking
      ? {
          id: booking.talentProfile,
          stageName: booking.expanded.talentProfile.stageName,
          fullName: '',
        }
      : (draft?.talent ?? null),
  );
  const [clientName, setClientName] = useState(
    booking?.clientName ?? draft?.audition?.clientName ?? '',
  );
  const [projectName, setProjectName] = useState(
    booking?.projectName ?? draft?.audition?.projectName ?? '',
  );
  const [timezone, setTimezone] = useState(zone0);
  const [start, setStart] = useState<DateTime | null>(
    booking ? DateTime.fromISO(booking.startDateTime, { zone: zone0 }) : nextHour(),
  );
  const [end, setEnd] = useState<DateTime | null>(
    booking
      ? DateTime.fromISO(booking.endDateTime, { zone: zone0 })
      : nextHour().plus({ hours: 4 }),
  );
  const [currency, setCurrency] = useState(booking?.currency ?? 'USD');
  const [rate, setRate] = useState(
    booking?.rate != null ? String(booking.rate / minorUnitsPer(booking.currency ?? 'USD')) : '',
  );
  const [notes, setNotes] = useState(booking?.notes ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [challengeHours, setChallengeHours] = useState(48);
  const format = useFormatters();

  const startIso = start?.isValid ? start.toUTC().toISO() : null;
  const endIso = end?.isValid ? end.toUTC().toISO() : null;
  const clashes = useClashes(
    talent && startIso && endIso && endIso > startIso
      ? {
          talentProfile: talent.id,
          start: startIso,
          end: endIso,
          ...(booking ? { excludeId: booking.id } : {}),
        }
      : null,
  );
  const editable = !booking || booking.status === 'hold' || booking.status === 'confirmed';
  const fieldError = (name: string) => error?.fields?.[name] ?? error?.fields?.[`patch.${name}`];

  const save = async () => {
    setError(null);
    if (!talent || !startIso || !endIso) {
      setError(
        new AppError('VALIDATION', t('errors.VALIDATION'), {
          ...(!talent ? { talentProfile: 'Required' } : {}),
          ...(!startIso ? { startDateTime: 'Required' } : {}),
          ...(!endIso ? { endDateTime: 'Required' } : {}),
        }),
      );
      return;
    }
    const rateMinor =
      rate.trim() === '' ? null : Math.round(Number(rate) * minorUnitsPer(currency));
    if (rateMinor !== null && !Number.isFinite(rateMinor)) {
      setError(new AppError('VALIDATION', t('errors.VALIDATION'), { rate: 'Must be a number' }));
      return;
    }
    const fields = {
      clientName,
      projectName,
      startDateTime: startIso,
      endDateTime: endIso,
      timezone,
      rate: rateMinor,
      currency: rateMinor === null ? null : currency,
      notes: notes.trim() || null,
    };
    try {
      if (booking) {
        await actions.update.mutateAsync({
          id: booking.id,
          version: booking.version,
          patch: fields,
        });
        onClose(t('bookings.saved'));
      } else {
        await actions.create.mutateAsync({
          talentProfile: talent.id,
          ...(draft?.audition ? { audition: draft.audition.id } : {}),
          ...fields,
        });
        onClose(t('bookings.created'));
      }
    } catch (caught) {
      setError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      );
    }
  };

  /** Runs an action and closes with its message (or `message` when it returns none). */
  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      const result = await action();
      onClose(typeof result === 'string' && result ? result : message);
    } catch (caught) {
      setError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      );
    }
  };

  return (
    <Dialog
      open
      onClose={() => onClose()}
      fullWidth
      maxWidth="md"
      aria-labelledby="booking-dialog-title"
    >
      {cancelling && booking && (
        <CancelBookingDialog
          onDone={(reason) => {
            setCancelling(false);
            if (reason === null) return;
            void run(
              () => actions.cancel.mutateAsync({ id: booking.id, ...(reason ? { reason } : {}) }),
              t('bookings.cancelled'),
            );
          }}
        />
      )}
      <DialogTitle id="booking-dialog-title">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <span>
            {booking
              ? t('bookings.editTitle', { name: booking.expanded.talentProfile.stageName })
              : t('bookings.newTitle')}
          </span>
          {booking && <StatusChip status={booking.status} labels="bookingStatus" />}
          {booking?.holdRank && (
            <Typography variant="body2" color="text.secondary">
              {t('bookings.rank', { count: booking.holdRank, ordinal: true })}
            </Typography>
          )}
        </Stack>
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {error && <Alert severity="error">{error.message}</Alert>}
          {draft?.audition && (
            <Alert severity="info">
              {t('bookings.fromAudition', {
                client: draft.audition.clientName,
                project: draft.audition.projectName,
              })}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TalentPicker
                label={t('bookings.talent')}
                value={talent}
                onChange={setTalent}
                disabled={!!booking || !!draft?.talent}
                error={fieldError('talentProfile')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TimezoneField
                label={t('bookings.timezone')}
                value={timezone}
                onChange={(zone) => {
                  setTimezone(zone);
                  // The wall-clock time stays what the user typed, now read in the new zone.
                  setStart((s) => s?.setZone(zone, { keepLocalTime: true }) ?? null);
                  setEnd((e) => e?.setZone(zone, { keepLocalTime: true }) ?? null);
                }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                label={t('bookings.clientName')}
                fullWidth
                required
                value={clientName}
                disabled={!editable}
                onChange={(e) => setClientName(e.target.value)}
                error={!!fieldError('clientName')}
                helperText={fieldError('clientName')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                label={t('bookings.projectName')}
                fullWidth
                required
                value={projectName}
                disabled={!editable}
                onChange={(e) => setProjectName(e.target.value)}
                error={!!fieldError('projectName')}
                helperText={fieldError('projectName')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <DateTimePicker
                label={t('bookings.start')}
                value={start}
                timezone={timezone}
                disabled={!editable}
                onChange={(value) => {
                  setStart(value);
                  if (value?.isValid && end?.isValid && end <= value)
                    setEnd(value.plus({ hours: 1 }));
                }}
                slotProps={{
                  textField: {
                    fullWidth: true,
                    required: true,
                    error: !!fieldError('startDateTime'),
                    helperText: fieldError('startDateTime'),
                  },
                }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <DateTimePicker
                label={t('bookings.end')}
                value={end}
                timezone={timezone}
                disabled={!editable}
                onChange={setEnd}
                slotProps={{
                  textField: {
                    fullWidth: true,
                    required: true,
                    error: !!fieldError('endDateTime'),
                    helperText: fieldError('endDateTime'),
                  },
                }}
              />
            </Grid>
            <Grid size={{ xs: 8, sm: 4 }}>
              <TextField
                label={t('bookings.rate')}
                fullWidth
                value={rate}
                disabled={!editable}
                onChange={(e) => setRate(e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                error={!!fieldError('rate')}
                helperText={fieldError('rate')}
              />
            </Grid>
            <Grid size={{ xs: 4, sm: 2 }}>
              <TextField
                label={t('bookings.currency')}
                fullWidth
                value={currency}
                disabled={!editable}
                onChange={(e) => setCurrency(e.target.value.toUpperCase().slice(0, 3))}
                error={!!fieldError('currency')}
                helperText={fieldError('currency')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                label={t('bookings.notes')}
                fullWidth
                value={notes}
                disabled={!editable}
                onChange={(e) => setNotes(e.target.value)}
              />
            </Grid>
          </Grid>
          {booking?.status === 'hold' && (booking.holdRank ?? 1) > 1 && (
            <Alert
              severity="info"
              action={
                <TextField
                  select
                  size="small"
                  label={t('bookings.challengeHours')}
                  value={challengeHours}
                  onChange={(e) => setChallengeHours(Number(e.target.value))}
                  sx={{ minWidth: 120 }}
                >
                  {[24, 48, 72].map((hours) => (
                    <MenuItem key={hours} value={hours}>
                      {t('bookings.challengeHoursOption', { count: hours })}
                    </MenuItem>
                  ))}
                </TextField>
              }
            >
              {t('bookings.behind', {
                rank: t('bookings.rank', { count: booking.holdRank ?? 1, ordinal: true }),
              })}
            </Alert>
          )}
          {booking?.challengeDeadline && (
            <Alert severity="warning">
              {t('bookings.challengeRunning', { when: format.dateTime(booking.challengeDeadline) })}
            </Alert>
          )}
          <ClashWarning
            clashes={clashes.data?.clashes ?? []}
            clientName={clientName}
            projectName={projectName}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        {booking && editable && (
          <PermittedButton
            needs={{ entity: 'bookings', action: 'update' }}
            color="warning"
            sx={{ mr: 'auto' }}
            onClick={() => setCancelling(true)}
          >
            {t('bookings.cancelBooking')}
          </PermittedButton>
        )}
        <Button onClick={() => onClose()}>{t('common.close')}</Button>
        {booking?.status === 'hold' && (booking.holdRank ?? 1) > 1 && (
          <PermittedButton
            needs={{ entity: 'bookings', action: 'update' }}
            onClick={() =>
              void run(
                () => actions.challenge.mutateAsync({ id: booking.id, hours: challengeHours }),
                t('bookings.challenged', { count: challengeHours }),
              )
            }
          >
            {t('bookings.challenge')}
          </PermittedButton>
        )}
        {booking?.status === 'hold' && (
          <PermittedButton
            needs={{ entity: 'bookings', action: 'update' }}
            variant="outlined"
            color="success"
            onClick={() =>
              void run(async () => {
                const confirmed = await actions.confirm.mutateAsync({
                  id: booking.id,
                  ...((booking.holdRank ?? 1) > 1 ? { releaseAhead: true } : {}),
                });
                return confirmed.released.length
                  ? t('bookings.confirmedReleased', {
                      clients: confirmed.released
                        .map((r) => `${r.clientName} · ${r.projectName}`)
                        .join(', '),
                    })
                  : t('bookings.confirmed');
              }, '')
            }
          >
            {(booking.holdRank ?? 1) > 1 ? t('bookings.confirmReleasing') : t('bookings.confirm')}
          </PermittedButton>
        )}
        {editable && (
          <Button variant="contained" onClick={() => void save()}>
            {booking ? t('common.save') : t('common.create')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
