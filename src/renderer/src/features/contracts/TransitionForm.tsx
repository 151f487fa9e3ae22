import { Button, Stack } from '@mui/material';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, ContractStatus } from '../../../../shared/domain/contract';
import { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../api/useChannelMutation';
import { DateField } from '../../components/DateField';

/**
 * Moving a contract on. Signing asks when it was signed (not in the future); activating asks
 * for the effective date. Main checks both again.
 */
export function TransitionForm({
  contract,
  to,
  onDone,
  onError,
}: {
  contract: Contract;
  to: ContractStatus;
  onDone: () => void;
  onError: (error: AppError) => void;
}) {
  const { t } = useTranslation();
  const transition = useChannelMutation('contracts.transition', ['contracts']);
  const [signedAt, setSignedAt] = useState<DateTime | null>(DateTime.now().startOf('minute'));
  const [effectiveDate, setEffectiveDate] = useState<string | null>(
    contract.effectiveDate ?? DateTime.now().toISODate(),
  );
  const submit = async () => {
    try {
      await transition.mutateAsync({
        id: contract.id,
        to,
        ...(to === 'signed' && signedAt?.isValid ? { signedAt: signedAt.toUTC().toISO()! } : {}),
        ...(to === 'active' && effectiveDate ? { effectiveDate } : {}),
      });
      onDone();
    } catch (caught) {
      onError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      );
    }
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: 'center' }}>
      {to === 'signed' && (
        <DateTimePicker
          label={t('contracts.signedAt')}
          value={signedAt}
          maxDateTime={DateTime.now()}
          onChange={(next: DateTime | null) => setSignedAt(next)}
          slotProps={{ textField: { size: 'small', required: true } }}
        />
      )}
      {to === 'active' && (
        <DateField
          label={t('contracts.effectiveDate')}
          value={effectiveDate}
          onChange={setEffectiveDate}
          required
        />
      )}
      <Button
        variant={to === 'terminated' ? 'outlined' : 'contained'}
        color={to === 'terminated' ? 'error' : 'primary'}
        disabled={transition.isPending}
        onClick={() => void submit()}
      >
        {t(`contracts.to.${to}`)}
      </Button>
    </Stack>
  );
}
