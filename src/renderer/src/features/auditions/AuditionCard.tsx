import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  Card,
  CardActionArea,
  CardContent,
  IconButton,
  Menu,
  MenuItem,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDITION_TRANSITIONS,
  type Audition,
  type AuditionStatus,
} from '../../../../shared/domain/audition';
import { useFormatters } from '../../components/useFormatters';

interface Props {
  readonly audition: Audition;
  readonly onOpen: () => void;
  readonly onMove: (to: AuditionStatus) => void;
}

/** A card on the pipeline board: drag it to a column, or use its menu (keyboard). */
export function AuditionCard({ audition, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const moves = AUDITION_TRANSITIONS[audition.status];
  return (
    <Card
      variant="outlined"
      draggable={moves.length > 0}
      onDragStart={(event) => event.dataTransfer.setData('text/audition', audition.id)}
      aria-label={`${audition.expanded.talentProfile.stageName}, ${audition.clientName} · ${audition.projectName}`}
    >
      <Stack direction="row">
        <CardActionArea onClick={onOpen}>
          <CardContent sx={{ py: 1.25, '&:last-child': { pb: 1.25 } }}>
            <Typography variant="subtitle2">{audition.expanded.talentProfile.stageName}</Typography>
            <Typography variant="body2">
              {audition.clientName} · {audition.projectName}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {format.dateTime(audition.auditionDate)} ·{' '}
              {t(`auditionType.${audition.auditionType}`)}
            </Typography>
          </CardContent>
        </CardActionArea>
        {moves.length > 0 && (
          <IconButton
            aria-label={t('auditions.moveTo')}
            aria-haspopup="menu"
            onClick={(event) => setAnchor(event.currentTarget)}
            sx={{ alignSelf: 'flex-start', m: 0.5 }}
            size="small"
          >
            <MoreVertIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {moves.map((to) => (
          <MenuItem
            key={to}
            onClick={() => {
              setAnchor(null);
              onMove(to);
            }}
          >
            {t(`auditionStatus.${to}`)}
          </MenuItem>
        ))}
      </Menu>
    </Card>
  );
}
