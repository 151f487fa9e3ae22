import type { EventMountArg } from '@fullcalendar/core';
import type { Booking } from '../../../../shared/domain/booking';
import type { ContractKeyDate } from '../../../../shared/domain/contract';
import type { ScheduleEntry } from '../../../../shared/domain/scheduleEntry';

/** Why an event on the calendar does not move when dragged (a key under calendar.locked). */
export type LockReason = 'booking' | 'hold' | 'contract' | 'cancelled' | 'readOnly';

/** The reason an event is fixed in place, or null when the user may drag it. */
export function lockReason(event: EventMountArg['event'], mayWrite: boolean): LockReason | null {
  if (event.display === 'background') return null;
  if (event.extendedProps.keyDate as ContractKeyDate | undefined) return 'contract';
  if (event.extendedProps.hold as Booking | undefined) return 'hold';
  const entry = event.extendedProps.entry as ScheduleEntry | undefined;
  if (!entry) return null;
  if (!mayWrite) return 'readOnly';
  if (entry.source === 'booking') return 'booking';
  if (entry.status === 'cancelled') return 'cancelled';
  return null;
}

/** How far the pointer must travel with the button held before it counts as a drag. */
const DRAG_DISTANCE = 6;

/**
 * Watches one container for a drag that starts on a locked event (marked `data-locked` with its
 * reason): FullCalendar ignores those silently, so the user is told why instead, once per gesture.
 * One listener for the whole calendar, not one per event.
 */
export function watchLockedDrags(
  container: HTMLElement,
  onRefused: (reason: LockReason) => void,
): () => void {
  let pressed: { x: number; y: number; reason: LockReason; dragged: boolean } | null = null;
  const down = (event: PointerEvent) => {
    const locked = (event.target as Element | null)?.closest<HTMLElement>('[data-locked]');
    const reason = locked?.dataset.locked as LockReason | undefined;
    pressed =
      reason && event.button === 0
        ? { x: event.clientX, y: event.clientY, reason, dragged: false }
        : null;
  };
  const move = (event: PointerEvent) => {
    if (!pressed || pressed.dragged) return;
    pressed.dragged =
      Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) >= DRAG_DISTANCE;
  };
  // Told when the button is let go: a notice opened mid-gesture would be closed by that release,
  // which the snackbar takes for a click elsewhere.
  const up = () => {
    if (pressed?.dragged) onRefused(pressed.reason);
    pressed = null;
  };
  container.addEventListener('pointerdown', down);
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  return () => {
    container.removeEventListener('pointerdown', down);
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
  };
}
