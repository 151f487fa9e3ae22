import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `{ field: [before, after] }` (or plain values for creations) as readable lines. */
export function ChangeList({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  if (!changes || Object.keys(changes).length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {Object.entries(changes).map(([field, value]) => (
        <Typography component="li" variant="body2" key={field} sx={{ wordBreak: 'break-word' }}>
          <strong>{t(`fields.${field}`, { defaultValue: field })}</strong>:{' '}
          {Array.isArray(value) && value.length === 2
            ? `${show(value[0])} → ${show(value[1])}`
            : show(value)}
        </Typography>
      ))}
    </Box>
  );
}
