import { Box, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLine, type FieldChange } from './readableHistory';

/** Longer values are shortened until asked for: one row must not fill the screen. */
const SHORT = 160;

function Change({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = change.after.length > SHORT;
  return (
    <Typography component="li" variant="body2" sx={{ wordBreak: 'break-word' }}>
      {changeLine(change, t, long && !open ? `${change.after.slice(0, SHORT)}…` : change.after)}
      {long && (
        <>
          {' '}
          <Link
            component="button"
            variant="body2"
            onClick={(event) => {
              // Inside a grid cell: the click is for the link, not for selecting the row.
              event.stopPropagation();
              setOpen(!open);
            }}
          >
            {open ? t('audit.showLess') : t('audit.showAll', { count: change.after.length })}
          </Link>
        </>
      )}
    </Typography>
  );
}

/** A row's field changes as worded lines ("Status: Draft → Sent"), and how many were left out. */
export function ChangeList({
  changes,
  unshown,
}: {
  changes: readonly FieldChange[];
  unshown: number;
}) {
  const { t } = useTranslation();
  if (changes.length === 0 && unshown === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {changes.map((change) => (
        <Change key={change.field} change={change} />
      ))}
      {unshown > 0 && (
        <Typography component="li" variant="body2" color="text.secondary">
          {t('history.moreDetails', { count: unshown })}
        </Typography>
      )}
    </Box>
  );
}
