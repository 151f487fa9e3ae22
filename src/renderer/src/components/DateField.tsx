import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTime } from 'luxon';

interface Props {
  readonly label: string;
  /** A calendar date, YYYY-MM-DD, or null. */
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
  readonly error?: string;
  readonly required?: boolean;
}

/** A calendar date with no time of day, as the contract stores it (YYYY-MM-DD). */
export function DateField({ label, value, onChange, error, required }: Props) {
  return (
    <DatePicker
      label={label}
      value={value ? DateTime.fromISO(value) : null}
      onChange={(next: DateTime | null) => onChange(next?.isValid ? next.toISODate() : null)}
      slotProps={{
        textField: { fullWidth: true, required, error: !!error, helperText: error },
        field: { clearable: true },
      }}
    />
  );
}
