export { JoinTeamDialog } from './JoinTeamDialog';
export { TeamWorkspacePanel } from './TeamWorkspacePanel';
export { WorkstationChoice } from './WorkstationChoice';
export { useWorkstation } from './useWorkstation';
