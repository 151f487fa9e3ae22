import type { ComponentType } from 'react';
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

/** A picker of one kind of record: the picked option (or null), and the message under it. */
type OptionPicker<T> = ComponentType<{
  readonly label: string;
  readonly value: T | null;
  readonly onChange: (value: T | null) => void;
  readonly disabled?: boolean;
  readonly error?: string;
}>;

/** A record picker over a form field (the form holds the picked option or null). */
function optionField<T>(Picker: OptionPicker<T>) {
  return function FormOptionPicker<V extends FieldValues>({
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
          <Picker
            label={label}
            value={(field.value as T | null) ?? null}
            onChange={field.onChange}
            disabled={disabled}
            error={fieldState.error?.message}
          />
        )}
      />
    );
  };
}

/** A talent from the roster the user may see. */
export const FormTalentPicker = optionField(TalentPicker);

/** An artist of the label. */
export const FormArtistPicker = optionField(ArtistPicker);

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
