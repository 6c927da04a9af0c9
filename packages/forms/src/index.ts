export {
  renderBlankManagerForm,
  renderFilledManagerForm,
  MANAGER_FORM_TITLE,
  MANAGER_FORM_AGENCY,
  MANAGER_FORM_NOTE,
} from './manager-form.js';
export type { ManagerFormData, ManagerRequestKind } from './manager-form.js';
export { parseTaiwanPhone, taipeiDateParts } from './format.js';
export type { PhoneParts, DateParts } from './format.js';
