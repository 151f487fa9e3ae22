import { FormControlLabel, MenuItem, Switch, TextField, type TextFieldProps } from '@mui/material';
import { Controller, type FieldValues } from 'react-hook-form';
import { VocabularySelect } from '../VocabularySelect';
import { asControl, depsRules, type Bound } from './control';

type TextProps<V extends FieldValues> = Bound<V> &
  Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'error' | 'defaultValue'> & {
    /** Rewrites what is typed before the form holds it (e.g. upper case). */
    readonly normalize?: (text: string) => string;
  };

/** A text field whose value and message are the form's. */
export function FormTextField<V extends FieldValues>({
  control,
  name,
  deps,
  helperText,
  normalize,
  ...props
}: TextProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      rules={depsRules(deps)}
      render={({ field, fieldState }) => (
        <TextField
          fullWidth
          {...props}
          {...field}
          value={field.value ?? ''}
          onChange={(event) =>
            field.onChange(normalize ? normalize(event.target.value) : event.target.value)
          }
          inputRef={field.ref}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? helperText}
        />
      )}
    />
  );
}

type SelectProps<V extends FieldValues> = Omit<TextProps<V>, 'normalize'> & {
  readonly values: readonly string[];
  readonly labels: string;
};

/** A select over one of the shared vocabularies. */
export function FormVocabularySelect<V extends FieldValues>({
  control,
  name,
  deps,
  values,
  labels,
  helperText,
  ...props
}: SelectProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      rules={depsRules(deps)}
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

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

type OptionsProps<V extends FieldValues> = Omit<TextProps<V>, 'normalize'> & {
  readonly options: readonly SelectOption[];
  /** How to show a value that is not among the options (yet, or any more). */
  readonly fallbackLabel?: string;
};

/**
 * A select over options known only at run time (people, teams). A value not among them (a
 * former manager) stays shown by `fallbackLabel` rather than as an empty field.
 */
export function FormSelect<V extends FieldValues>({
  control,
  name,
  deps,
  options,
  fallbackLabel,
  helperText,
  ...props
}: OptionsProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      rules={depsRules(deps)}
      render={({ field, fieldState }) => {
        const value = (field.value as string | null | undefined) ?? '';
        const known = options.some((option) => option.value === value);
        const kept = !known && value !== '' && fallbackLabel !== undefined;
        return (
          <TextField
            select
            fullWidth
            {...props}
            {...field}
            value={known || kept ? value : ''}
            inputRef={field.ref}
            error={!!fieldState.error}
            helperText={fieldState.error?.message ?? helperText}
          >
            {options.map((option) => (
              <MenuItem key={option.value} value={option.value}>
                {option.label}
              </MenuItem>
            ))}
            {kept && <MenuItem value={value}>{fallbackLabel}</MenuItem>}
          </TextField>
        );
      }}
    />
  );
}

/** An on/off switch with its label. */
export function FormSwitch<V extends FieldValues>({
  control,
  name,
  label,
  disabled,
}: Bound<V> & { readonly label: string; readonly disabled?: boolean }) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      render={({ field }) => (
        <FormControlLabel
          label={label}
          disabled={disabled}
          control={
            <Switch
              checked={!!field.value}
              inputRef={field.ref}
              onBlur={field.onBlur}
              onChange={(_event, checked) => field.onChange(checked)}
            />
          }
        />
      )}
    />
  );
}
