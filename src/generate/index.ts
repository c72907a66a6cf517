/**
 * Generated scenarios: a crew of any size, from the canon's population numbers. Pure: returns the
 * scenario's text (YAML or JSON).
 */
export {
  CREW_FORMATS,
  type CrewFormat,
  type CrewOptions,
  GenerateError,
  generateCrew,
  MAX_DAYS,
  MAX_SIZE,
} from './crew.js';
export { SETTINGS, type Setting } from './ship.js';
