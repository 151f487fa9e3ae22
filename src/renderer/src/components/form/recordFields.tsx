import { Controller, type FieldValues } from 'react-hook-form';
import type { Role } from '../../../../shared/domain/vocabulary';
import { ArtistPicker } from '../ArtistPicker';
import { TalentPicker } from '../TalentPicker';
import { UserSelect } from '../UserSelect';
import { asControl, type Bound } from './control';

interface RecordProps<V extends FieldValues> extends Bound<V> {
  readonly label: string;
  readonly disabled?: boolean;
}

/** A talent from the roster the user may see (the form holds the picked option or null). */
export function FormTalentPicker<V extends FieldValues>({
  control,
  name,
  label,
  disabled,
}: RecordProps<V>) {
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

/** An artist of the label (the form holds the picked option or null). */
export function FormArtistPicker<V extends FieldValues>({
  control,
  name,
  label,
  disabled,
}: RecordProps<V>) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      render={({ field, fieldState }) => (
        <ArtistPicker
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

/** An active user of the given roles (the form holds the user's id). */
export function FormUserSelect<V extends FieldValues>({
  control,
  name,
  label,
  roles,
}: Omit<RecordProps<V>, 'disabled'> & { readonly roles: readonly Role[] }) {
  return (
    <Controller
      control={asControl(control)}
      name={name}
      render={({ field, fieldState }) => (
        <UserSelect
          label={label}
          roles={roles}
          value={(field.value as string | null) ?? ''}
          onChange={field.onChange}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
