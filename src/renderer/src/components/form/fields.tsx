import { TextField, type TextFieldProps } from '@mui/material';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { EARLIEST_DATE, LATEST_DATE } from '../../../../shared/domain/common';
import { TalentPicker } from '../TalentPicker';
import { VocabularySelect } from '../VocabularySelect';

interface Bound<V extends FieldValues> {
  readonly control: Control<V, unknown, never> | Control<V, unknown, unknown>;
  readonly name: Path<V>;
  /** Fields checked again when this one changes (an end beside its start). */
  readonly deps?: readonly Path<V>[];
}

/** The shared date rules, as the pickers' bounds (so a picker offers no day main refuses). */
export const EARLIEST_DAY = DateTime.fromISO(EARLIEST_DATE);
export const LATEST_DAY = DateTime.fromISO(LATEST_DATE).endOf('day');

// The kit's fields take any form's control: its value types are the form's business.
const asControl = <V extends FieldValues>(control: Bound<V>['control']) =>
  control as unknown as Control<V>;

type TextProps<V extends FieldValues> = Bound<V> &
  Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'error' | 'defaultValue'>;

/** A text field whose value and message are the form's. */
export function FormTextField<V extends FieldValues>({
  control,
  name,
  deps,
  helperText,
  ...props
}: TextProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      rules={deps ? { deps: [...deps] } : undefined}
      render={({ field, fieldState }) => (
        <TextField
          fullWidth
          {...props}
          {...field}
          value={field.value ?? ''}
          inputRef={field.ref}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? helperText}
        />
      )}
    />
  );
}

type SelectProps<V extends FieldValues> = TextProps<V> & {
  readonly values: readonly string[];
  readonly labels: string;
};

/** A select over one of the shared vocabularies. */
export function FormVocabularySelect<V extends FieldValues>({
  control,
  name,
  values,
  labels,
  helperText,
  ...props
}: SelectProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      render={({ field, fieldState }) => (
        <VocabularySelect
          fullWidth
          {...props}
          {...field}
          inputRef={field.ref}
          values={values}
          labels={labels}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? helperText}
        />
      )}
    />
  );
}

interface PickerProps<V extends FieldValues> extends Bound<V> {
  readonly label: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly timezone?: string;
  /** Instead of the shared latest day (growth captures: today). */
  readonly disableFuture?: boolean;
  readonly helperText?: ReactNode;
  /** Called after the form's own change, e.g. to move the end along with the start. */
  readonly onPicked?: (value: DateTime | null) => void;
}

/** A date and time (a luxon DateTime in the form), bounded by the shared date rules. */
export function FormDateTimePicker<V extends FieldValues>({
  control,
  name,
  deps,
  label,
  required,
  disabled,
  timezone,
  disableFuture,
  helperText,
  onPicked,
}: PickerProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      rules={deps ? { deps: [...deps] } : undefined}
      render={({ field, fieldState }) => (
        <DateTimePicker
          label={label}
          value={(field.value as DateTime | null) ?? null}
          timezone={timezone}
          disabled={disabled}
          minDate={EARLIEST_DAY}
          maxDate={LATEST_DAY}
          disableFuture={disableFuture}
          inputRef={field.ref}
          onChange={(value: DateTime | null) => {
            field.onChange(value);
            onPicked?.(value);
          }}
          slotProps={{
            textField: {
              fullWidth: true,
              required,
              onBlur: field.onBlur,
              error: !!fieldState.error,
              helperText: fieldState.error?.message ?? helperText,
            },
          }}
        />
      )}
    />
  );
}

/**
 * A calendar date with no time of day. The form holds it as a luxon DateTime (null when empty,
 * invalid while half typed); `calendarDateInput` turns it into the contract's YYYY-MM-DD.
 */
export function FormDatePicker<V extends FieldValues>({
  control,
  name,
  deps,
  label,
  required,
  disabled,
  disableFuture,
  helperText,
}: Omit<PickerProps<V>, 'timezone' | 'onPicked'>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      rules={deps ? { deps: [...deps] } : undefined}
      render={({ field, fieldState }) => (
        <DatePicker
          label={label}
          value={(field.value as DateTime | null) ?? null}
          disabled={disabled}
          minDate={EARLIEST_DAY}
          maxDate={LATEST_DAY}
          disableFuture={disableFuture}
          inputRef={field.ref}
          onChange={(value: DateTime | null) => field.onChange(value)}
          slotProps={{
            textField: {
              fullWidth: true,
              required,
              onBlur: field.onBlur,
              error: !!fieldState.error,
              helperText: fieldState.error?.message ?? helperText,
            },
            field: { clearable: !required },
          }}
        />
      )}
    />
  );
}

/** A talent from the roster the user may see (the form holds the picked option or null). */
export function FormTalentPicker<V extends FieldValues>({
  control,
  name,
  label,
  disabled,
}: Bound<V> & { readonly label: string; readonly disabled?: boolean }) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      render={({ field, fieldState }) => (
        <TalentPicker
          label={label}
          value={field.value ?? null}
          onChange={field.onChange}
          disabled={disabled}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/**
 * A picker's DateTime as the contract's instant: null when empty, and a text the schema refuses
 * (as "a whole date and time") while it is half typed.
 */
export function instantInput(value: DateTime | null | undefined): string | null {
  if (!value) return null;
  return value.isValid ? value.toUTC().toISO() : 'incomplete';
}

/** A date picker's DateTime as the contract's YYYY-MM-DD (see instantInput). */
export function calendarDateInput(value: DateTime | null | undefined): string | null {
  if (!value) return null;
  return value.isValid ? value.toISODate() : 'incomplete';
}

/** A calendar date from the contract as a date picker's value. */
export function calendarDateValue(value: string | null | undefined): DateTime | null {
  return value ? DateTime.fromISO(value) : null;
}

/** Optional text: empty (after trimming) is null. */
export function optionalTextInput(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** A number typed as text: empty is null, anything else the number it reads as (NaN if none). */
export function numberInput(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : Number(text.replace(',', '.'));
}
