import TableViewOutlinedIcon from '@mui/icons-material/TableViewOutlined';
import { Button, CircularProgress } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';
import { downloadMedia } from '../../api/downloadMedia';
import { useNotify } from '../../components/useNotify';
import { useErrorText } from '../../components/form';

type ExportInput = Input<'exports.csv'>;
type Filters<E extends ExportInput['entity']> = Omit<Extract<ExportInput, { entity: E }>, 'entity'>;
type Screen<E extends ExportInput['entity']> = Filters<E> & { limit?: number; cursor?: string };

/** Downloads the list as CSV, exactly as filtered on screen (paging aside). */
export function ExportCsvButton<E extends ExportInput['entity']>({
  entity,
  filters,
}: {
  entity: E;
  /** The list's filters, or a function reading them at click time (the calendar's range). */
  filters: Screen<E> | (() => Screen<E> | null);
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useErrorText();
  const exportCsv = useMutation({
    mutationFn: async () => {
      const current = typeof filters === 'function' ? filters() : filters;
      if (!current) throw new Error(t('interchange.nothingShown'));
      const { limit: _limit, cursor: _cursor, ...onScreen } = current;
      return call('exports.csv', { entity, ...onScreen } as ExportInput);
    },
    onSuccess: (exported) => downloadMedia(exported.media, exported.fileName),
    onError: (error) => notify(errorText(error), 'error'),
  });
  return (
    <Button
      variant="outlined"
      startIcon={exportCsv.isPending ? <CircularProgress size={16} /> : <TableViewOutlinedIcon />}
      disabled={exportCsv.isPending}
      onClick={() => exportCsv.mutate()}
    >
      {t('interchange.exportCsv')}
    </Button>
  );
}
