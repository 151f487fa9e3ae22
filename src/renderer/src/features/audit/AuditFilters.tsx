import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { ENTITIES, type Entity } from '../../../../shared/access';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';
import { VocabularySelect } from '../../components/VocabularySelect';

/** What the admin picked: days are the viewer's own calendar days. */
export interface AuditFilterValues {
  readonly entity: Entity | '';
  readonly actor: string;
  /** YYYY-MM-DD, or null for no bound. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { entity: '', actor: '', from: null, to: null };

/** The filters as `audit.list` takes them: a day runs from its local midnight to the next. */
export function auditQuery(filters: AuditFilterValues): Input<'audit.list'> {
  const day = (value: string) => DateTime.fromISO(value);
  return {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.from ? { from: day(filters.from).startOf('day').toUTC().toISO()! } : {}),
    ...(filters.to ? { to: day(filters.to).endOf('day').toUTC().toISO()! } : {}),
  };
}

/** A day bound (YYYY-MM-DD), compact for a toolbar. */
function Day({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (day: string | null) => void;
}) {
  return (
    <DatePicker
      label={label}
      value={value ? DateTime.fromISO(value) : null}
      onChange={(next: DateTime | null) => onChange(next?.isValid ? next.toISODate() : null)}
      slotProps={{ textField: { size: 'small', sx: { width: 170 } }, field: { clearable: true } }}
    />
  );
}

/** Who, what kind of record, and when: the trail's filters. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  // Everyone who may appear in the trail, former staff too (the page is for admins only).
  const users = useQuery({
    queryKey: ['users', 'audit-filter'],
    queryFn: async () =>
      (await call('users.list', { limit: 100 })).items.sort((a, b) =>
        a.fullName.localeCompare(b.fullName),
      ),
  });
  const filtered = value !== NO_AUDIT_FILTERS && Object.values(auditQuery(value)).length > 0;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={t('history.filters.user')}
        value={users.data?.some((user) => user.id === value.actor) ? value.actor : ''}
        onChange={(event) => onChange({ ...value, actor: event.target.value })}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">{t('history.filters.anyone')}</MenuItem>
        {(users.data ?? []).map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.fullName}
          </MenuItem>
        ))}
      </TextField>
      <VocabularySelect
        size="small"
        label={t('audit.entityFilter')}
        values={ENTITIES}
        labels="entities"
        withAll
        value={value.entity}
        onChange={(event) => onChange({ ...value, entity: event.target.value as Entity | '' })}
        sx={{ minWidth: 170 }}
      />
      <Day
        label={t('history.filters.from')}
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
      />
      <Day
        label={t('history.filters.to')}
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
      />
      {filtered && (
        <Button onClick={() => onChange(NO_AUDIT_FILTERS)}>{t('history.filters.clear')}</Button>
      )}
    </Stack>
  );
}
