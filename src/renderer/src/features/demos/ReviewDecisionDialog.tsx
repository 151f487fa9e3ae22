import { TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Demo, ReviewStatus } from '../../../../shared/domain/demo';
import { useChannelMutation } from '../../api/useChannelMutation';
import { FormDialog } from '../../components/FormDialog';

/** Moves a demo on in review, with an optional note kept with the decision. */
export function ReviewDecisionDialog({
  demo,
  to,
  onClose,
}: {
  demo: Demo;
  to: ReviewStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useChannelMutation('demos.setReviewStatus', ['demos', 'reviewNotes']);
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title={t(`demos.decide.${to}`)}
      submitLabel={t(`demos.decide.${to}`)}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={async () => {
        await decide.mutateAsync({ id: demo.id, status: to, ...(note.trim() ? { note } : {}) });
        onClose();
      }}
    >
      {(fieldError) => (
        <>
          <Typography sx={{ mb: 2 }}>
            {t('demos.decideWhat', { title: demo.title, artist: demo.expanded.artist.artistName })}
          </Typography>
          <TextField
            label={t('demos.decisionNote')}
            fullWidth
            multiline
            minRows={3}
            autoFocus
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={!!fieldError('note')}
            helperText={fieldError('note') ?? t('demos.decisionNoteHint')}
          />
        </>
      )}
    </FormDialog>
  );
}
