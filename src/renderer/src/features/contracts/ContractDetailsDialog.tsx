import AttachFileIcon from '@mui/icons-material/AttachFile';
import EditIcon from '@mui/icons-material/Edit';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  Link,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/access';
import { CONTRACT_TRANSITIONS } from '../../../../shared/domain/contract';
import { bridge, call } from '../../api/client';
import { downloadMedia } from '../../api/downloadMedia';
import { useChannelMutation } from '../../api/useChannelMutation';
import { StatusChip } from '../../components/StatusChip';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { HistoryPanel } from '../audit';
import { useCurrentUser } from '../session';
import { ContractDialog } from './ContractDialog';
import { TransitionForm } from './TransitionForm';
import { useMediaUrl } from '../../api/useMediaUrl';
import { ErrorAlert } from '../../components/ErrorAlert';

const PATH = ['draft', 'sent', 'signed', 'active'] as const;

/** One contract: its dates, its signed document, and the workflow steps open to the user. */
export function ContractDetailsDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const user = useCurrentUser();
  const notify = useNotify();
  const { dateTime, date } = useFormatters();
  const day = (value: string | null) => (value ? date(value) : null);
  const attach = useChannelMutation('contracts.attachDocument', ['contracts']);
  const generate = useChannelMutation('contracts.exportDocument', ['contracts']);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const contract = useQuery({
    queryKey: ['contracts', 'one', id],
    queryFn: () => call('contracts.get', { id }),
  });
  const mayChange = can(user.role, 'contracts', 'update');
  const c = contract.data;
  const documentHref = useMediaUrl(c?.documentUrl);
  const closed = c?.status === 'expired' || c?.status === 'terminated';

  const attachDocument = async () => {
    setError(null);
    try {
      const [picked] = await bridge.pickFiles('document', false);
      if (!picked || !c) return;
      await attach.mutateAsync({ id: c.id, file: picked.file });
      notify(t('contracts.attached'));
    } catch (caught) {
      setError(caught);
    }
  };

  const exportPdf = async () => {
    if (!c) return;
    setError(null);
    try {
      const exported = await generate.mutateAsync({ id: c.id });
      // Said once the download has started (its link needs a ticket first).
      await downloadMedia(exported.media, exported.fileName);
      const becameDocument =
        mayChange && (c.status === 'draft' || c.status === 'sent') && c.documentSource !== 'signed';
      notify(t(becameDocument ? 'contracts.pdfIsDocument' : 'contracts.pdfExported'));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        {c
          ? t('contracts.detailsTitle', {
              type: t(`contractType.${c.contractType}`),
              artist: c.expanded.artist.artistName,
            })
          : t('common.loading')}
      </DialogTitle>
      <DialogContent dividers>
        {contract.isPending && <CircularProgress aria-label={t('common.loading')} />}
        <ErrorAlert error={contract.error} />
        {c && (
          <Stack spacing={2}>
            <ErrorAlert error={error} onClose={() => setError(null)} />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <StatusChip status={c.status} labels="contractStatus" />
              <Stepper
                activeStep={PATH.indexOf(c.status as (typeof PATH)[number])}
                sx={{ flexGrow: 1 }}
              >
                {PATH.map((step) => (
                  <Step
                    key={step}
                    completed={
                      closed ||
                      c.status === 'active' ||
                      PATH.indexOf(step) < PATH.indexOf(c.status as (typeof PATH)[number])
                    }
                  >
                    <StepLabel>{t(`contractStatus.${step}`)}</StepLabel>
                  </Step>
                ))}
              </Stepper>
            </Stack>
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: 'max-content 1fr',
                columnGap: 3,
                rowGap: 1,
                m: 0,
              }}
            >
              {(
                [
                  ['legalOwner', c.expanded.legalOwner.fullName],
                  ['effectiveDate', day(c.effectiveDate)],
                  ['signedAt', c.signedAt ? dateTime(c.signedAt) : null],
                  ['optionDate', day(c.optionDate)],
                  ['noticeDate', day(c.noticeDate)],
                  ['expiryDate', day(c.expiryDate)],
                ] as const
              ).map(([field, value]) => (
                <Box key={field} sx={{ display: 'contents' }}>
                  <Typography component="dt" color="text.secondary">
                    {t(`contracts.${field}`)}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0 }}>
                    {value ?? '—'}
                  </Typography>
                </Box>
              ))}
              <Typography component="dt" color="text.secondary">
                {t('contracts.document')}
              </Typography>
              <Box component="dd" sx={{ m: 0 }}>
                {c.documentUrl ? (
                  <Link href={documentHref} target="_blank" rel="noopener">
                    <PictureAsPdfOutlinedIcon
                      sx={{ fontSize: 18, verticalAlign: 'text-bottom', mr: 0.5 }}
                    />
                    {t('contracts.openDocument')}
                  </Link>
                ) : (
                  t('contracts.noDocument')
                )}
                {c.documentSource === 'generated' && (
                  <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                    {t('contracts.unsignedDocument')}
                  </Typography>
                )}
              </Box>
            </Box>
            {c.terms && <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.terms}</Typography>}
            {mayChange && !closed && (
              <>
                <Divider />
                <Typography variant="subtitle2">{t('contracts.nextSteps')}</Typography>
                <Stack spacing={1.5}>
                  <Button
                    variant="outlined"
                    startIcon={<AttachFileIcon />}
                    sx={{ alignSelf: 'flex-start' }}
                    disabled={attach.isPending}
                    onClick={() => void attachDocument()}
                  >
                    {/* Only a copy a person attached is signed: the generated export is not. */}
                    {c.documentSource === 'signed'
                      ? t('contracts.replaceDocument')
                      : t('contracts.attachDocument')}
                  </Button>
                  {CONTRACT_TRANSITIONS[c.status].map((to) => (
                    <TransitionForm
                      // A new document starts the step afresh: no refusal about the old one stays.
                      key={`${to}:${c.documentUrl ?? ''}`}
                      contract={c}
                      to={to}
                      onDone={() => {
                        setError(null);
                        notify(t('contracts.moved', { status: t(`contractStatus.${to}`) }));
                      }}
                    />
                  ))}
                </Stack>
              </>
            )}
            <Divider />
            <Typography variant="subtitle2">{t('audit.history')}</Typography>
            <HistoryPanel entity="contracts" id={c.id} />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {c && (
          <Button
            startIcon={
              generate.isPending ? <CircularProgress size={16} /> : <PictureAsPdfOutlinedIcon />
            }
            disabled={generate.isPending}
            onClick={() => void exportPdf()}
          >
            {t('contracts.exportPdf')}
          </Button>
        )}
        {c && mayChange && !closed && (
          <Button startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )}
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
      {editing && c && <ContractDialog contract={c} onClose={() => setEditing(false)} />}
    </Dialog>
  );
}
