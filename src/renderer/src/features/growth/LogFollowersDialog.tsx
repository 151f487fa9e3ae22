import { Grid, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../../shared/domain/growthLog';
import { PLATFORMS } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { VocabularySelect } from '../../components/VocabularySelect';

/** One capture of a platform's followers. Logs are append-only: a mistake is fixed by a new one. */
export function LogFollowersDialog({ artist, onClose }: { artist: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useChannelMutation('growthLogs.create', ['growthLogs', 'artists']);
  const [platform, setPlatform] = useState<Platform>('instagram');
  const [followers, setFollowers] = useState('');
  const [engagement, setEngagement] = useState('');
  const [captureDate, setCaptureDate] = useState<string | null>(DateTime.now().toISODate());
  return (
    <FormDialog
      title={t('growth.logTitle')}
      submitLabel={t('growth.log')}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={async () => {
        await create.mutateAsync({
          artist,
          platform,
          followerCount: followers.trim() === '' ? Number.NaN : Number(followers),
          engagementRate: engagement.trim() === '' ? null : Number(engagement),
          captureDate: captureDate ?? '',
        });
        onClose();
      }}
    >
      {(fieldError) => (
        <Grid container spacing={2}>
          <Grid size={12}>
            <VocabularySelect
              label={t('growth.platform')}
              values={PLATFORMS}
              labels="platform"
              fullWidth
              value={platform}
              onChange={(e) => setPlatform(e.target.value as Platform)}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              label={t('growth.followers')}
              type="number"
              required
              fullWidth
              autoFocus
              value={followers}
              onChange={(e) => setFollowers(e.target.value)}
              error={!!fieldError('followerCount')}
              helperText={fieldError('followerCount')}
              slotProps={{ htmlInput: { min: 0, step: 1 } }}
            />
          </Grid>
          <Grid size={6}>
            <TextField
              label={t('growth.engagement')}
              type="number"
              fullWidth
              value={engagement}
              onChange={(e) => setEngagement(e.target.value)}
              error={!!fieldError('engagementRate')}
              helperText={fieldError('engagementRate') ?? '%'}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 0.1 } }}
            />
          </Grid>
          <Grid size={12}>
            <DateField
              label={t('growth.captureDate')}
              value={captureDate}
              onChange={setCaptureDate}
              required
              error={fieldError('captureDate')}
            />
          </Grid>
        </Grid>
      )}
    </FormDialog>
  );
}
