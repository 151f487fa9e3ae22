export { TalentPage } from './TalentPage';
export { TalentsPage } from './TalentsPage';
