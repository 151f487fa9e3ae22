export { AuditionsPage } from './AuditionsPage';
export { AuditionsView } from './AuditionsView';
