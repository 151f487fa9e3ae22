import { Autocomplete, TextField } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client';

interface Option {
  readonly id: string;
  readonly stageName: string;
  readonly fullName: string;
}

interface Props {
  readonly label: string;
  readonly value: Option | null;
  readonly onChange: (value: Option | null) => void;
  readonly error?: string;
  readonly disabled?: boolean;
  readonly required?: boolean;
  readonly size?: 'small' | 'medium';
}

/** Searches the roster the user may see, as they type. */
export function TalentPicker({
  label,
  value,
  onChange,
  error,
  disabled,
  required = true,
  size = 'medium',
}: Props) {
  const [text, setText] = useState('');
  const options = useQuery({
    queryKey: ['talents', 'picker', text],
    queryFn: async () =>
      (await call('talents.list', { limit: 20, ...(text ? { q: text } : {}) })).items,
    placeholderData: keepPreviousData,
  });
  return (
    <Autocomplete
      options={options.data ?? []}
      value={value}
      disabled={disabled}
      loading={options.isFetching}
      filterOptions={(x) => x}
      size={size}
      getOptionLabel={(option) => option.stageName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={(props, option) => (
        <li {...props} key={option.id}>
          {option.stageName} <span style={{ opacity: 0.6, marginLeft: 8 }}>{option.fullName}</span>
        </li>
      )}
      onInputChange={(_e, next, reason) => reason === 'input' && setText(next)}
      onChange={(_e, next) => onChange(next)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          error={!!error}
          helperText={error}
        />
      )}
    />
  );
}
