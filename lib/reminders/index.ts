/**
 * 催付 and customer-care messaging rules: reminder plans, templates, rendering and compliance.
 * Pure functions only; callers pass `now`, the contact log and the settings in.
 */
export {
  CHINA_OFFSET_MS,
  chinaDateParts,
  chinaMinuteOfDay,
  endOfQuiet,
  isQuietAt,
  isQuietMinute,
  quietHours,
  startOfChinaDay,
} from '../china-time';
export type { QuietHours } from '../china-time';
export {
  autoCloseAtFor,
  checkBeforeContact,
  ladderFor,
  planReminders,
  quietHoursOf,
  reminderGroup,
  remindersInLast24h,
  stepTime,
} from './plan';
export type {
  ContactPurpose,
  PlanInput,
  PlannedStep,
  Reason,
  ReminderGroup,
  ReminderPlan,
  StepState,
  Warning,
} from './plan';
export { DEFAULT_TEMPLATES, templateFor } from './moment-templates';
export {
  MOMENTS,
  MOMENT_CHANNELS,
  REMINDER_CHANNELS,
  REMINDER_GROUPS,
  TONES,
  momentTemplateId,
  remindTemplateId,
  REMIND_TEMPLATES,
  templateAmong,
  templateChannel,
  templatePurpose,
} from './templates';
export type { BuiltInTemplates, Moment, MomentChannel } from './templates';
export {
  ITEM_TITLE_MAX,
  TEMPLATE_VARIABLES,
  formatMoney,
  formatOrderTime,
  formatTimeLeft,
  parseTemplate,
  renderTemplate,
  shortenItems,
  variableByName,
} from './render';
export type {
  TemplateError,
  TemplateErrorCode,
  TemplateItem,
  TemplatePart,
  TemplateVariable,
  TemplateVariableKey,
  TemplateVars,
} from './render';
export { checkCompliance, hasOptOut, isMarketing } from './compliance';
export type { ComplianceCode, ComplianceIssue } from './compliance';
