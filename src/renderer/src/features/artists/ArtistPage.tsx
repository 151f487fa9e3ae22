import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { call } from '../../api/client';
import { StatusChip } from '../../components/StatusChip';

/** One artist: the record the label desk's demos, contracts, growth and notes hang off. */
export function ArtistPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const artist = useQuery({
    queryKey: ['artists', 'one', id],
    queryFn: () => call('artists.get', { id }),
  });
  if (artist.isPending) return <CircularProgress sx={{ m: 4 }} aria-label={t('common.loading')} />;
  if (artist.error) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="error">{artist.error.message || t('artists.notFound')}</Alert>
      </Box>
    );
  }
  const a = artist.data;
  const facts: [string, string][] = [
    [t('artists.genre'), a.genre],
    [t('artists.priorityScore'), a.priorityScore == null ? '—' : String(a.priorityScore)],
    [
      t('artists.socialFollowers'),
      a.socialFollowers == null
        ? '—'
        : new Intl.NumberFormat(i18n.language).format(a.socialFollowers),
    ],
    [t('artists.lastDemoDate'), a.lastDemoDate ?? '—'],
    [t('artists.owner'), a.expanded.owner.fullName],
  ];
  return (
    <Box sx={{ p: 3 }}>
      <Button component={RouterLink} to="/artists" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {t('artists.back')}
      </Button>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1">
          {a.artistName}
        </Typography>
        <StatusChip status={a.status} labels="artistStatus" />
      </Stack>
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }}>
        <Box
          component="dl"
          sx={{
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            columnGap: 3,
            rowGap: 1,
            m: 0,
          }}
        >
          {facts.map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {label}
              </Typography>
              <Typography component="dd" sx={{ m: 0 }}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
      </Paper>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        {t('artists.moreSoon')}
      </Typography>
    </Box>
  );
}
