export { TodayPage } from './TodayPage';
export { useToday } from './useToday';
export { Reminders } from './Reminders';
