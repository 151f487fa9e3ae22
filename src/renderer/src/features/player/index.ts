export { DemoPlayerPage } from './DemoPlayerPage';
