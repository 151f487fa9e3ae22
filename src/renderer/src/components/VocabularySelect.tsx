import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { useTranslation } from 'react-i18next';

type Props = Omit<TextFieldProps, 'select' | 'children'> & {
  /** The vocabulary's values, e.g. TALENT_TYPES. */
  readonly values: readonly string[];
  /** The catalog section holding their labels, e.g. `talentType`. */
  readonly labels: string;
  /** Adds an "All" choice with the value '' (for filters). */
  readonly withAll?: boolean;
};

/** A select over one of the shared vocabularies, labelled in the current language. */
export function VocabularySelect({ values, labels, withAll = false, ...field }: Props) {
  const { t } = useTranslation();
  return (
    <TextField select {...field}>
      {withAll && <MenuItem value="">{t('common.all')}</MenuItem>}
      {values.map((value) => (
        <MenuItem key={value} value={value}>
          {t(`${labels}.${value}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
