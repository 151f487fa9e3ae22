import { Alert, Box, Button, Stack } from '@mui/material';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { instant } from '../../../../shared/domain/common';
import {
  contractTransition,
  type Contract,
  type ContractStatus,
} from '../../../../shared/domain/contract';
import { ruleParams } from '../../../../shared/fieldIssue';
import { useChannelMutation } from '../../api/useChannelMutation';
import {
  calendarDateInput,
  calendarDateValue,
  FormDatePicker,
  FormDateTimePicker,
  instantInput,
  useSchemaForm,
} from '../../components/form';

interface TransitionValues {
  signedAt: DateTime | null;
  effectiveDate: DateTime | null;
}

/**
 * The transition's shared schema, with the rule main applies to a signing time against its own
 * clock: not in the future.
 */
const transitionInput = contractTransition.extend({
  signedAt: instant
    .refine((value) => value <= new Date().toISOString(), {
      message: 'Cannot be in the future',
      ...ruleParams('not_future'),
    })
    .optional(),
});

/**
 * Moving a contract on. Signing asks when it was signed (not in the future); activating asks
 * for the effective date. Main checks both again; its findings show at their fields (or, for the
 * missing document, under the button), worded in the reader's language.
 */
export function TransitionForm({
  contract,
  to,
  onDone,
}: {
  contract: Contract;
  to: ContractStatus;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const transition = useChannelMutation('contracts.transition', ['contracts']);
  const kit = useSchemaForm<TransitionValues, unknown>({
    schema: transitionInput,
    defaultValues: {
      signedAt: DateTime.now().startOf('minute'),
      effectiveDate: calendarDateValue(contract.effectiveDate) ?? DateTime.now().startOf('day'),
    },
    toInput: (values) => ({
      id: contract.id,
      to,
      ...(to === 'signed' ? { signedAt: instantInput(values.signedAt) } : {}),
      ...(to === 'active' ? { effectiveDate: calendarDateInput(values.effectiveDate) } : {}),
    }),
  });
  const { control } = kit.form;
  const onSubmit = kit.submit(async (input) => {
    await transition.mutateAsync(input as Parameters<typeof transition.mutateAsync>[0]);
    onDone();
  });
  return (
    <Box component="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1.5}
        sx={{ alignItems: 'flex-start' }}
      >
        {to === 'signed' && (
          <Box sx={{ flexGrow: 1 }}>
            <FormDateTimePicker
              control={control}
              name="signedAt"
              label={t('contracts.signedAt')}
              required
              disableFuture
            />
          </Box>
        )}
        {to === 'active' && (
          <Box sx={{ flexGrow: 1 }}>
            <FormDatePicker
              control={control}
              name="effectiveDate"
              label={t('contracts.effectiveDate')}
              required
            />
          </Box>
        )}
        <Button
          type="submit"
          variant={to === 'terminated' ? 'outlined' : 'contained'}
          color={to === 'terminated' ? 'error' : 'primary'}
          disabled={kit.form.formState.isSubmitting}
          sx={{ mt: to === 'signed' || to === 'active' ? 1 : 0, flexShrink: 0 }}
        >
          {t(`contracts.to.${to}`)}
        </Button>
      </Stack>
      {kit.alert && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {kit.alert}
        </Alert>
      )}
    </Box>
  );
}
