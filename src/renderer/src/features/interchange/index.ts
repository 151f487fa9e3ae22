export { ExportCsvButton } from './ExportCsvButton';
export { ImportCsvButton, ImportCsvDialog } from './ImportCsvDialog';
export { ParseImportPanel } from './ParseImportPanel';
