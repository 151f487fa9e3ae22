export { ExportCsvButton } from './ExportCsvButton';
export { ImportCsvButton, ImportCsvDialog } from './ImportCsvDialog';
