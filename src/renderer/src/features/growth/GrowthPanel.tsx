import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followerGrowth } from '../../../../shared/domain/followerGrowth';
import type { GrowthLog } from '../../../../shared/domain/growthLog';
import { PermittedButton } from '../../components/PermittedButton';
import { useErrorText } from '../../components/form';
import { useFormatters } from '../../components/useFormatters';
import { ExportCsvButton, ImportCsvButton } from '../interchange';
import { LogFollowersDialog } from './LogFollowersDialog';
import { useGrowthLogs } from './useGrowthLogs';

/** Followers over time per platform, with each platform's 30- and 90-day growth. */
export function GrowthPanel({ artist }: { artist: string }) {
  const { t, i18n } = useTranslation();
  const logs = useGrowthLogs(artist);
  const [logging, setLogging] = useState(false);
  const [correcting, setCorrecting] = useState<GrowthLog | null>(null);
  const format = useFormatters();
  const errorText = useErrorText();
  // A corrected capture counts no more: the chart and the growth figures read the rest.
  const counted = useMemo(() => (logs.data ?? []).filter((l) => !l.replacedBy), [logs.data]);
  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  // Axis ticks in short form ("120M", "1.2亿"): full counts did not fit beside the chart and
  // were cut to "140,000…". The tooltip keeps the exact numbers.
  const compact = useMemo(
    () => new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 }),
    [i18n.language],
  );
  const day = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    [i18n.language],
  );
  const signed = (value: number | null) =>
    value === null ? '—' : `${value >= 0 ? '+' : ''}${number.format(value)}`;

  const chart = useMemo(() => {
    const items = counted;
    const dates = [...new Set(items.map((l) => l.captureDate))].sort();
    const platforms = [...new Set(items.map((l) => l.platform))];
    const series = platforms.map((platform) => {
      const byDate = new Map<string, number>();
      for (const l of items)
        if (l.platform === platform) byDate.set(l.captureDate, l.followerCount);
      return {
        id: platform,
        label: t(`platform.${platform}`),
        data: dates.map((d) => byDate.get(d) ?? null),
        connectNulls: true,
        curve: 'linear' as const,
        showMark: dates.length <= 40,
        valueFormatter: (v: number | null) => (v === null ? '' : number.format(v)),
      };
    });
    return { dates: dates.map((d) => new Date(`${d}T00:00:00Z`)), series };
  }, [counted, t, number]);
  const growth = useMemo(() => followerGrowth(counted), [counted]);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <PermittedButton
          needs={{ entity: 'growthLogs', action: 'create' }}
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setLogging(true)}
        >
          {t('growth.log')}
        </PermittedButton>
        <ExportCsvButton entity="growthLogs" filters={{ artist }} />
        <ImportCsvButton entity="growthLogs" />
      </Stack>
      {logs.isPending && <CircularProgress aria-label={t('common.loading')} />}
      {logs.error && <Alert severity="error">{errorText(logs.error)}</Alert>}
      {logs.data?.length === 0 && (
        <Typography color="text.secondary">{t('growth.empty')}</Typography>
      )}
      {growth.length > 0 && (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {growth.map((g) => (
            <Paper key={g.platform} variant="outlined" sx={{ p: 2, minWidth: 180 }}>
              <Typography variant="overline">{t(`platform.${g.platform}`)}</Typography>
              <Typography variant="h6">{number.format(g.latest)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t('growth.change30', { value: signed(g.change30) })} ·{' '}
                {t('growth.change90', { value: signed(g.change90) })}
              </Typography>
            </Paper>
          ))}
        </Stack>
      )}
      {chart.dates.length > 0 && (
        <Paper variant="outlined" sx={{ p: 1 }}>
          <Box role="figure" aria-label={t('growth.chart')} sx={{ height: 320 }}>
            <LineChart
              height={320}
              margin={{ right: 24 }}
              xAxis={[
                {
                  scaleType: 'time',
                  data: chart.dates,
                  valueFormatter: (d: Date) => day.format(d),
                },
              ]}
              yAxis={[{ valueFormatter: (v: number) => compact.format(v), width: 56 }]}
              series={chart.series}
            />
          </Box>
        </Paper>
      )}
      {(logs.data?.length ?? 0) > 0 && (
        <Paper variant="outlined" sx={{ p: 1 }}>
          <Typography variant="subtitle2" component="h3" sx={{ px: 1 }}>
            {t('growth.captures')}
          </Typography>
          <List dense aria-label={t('growth.captures')}>
            {[...(logs.data ?? [])].reverse().map((log) => (
              <ListItem
                key={log.id}
                secondaryAction={
                  !log.replacedBy && (
                    <PermittedButton
                      needs={{ entity: 'growthLogs', action: 'create' }}
                      size="small"
                      aria-label={t('growth.correctOne', {
                        platform: t(`platform.${log.platform}`),
                        date: format.date(log.captureDate),
                      })}
                      onClick={() => setCorrecting(log)}
                    >
                      {t('growth.correct')}
                    </PermittedButton>
                  )
                }
              >
                <ListItemText
                  sx={log.replacedBy ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}
                  primary={`${t(`platform.${log.platform}`)} · ${number.format(log.followerCount)}`}
                  secondary={`${format.date(log.captureDate)} · ${log.expanded.capturedBy.fullName}${
                    log.replacedBy ? ` · ${t('growth.corrected')}` : ''
                  }`}
                />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      {logging && <LogFollowersDialog artist={artist} onClose={() => setLogging(false)} />}
      {correcting && (
        <LogFollowersDialog
          artist={artist}
          correcting={correcting}
          onClose={() => setCorrecting(null)}
        />
      )}
    </Stack>
  );
}
