export { BookingDialog, type BookingDraft } from './BookingDialog';
export { BookingsGrid } from './BookingsGrid';
export { BookingsPage } from './BookingsPage';
export { ClashWarning } from './ClashWarning';
export { useClashes } from './useBookings';
