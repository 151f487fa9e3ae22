import { Autocomplete, TextField } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client';

export interface ArtistOption {
  readonly id: string;
  readonly artistName: string;
}

interface Props {
  readonly label: string;
  readonly value: ArtistOption | null;
  readonly onChange: (value: ArtistOption | null) => void;
  readonly error?: string;
  readonly disabled?: boolean;
  readonly size?: 'small' | 'medium';
  readonly required?: boolean;
}

/** Searches the label's artists as the user types. */
export function ArtistPicker({
  label,
  value,
  onChange,
  error,
  disabled,
  size = 'medium',
  required = true,
}: Props) {
  const [text, setText] = useState('');
  const options = useQuery({
    queryKey: ['artists', 'picker', text],
    queryFn: async () =>
      (await call('artists.list', { limit: 20, ...(text ? { q: text } : {}) })).items.map(
        ({ id, artistName }) => ({ id, artistName }),
      ),
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
      getOptionLabel={(option) => option.artistName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
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
