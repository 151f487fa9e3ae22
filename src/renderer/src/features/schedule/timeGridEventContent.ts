import type { EventContentArg } from '@fullcalendar/core';

/** Minutes one line of event text needs in the week grid (a 30-minute slot is 21 px, a line 15.5). */
const MINUTES_PER_LINE = 22;
const MAX_LINES = 6;

/**
 * How many whole lines of text an event's box holds: the text is clamped to them, ending in an
 * ellipsis, so it never runs past the box or under the next event. Its full text is the tooltip.
 */
function linesFor(arg: EventContentArg): number {
  const { start, end } = arg.event;
  if (!start || !end) return 1;
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  return Math.max(1, Math.min(MAX_LINES, Math.floor((minutes - 8) / MINUTES_PER_LINE)));
}

/**
 * A week or day view event as one element holding its title, then its time (the time is also
 * where the box sits), instead of FullCalendar's five nested ones: a busy week draws thousands
 * of events, and style and layout cost grows with every element. Background periods show no
 * text at all (who is away is told by the day's badge); other views keep FullCalendar's content.
 */
export function timeGridEventContent(arg: EventContentArg): true | { domNodes: Node[] } {
  if (arg.event.display === 'background') return { domNodes: [] };
  if (!arg.view.type.startsWith('timeGrid')) return true;
  const el = document.createElement('div');
  el.className = `gr-event-content gr-lines-${linesFor(arg)}`;
  // "Echo Bianchi · Fitting": the separator stays with the word before it, never a line alone.
  const title = arg.event.title.replaceAll(' · ', '\u00a0· ');
  el.textContent = arg.timeText ? `${title}\n${arg.timeText}` : title;
  return { domNodes: [el] };
}
