import { Box, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDITION_TRANSITIONS,
  type Audition,
  type AuditionStatus,
} from '../../../../shared/domain/audition';
import { AUDITION_STATUSES } from '../../../../shared/domain/vocabulary';
import { AuditionCard } from './AuditionCard';

interface Props {
  readonly auditions: readonly Audition[];
  readonly onOpen: (audition: Audition) => void;
  readonly onMove: (audition: Audition, to: AuditionStatus) => void;
}

/** The pipeline: one column per status; a drop is checked against the allowed moves. */
export function AuditionBoard({ auditions, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState<AuditionStatus | null>(null);
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(4, minmax(200px, 1fr))',
        gap: 2,
        overflowX: 'auto',
        flexGrow: 1,
        minHeight: 0,
      }}
    >
      {AUDITION_STATUSES.map((status) => {
        const column = auditions.filter((a) => a.status === status);
        return (
          <Paper
            key={status}
            variant="outlined"
            component="section"
            aria-label={t(`auditionStatus.${status}`)}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(status);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => {
              setOver(null);
              const audition = auditions.find(
                (a) => a.id === event.dataTransfer.getData('text/audition'),
              );
              if (audition && AUDITION_TRANSITIONS[audition.status].includes(status))
                onMove(audition, status);
            }}
            sx={{
              p: 1.5,
              bgcolor: over === status ? 'action.hover' : 'background.default',
              display: 'flex',
              flexDirection: 'column',
              minHeight: 240,
              overflowY: 'auto',
            }}
          >
            <Typography variant="overline" component="h2" sx={{ mb: 1 }}>
              {t(`auditionStatus.${status}`)} · {column.length}
            </Typography>
            <Stack spacing={1}>
              {column.map((audition) => (
                <AuditionCard
                  key={audition.id}
                  audition={audition}
                  onOpen={() => onOpen(audition)}
                  onMove={(to) => onMove(audition, to)}
                />
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Box>
  );
}
