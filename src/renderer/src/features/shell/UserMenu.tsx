import AccountCircle from '@mui/icons-material/AccountCircle';
import {
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Snackbar,
  Tooltip,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_RULES, canAny } from '../../../../shared/access';
import { CalendarFeedsDialog, ChangePasswordDialog, SessionsDialog } from '../account';
import { useCurrentUser, useSession } from '../session';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const session = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  const [open, setOpen] = useState<'sessions' | 'feeds' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Tooltip title={t('nav.account')}>
        <IconButton
          color="inherit"
          aria-label={t('nav.account')}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <AccountCircle />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemText
            primary={user.fullName}
            secondary={`${user.username} · ${t(`roles.${user.role}`)}`}
          />
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
        >
          {t('account.changePassword')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setOpen('sessions');
          }}
        >
          {t('sessions.myTitle')}
        </MenuItem>
        {canAny(user.role, CALENDAR_RULES) && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              setOpen('feeds');
            }}
          >
            {t('feeds.subscribe')}
          </MenuItem>
        )}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void session.signOut();
          }}
        >
          {t('nav.signOut')}
        </MenuItem>
      </Menu>
      {changing && (
        <ChangePasswordDialog
          onClose={(message) => {
            setChanging(false);
            if (message) setNotice(message);
          }}
        />
      )}
      {open === 'sessions' && <SessionsDialog onClose={() => setOpen(null)} />}
      {open === 'feeds' && <CalendarFeedsDialog onClose={() => setOpen(null)} />}
      <Snackbar
        open={notice !== null}
        autoHideDuration={5000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </>
  );
}
