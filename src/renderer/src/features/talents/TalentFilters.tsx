import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VocabularySelect } from '../../components/VocabularySelect';
import {
  AVAILABILITY_STATUSES,
  TALENT_TYPES,
  type AvailabilityStatus,
  type TalentType,
} from '../../../../shared/domain/vocabulary';

export interface TalentFilterValues {
  readonly q: string;
  readonly talentType: TalentType | '';
  readonly availabilityStatus: AvailabilityStatus | '';
}

const SEARCH_DEBOUNCE_MS = 250;

export function TalentFilters({
  value,
  onChange,
}: {
  value: TalentFilterValues;
  onChange: (next: TalentFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.q);

  useEffect(() => {
    if (text === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
      <TextField
        size="small"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('talents.searchPlaceholder')}
        sx={{ minWidth: 280, flexGrow: 1 }}
        slotProps={{
          htmlInput: { 'aria-label': t('common.search'), maxLength: 200 },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <VocabularySelect
        size="small"
        label={t('fields.talentType')}
        values={TALENT_TYPES}
        labels="talentType"
        withAll
        value={value.talentType}
        onChange={(event) =>
          onChange({ ...value, talentType: event.target.value as TalentType | '' })
        }
        sx={{ minWidth: 160 }}
      />
      <VocabularySelect
        size="small"
        label={t('fields.availabilityStatus')}
        values={AVAILABILITY_STATUSES}
        labels="availability"
        withAll
        value={value.availabilityStatus}
        onChange={(event) =>
          onChange({ ...value, availabilityStatus: event.target.value as AvailabilityStatus | '' })
        }
        sx={{ minWidth: 160 }}
      />
    </Stack>
  );
}
