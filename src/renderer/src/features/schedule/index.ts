export { CalendarView } from './CalendarView';
export { SchedulePage } from './SchedulePage';
