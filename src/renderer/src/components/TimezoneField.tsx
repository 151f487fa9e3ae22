import { Autocomplete, TextField } from '@mui/material';
import { useMemo } from 'react';

export const SYSTEM_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every IANA zone this runtime knows, searchable. */
export function TimezoneField({
  label,
  value,
  onChange,
  size = 'medium',
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  size?: 'small' | 'medium';
}) {
  // Some runtimes leave UTC itself out of the list.
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes('UTC') ? known : ['UTC', ...known];
  }, []);
  return (
    <Autocomplete
      options={zones}
      value={value}
      disableClearable
      size={size}
      onChange={(_e, next) => onChange(next)}
      renderInput={(params) => <TextField {...params} label={label} required />}
    />
  );
}
