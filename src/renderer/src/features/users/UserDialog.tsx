import { Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import { userCreate, userPatch, type User } from '../../../../shared/domain/user';
import { ROLES, type Role } from '../../../../shared/domain/vocabulary';
import {
  FormKitDialog,
  FormSelect,
  FormSwitch,
  FormTextField,
  FormVocabularySelect,
  useSchemaForm,
} from '../../components/form';
import { SessionList } from '../account';
import { useManagers, useSaveUser } from './useUsers';

interface UserForm {
  username: string;
  email: string;
  fullName: string;
  /** Required for a new user; for an existing one, a temporary password set by the admin. */
  password: string;
  role: Role;
  manager: string;
  active: boolean;
}

export function UserDialog({
  user,
  onClose,
}: {
  user: User | null;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const managers = useManagers();
  const save = useSaveUser();
  const kit = useSchemaForm<UserForm, unknown>({
    schema: user ? userPatch : userCreate,
    defaultValues: {
      username: user?.username ?? '',
      email: user?.email ?? '',
      fullName: user?.fullName ?? '',
      password: '',
      role: user?.role ?? 'coordinator',
      manager: user?.manager ?? '',
      active: user?.active ?? true,
    },
    toInput: (values) => {
      // Only a coordinator belongs to a manager's team.
      const manager = values.role === 'coordinator' ? values.manager || null : null;
      const fields = {
        email: values.email,
        fullName: values.fullName,
        role: values.role,
        manager,
        active: values.active,
      };
      return user
        ? { ...fields, ...(values.password ? { password: values.password } : {}) }
        : { username: values.username, password: values.password, ...fields };
    },
  });
  const { control, watch } = kit.form;
  const role = watch('role');

  const onSubmit = kit.submit(async (input) => {
    if (user) {
      const saved = await save.mutateAsync({
        update: {
          id: user.id,
          version: user.version,
          patch: input as Input<'users.update'>['patch'],
        },
      });
      onClose(t('users.updated', { name: saved.fullName }));
    } else {
      const saved = await save.mutateAsync({
        create: input as Input<'users.create'>,
      });
      onClose(t('users.created', { name: saved.fullName }));
    }
  });

  return (
    <FormKitDialog
      title={user ? t('users.editTitle', { name: user.fullName }) : t('users.newTitle')}
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
      submitLabel={user ? t('common.save') : t('common.create')}
    >
      <Stack spacing={2}>
        <FormTextField control={control} name="fullName" label={t('fields.fullName')} autoFocus />
        <FormTextField
          control={control}
          name="username"
          label={t('fields.username')}
          disabled={!!user}
        />
        <FormTextField control={control} name="email" label={t('fields.email')} type="email" />
        <FormTextField
          control={control}
          name="password"
          label={user ? t('users.temporaryPassword') : t('fields.password')}
          type="password"
          autoComplete="new-password"
          helperText={user ? t('users.temporaryPasswordHint') : t('fields.passwordHint')}
        />
        <FormVocabularySelect
          control={control}
          name="role"
          deps={['manager']}
          label={t('users.role')}
          values={ROLES}
          labels="roles"
        />
        {role === 'coordinator' && (
          <FormSelect
            control={control}
            name="manager"
            label={t('users.team')}
            helperText={t('users.teamHint')}
            options={(managers.data ?? []).map((manager) => ({
              value: manager.id,
              label: manager.fullName,
            }))}
          />
        )}
        <FormSwitch control={control} name="active" label={t('users.active')} />
        {user && <SessionList user={user.id} name={user.fullName} />}
      </Stack>
    </FormKitDialog>
  );
}
