import { Autocomplete, TextField } from '@mui/material';

export const SYSTEM_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

let zones: readonly string[] | null = null;
/** The runtime's zone list, built once: asking Intl for it costs every screen that shows the field. */
function knownZones(): readonly string[] {
  if (!zones) {
    const known = Intl.supportedValuesOf('timeZone');
    // Some runtimes leave UTC itself out of the list.
    zones = known.includes('UTC') ? known : ['UTC', ...known];
  }
  return zones;
}

/** Every IANA zone this runtime knows, searchable. */
export function TimezoneField({
  label,
  value,
  onChange,
  size = 'medium',
  disabled,
  error,
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  size?: 'small' | 'medium';
  disabled?: boolean;
  /** A message for the field (a form's, in the reader's language). */
  error?: string;
}) {
  return (
    <Autocomplete
      options={knownZones()}
      value={value}
      disableClearable
      size={size}
      disabled={disabled}
      onChange={(_e, next) => onChange(next)}
      renderInput={(params) => (
        <TextField {...params} label={label} required error={!!error} helperText={error} />
      )}
    />
  );
}
