export { ContractDetailsDialog } from './ContractDetailsDialog';
export { ContractDialog } from './ContractDialog';
export { ContractsGrid } from './ContractsGrid';
export { ContractsPage } from './ContractsPage';
