import PhotoCameraOutlined from '@mui/icons-material/PhotoCameraOutlined';
import { Avatar, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Talent } from '../../../../shared/domain/talent';
import { bridge, call } from '../../api/client';
import { PermittedButton } from '../../components/PermittedButton';
import { useMediaUrl } from '../../api/useMediaUrl';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The talent's photo from the media store, and a way to replace it. */
export function Headshot({ talent }: { talent: Talent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async () => {
      const [picked] = await bridge.pickFiles('image', false);
      if (!picked) return null;
      return call('talents.setHeadshot', { id: talent.id, file: picked.file });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['talents'] }),
  });
  const headshotSrc = useMediaUrl(talent.headshotUrl);
  const initials = talent.stageName
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Avatar
        src={headshotSrc}
        alt={t('talentPage.headshot')}
        sx={{ width: 96, height: 96, fontSize: 32 }}
        variant="rounded"
      >
        {initials}
      </Avatar>
      <Stack spacing={0.5}>
        <PermittedButton
          needs={{ entity: 'talents', action: 'update' }}
          variant="outlined"
          size="small"
          startIcon={<PhotoCameraOutlined />}
          disabled={upload.isPending}
          onClick={() => upload.mutate()}
        >
          {t('talentPage.uploadHeadshot')}
        </PermittedButton>
        <Typography variant="caption" color="text.secondary">
          {t('talentPage.headshotHint')}
        </Typography>
        <ErrorAlert error={upload.error} labels={{ file: t('talentPage.headshot') }} />
      </Stack>
    </Stack>
  );
}
