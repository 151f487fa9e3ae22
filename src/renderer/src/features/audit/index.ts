export { AuditPage } from './AuditPage';
export { HistoryPanel } from './HistoryPanel';
