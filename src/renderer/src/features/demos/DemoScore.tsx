import { Rating, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Demo } from '../../../../shared/domain/demo';

interface Props {
  readonly scores: Demo['scores'];
  /** Given to reviewers: their own score, set by clicking or Shift+1…5. */
  readonly onRate?: (score: number) => void;
}

/** The caller's own score (editable for reviewers) beside everyone's average. */
export function DemoScore({ scores, onRate }: Props) {
  const { t, i18n } = useTranslation();
  const average =
    scores.average === null
      ? t('scores.none')
      : t('scores.average', {
          average: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
            scores.average,
          ),
          count: scores.count,
        });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {onRate && (
        <Tooltip title={t('scores.yours')}>
          <Rating
            name="my-score"
            value={scores.mine}
            onChange={(_event, value) => value !== null && onRate(value)}
            aria-label={t('scores.yours')}
          />
        </Tooltip>
      )}
      <Typography variant="body2" color="text.secondary" data-testid="score-average">
        {average}
      </Typography>
    </Stack>
  );
}
