export { TodayPage } from './TodayPage';
export { useToday } from './useToday';
