import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { useFeedOrigin } from './useFeedOrigin';
import { useCreateFeed, useFeedList, useRevokeFeed } from './useSessions';
import { useErrorText } from '../../components/form';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * "Subscribe in a calendar app": a feed link for one talent's schedule, or (no talent) for
 * everything the person's calendar shows. The link holds a secret token, shown only when it is
 * made; the list below names each feed by what it covers, with Revoke.
 */
export function CalendarFeedsDialog({
  talent,
  onClose,
}: {
  talent?: { id: string; stageName: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notify = useNotify();
  const errorText = useErrorText();
  const feeds = useFeedList(talent?.id);
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const { origin, pending } = useFeedOrigin();
  const [made, setMade] = useState<{ id: string; url: string } | null>(null);

  const makeLink = async () => {
    try {
      const feed = await create.mutateAsync(talent ? { talentProfile: talent.id } : {});
      setMade({ id: feed.id, url: `${origin ?? ''}${feed.path}` });
    } catch (error) {
      notify(errorText(error), 'error');
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      notify(t('feeds.copied'));
    } catch {
      notify(t('feeds.copyFailed'), 'error');
    }
  };
  const revokeFeed = async (id: string) => {
    try {
      await revoke.mutateAsync({ id });
      if (made?.id === id) setMade(null);
      notify(t('feeds.revoked'));
    } catch (error) {
      notify(errorText(error), 'error');
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="feeds-title">
      <DialogTitle id="feeds-title">
        {talent ? t('feeds.titleFor', { name: talent.stageName }) : t('feeds.title')}
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography>{talent ? t('feeds.introTalent') : t('feeds.introMine')}</Typography>
          {!pending && !origin && <Alert severity="info">{t('feeds.notShared')}</Alert>}
          {made ? (
            <Stack spacing={1}>
              <TextField
                label={t('feeds.link')}
                value={made.url}
                slotProps={{
                  input: {
                    readOnly: true,
                    endAdornment: (
                      <InputAdornment position="end">
                        <Tooltip title={t('feeds.copy')}>
                          <IconButton
                            aria-label={t('feeds.copy')}
                            onClick={() => void copy(made.url)}
                          >
                            <ContentCopyIcon />
                          </IconButton>
                        </Tooltip>
                      </InputAdornment>
                    ),
                  },
                  htmlInput: { 'aria-label': t('feeds.link') },
                }}
                onFocus={(event) => event.target.select()}
              />
              <Alert severity="warning">{t('feeds.secret')}</Alert>
            </Stack>
          ) : (
            <Button
              variant="contained"
              startIcon={<EventAvailableIcon />}
              sx={{ alignSelf: 'flex-start' }}
              disabled={create.isPending}
              onClick={() => void makeLink()}
            >
              {t('feeds.create')}
            </Button>
          )}
          <Typography variant="subtitle1" component="h2">
            {t('feeds.yours')}
          </Typography>
          {feeds.isPending ? (
            <CircularProgress size={24} aria-label={t('common.loading')} />
          ) : feeds.error ? (
            <ErrorAlert error={feeds.error} />
          ) : feeds.data.items.length === 0 ? (
            <Typography color="text.secondary">{t('feeds.none')}</Typography>
          ) : (
            <List dense aria-label={t('feeds.yours')} disablePadding>
              {feeds.data.items.map((feed) => (
                <ListItem
                  key={feed.id}
                  divider
                  secondaryAction={
                    <Button
                      size="small"
                      color="warning"
                      disabled={revoke.isPending}
                      onClick={() => void revokeFeed(feed.id)}
                    >
                      {t('feeds.revoke')}
                    </Button>
                  }
                >
                  <ListItemText
                    primary={
                      feed.expanded.talentProfile
                        ? t('feeds.coversTalent', { name: feed.expanded.talentProfile.stageName })
                        : t('feeds.coversMine')
                    }
                    secondary={t('feeds.createdAt', { at: format.dateTime(feed.createdAt) })}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The talent page's Schedule tab: the button that opens the dialog for this talent. */
export function SubscribeButton({ talent }: { talent?: { id: string; stageName: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<EventAvailableIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => setOpen(true)}
      >
        {t('feeds.subscribe')}
      </Button>
      {open && <CalendarFeedsDialog talent={talent} onClose={() => setOpen(false)} />}
    </>
  );
}
