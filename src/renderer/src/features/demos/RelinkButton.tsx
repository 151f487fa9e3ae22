import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demo } from '../../../../shared/domain/demo';
import { bridge } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { useNotify } from '../../components/useNotify';
import { missingAudioText } from './missingAudioText';
import { useErrorText } from '../../components/form';

/**
 * Points a demo whose stored file went missing at the same recording again, or gives a demo
 * imported from the hosted app (its audio left behind there) its recording.
 */
export function RelinkButton({ demo }: { demo: Demo }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useErrorText();
  const relink = useChannelMutation('demos.relink', ['demos']);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="small"
      color="warning"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const [picked] = await bridge.pickFiles('audio', false);
          if (!picked) return;
          await relink.mutateAsync({ id: demo.id, file: picked.file });
          notify(t('demos.relinked', { title: demo.title }));
        } catch (error) {
          notify(errorText(error), 'error');
        } finally {
          setBusy(false);
        }
      }}
    >
      {t(missingAudioText(demo).action)}
    </Button>
  );
}
