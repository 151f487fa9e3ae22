import type {
  DatesSetArg,
  DateSelectArg,
  DayCellContentArg,
  DayHeaderContentArg,
  EventClickArg,
  EventApi,
  EventDropArg,
  EventHoveringArg,
  EventInput,
  EventMountArg,
  EventSourceFuncArg,
} from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import luxon3Plugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Box, LinearProgress } from '@mui/material';
import { DateTime, Duration } from 'luxon';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Input } from '../../../../shared/api';
import type { Booking, Clash } from '../../../../shared/domain/booking';
import type { ContractKeyDate } from '../../../../shared/domain/contract';
import type { AvailabilityBlock } from '../../../../shared/domain/availabilityBlock';
import type { ScheduleEntry } from '../../../../shared/domain/scheduleEntry';
import { SCHEDULE_ENTRY_TYPES } from '../../../../shared/domain/vocabulary';
import { can } from '../../../../shared/access';
import { bridge, call } from '../../api/client';
import { BookingDialog } from '../bookings';
import { useCurrentUser } from '../session';
import { recordPath } from '../../components/recordLinks';
import { useNotify } from '../../components/useNotify';
import { useErrorText } from '../../components/form';
import { DayAvailabilityBadge } from './AvailabilityBadge';
import { createBlockStore } from './availability';
import { CalendarLegend } from './CalendarLegend';
import { CalendarStyles } from './CalendarStyles';
import { EntryDialog, type EntryDraft } from './EntryDialog';
import { MoveOverClashesDialog } from './MoveOverClashesDialog';
import { entryClassNames } from './entryStyle';
import { compactTimeText, eventTimeText } from './eventTimeText';
import { lockReason, watchLockedDrags } from './lockedDrag';
import { combinedSource } from './combinedSource';
import { createOffscreenTracker, hourOf, OffscreenHints } from './offscreenEntries';
import { listSchedule, weekStartsOn } from './openingWeek';
import { talentWeekPlugin, TALENT_WEEK_VIEW } from './TalentWeekView';
import { timeGridEventContent } from './timeGridEventContent';
import { useContractDateSource } from './useContractDateSource';
import { useHoldSource } from './useHoldSource';

export type CalendarFilters = Omit<Input<'schedule.list'>, 'from' | 'to'>;

interface Props {
  readonly filters: CalendarFilters;
  readonly displayZone: string;
  readonly initialView?:
    | 'dayGridMonth'
    | 'timeGridWeek'
    | 'timeGridDay'
    | 'listWeek'
    | 'listMonth'
    | typeof TALENT_WEEK_VIEW;
  /** Told the visible range, so the page can export exactly what is shown. */
  readonly onRangeChange?: (range: { from: string; to: string }) => void;
  /** The calendar scrolls inside this height, its header always in view ('100%': its parent's). */
  readonly height?: number | '100%';
  /** New entries default to this talent (a talent page's calendar). */
  readonly talent?: { id: string; stageName: string; fullName: string };
  /** Opens a manual entry at its own link (the schedule page); in place when not given. */
  readonly onOpenEntry?: (entry: ScheduleEntry) => void;
}

/** A move over informational clashes, waiting for the user's word. */
interface PendingMove {
  readonly entry: ScheduleEntry;
  readonly patch: { start: string; end: string };
  readonly revert: () => void;
  readonly clashes: Clash[];
}

const LOCALES = [zhCnLocale];
const TOOLBAR = {
  left: 'prev,next today',
  center: 'title',
  right: `dayGridMonth,timeGridWeek,${TALENT_WEEK_VIEW},timeGridDay,listWeek`,
};
/**
 * Those who see contract dates only (legal): all-day dates a few a month, so the month and a
 * month's list; the hour grids would be empty hours and the talent rows have nobody in them.
 */
const CONTRACT_DATES_TOOLBAR = { ...TOOLBAR, right: 'dayGridMonth,listMonth' };

/** Where the week and day grids open when nothing is earlier: the working morning. */
const MORNING = 7 * 3_600_000;

/**
 * Events drawn side by side in a week or day slot before the rest go behind a "+N" link: at
 * 1280 px a day is about 140 px wide, and three is what keeps each box wide enough to read.
 */
const EVENTS_SIDE_BY_SIDE = 3;

/** Pages of availability periods read for one range (100 each). */
const MAX_BLOCK_PAGES = 5;

/** Whether FullCalendar is fetching a range: a tiny store, so the bar re-renders and not the calendar. */
function createLoadingStore() {
  let loading = false;
  const listeners = new Set<() => void>();
  return {
    set(next: boolean) {
      if (next === loading) return;
      loading = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => loading,
  };
}

function LoadingBar({ store }: { store: ReturnType<typeof createLoadingStore> }) {
  const { t } = useTranslation();
  const loading = useSyncExternalStore(store.subscribe, store.get);
  // Always 4 px tall: the calendar below does not jump when a fetch starts or ends.
  return (
    <Box sx={{ height: 4 }}>
      {loading && <LinearProgress aria-label={t('calendar.loadingRange')} />}
    </Box>
  );
}

const KEY_VIEWS: Record<string, Props['initialView']> = {
  m: 'dayGridMonth',
  w: 'timeGridWeek',
  d: 'timeGridDay',
  l: 'listWeek',
};
const CONTRACT_DATES_KEY_VIEWS: Record<string, Props['initialView']> = {
  m: 'dayGridMonth',
  l: 'listMonth',
};

/** Wall-clock arithmetic in the display zone, so a drag across a DST change lands where dropped. */
function shifted(iso: string, delta: Duration, zone: string): string {
  return DateTime.fromISO(iso, { zone }).plus(delta).toUTC().toISO()!;
}

export function CalendarView({
  filters,
  displayZone,
  initialView,
  onRangeChange,
  height = 640,
  talent,
  onOpenEntry,
}: Props) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const ref = useRef<FullCalendar>(null);
  const notify = useNotify();
  const errorText = useErrorText();
  const setNotice = useCallback(
    (message: string, severity: 'success' | 'error' | 'info' = 'info') => notify(message, severity),
    [notify],
  );
  const [fetchError, setFetchError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ScheduleEntry | null>(null);
  const [draft, setDraft] = useState<EntryDraft | null>(null);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const mayWrite = can(user.role, 'schedule', 'update');
  const readsSchedule = can(user.role, 'schedule', 'read');
  const readsContractDates = can(user.role, 'contracts', 'update');
  const contractDatesOnly = !readsSchedule && readsContractDates;
  const keyViews = contractDatesOnly ? CONTRACT_DATES_KEY_VIEWS : KEY_VIEWS;
  const navigate = useNavigate();
  const filterKey = JSON.stringify(filters);

  const fetchEvents = useCallback(
    (
      info: EventSourceFuncArg,
      success: (events: EventInput[]) => void,
      failure: (error: Error) => void,
    ) => {
      const range = {
        from: new Date(info.startStr).toISOString(),
        to: new Date(info.endStr).toISOString(),
      };
      onRangeChange?.(range);
      if (!readsSchedule) return success([]);
      listSchedule({ ...(JSON.parse(filterKey) as CalendarFilters), ...range })
        .then(({ items }) => {
          // Same value: React skips the re-render (which would re-lay out every event).
          setFetchError((current) => (current === null ? current : null));
          // Each type's name translated once, not once per entry of a 2,000-entry week.
          const typeLabel = Object.fromEntries(
            SCHEDULE_ENTRY_TYPES.map((type) => [type, t(`schedule.entryType.${type}`)]),
          ) as Record<ScheduleEntry['entryType'], string>;
          success(
            items.map((entry) => ({
              id: entry.id,
              title: `${entry.expanded.talentProfile.stageName} · ${entry.title ?? typeLabel[entry.entryType]}`,
              // Instants as numbers: FullCalendar reads them without parsing 4,000 ISO strings.
              start: Date.parse(entry.start),
              end: Date.parse(entry.end),
              classNames: entryClassNames(entry),
              editable: mayWrite && entry.source !== 'booking' && entry.status !== 'cancelled',
              extendedProps: { entry },
            })),
          );
        })
        .catch((error: unknown) => {
          setFetchError(errorText(error));
          failure(error instanceof Error ? error : new Error(String(error)));
        });
    },
    [filterKey, t, errorText, mayWrite, onRangeChange, readsSchedule],
  );

  /**
   * Unavailable and out-of-town periods: a badge per day ("3 away", who and why on hover or
   * focus) and, in the talent rows, one per talent-day. Painted behind the entries only for one
   * talent's calendar, and then as a thin lane at the day's edge: a whole team's periods painted
   * over whole days hid the entries and overprinted each other's labels.
   */
  const blocks = useMemo(() => createBlockStore(), []);
  const zoneRef = useRef(displayZone);
  zoneRef.current = displayZone;
  const fetchBlocks = useCallback(
    (
      info: EventSourceFuncArg,
      success: (events: EventInput[]) => void,
      failure: (error: Error) => void,
    ) => {
      if (!can(user.role, 'availability', 'read')) return success([]);
      const { talentProfile } = JSON.parse(filterKey) as CalendarFilters;
      const query = {
        from: new Date(info.startStr).toISOString(),
        to: new Date(info.endStr).toISOString(),
        limit: 100,
        ...(talentProfile ? { talentProfile } : {}),
      };
      void (async () => {
        const items: AvailabilityBlock[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < MAX_BLOCK_PAGES; page += 1) {
          const result = await call('blocks.list', { ...query, ...(cursor ? { cursor } : {}) });
          items.push(...result.items);
          if (!result.nextCursor) break;
          cursor = result.nextCursor;
        }
        blocks.set(items, zoneRef.current);
        success(
          talentProfile
            ? items.map((block) => ({
                id: `block:${block.id}`,
                title: `${block.expanded.talentProfile.stageName} · ${t(`calendar.block.${block.kind}`)}${block.note ? ` · ${block.note}` : ''}`,
                start: block.start,
                end: block.end,
                display: 'background',
                classNames: ['gr-block', `gr-block-${block.kind}`],
                extendedProps: { block },
              }))
            : [],
        );
      })().catch((error: unknown) =>
        failure(error instanceof Error ? error : new Error(String(error))),
      );
    },
    [blocks, filterKey, t, user.role],
  );
  const contractDates = useContractDateSource();
  const holds = useHoldSource((JSON.parse(filterKey) as CalendarFilters).talentProfile);
  // One source of four parts: the view is laid out once per range, not once per part.
  const eventSources = useMemo(
    () => [combinedSource([fetchEvents, fetchBlocks, contractDates, holds])],
    [fetchEvents, fetchBlocks, contractDates, holds],
  );

  // Changes from any window: refetch the visible range, but never under a drag in progress
  // (re-rendering would drop the event being dragged): then refetch when it ends.
  const interacting = useRef(false);
  const stale = useRef(false);
  const refetch = useCallback(() => {
    if (interacting.current) stale.current = true;
    else ref.current?.getApi().refetchEvents();
  }, []);
  const interactionEnded = () => {
    interacting.current = false;
    if (stale.current) {
      stale.current = false;
      ref.current?.getApi().refetchEvents();
    }
  };
  useEffect(
    () =>
      bridge.on('change', (event) => {
        if (['schedule', 'bookings', 'availability', 'contracts'].includes(event.entity)) refetch();
      }),
    [refetch],
  );

  // Keyboard: today, previous, next and the views, unless the user is typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target?.closest('input, textarea, [role="dialog"], [contenteditable="true"]')
      )
        return;
      const api = ref.current?.getApi();
      if (!api) return;
      const key = event.key.toLowerCase();
      if (key === 't') api.today();
      else if (event.key === 'ArrowLeft') api.prev();
      else if (event.key === 'ArrowRight') api.next();
      else if (keyViews[key]) api.changeView(keyViews[key]!);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyViews]);

  /** Puts the event back where it was and says why. */
  const revertWith = (revert: () => void, reason: unknown) => {
    revert();
    setNotice(
      t('calendar.reverted', {
        reason: typeof reason === 'string' ? reason : errorText(reason),
      }),
      'error',
    );
  };

  const save = async (
    entry: ScheduleEntry,
    patch: { start: string; end: string },
    revert: () => void,
  ) => {
    try {
      const moved = await call('schedule.update', { id: entry.id, version: entry.version, patch });
      notify(t('calendar.movedUndo'), 'success', {
        label: t('common.undo'),
        run: () => void undoMove(moved, { start: entry.start, end: entry.end }),
      });
    } catch (error) {
      revertWith(revert, error);
    } finally {
      refetch();
    }
  };

  /**
   * Puts a moved entry back where it was, through the same channel as any move: main checks the
   * version (a change made since wins), the clashes and access again, and audits it.
   */
  const undoMove = async (moved: ScheduleEntry, back: { start: string; end: string }) => {
    try {
      await call('schedule.update', { id: moved.id, version: moved.version, patch: back });
      notify(t('calendar.moveUndone'), 'success');
    } catch (error) {
      notify(
        t('calendar.notUndone', {
          reason: errorText(error),
        }),
        'error',
      );
    } finally {
      refetch();
    }
  };

  /**
   * Checks the new time first: over anything blocking, the move is refused here with what it
   * clashes with; over holds, auditions or travel it asks; otherwise it saves. Main checks again.
   */
  const move = async (
    entry: ScheduleEntry,
    patch: { start: string; end: string },
    revert: () => void,
  ) => {
    let clashes: Clash[];
    try {
      ({ clashes } = await call('clashes.check', {
        talentProfile: entry.talentProfile,
        ...patch,
        excludeId: entry.id,
      }));
    } catch (error) {
      revertWith(revert, error);
      return;
    }
    const blocking = clashes.filter((c) => c.blocking);
    if (blocking.length > 0) {
      revertWith(
        revert,
        t('calendar.clashesWith', { what: blocking.map((c) => c.label).join(', ') }),
      );
      refetch();
    } else if (clashes.length > 0) {
      setPending({ entry, patch, revert, clashes });
    } else {
      await save(entry, patch, revert);
    }
  };

  const onDrop = (info: EventDropArg) => {
    const entry = info.event.extendedProps.entry as ScheduleEntry;
    const delta = Duration.fromObject(info.delta);
    void move(
      entry,
      {
        start: shifted(entry.start, delta, displayZone),
        end: shifted(entry.end, delta, displayZone),
      },
      info.revert,
    );
  };
  const onResize = (info: EventResizeDoneArg) => {
    const entry = info.event.extendedProps.entry as ScheduleEntry;
    void move(
      entry,
      {
        start: shifted(entry.start, Duration.fromObject(info.startDelta), displayZone),
        end: shifted(entry.end, Duration.fromObject(info.endDelta), displayZone),
      },
      info.revert,
    );
  };
  const onSelect = (info: DateSelectArg) => {
    info.view.calendar.unselect();
    setDraft({
      start: new Date(info.startStr).toISOString(),
      end: new Date(info.endStr).toISOString(),
      timezone: displayZone,
    });
  };
  const onClick = (info: EventClickArg) => open(info.event.extendedProps);
  /** Opens what an item on the calendar stands for: its contract, booking or entry. */
  const open = (props: Record<string, unknown>) => {
    const keyDate = props.keyDate as ContractKeyDate | undefined;
    if (keyDate) {
      void navigate(recordPath('contracts', keyDate.contract)!);
      return;
    }
    const hold = props.hold as Booking | undefined;
    if (hold) {
      void call('bookings.get', { id: hold.id }).then(setBooking, (error: unknown) =>
        setNotice(errorText(error), 'error'),
      );
      return;
    }
    const entry = props.entry as ScheduleEntry;
    if (entry.source === 'booking' && entry.booking) {
      setNotice(t('calendar.fromBooking'));
      void call('bookings.get', { id: entry.booking }).then(setBooking, (error: unknown) =>
        setNotice(errorText(error), 'error'),
      );
    } else if (onOpenEntry) {
      onOpenEntry(entry);
    } else {
      setEditing(entry);
    }
  };

  /** A dialog closing after a save: say so and show the result at once. */
  const closed = (hide: () => void) => (message?: string) => {
    hide();
    if (message) {
      setNotice(message, 'success');
      ref.current?.getApi().refetchEvents();
    }
  };

  // One formatter per zone: building an Intl.DateTimeFormat per event is what a full week costs.
  const formatters = useMemo(() => new Map<string, Intl.DateTimeFormat>(), []);
  /** The tooltip: the entry in its own time zone. Written when first wanted, not for every event drawn. */
  const describe = useCallback(
    (el: HTMLElement, event: EventMountArg['event']) => {
      const entry = event.extendedProps.entry as ScheduleEntry | undefined;
      if (!entry) {
        el.title = event.title;
        return;
      }
      const key = `${i18n.language}|${entry.timezone}`;
      let format = formatters.get(key);
      if (!format) {
        format = new Intl.DateTimeFormat(i18n.language, {
          timeZone: entry.timezone,
          dateStyle: 'medium',
          timeStyle: 'short',
        });
        formatters.set(key, format);
      }
      const own = format.formatRange(new Date(entry.start), new Date(entry.end));
      el.title = `${event.title}\n${t(`schedule.status.${entry.status}`)}\n${t('calendar.ownTime', { time: own, zone: entry.timezone })}`;
    },
    [formatters, i18n.language, t],
  );
  const describeEvent = useCallback(
    (info: EventMountArg) => {
      const entry = info.event.extendedProps.entry as ScheduleEntry | undefined;
      if (entry) info.el.setAttribute('data-entry-id', entry.id);
      const locked = lockReason(info.event, mayWrite);
      if (locked) info.el.setAttribute('data-locked', locked);
      // Keyboard users get the tooltip on focus, as pointer users do on hover.
      info.el.addEventListener('focus', () => describe(info.el, info.event), { once: true });
    },
    [describe, mayWrite],
  );
  const describeOnHover = useCallback(
    (info: EventHoveringArg) => {
      if (!info.el.title) describe(info.el, info.event);
    },
    [describe],
  );

  // FullCalendar re-applies options whose identity changes: hand it stable callbacks that
  // call the latest handlers, so a state change here does not re-lay out every event.
  const handlers = useRef({ onDrop, onResize, onSelect, onClick, open, interactionEnded });
  handlers.current = { onDrop, onResize, onSelect, onClick, open, interactionEnded };
  const stable = useMemo(
    () => ({
      eventDragStart: () => {
        interacting.current = true;
      },
      eventResizeStart: () => {
        interacting.current = true;
      },
      eventDragStop: () => handlers.current.interactionEnded(),
      eventResizeStop: () => handlers.current.interactionEnded(),
      eventDrop: (info: EventDropArg) => handlers.current.onDrop(info),
      eventResize: (info: EventResizeDoneArg) => handlers.current.onResize(info),
      select: (info: DateSelectArg) => handlers.current.onSelect(info),
      eventClick: (info: EventClickArg) => handlers.current.onClick(info),
    }),
    [],
  );

  const buttonText = useMemo(
    () => ({ prev: `‹ ${t('calendar.previous')}`, next: `${t('calendar.next')} ›` }),
    [t],
  );
  const plugins = useMemo(
    () => [
      dayGridPlugin,
      timeGridPlugin,
      listPlugin,
      interactionPlugin,
      luxon3Plugin,
      talentWeekPlugin({ blocks, open: (props) => handlers.current.open(props) }),
    ],
    [blocks],
  );
  const views = useMemo(
    () => ({
      [TALENT_WEEK_VIEW]: { buttonText: t('calendar.talentView') },
      // A month cell is narrow: the start alone, compact ("7p"), so it is never cut.
      // Three entries a day before "+N": a month of a busy team scrolls rather than showing
      // nothing but "+N" in every cell.
      dayGridMonth: { eventTimeFormat: compactTimeText, dayMaxEvents: 3 },
      listMonth: { buttonText: t('calendar.listView') },
    }),
    [t],
  );
  // FullCalendar's zh-cn locale leaves its hidden headers and hints in English.
  const hints = useMemo(
    () => ({
      timeHint: t('calendar.hint.time'),
      eventHint: t('calendar.hint.event'),
      closeHint: t('common.close'),
      viewHint: t('calendar.hint.view'),
      navLinkHint: t('calendar.hint.navLink'),
      moreLinkHint: (count: number) => t('calendar.hint.moreLink', { count }),
      buttonHints: {
        prev: t('calendar.hint.prev'),
        next: t('calendar.hint.next'),
        today: (unitText: string, unit: string) =>
          unit === 'day'
            ? t('calendar.hint.today')
            : t('calendar.hint.thisUnit', { unit: unitText }),
      },
    }),
    [t],
  );

  // The week and day grids open at 7:00, or at the range's earliest entry when it is before;
  // what is still out of view above or below is counted at the grid's edges (OffscreenHints).
  const offscreen = useMemo(() => createOffscreenTracker(), []);
  const scrollPending = useRef(false);
  const loading = useMemo(() => createLoadingStore(), []);
  const scrollToEarliest = useCallback(() => {
    requestAnimationFrame(() => {
      if (!scrollPending.current || loading.get()) return;
      scrollPending.current = false;
      const earliest = offscreen.earliest();
      if (earliest !== null && earliest < MORNING)
        ref.current?.getApi().scrollToTime(hourOf(earliest));
      requestAnimationFrame(() => offscreen.measure());
    });
  }, [loading, offscreen]);
  const onLoading = useCallback(
    (isLoading: boolean) => {
      loading.set(isLoading);
      if (!isLoading) scrollToEarliest();
    },
    [loading, scrollToEarliest],
  );
  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      scrollPending.current = arg.view.type.startsWith('timeGrid');
      scrollToEarliest();
    },
    [scrollToEarliest],
  );
  const onEventsSet = useCallback(
    (events: EventApi[]) => {
      const api = ref.current?.getApi();
      if (api) offscreen.setEvents(events, api.view, zoneRef.current);
    },
    [offscreen],
  );

  /** Who is away, in the week and day views' headers and the month's cells. */
  const dayHeaderContent = useCallback(
    (arg: DayHeaderContentArg) =>
      arg.view.type.startsWith('timeGrid') ? (
        <>
          {arg.text}
          <DayAvailabilityBadge
            store={blocks}
            day={DateTime.fromJSDate(arg.date, { zone: zoneRef.current }).toISODate()!}
          />
        </>
      ) : (
        arg.text
      ),
    [blocks],
  );
  const dayCellContent = useCallback(
    (arg: DayCellContentArg) =>
      arg.view.type === 'dayGridMonth' ? (
        <>
          <DayAvailabilityBadge
            store={blocks}
            day={DateTime.fromJSDate(arg.date, { zone: zoneRef.current }).toISODate()!}
          />
          {arg.dayNumberText}
        </>
      ) : (
        arg.dayNumberText
      ),
    [blocks],
  );

  // A drag on something that does not move is told why, rather than ignored.
  const frame = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      frame.current
        ? watchLockedDrags(frame.current, (reason) => setNotice(t(`calendar.locked.${reason}`)))
        : undefined,
    [setNotice, t],
  );
  // The grid's scroller is FullCalendar's and changes with the view: its scrolls are caught here.
  const calendarBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = calendarBox.current;
    if (!box) return undefined;
    offscreen.attach(box);
    let queued = false;
    const measure = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        offscreen.measure();
      });
    };
    box.addEventListener('scroll', measure, { capture: true, passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(box);
    return () => {
      box.removeEventListener('scroll', measure, { capture: true });
      resized.disconnect();
      offscreen.attach(null);
    };
  }, [offscreen]);
  return (
    <Box ref={frame} sx={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <CalendarStyles />
      {fetchError && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {fetchError}
        </Alert>
      )}
      <LoadingBar store={loading} />
      <Box
        ref={calendarBox}
        sx={{ position: 'relative', flexGrow: 1, minHeight: height === '100%' ? 480 : undefined }}
      >
        <OffscreenHints
          tracker={offscreen}
          scrollTo={(time) => ref.current?.getApi().scrollToTime(time)}
        />
        <FullCalendar
          ref={ref}
          key={filterKey}
          plugins={plugins}
          initialView={initialView ?? (contractDatesOnly ? 'dayGridMonth' : 'timeGridWeek')}
          timeZone={displayZone}
          locales={LOCALES}
          locale={i18n.language === 'zh-CN' ? 'zh-cn' : 'en'}
          // Stated, not left to the locale: the schedule page asks for this week before mounting.
          firstDay={weekStartsOn(i18n.language)}
          headerToolbar={contractDatesOnly ? CONTRACT_DATES_TOOLBAR : TOOLBAR}
          // Text, not icon fonts: FullCalendar's icons are unlabelled images to a screen reader.
          buttonIcons={false}
          buttonText={buttonText}
          {...hints}
          height={height}
          nowIndicator
          selectable={mayWrite}
          selectMirror
          editable={mayWrite}
          eventResizableFromStart
          dayMaxEvents
          // Side by side, a busy slot's entries become slivers nobody can read (20 in a 140 px
          // column): three stay drawn and the rest open from "+N". It also keeps a 2,000-entry
          // week to a few hundred drawn events, the difference between one and two seconds.
          eventMaxStack={EVENTS_SIDE_BY_SIDE}
          // Side by side, not overlapping: overlapped boxes put one title over another's.
          slotEventOverlap={false}
          eventTimeFormat={eventTimeText}
          eventContent={timeGridEventContent}
          // The whole day, scrolled to the morning: an entry at 3:00 is drawn where it is, not
          // squeezed against the top of a grid that started at 6:00 (and scrolled to, onDatesSet).
          scrollTime={hourOf(MORNING)}
          views={views}
          loading={onLoading}
          datesSet={onDatesSet}
          eventsSet={onEventsSet}
          dayHeaderContent={dayHeaderContent}
          dayCellContent={dayCellContent}
          eventSources={eventSources}
          {...stable}
          eventDidMount={describeEvent}
          eventMouseEnter={describeOnHover}
        />
      </Box>
      <CalendarLegend
        entries={readsSchedule}
        availability={can(user.role, 'availability', 'read')}
        contractDates={readsContractDates}
      />
      {editing && <EntryDialog entry={editing} onClose={closed(() => setEditing(null))} />}
      {draft && (
        <EntryDialog
          entry={null}
          draft={{ ...draft, ...(talent ? { talent } : {}) }}
          onClose={closed(() => setDraft(null))}
        />
      )}
      {pending && (
        <MoveOverClashesDialog
          clashes={pending.clashes}
          onCancel={() => {
            pending.revert();
            setPending(null);
            refetch();
          }}
          onConfirm={() => {
            setPending(null);
            void save(pending.entry, pending.patch, pending.revert);
          }}
        />
      )}
      {booking && <BookingDialog booking={booking} onClose={closed(() => setBooking(null))} />}
    </Box>
  );
}
