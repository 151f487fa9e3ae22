import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { email, fullName, password, username, type User } from '../../../../shared/domain/user';
import { ROLES } from '../../../../shared/domain/vocabulary';
import { VocabularySelect } from '../../components/VocabularySelect';
import { SessionList } from '../account';
import { usePasswordMessage, useServerErrors } from '../session';
import { useManagers, useSaveUser } from './useUsers';

const formSchema = z.object({
  username,
  email,
  fullName,
  // Required for a new user; for an existing one, a temporary password set by the admin.
  // Checked as the password rule when given, so its own message shows (a union's would not).
  password: z.string().superRefine((value, ctx) => {
    if (value === '') return;
    for (const issue of password.safeParse(value).error?.issues ?? [])
      ctx.addIssue({ code: 'custom', message: issue.message });
  }),
  role: z.enum(ROLES),
  manager: z.string(),
  active: z.boolean(),
});
type UserForm = z.infer<typeof formSchema>;
const FIELDS = ['username', 'email', 'fullName', 'password', 'role', 'manager', 'active'] as const;

export function UserDialog({
  user,
  onClose,
}: {
  user: User | null;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const passwordMessage = usePasswordMessage();
  const managers = useManagers();
  const save = useSaveUser();
  const form = useForm<UserForm>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      username: user?.username ?? '',
      email: user?.email ?? '',
      fullName: user?.fullName ?? '',
      password: '',
      role: user?.role ?? 'coordinator',
      manager: user?.manager ?? '',
      active: user?.active ?? true,
    },
  });
  const server = useServerErrors(form.setError, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const role = form.watch('role');

  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    const manager = values.role === 'coordinator' ? values.manager || null : null;
    try {
      if (user) {
        const saved = await save.mutateAsync({
          update: {
            id: user.id,
            version: user.version,
            patch: {
              email: values.email,
              fullName: values.fullName,
              role: values.role,
              manager,
              active: values.active,
              ...(values.password ? { password: values.password } : {}),
            },
          },
        });
        onClose(t('users.updated', { name: saved.fullName }));
      } else {
        if (!values.password) {
          form.setError('password', { message: t('fields.passwordHint') });
          return;
        }
        const saved = await save.mutateAsync({
          create: { ...values, password: values.password, manager, active: values.active },
        });
        onClose(t('users.created', { name: saved.fullName }));
      }
    } catch (error) {
      server.report(error);
    }
  });

  return (
    <Dialog
      open
      onClose={() => onClose()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="user-dialog-title"
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="user-dialog-title">
          {user ? t('users.editTitle', { name: user.fullName }) : t('users.newTitle')}
        </DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            {server.message && <Alert severity="error">{server.message}</Alert>}
            <TextField
              label={t('fields.fullName')}
              autoFocus
              {...form.register('fullName')}
              error={!!errors.fullName}
              helperText={errors.fullName?.message}
            />
            <TextField
              label={t('fields.username')}
              disabled={!!user}
              {...form.register('username')}
              error={!!errors.username}
              helperText={errors.username?.message}
            />
            <TextField
              label={t('fields.email')}
              type="email"
              {...form.register('email')}
              error={!!errors.email}
              helperText={errors.email?.message}
            />
            <TextField
              label={user ? t('users.temporaryPassword') : t('fields.password')}
              type="password"
              autoComplete="new-password"
              {...form.register('password')}
              error={!!errors.password}
              helperText={
                passwordMessage(errors.password?.message) ??
                (user ? t('users.temporaryPasswordHint') : t('fields.passwordHint'))
              }
            />
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => (
                <VocabularySelect
                  label={t('users.role')}
                  values={ROLES}
                  labels="roles"
                  {...field}
                  error={!!errors.role}
                  helperText={errors.role?.message}
                />
              )}
            />
            {role === 'coordinator' && (
              <Controller
                control={form.control}
                name="manager"
                render={({ field }) => (
                  <TextField
                    select
                    label={t('users.team')}
                    {...field}
                    error={!!errors.manager}
                    helperText={errors.manager?.message ?? t('users.teamHint')}
                  >
                    {(managers.data ?? []).map((manager) => (
                      <MenuItem key={manager.id} value={manager.id}>
                        {manager.fullName}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            )}
            <Controller
              control={form.control}
              name="active"
              render={({ field }) => (
                <FormControlLabel
                  control={
                    <Switch
                      checked={field.value}
                      onChange={(_e, checked) => field.onChange(checked)}
                    />
                  }
                  label={t('users.active')}
                />
              )}
            />
            {user && <SessionList user={user.id} name={user.fullName} />}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={isSubmitting}>
            {user ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
