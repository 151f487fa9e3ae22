import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../shared/domain/vocabulary';
import { call } from '../api/client';

interface Props {
  readonly label: string;
  readonly roles: readonly Role[];
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly error?: string;
}

/** Active users of the given roles, for assigning a record (admins only can list users). */
export function UserSelect({ label, roles, value, onChange, error }: Props) {
  const users = useQuery({
    queryKey: ['users', 'select', roles],
    queryFn: async () =>
      (await Promise.all(roles.map((role) => call('users.list', { role, limit: 100 }))))
        .flatMap((page) => page.items)
        .filter((user) => user.active),
  });
  const options = users.data ?? [];
  return (
    <TextField
      select
      fullWidth
      label={label}
      value={options.some((o) => o.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error}
    >
      {options.map((user) => (
        <MenuItem key={user.id} value={user.id}>
          {user.fullName}
        </MenuItem>
      ))}
    </TextField>
  );
}
