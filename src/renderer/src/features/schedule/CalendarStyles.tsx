import { GlobalStyles } from '@mui/material';
import { memo } from 'react';
import { BLOCK_COLORS, CONTRACT_DATE_COLORS, ENTRY_COLORS } from './entryStyle';

/**
 * FullCalendar's event colour variables for a class per colour (entry types, contract dates):
 * blocks, list dots and popover dots follow.
 */
function colorClasses(prefix: string, colors: Readonly<Record<string, string>>) {
  return Object.fromEntries(
    Object.entries(colors).map(([name, color]) => [
      `.fc .${prefix}${name}, .gr-talent-week .${prefix}${name}`,
      { '--fc-event-bg-color': color, '--fc-event-border-color': color },
    ]),
  );
}
/** Pixels beside a busy day's entries for its "+N" link ("+12" at the calendar's small size). */
const MORE_LINK_ROOM = 26;

const EVENT_COLORS = {
  ...colorClasses('gr-type-', ENTRY_COLORS),
  ...colorClasses('gr-contract-', CONTRACT_DATE_COLORS),
};

/**
 * Status styling for calendar events, and FullCalendar's chrome in the theme's colours. Memoised:
 * serialising these rules again on every render of the calendar cost a busy week 100 ms.
 */
export const CalendarStyles = memo(function CalendarStyles() {
  return (
    <GlobalStyles
      styles={(theme) => ({
        '.fc': {
          '--fc-border-color': theme.palette.divider,
          '--fc-page-bg-color': theme.palette.background.paper,
          '--fc-today-bg-color': theme.palette.action.hover,
          '--fc-neutral-bg-color': theme.palette.background.default,
          '--fc-list-event-hover-bg-color': theme.palette.action.hover,
          '--fc-button-bg-color': theme.palette.primary.main,
          '--fc-button-border-color': theme.palette.primary.main,
          '--fc-button-active-bg-color': theme.palette.primary.dark,
          '--fc-button-active-border-color': theme.palette.primary.dark,
          '--fc-button-hover-bg-color': theme.palette.primary.dark,
          fontSize: 14,
        },
        '.fc .fc-toolbar-title': { fontSize: 20 },
        // With text buttons (buttonIcons off) FullCalendar leaves the "+N" popover's close
        // control empty: draw its cross here. Escape closes the popover too.
        '.fc .fc-popover-close': { padding: '0 6px', fontSize: 18, lineHeight: 1 },
        '.fc .fc-popover-close::before': { content: '"×"' },
        // One element per week-view event (timeGridEventContent): title, then time, clamped to
        // the lines its box holds and ending in an ellipsis; the full text is the tooltip.
        // Lines break between words only, and a word wider than the box ends in "…" ("Bianc…"):
        // broken anywhere, a 40 px box read "Bianc / hi · Fi / tting". With no room for a letter
        // the "…" alone marks the box as having text (its tooltip). Sticky: an entry that began
        // above the scrolled-to hour keeps its title in view at the top of what is shown of it.
        '.fc .gr-event-content': {
          position: 'sticky',
          top: 0,
          whiteSpace: 'pre-line',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          maxHeight: '100%',
          padding: '0 2px',
          fontSize: '0.85em',
          lineHeight: 1.3,
          color: 'var(--fc-event-text-color)',
          display: '-webkit-box',
          WebkitBoxOrient: 'vertical',
          overflowWrap: 'normal',
        },
        // One line: title and time side by side (nowrap folds the line break into a space).
        '.fc .gr-event-content.gr-lines-1': {
          display: 'block',
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
        },
        ...Object.fromEntries(
          [2, 3, 4, 5, 6].map((n) => [
            `.fc .gr-event-content.gr-lines-${n}`,
            { WebkitLineClamp: n },
          ]),
        ),
        // Month and all-day bars: one line, the time whole (a compact "7p", compactTimeText) and
        // the title taking what is left, cut with an ellipsis. Both shrinking alike cut the time
        // to "7:…" or "1…" in a busy cell.
        '.fc .fc-daygrid-event .fc-event-time': { flexShrink: 0, whiteSpace: 'nowrap' },
        '.fc .fc-daygrid-event-dot': { flexShrink: 0 },
        '.fc .fc-daygrid-event .fc-event-title': {
          flex: '1 1 auto',
          minWidth: 0,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        },
        // One talent's periods away: a thin lane at the day's edge, never over the entries.
        '.fc .fc-bg-event.gr-block': { right: 'auto', width: 6, opacity: 0.85 },
        '.fc .fc-bg-event.gr-block-unavailable': { background: BLOCK_COLORS.unavailable },
        '.fc .fc-bg-event.gr-block-out_of_town': { background: BLOCK_COLORS.out_of_town },
        // A day with entries behind "+N": the link gets a margin of its own beside the entries.
        // FullCalendar pins it to the column's right edge, over the third entry's text.
        '.fc .fc-timegrid-col-events:has(> .fc-timegrid-more-link)': {
          marginRight: MORE_LINK_ROOM,
        },
        '.fc .fc-timegrid-col-events > .fc-timegrid-more-link': {
          right: -MORE_LINK_ROOM,
          maxWidth: MORE_LINK_ROOM - 2,
        },
        // The talent rows' items: time and what, on two lines at most, in the type's colour;
        // a word too long for the cell ends in an ellipsis.
        '.gr-talent-item': {
          display: '-webkit-box',
          WebkitBoxOrient: 'vertical',
          WebkitLineClamp: 2,
          width: '100%',
          margin: '0 0 2px',
          padding: '0 4px',
          font: 'inherit',
          fontSize: 12,
          lineHeight: '16px',
          textAlign: 'left',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          cursor: 'pointer',
          color: theme.palette.text.primary,
          background: theme.palette.action.hover,
          border: 0,
          borderLeft: '4px solid var(--fc-event-bg-color)',
          borderRadius: 2,
        },
        '.gr-talent-item.gr-status-tentative': { borderLeftStyle: 'dashed' },
        // Who is away: a small pill in a day's header or a talent-day cell.
        '.gr-availability-badge': {
          display: 'inline-block',
          marginLeft: 4,
          padding: '0 6px',
          borderRadius: 8,
          fontSize: 11,
          lineHeight: '16px',
          fontWeight: 600,
          whiteSpace: 'nowrap',
          color: '#fff',
          cursor: 'default',
        },
        '.gr-availability-lane': {
          display: 'block',
          margin: '0 0 2px',
          borderRadius: 2,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        },
        '.gr-legend': {
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 12,
          rowGap: 4,
          listStyle: 'none',
          padding: 0,
          margin: '8px 0 0',
          fontSize: 12,
        },
        '.gr-legend li': { display: 'flex', alignItems: 'center', gap: 4 },
        '.gr-legend-swatch': { width: 12, height: 12, borderRadius: 2, boxSizing: 'border-box' },
        ...EVENT_COLORS,
        // Tentative: a dashed border on a block (week, day, all-day bars), a hollow dot where an
        // entry is a dot and a line (month view's timed entries, the list view).
        '.fc .fc-v-event.gr-status-tentative, .fc .fc-h-event.gr-status-tentative': {
          borderStyle: 'dashed',
          borderWidth: 2,
          opacity: 0.8,
        },
        // (Kept from shrinking: a long title would squeeze the dot into an oval.)
        '.fc .gr-status-tentative .fc-daygrid-event-dot': {
          width: 4,
          height: 4,
          borderWidth: 2,
          flexShrink: 0,
        },
        '.fc .gr-status-tentative .fc-list-event-dot': { width: 6, height: 6, borderWidth: 2 },
        '.gr-status-cancelled': { opacity: 0.45, textDecoration: 'line-through' },
      })}
    />
  );
});
