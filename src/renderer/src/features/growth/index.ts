export { GrowthPanel } from './GrowthPanel';
