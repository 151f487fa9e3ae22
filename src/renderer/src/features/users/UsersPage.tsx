import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Chip, Snackbar, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/domain/user';
import { PagedGrid } from '../../components/PagedGrid';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { CutText } from '../../components/CutText';
import { CHIP_PADDING, fitWidth } from '../../components/gridColumns';
import { UserDialog } from './UserDialog';
import { useManagers, useUserList } from './useUsers';

const PAGE_SIZE = 50;

/** Admins: accounts, roles, teams, and activating sign-ups. */
export function UsersPage() {
  const { t } = useTranslation();
  const paging = useCursorPaging(PAGE_SIZE);
  const list = useUserList({
    limit: PAGE_SIZE,
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const localeText = useGridLocaleText();
  const managers = useManagers();
  const byId = useMemo(() => new Map((managers.data ?? []).map((u) => [u.id, u])), [managers.data]);

  const columns = useMemo<GridColDef<User>[]>(
    () => [
      { field: 'fullName', headerName: t('fields.fullName'), flex: 1, minWidth: 160 },
      { field: 'username', headerName: t('fields.username'), width: 150 },
      {
        field: 'email',
        headerName: t('fields.email'),
        // Addresses run longer than names: more of the width, and the whole one on hover.
        flex: 1.5,
        minWidth: 200,
        renderCell: ({ value }) => <CutText text={value} />,
      },
      {
        field: 'role',
        headerName: t('users.role'),
        width: 130,
        valueFormatter: (v: string) => t(`roles.${v}`),
      },
      {
        field: 'manager',
        headerName: t('users.team'),
        width: 170,
        valueGetter: (_v, row) => (row.manager ? (byId.get(row.manager)?.fullName ?? '') : ''),
      },
      {
        field: 'active',
        headerName: t('users.active'),
        // As wide as its chips in the reader's language, so neither ends in "…".
        width: fitWidth(
          t('users.active'),
          [t('users.activeYes'), t('users.inactive')],
          CHIP_PADDING,
        ),
        renderCell: ({ row }) => (
          <Chip
            size="small"
            variant="outlined"
            color={row.active ? 'success' : 'warning'}
            label={row.active ? t('users.activeYes') : t('users.inactive')}
          />
        ),
      },
    ],
    [t, byId],
  );

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('users.title')}
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
          {t('users.new')}
        </Button>
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 320 }}>
        <PagedGrid<User>
          label={t('users.title')}
          page={list.data}
          fetching={list.isFetching}
          paging={paging}
          columns={columns}
          onOpen={setEditing}
          localeText={localeText}
        />
      </Box>
      {editing && (
        <UserDialog
          user={editing === 'new' ? null : editing}
          onClose={(message) => {
            setEditing(null);
            if (message) setNotice(message);
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}
