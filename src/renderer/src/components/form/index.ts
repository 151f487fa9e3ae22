export { FormKitDialog } from './FormKitDialog';
export {
  EARLIEST_DAY,
  FormDatePicker,
  FormDateTimePicker,
  FormTimeRange,
  FormTimezoneField,
  LATEST_DAY,
} from './dateFields';
export {
  FormSelect,
  FormSwitch,
  FormTextField,
  FormVocabularySelect,
  type SelectOption,
} from './fields';
export {
  calendarDateInput,
  calendarDateValue,
  instantInput,
  numberInput,
  optionalTextInput,
} from './inputs';
export { FormArtistPicker, FormTalentPicker, FormUserSelect } from './recordFields';
export { errorText, issueText, useErrorText, useIssueText } from './useIssueText';
export { useSchemaForm, type SchemaForm } from './useSchemaForm';
