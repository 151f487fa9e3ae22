import { Alert, Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bookingCreate,
  bookingPatch,
  type Booking,
  type ReleasedHold,
} from '../../../../shared/domain/booking';
import { PermittedButton } from '../../components/PermittedButton';
import { StatusChip } from '../../components/StatusChip';
import {
  FormKitDialog,
  FormTalentPicker,
  FormTextField,
  FormTimeRange,
  FormTimezoneField,
  instantInput,
  numberInput,
  optionalTextInput,
  useSchemaForm,
} from '../../components/form';
import { SYSTEM_TIMEZONE } from '../../components/TimezoneField';
import { minorUnitsPer, useFormatters } from '../../components/useFormatters';
import { CancelBookingDialog } from './CancelBookingDialog';
import { ClashWarning } from './ClashWarning';
import { ClientsToCall } from './ReleasedHolds';
import { ConfirmReleaseDialog } from './ConfirmReleaseDialog';
import { releasePreview, useBooking, useBookingActions, useClashes } from './useBookings';

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

interface BookingForm {
  talent: { id: string; stageName: string; fullName: string } | null;
  clientName: string;
  projectName: string;
  timezone: string;
  startDateTime: DateTime | null;
  endDateTime: DateTime | null;
  /** In major units as typed (12.50); the call takes whole minor units. */
  rate: string;
  currency: string;
  notes: string;
}

const nextHour = () =>
  DateTime.now().setZone(SYSTEM_TIMEZONE).plus({ days: 1 }).startOf('hour').set({ hour: 10 });

/** The form's rate (major units, as typed) in whole minor units; NaN when it is not a number. */
function rateInput(rate: string, currency: string): number | null {
  const major = numberInput(rate);
  return major === null ? null : Math.round(major * minorUnitsPer(currency || 'USD'));
}

export function BookingDialog({ booking, draft, onClose }: Props) {
  const { t } = useTranslation();
  const actions = useBookingActions();
  const zone0 = booking?.timezone ?? SYSTEM_TIMEZONE;
  const [cancelling, setCancelling] = useState(false);
  const [releasing, setReleasing] = useState<readonly ReleasedHold[] | null>(null);
  // The stored booking, with the clients its confirmation released (the list row has not).
  const detail = useBooking(booking?.id ?? null);
  const [challengeHours, setChallengeHours] = useState(48);
  const format = useFormatters();
  const editable = !booking || booking.status === 'hold' || booking.status === 'confirmed';

  const fields = (values: BookingForm) => {
    const rate = rateInput(values.rate, values.currency);
    return {
      clientName: values.clientName,
      projectName: values.projectName,
      startDateTime: instantInput(values.startDateTime),
      endDateTime: instantInput(values.endDateTime),
      timezone: values.timezone,
      rate,
      currency: rate === null ? null : values.currency,
      notes: optionalTextInput(values.notes),
    };
  };
  const kit = useSchemaForm<BookingForm, unknown>({
    schema: booking ? bookingPatch : bookingCreate,
    defaultValues: {
      talent: booking
        ? {
            id: booking.talentProfile,
            stageName: booking.expanded.talentProfile.stageName,
            fullName: '',
          }
        : (draft?.talent ?? null),
      clientName: booking?.clientName ?? draft?.audition?.clientName ?? '',
      projectName: booking?.projectName ?? draft?.audition?.projectName ?? '',
      timezone: zone0,
      startDateTime: booking
        ? DateTime.fromISO(booking.startDateTime, { zone: zone0 })
        : nextHour(),
      endDateTime: booking
        ? DateTime.fromISO(booking.endDateTime, { zone: zone0 })
        : nextHour().plus({ hours: 4 }),
      rate:
        booking?.rate != null
          ? String(booking.rate / minorUnitsPer(booking.currency ?? 'USD'))
          : '',
      currency: booking?.currency ?? 'USD',
      notes: booking?.notes ?? '',
    },
    toInput: (values) =>
      booking
        ? fields(values)
        : {
            talentProfile: values.talent?.id ?? '',
            ...(draft?.audition ? { audition: draft.audition.id } : {}),
            ...fields(values),
          },
    fieldOf: { talentProfile: 'talent' },
  });
  const { control, watch } = kit.form;
  const [talent, start, end, clientName, projectName, timezone] = watch([
    'talent',
    'startDateTime',
    'endDateTime',
    'clientName',
    'projectName',
    'timezone',
  ]);

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

  const onSubmit = kit.submit(async (input) => {
    if (booking) {
      await actions.update.mutateAsync({
        id: booking.id,
        version: booking.version,
        patch: input as Parameters<typeof actions.update.mutateAsync>[0]['patch'],
      });
      onClose(t('bookings.saved'));
    } else {
      await actions.create.mutateAsync(input as Parameters<typeof actions.create.mutateAsync>[0]);
      onClose(t('bookings.created'));
    }
  });

  /** Confirms; the snackbar names the released holds' clients (the booking keeps them too). */
  const confirmHold = (hold: Booking) =>
    run(async () => {
      const confirmed = await actions.confirm.mutateAsync({
        id: hold.id,
        ...((hold.holdRank ?? 1) > 1 ? { releaseAhead: true } : {}),
      });
      return confirmed.released.length
        ? t('bookings.confirmedReleased', {
            clients: confirmed.released.map((r) => `${r.clientName} · ${r.projectName}`).join(', '),
          })
        : t('bookings.confirmed');
    }, '');
  /** Asks first when confirming would release other clients' holds, naming whom to call. */
  const askToConfirm = (hold: Booking) =>
    kit.run(async () => {
      const { holds } = await releasePreview(hold.id);
      if (holds.length > 0) setReleasing(holds);
      else await confirmHold(hold);
    });

  /** Runs an action and closes with its message (or `message` when it returns none). */
  const run = (action: () => Promise<unknown>, message: string) =>
    kit.run(async () => {
      const result = await action();
      onClose(typeof result === 'string' && result ? result : message);
    });

  const actionButtons = booking && editable && (
    <PermittedButton
      needs={{ entity: 'bookings', action: 'update' }}
      color="warning"
      sx={{ mr: 'auto' }}
      onClick={() => setCancelling(true)}
    >
      {t('bookings.cancelBooking')}
    </PermittedButton>
  );
  const moreButtons = (
    <>
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
          onClick={() => void askToConfirm(booking)}
        >
          {(booking.holdRank ?? 1) > 1 ? t('bookings.confirmReleasing') : t('bookings.confirm')}
        </PermittedButton>
      )}
    </>
  );

  const title = (
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
  );

  return (
    <FormKitDialog
      title={title}
      maxWidth="md"
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
      readOnly={!editable}
      cancelLabel={t('common.close')}
      submitLabel={booking ? t('common.save') : t('common.create')}
      actions={actionButtons}
      moreActions={moreButtons}
    >
      {releasing && booking && (
        <ConfirmReleaseDialog
          holds={releasing}
          onDone={(yes) => {
            setReleasing(null);
            if (yes) void confirmHold(booking);
          }}
        />
      )}
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
      <Stack spacing={2}>
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
            <FormTalentPicker
              control={control}
              name="talent"
              label={t('bookings.talent')}
              disabled={!!booking || !!draft?.talent}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FormTimezoneField
              form={kit.form}
              name="timezone"
              carries={['startDateTime', 'endDateTime']}
              disabled={!editable}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FormTextField
              control={control}
              name="clientName"
              label={t('bookings.clientName')}
              required
              disabled={!editable}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FormTextField
              control={control}
              name="projectName"
              label={t('bookings.projectName')}
              required
              disabled={!editable}
            />
          </Grid>
          <FormTimeRange
            control={control}
            start="startDateTime"
            end="endDateTime"
            timezone={timezone}
            disabled={!editable}
            endFollowsStart
          />
          <Grid size={{ xs: 8, sm: 4 }}>
            <FormTextField
              control={control}
              name="rate"
              deps={['currency']}
              label={t('bookings.rate')}
              disabled={!editable}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </Grid>
          <Grid size={{ xs: 4, sm: 2 }}>
            <FormTextField
              control={control}
              name="currency"
              deps={['rate']}
              label={t('bookings.currency')}
              disabled={!editable}
              normalize={(text) => text.toUpperCase().slice(0, 3)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FormTextField
              control={control}
              name="notes"
              label={t('bookings.notes')}
              disabled={!editable}
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
        <ClientsToCall holds={detail.data?.released ?? []} />
        <ClashWarning
          clashes={clashes.data?.clashes ?? []}
          clientName={clientName}
          projectName={projectName}
          ownRank={booking?.status === 'hold' ? (booking.holdRank ?? 1) : null}
        />
      </Stack>
    </FormKitDialog>
  );
}
