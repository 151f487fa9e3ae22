export { DemoQueue } from './DemoQueue';
export { DemosPage } from './DemosPage';
export { ImportDemosDialog } from './ImportDemosDialog';
