export { FormKitDialog } from './FormKitDialog';
export {
  calendarDateInput,
  calendarDateValue,
  EARLIEST_DAY,
  FormDatePicker,
  FormDateTimePicker,
  FormTalentPicker,
  FormTextField,
  FormVocabularySelect,
  instantInput,
  LATEST_DAY,
  numberInput,
  optionalTextInput,
} from './fields';
export { errorText, issueText, useErrorText, useIssueText } from './useIssueText';
export { useSchemaForm, type SchemaForm } from './useSchemaForm';
