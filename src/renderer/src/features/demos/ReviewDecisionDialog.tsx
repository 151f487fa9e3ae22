import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { demoSetReviewStatus, type Demo, type ReviewStatus } from '../../../../shared/domain/demo';
import { useChannelMutation } from '../../api/useChannelMutation';
import {
  FormKitDialog,
  FormTextField,
  optionalTextInput,
  useSchemaForm,
} from '../../components/form';

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
  const kit = useSchemaForm<{ note: string }, unknown>({
    schema: demoSetReviewStatus,
    defaultValues: { note: '' },
    toInput: ({ note }) => {
      const text = optionalTextInput(note);
      return { id: demo.id, status: to, ...(text === null ? {} : { note: text }) };
    },
  });
  const onSubmit = kit.submit(async (input) => {
    await decide.mutateAsync(input as Parameters<typeof decide.mutateAsync>[0]);
    onClose();
  });
  return (
    <FormKitDialog
      title={t(`demos.decide.${to}`)}
      submitLabel={t(`demos.decide.${to}`)}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
    >
      <Typography sx={{ mb: 2 }}>
        {t('demos.decideWhat', { title: demo.title, artist: demo.expanded.artist.artistName })}
      </Typography>
      <FormTextField
        control={kit.form.control}
        name="note"
        label={t('demos.decisionNote')}
        multiline
        minRows={3}
        autoFocus
        helperText={t('demos.decisionNoteHint')}
      />
    </FormKitDialog>
  );
}
