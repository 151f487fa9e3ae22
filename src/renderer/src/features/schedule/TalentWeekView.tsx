import {
  createPlugin,
  sliceEvents,
  type PluginDef,
  type SpecificViewContentArg,
} from '@fullcalendar/core';
import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../../shared/domain/booking';
import type { ScheduleEntry } from '../../../../shared/domain/scheduleEntry';
import { TalentDayAvailability } from './AvailabilityBadge';
import { useAwayOnAnyDay, type BlockStore } from './availability';

/** The name FullCalendar knows the talent rows by (a view of our own on its free core). */
export const TALENT_WEEK_VIEW = 'talentWeek';

/** Entries listed in one talent-day cell before the rest are counted ("+3"). */
const PER_CELL = 3;

interface Item {
  readonly key: string;
  readonly title: string;
  readonly time: string;
  readonly classNames: readonly string[];
  readonly props: Record<string, unknown>;
  readonly startMs: number;
}
interface Row {
  readonly talent: string;
  readonly stageName: string;
  readonly days: Map<string, Item[]>;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** "9:00": markers carry the display zone's wall-clock time in their UTC fields. */
function timeOf(marker: Date, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    timeFormats.set(locale, format);
  }
  return format.format(marker);
}

/** What a day's item says of an entry begun on an earlier day: "continues to 2:00 AM". */
type Continues = (end: string | null) => string;

/**
 * The visible week's entries and holds, one row per talent who has any, a cell per day. An entry
 * begun on an earlier day shows, on the later days, that it continues (and till when on its
 * last), not its start time again: "10:00 PM" on Tuesday read as a second, new entry.
 */
function rowsOf(
  arg: SpecificViewContentArg,
  days: readonly string[],
  locale: string,
  continues: Continues,
): Row[] {
  const rows = new Map<string, Row>();
  for (const seg of sliceEvents(arg, true)) {
    const props = seg.def.extendedProps;
    const entry = props.entry as ScheduleEntry | undefined;
    const hold = props.hold as Booking | undefined;
    const owner = entry ?? hold;
    if (!owner) continue;
    let row = rows.get(owner.talentProfile);
    if (!row) {
      row = {
        talent: owner.talentProfile,
        stageName: owner.expanded.talentProfile.stageName,
        days: new Map(),
      };
      rows.set(owner.talentProfile, row);
    }
    // Sliced as all-day segments (one per day), so the time is the entry's own start, not the
    // day's midnight: every item read "12:00 AM" before.
    const start = seg.instance?.range.start ?? seg.range.start;
    const end = seg.instance?.range.end ?? seg.range.end;
    const startDay = start.toISOString().slice(0, 10);
    // Ends on a day's midnight: that day does not show it.
    const endDay = new Date(end.getTime() - 1).toISOString().slice(0, 10);
    const from = seg.range.start.toISOString().slice(0, 10);
    // The range's end is exclusive: an entry ending at midnight stays on its own day.
    const to = new Date(seg.range.end.getTime() - 1).toISOString().slice(0, 10);
    for (const day of days) {
      if (day < from || day > to) continue;
      const list = row.days.get(day) ?? [];
      list.push({
        key: seg.instance?.instanceId ?? seg.def.defId,
        // The row already names the talent: the cell shows what they are doing.
        title: seg.def.title.replace(`${row.stageName} · `, ''),
        time:
          day <= startDay
            ? timeOf(start, locale)
            : continues(
                day === endDay && end.getTime() % 86_400_000 !== 0 ? timeOf(end, locale) : null,
              ),
        classNames: seg.ui.classNames,
        props,
        startMs: start.getTime(),
      });
      row.days.set(day, list);
    }
  }
  for (const row of rows.values())
    for (const list of row.days.values()) list.sort((a, b) => a.startMs - b.startMs);
  return [...rows.values()].sort((a, b) => a.stageName.localeCompare(b.stageName, locale));
}

interface Options {
  readonly blocks: BlockStore;
  /** Opens what an item is (an entry, its booking, a hold's booking), as a click on the grid does. */
  readonly open: (props: Record<string, unknown>) => void;
}

function TalentWeek({ arg, blocks, open }: { arg: SpecificViewContentArg } & Options) {
  const { t, i18n } = useTranslation();
  const { start, end } = arg.dateProfile.activeRange!;
  const days: string[] = [];
  for (let ms = start.getTime(); ms < end.getTime(); ms += 86_400_000)
    days.push(new Date(ms).toISOString().slice(0, 10));
  const rows = rowsOf(arg, days, i18n.language, (end) =>
    end ? t('calendar.continuesTo', { time: end }) : t('calendar.continuesAllDay'),
  );
  const awayByDay = useAwayOnAnyDay(blocks, days);
  // Talents away with nothing booked still get a row: that they are away is the news.
  for (const away of awayByDay.values())
    for (const a of away)
      if (!rows.some((r) => r.talent === a.talent))
        rows.push({ talent: a.talent, stageName: a.stageName, days: new Map() });
  rows.sort((a, b) => a.stageName.localeCompare(b.stageName, i18n.language));
  const header = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const template = `160px repeat(${days.length}, minmax(0, 1fr))`;
  return (
    <Box className="gr-talent-week" sx={{ height: '100%', overflow: 'auto' }}>
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: template,
          position: 'sticky',
          top: 0,
          zIndex: 2,
          bgcolor: 'background.paper',
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography role="columnheader" variant="subtitle2" sx={{ p: 0.5 }}>
          {t('calendar.talentColumn')}
        </Typography>
        {days.map((day) => (
          <Typography
            key={day}
            role="columnheader"
            variant="subtitle2"
            sx={{ p: 0.5, textAlign: 'center' }}
          >
            {header.format(new Date(`${day}T00:00:00Z`))}
          </Typography>
        ))}
      </Box>
      {rows.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {t('calendar.nothingThisWeek')}
        </Typography>
      )}
      {rows.map((row) => (
        <Box
          key={row.talent}
          role="row"
          className="gr-talent-row"
          sx={{
            display: 'grid',
            gridTemplateColumns: template,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Typography
            role="rowheader"
            variant="body2"
            noWrap
            title={row.stageName}
            sx={{ p: 0.5, fontWeight: 600 }}
          >
            {row.stageName}
          </Typography>
          {days.map((day) => {
            const items = row.days.get(day) ?? [];
            const away = (awayByDay.get(day) ?? []).find((a) => a.talent === row.talent);
            const hidden = items.slice(PER_CELL);
            return (
              <Box
                key={day}
                role="cell"
                sx={{ p: 0.25, minWidth: 0, borderLeft: 1, borderColor: 'divider' }}
              >
                {away && <TalentDayAvailability away={away} />}
                {items.slice(0, PER_CELL).map((item) => {
                  const text = `${item.time} ${item.title}`;
                  return (
                    <Box
                      key={item.key}
                      component="button"
                      type="button"
                      title={text}
                      onClick={() => open(item.props)}
                      className={['gr-talent-item', ...item.classNames].join(' ')}
                    >
                      {text}
                    </Box>
                  );
                })}
                {hidden.length > 0 && (
                  <Typography
                    variant="caption"
                    component="div"
                    className="gr-talent-more"
                    tabIndex={0}
                    title={hidden.map((item) => `${item.time} ${item.title}`).join('\n')}
                    sx={{ px: 0.5 }}
                  >
                    {t('calendar.more', { count: hidden.length })}
                  </Typography>
                )}
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}

/**
 * A week as one row per talent and one cell per day: the free core's custom-view hook with rows
 * of our own (FullCalendar's resource timeline is a premium plugin). Navigation, the event
 * sources and refetching are FullCalendar's, so the rows show exactly what the grid does.
 */
export function talentWeekPlugin(options: Options): PluginDef {
  return createPlugin({
    name: 'greenroom-talent-week',
    views: {
      [TALENT_WEEK_VIEW]: {
        duration: { weeks: 1 },
        content: (arg: SpecificViewContentArg) => <TalentWeek arg={arg} {...options} />,
      },
    },
  });
}
