/**
 * The calendar: heat forecasts (from history or the suppressant regimen), reminders, the roster check
 * with reschedule proposals, and the privacy boundary that turns all of it into "medical leave" for a
 * viewer who does not know. Pure: runs in Node and in browsers.
 */
export type {
  Forecast,
  ForecastBasis,
  ForecastInput,
  ForecastWindow,
  MedicationState,
  Reminder,
} from './forecast.js';
export { declaredMedication, forecast, reminders } from './forecast.js';
export type { HistoryOptions, KnownHistory, LivedOnset } from './history.js';
export { forecastAll, historyOf } from './history.js';
export type {
  CalendarNames,
  ConflictView,
  Knows,
  RedactedConflict,
  RedactedUnchecked,
  RosterView,
  UncheckedView,
} from './redact.js';
export {
  calendarNames,
  describeConflict,
  describeUnchecked,
  isRedacted,
  knowsFrom,
  LEAK_WORDS,
  leaks,
  MEDICAL_LEAVE,
  viewForecasts,
  viewRoster,
} from './redact.js';
export type { Conflict, ConflictLevel, Proposal, RosterInput, RosterReport, Unchecked } from './roster.js';
export { bondedPartners, checkRoster, relativeDay } from './roster.js';
