import { Grid } from '@mui/material';
import type { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { contractCreate, contractPatch, type Contract } from '../../../../shared/domain/contract';
import { CONTRACT_TYPES } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import type { ArtistOption } from '../../components/ArtistPicker';
import {
  calendarDateInput,
  calendarDateValue,
  FormArtistPicker,
  FormDatePicker,
  FormKitDialog,
  FormTextField,
  FormUserSelect,
  FormVocabularySelect,
  optionalTextInput,
  useSchemaForm,
} from '../../components/form';
import { useCurrentUser } from '../session';

const DATES = ['effectiveDate', 'optionDate', 'noticeDate', 'expiryDate'] as const;

interface ContractForm {
  artist: ArtistOption | null;
  contractType: Contract['contractType'];
  legalOwner: string;
  terms: string;
  effectiveDate: DateTime | null;
  optionDate: DateTime | null;
  noticeDate: DateTime | null;
  expiryDate: DateTime | null;
}

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
  const owner0 = contract?.legalOwner ?? user.id;

  const kit = useSchemaForm<ContractForm, unknown>({
    schema: contract ? contractPatch : contractCreate,
    defaultValues: {
      artist: contract
        ? { id: contract.artist, artistName: contract.expanded.artist.artistName }
        : (preset ?? null),
      contractType: contract?.contractType ?? 'recording',
      legalOwner: owner0,
      terms: contract?.terms ?? '',
      effectiveDate: calendarDateValue(contract?.effectiveDate),
      optionDate: calendarDateValue(contract?.optionDate),
      noticeDate: calendarDateValue(contract?.noticeDate),
      expiryDate: calendarDateValue(contract?.expiryDate),
    },
    toInput: (values) => {
      const fields = {
        contractType: values.contractType,
        terms: optionalTextInput(values.terms),
        ...Object.fromEntries(DATES.map((name) => [name, calendarDateInput(values[name])])),
        // Sent only when changed: a new draft is the creator's unless an admin names someone.
        ...(values.legalOwner !== owner0 ? { legalOwner: values.legalOwner } : {}),
      };
      return contract ? fields : { artist: values.artist?.id ?? '', ...fields };
    },
  });
  const { control } = kit.form;

  const onSubmit = kit.submit(async (input) => {
    const saved = contract
      ? await update.mutateAsync({
          id: contract.id,
          version: contract.version,
          patch: input as Parameters<typeof update.mutateAsync>[0]['patch'],
        })
      : await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
    onClose(saved);
  });

  return (
    <FormKitDialog
      title={contract ? t('contracts.editTitle') : t('contracts.newTitle')}
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
    >
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 7 }}>
          <FormArtistPicker
            control={control}
            name="artist"
            label={t('contracts.artist')}
            disabled={!!contract || !!preset}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 5 }}>
          <FormVocabularySelect
            control={control}
            name="contractType"
            label={t('contracts.contractType')}
            values={CONTRACT_TYPES}
            labels="contractType"
          />
        </Grid>
        {DATES.map((name) => (
          <Grid key={name} size={{ xs: 12, sm: 6 }}>
            <FormDatePicker control={control} name={name} label={t(`contracts.${name}`)} />
          </Grid>
        ))}
        {user.role === 'admin' && (
          <Grid size={12}>
            <FormUserSelect
              control={control}
              name="legalOwner"
              label={t('contracts.legalOwner')}
              roles={['legal', 'admin']}
            />
          </Grid>
        )}
        <Grid size={12}>
          <FormTextField
            control={control}
            name="terms"
            label={t('contracts.terms')}
            multiline
            minRows={3}
          />
        </Grid>
      </Grid>
    </FormKitDialog>
  );
}
