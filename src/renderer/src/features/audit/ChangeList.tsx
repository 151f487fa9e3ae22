import { Box, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Longer values are shortened until asked for: one row must not fill the screen. */
const SHORT = 160;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  // A list of values reads as one, not as JSON.
  if (Array.isArray(value)) return value.map(show).join(', ');
  return JSON.stringify(value);
}

function Change({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = text.length > SHORT;
  return (
    <Typography component="li" variant="body2" sx={{ wordBreak: 'break-word' }}>
      <strong>{label}</strong>: {long && !open ? `${text.slice(0, SHORT)}…` : text}
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
            {open ? t('audit.showLess') : t('audit.showAll', { count: text.length })}
          </Link>
        </>
      )}
    </Typography>
  );
}

/** `{ field: [before, after] }` (or plain values for creations) as readable lines. */
export function ChangeList({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  if (!changes || Object.keys(changes).length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {Object.entries(changes).map(([field, value]) => (
        <Change
          key={field}
          label={t(`fields.${field}`, { defaultValue: field })}
          text={
            Array.isArray(value) && value.length === 2
              ? `${show(value[0])} → ${show(value[1])}`
              : show(value)
          }
        />
      ))}
    </Box>
  );
}
