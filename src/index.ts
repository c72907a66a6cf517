/**
 * omegaverse: the library. Load a scenario, create a world, step or run it, subscribe to its events,
 * snapshot and restore it, ask what anyone believes and who knows what, explain any event.
 * Runs in Node and in browsers: nothing here touches the file system.
 */

export type {
  Conflict,
  ConflictLevel,
  ConflictView,
  Forecast,
  ForecastBasis,
  ForecastWindow,
  Knows,
  Proposal,
  RosterReport,
  RosterView,
} from './calendar/index.js';
export {
  checkRoster,
  describeConflict,
  forecast,
  forecastAll,
  historyOf,
  knowsFrom,
  LEAK_WORDS,
  MEDICAL_LEAVE,
  reminders,
  viewForecasts,
  viewRoster,
} from './calendar/index.js';
export type { Canon, CanonPresetName, GearCanon, RepresentationCanon } from './canon/index.js';
export { applyOverrides, PRESET_NAMES, presets } from './canon/index.js';
export type { DriveName, DriveRule, InstinctCanon, Mechanic, OrdersCanon } from './canon/types.js';
export { DRIVES, MECHANICS } from './canon/types.js';
export type { Belief, BeliefSource, Knower } from './core/beliefs.js';
export { SOURCE_MEANING, whoKnows } from './core/beliefs.js';
export type {
  Action,
  ActionBody,
  ActionKind,
  CharacterDef,
  CycleDef,
  DoorDef,
  DoorState,
  Expectation,
  MedicationDef,
  PlaceDef,
  RelationDef,
  Representation,
  RosterEventDef,
  Scalar,
  WorldDefinition,
} from './core/definition.js';
export { ACTION_KINDS, ADULT_AGE, REPRESENTATIONS } from './core/definition.js';
export type { EventType, WorldEvent } from './core/events.js';
export { AUTONOMOUS_TYPES, EVENT_TYPES } from './core/events.js';
export type { ExpectationResult } from './core/expect.js';
export { checkExpectation, checkExpectations } from './core/expect.js';
export type { CauseTree } from './core/explain.js';
export { explain, findEvent } from './core/explain.js';
export { CONDITIONS, FACTORS, validateRules } from './core/rules.js';
export type { Note } from './core/signature.js';
export { NOTES } from './core/signature.js';
export { formatClock, formatDuration, parseClock, parseDuration } from './core/time.js';
export type { CreateOptions, Dose, EventListener, Route, WorldSnapshot } from './core/world.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, World } from './core/world.js';
export { formatForecasts, formatRoster } from './narrate/calendar.js';
export type { LogFormat } from './narrate/format.js';
export { formatLog, formatTree, formatWhoKnows } from './narrate/format.js';
export type { Names } from './narrate/narrate.js';
export { namesOf, narrate } from './narrate/narrate.js';
export type { ReportOptions } from './report/index.js';
export { renderReport } from './report/index.js';
export type { ScenarioError } from './scenario/index.js';
export { formatScenarioError, loadScenario } from './scenario/index.js';

import type { WorldDefinition } from './core/definition.js';
import { type CreateOptions, World } from './core/world.js';

/** A new world at the scenario's start (same as `World.create`). */
export function createWorld(definition: WorldDefinition, options?: CreateOptions): World {
  return World.create(definition, options);
}
