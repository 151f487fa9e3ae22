import type { EventContentArg } from '@fullcalendar/core';

/**
 * A week or day view event as one element holding its time and title, instead of FullCalendar's
 * five nested ones: a busy week draws thousands of events, and style and layout cost grows with
 * every element. Other views, and background periods, keep FullCalendar's own content.
 */
export function timeGridEventContent(arg: EventContentArg): true | { domNodes: Node[] } {
  if (!arg.view.type.startsWith('timeGrid') || arg.event.display === 'background') return true;
  const el = document.createElement('div');
  el.className = 'gr-event-content';
  el.textContent = arg.timeText ? `${arg.timeText}\n${arg.event.title}` : arg.event.title;
  return { domNodes: [el] };
}
