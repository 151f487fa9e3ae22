import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, MenuItem, Stack, TextField } from '@mui/material';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REVIEW_STATUSES,
  SUBMISSION_SOURCES,
  type SubmissionSource,
} from '../../../../shared/domain/vocabulary';
import type { ReviewStatus } from '../../../../shared/domain/demo';
import { ArtistPicker, type ArtistOption } from '../../components/ArtistPicker';
import { ExportCsvButton } from '../interchange';
import { PageHeader } from '../../components/PageHeader';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { VocabularySelect } from '../../components/VocabularySelect';
import { AddRecordingsButton } from './AddRecordingsButton';
import { DemoQueue } from './DemoQueue';
import { ImportDemosDialog } from './ImportDemosDialog';

/** The label's demo queue across artists, filtered by review status, artist and source. */
export function DemosPage() {
  const { t } = useTranslation();
  // Opens on what still needs a decision; passed and shortlisted demos are a choice away.
  const [status, setStatus] = useState<ReviewStatus | '' | 'undecided'>('undecided');
  const [source, setSource] = useState<SubmissionSource | ''>('');
  const [artist, setArtist] = useState<ArtistOption | null>(null);
  const [importing, setImporting] = useState(false);
  useOpenFromQuery(useCallback(() => setImporting(true), []));
  const filters = {
    ...(status === 'undecided'
      ? { undecided: true as const }
      : status
        ? { reviewStatus: status }
        : {}),
    ...(source ? { submissionSource: source } : {}),
    ...(artist ? { artist: artist.id } : {}),
  };
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('demos.pageTitle')}
        extra={
          <>
            <ExportCsvButton entity="demos" filters={filters} />
            <AddRecordingsButton />
          </>
        }
        action={{
          label: t('demos.import.open'),
          icon: <UploadFileIcon />,
          needs: { entity: 'demos', action: 'create' },
          onClick: () => setImporting(true),
        }}
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
        <Box sx={{ minWidth: 260 }}>
          <ArtistPicker
            label={t('demos.artist')}
            value={artist}
            onChange={setArtist}
            size="small"
            required={false}
          />
        </Box>
        <TextField
          select
          size="small"
          label={t('demos.reviewStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as ReviewStatus | '' | 'undecided')}
          sx={{ minWidth: 190 }}
        >
          <MenuItem value="undecided">{t('demos.undecided')}</MenuItem>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {REVIEW_STATUSES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`reviewStatus.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <VocabularySelect
          size="small"
          label={t('demos.source')}
          values={SUBMISSION_SOURCES}
          labels="submissionSource"
          withAll
          value={source}
          onChange={(e) => setSource(e.target.value as SubmissionSource | '')}
          sx={{ minWidth: 150 }}
        />
      </Stack>
      <DemoQueue filters={filters} />
      {importing && <ImportDemosDialog onClose={() => setImporting(false)} />}
    </Box>
  );
}
