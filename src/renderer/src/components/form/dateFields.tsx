import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { Grid } from '@mui/material';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import {
  useController,
  type FieldValues,
  type Path,
  type UseControllerReturn,
  type UseFormGetValues,
  type UseFormSetValue,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EARLIEST_DATE, LATEST_DATE } from '../../../../shared/domain/common';
import { TimezoneField } from '../TimezoneField';
import { asControl, depsRules, type Bound } from './control';

/** The shared date rules, as the pickers' bounds (so a picker offers no day main refuses). */
export const EARLIEST_DAY = DateTime.fromISO(EARLIEST_DATE);
export const LATEST_DAY = DateTime.fromISO(LATEST_DATE).endOf('day');

interface PickerOptions {
  readonly label: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  /** Instead of the shared latest day (growth captures: today). */
  readonly disableFuture?: boolean;
  readonly helperText?: ReactNode;
}

/** What both kinds of picker share: the bounds, the form's value and its message. */
function pickerProps(
  { field, fieldState }: UseControllerReturn<FieldValues>,
  { label, required, disabled, disableFuture, helperText }: PickerOptions,
) {
  return {
    label,
    disabled,
    disableFuture,
    value: (field.value as DateTime | null) ?? null,
    minDate: EARLIEST_DAY,
    maxDate: LATEST_DAY,
    inputRef: field.ref,
    textField: {
      fullWidth: true,
      required,
      onBlur: field.onBlur,
      error: !!fieldState.error,
      helperText: fieldState.error?.message ?? helperText,
    },
  };
}

/** One date-and-time picker over a controlled field (a luxon DateTime, or null). */
function InstantPicker({
  controller,
  timezone,
  onPicked,
  ...options
}: PickerOptions & {
  readonly controller: UseControllerReturn<FieldValues>;
  readonly timezone?: string;
  readonly onPicked?: (value: DateTime | null) => void;
}) {
  const { textField, ...props } = pickerProps(controller, options);
  return (
    <DateTimePicker
      {...props}
      timezone={timezone}
      onChange={(value: DateTime | null) => {
        onPicked?.(value);
        controller.field.onChange(value);
      }}
      slotProps={{ textField }}
    />
  );
}

// useController over any form's control: the kit's fields are typed by the form's names only.
const useKitController = <V extends FieldValues>(
  control: Bound<V>['control'],
  name: Path<V>,
  deps?: Bound<V>['deps'],
) =>
  useController({
    control: asControl(control),
    name,
    rules: depsRules(deps),
  }) as unknown as UseControllerReturn<FieldValues>;

/** A date and time (a luxon DateTime in the form), bounded by the shared date rules. */
export function FormDateTimePicker<V extends FieldValues>({
  control,
  name,
  deps,
  timezone,
  ...options
}: Bound<V> & PickerOptions & { readonly timezone?: string }) {
  const controller = useKitController(control, name, deps);
  return <InstantPicker controller={controller} timezone={timezone} {...options} />;
}

/**
 * A calendar date with no time of day. The form holds it as a luxon DateTime (null when empty,
 * invalid while half typed); `calendarDateInput` turns it into the contract's YYYY-MM-DD.
 */
export function FormDatePicker<V extends FieldValues>({
  control,
  name,
  deps,
  ...options
}: Bound<V> & PickerOptions) {
  const controller = useKitController(control, name, deps);
  const { textField, ...props } = pickerProps(controller, options);
  return (
    <DatePicker
      {...props}
      onChange={(value: DateTime | null) => controller.field.onChange(value)}
      slotProps={{ textField, field: { clearable: !options.required } }}
    />
  );
}

interface TimeRangeProps<V extends FieldValues> {
  readonly control: Bound<V>['control'];
  /** The form's names of the start and the end (luxon DateTimes). */
  readonly start: Path<V>;
  readonly end: Path<V>;
  /** The zone both are typed in (the form's time zone field). */
  readonly timezone?: string;
  readonly startLabel?: string;
  readonly endLabel?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  /** Moving the start past the end moves the end along, keeping the length (bookings). */
  readonly endFollowsStart?: boolean;
}

/**
 * A start and an end, side by side (two grid cells): each re-checks the other as it changes, so
 * "must be after the start" goes as soon as either is fixed.
 */
export function FormTimeRange<V extends FieldValues>({
  control,
  start,
  end,
  timezone,
  startLabel,
  endLabel,
  required = true,
  disabled,
  endFollowsStart = false,
}: TimeRangeProps<V>) {
  const { t } = useTranslation();
  const from = useKitController(control, start, [end]);
  const to = useKitController(control, end, [start]);
  const followStart = (next: DateTime | null) => {
    const before = from.field.value as DateTime | null;
    const until = to.field.value as DateTime | null;
    if (!endFollowsStart || !next?.isValid || !until?.isValid || until > next) return;
    const length = before?.isValid && until > before ? until.diff(before) : { hours: 1 };
    to.field.onChange(next.plus(length));
  };
  return (
    <>
      <Grid size={{ xs: 12, sm: 6 }}>
        <InstantPicker
          controller={from}
          label={startLabel ?? t('bookings.start')}
          timezone={timezone}
          required={required}
          disabled={disabled}
          onPicked={followStart}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <InstantPicker
          controller={to}
          label={endLabel ?? t('bookings.end')}
          timezone={timezone}
          required={required}
          disabled={disabled}
        />
      </Grid>
    </>
  );
}

/**
 * The form's time zone. Changing it keeps the wall-clock time of the `carries` fields (what the
 * user typed, now read in the new zone), as a calendar app does.
 */
export function FormTimezoneField<V extends FieldValues>({
  form,
  name,
  carries = [],
  label,
  disabled,
}: {
  /** The kit's form (`kit.form`): its control, and what moves the carried fields. */
  readonly form: {
    readonly control: Bound<V>['control'];
    readonly getValues: UseFormGetValues<V>;
    readonly setValue: UseFormSetValue<V>;
  };
  readonly name: Path<V>;
  readonly carries?: readonly Path<V>[];
  readonly label?: string;
  readonly disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { field, fieldState, formState } = useKitController(form.control, name);
  return (
    <TimezoneField
      label={label ?? t('bookings.timezone')}
      value={field.value as string}
      disabled={disabled}
      error={fieldState.error?.message}
      onChange={(zone) => {
        field.onChange(zone);
        for (const carried of carries) {
          const value = form.getValues(carried) as DateTime | null;
          form.setValue(carried, (value?.setZone(zone, { keepLocalTime: true }) ?? null) as never, {
            shouldValidate: formState.isSubmitted,
          });
        }
      }}
    />
  );
}
