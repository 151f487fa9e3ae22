import { Grid, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../../shared/domain/contract';
import { CONTRACT_TYPES } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import { ArtistPicker, type ArtistOption } from '../../components/ArtistPicker';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { UserSelect } from '../../components/UserSelect';
import { VocabularySelect } from '../../components/VocabularySelect';
import { useCurrentUser } from '../session';

type ContractType = (typeof CONTRACT_TYPES)[number];
const DATES = ['effectiveDate', 'optionDate', 'noticeDate', 'expiryDate'] as const;

/** A new draft, or an edit of the fields a plain update may change (never status or document). */
export function ContractDialog({
  contract,
  artist: preset,
  onClose,
}: {
  contract: Contract | null;
  artist?: ArtistOption;
  onClose: (saved?: Contract) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = useChannelMutation('contracts.create', ['contracts']);
  const update = useChannelMutation('contracts.update', ['contracts']);
  const [artist, setArtist] = useState<ArtistOption | null>(
    contract
      ? { id: contract.artist, artistName: contract.expanded.artist.artistName }
      : (preset ?? null),
  );
  const [contractType, setContractType] = useState<ContractType>(
    contract?.contractType ?? 'recording',
  );
  const [legalOwner, setLegalOwner] = useState(contract?.legalOwner ?? user.id);
  const [terms, setTerms] = useState(contract?.terms ?? '');
  const [dates, setDates] = useState<Record<(typeof DATES)[number], string | null>>({
    effectiveDate: contract?.effectiveDate ?? null,
    optionDate: contract?.optionDate ?? null,
    noticeDate: contract?.noticeDate ?? null,
    expiryDate: contract?.expiryDate ?? null,
  });

  const submit = async () => {
    const fields = { contractType, terms: terms.trim() || null, ...dates };
    const ownerChange = legalOwner !== (contract?.legalOwner ?? user.id) ? { legalOwner } : {};
    const saved = contract
      ? await update.mutateAsync({
          id: contract.id,
          version: contract.version,
          patch: { ...fields, ...ownerChange },
        })
      : await create.mutateAsync({ artist: artist?.id ?? '', ...fields, ...ownerChange });
    onClose(saved);
  };

  return (
    <FormDialog
      title={contract ? t('contracts.editTitle') : t('contracts.newTitle')}
      onClose={() => onClose()}
      onSubmit={submit}
    >
      {(fieldError) => (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 7 }}>
            <ArtistPicker
              label={t('contracts.artist')}
              value={artist}
              onChange={setArtist}
              disabled={!!contract || !!preset}
              error={fieldError('artist')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 5 }}>
            <VocabularySelect
              label={t('contracts.contractType')}
              values={CONTRACT_TYPES}
              labels="contractType"
              fullWidth
              value={contractType}
              onChange={(e) => setContractType(e.target.value as ContractType)}
            />
          </Grid>
          {DATES.map((name) => (
            <Grid key={name} size={{ xs: 12, sm: 6 }}>
              <DateField
                label={t(`contracts.${name}`)}
                value={dates[name]}
                onChange={(value) => setDates((current) => ({ ...current, [name]: value }))}
                error={fieldError(name)}
              />
            </Grid>
          ))}
          {user.role === 'admin' && (
            <Grid size={12}>
              <UserSelect
                label={t('contracts.legalOwner')}
                roles={['legal', 'admin']}
                value={legalOwner}
                onChange={setLegalOwner}
                error={fieldError('legalOwner')}
              />
            </Grid>
          )}
          <Grid size={12}>
            <TextField
              label={t('contracts.terms')}
              fullWidth
              multiline
              minRows={3}
              value={terms}
              onChange={(e) => setTerms(e.target.value)}
              error={!!fieldError('terms')}
              helperText={fieldError('terms')}
            />
          </Grid>
        </Grid>
      )}
    </FormDialog>
  );
}
