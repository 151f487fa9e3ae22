import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { rankByName } from './nameMatch';

export interface ArtistOption {
  readonly id: string;
  readonly artistName: string;
  /** What tells two artists of the same name apart in the list (absent on a preset value). */
  readonly genre?: string;
  readonly ownerName?: string;
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

/** Enough answers that the best matches are among them before they are ranked here. */
const SEARCH_LIMIT = 50;

/**
 * Searches the label's artists as the user types: names starting with the text first, then
 * names containing it (main's search answers by "contains", ordered by priority). Each option
 * shows its genre and A&R owner beneath, and a short id where even those are the same.
 */
export function ArtistPicker({
  label,
  value,
  onChange,
  error,
  disabled,
  size = 'medium',
  required = true,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const options = useQuery({
    queryKey: ['artists', 'picker', text],
    queryFn: async () =>
      (
        await call('artists.list', {
          limit: text ? SEARCH_LIMIT : 20,
          ...(text ? { q: text } : {}),
        })
      ).items.map(({ id, artistName, genre, expanded }) => ({
        id,
        artistName,
        genre,
        ownerName: expanded.owner.fullName,
      })),
    placeholderData: keepPreviousData,
  });
  const ranked = useMemo(
    () => rankByName(options.data ?? [], text, (option) => option.artistName),
    [options.data, text],
  );
  const secondary = useMemo(() => {
    const about = (o: ArtistOption) =>
      [o.genre, o.ownerName && t('artists.ownedBy', { name: o.ownerName })]
        .filter(Boolean)
        .join(' · ');
    const seen = new Map<string, number>();
    for (const o of ranked) {
      const key = `${o.artistName}\u0000${about(o)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return (o: ArtistOption) => {
      const line = about(o);
      // Same name, genre and owner: only the record itself differs.
      return (seen.get(`${o.artistName}\u0000${line}`) ?? 0) > 1
        ? `${line} · #${o.id.slice(0, 6)}`
        : line;
    };
  }, [ranked, t]);
  return (
    <Autocomplete
      options={ranked}
      value={value}
      disabled={disabled}
      loading={options.isFetching}
      filterOptions={(x) => x}
      size={size}
      getOptionLabel={(option) => option.artistName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={({ key: _key, ...props }, option) => (
        <Box component="li" {...props} key={option.id} sx={{ flexDirection: 'column' }}>
          <Typography variant="body2" sx={{ alignSelf: 'flex-start' }}>
            {option.artistName}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'flex-start' }}>
            {secondary(option)}
          </Typography>
        </Box>
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
