import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import { Alert, Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DemoAnalysisState } from '../../../../shared/domain/demo';

type Failure = NonNullable<DemoAnalysisState['failure']>;

/** The queue's chip for a demo whose audio could not be measured; the reason in its tooltip. */
export function NotMeasuredChip({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`demos.notMeasured.${failure.reason}`)}>
      <Chip
        size="small"
        color="default"
        variant="outlined"
        icon={<ErrorOutlineIcon />}
        label={t('demos.notMeasured.chip')}
      />
    </Tooltip>
  );
}

/** The player's notice: no waveform or loudness for this recording, and why. */
export function NotMeasuredNotice({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  return (
    <Alert severity="info" title={failure.detail}>
      {t('demos.notMeasured.notice', { reason: t(`demos.notMeasured.${failure.reason}`) })}
    </Alert>
  );
}
