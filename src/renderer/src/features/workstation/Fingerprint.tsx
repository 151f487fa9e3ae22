import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { groupedFingerprint } from './useWorkstation';

/** A certificate's SHA-256 fingerprint, grouped and monospaced for reading aloud. */
export function Fingerprint({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {t('workstation.fingerprint')}
      </Typography>
      <Box
        component="code"
        aria-label={t('workstation.fingerprint')}
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(4, max-content)',
          columnGap: 1.5,
          fontFamily: 'monospace',
          fontSize: 13,
          p: 1,
          bgcolor: 'action.hover',
          borderRadius: 1,
        }}
      >
        {groupedFingerprint(value).map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </Box>
    </Box>
  );
}
