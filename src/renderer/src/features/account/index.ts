export { ChangePasswordDialog } from './ChangePasswordDialog';
export { CalendarFeedsDialog, SubscribeButton } from './CalendarFeeds';
export { SessionList } from './SessionList';
export { SessionsDialog } from './SessionsDialog';
