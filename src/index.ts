/**
 * omegaverse: the library. Load a scenario, create a world, step or run it, act in it at run time,
 * subscribe to its events, snapshot and restore it, ask what anyone believes and who knows what,
 * explain any event, tell it as one character lives it, play it as them; run a scene many times over
 * a sweep (ensembles), and generate a crew.
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
  Unchecked,
  UncheckedView,
} from './calendar/index.js';
export {
  checkRoster,
  describeConflict,
  describeUnchecked,
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
export type { DriveRule, InstinctCanon, OrdersCanon } from './canon/instinct.js';
export { CONDITIONS, FACTORS, validateRules } from './engine/instinct/rules.js';
export type {
  ActResult,
  CreateOptions,
  Dose,
  EventListener,
  Refusal,
  WorldSnapshot,
} from './engine/world.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, World } from './engine/world.js';
export type {
  EnsembleFormat,
  EnsembleOptions,
  EnsemblePart,
  EnsemblePlan,
  EnsembleResult,
  RunOutcome,
  Shard,
  Vary,
} from './ensemble/index.js';
export {
  ENSEMBLE_FORMATS,
  EnsembleError,
  ensembleRunner,
  formatEnsemble,
  makePart,
  mergeParts,
  parseVary,
  planEnsemble,
  readPart,
  runEnsemble,
  runSeed,
  shardRuns,
  summarise,
  variablePaths,
} from './ensemble/index.js';
export { type CrewOptions, GenerateError, generateCrew } from './generate/index.js';
export type {
  Action,
  CharacterDef,
  CycleDef,
  DoorDef,
  Expectation,
  MedicationDef,
  PlaceDef,
  RelationDef,
  RosterEventDef,
  Scalar,
  WorldDefinition,
} from './model/definition.js';
export type { WorldEvent } from './model/events.js';
export type { ExpectationResult } from './model/expect.js';
export { checkExpectation, checkExpectations } from './model/expect.js';
export type { CauseTree } from './model/explain.js';
export { explain, findEvent } from './model/explain.js';
export type { Belief, Knower } from './model/knowledge.js';
export { whoKnows } from './model/knowledge.js';
export type { Beat, BeatFilter } from './narrate/beats/beat.js';
export type { Story, TellOptions } from './narrate/beats/narrator.js';
export { tellRun } from './narrate/beats/narrator.js';
export type { Paragraph } from './narrate/beats/paragraphs.js';
export { paragraphText } from './narrate/beats/paragraphs.js';
export { formatForecasts, formatRoster } from './narrate/calendar.js';
export type { Detail, LogFormat, LogOptions } from './narrate/format.js';
export { DETAILS, formatLog, formatStory, formatWhoKnows } from './narrate/format.js';
export { describeChoice } from './narrate/language/choices.js';
export type { Names } from './narrate/language/narrate.js';
export { namesOf, narrate } from './narrate/language/narrate.js';
export { formatTree } from './narrate/tree.js';
export { Perspective, perspectiveOf } from './perspective/perspective.js';
export type { Choice, Passage, PlayOptions, PlaySave } from './play/play.js';
export { PLAY_FORMAT, Play } from './play/play.js';
export type { ReportOptions } from './report/index.js';
export { renderReport, renderReportMarkdown } from './report/index.js';
export type { ScenarioError } from './scenario/index.js';
export { formatScenarioError, loadScenario } from './scenario/index.js';
export { formatClock, formatDuration, parseClock, parseDuration } from './units/time.js';
export { ROUTES, type Route } from './vocabulary/routes.js';

import { type CreateOptions, World } from './engine/world.js';
import type { WorldDefinition } from './model/definition.js';

export { ACTION_KINDS, type ActionBody, type ActionKind } from './vocabulary/actions.js';
export { type BeliefSource, SOURCE_MEANING } from './vocabulary/beliefs.js';
export type { DoorState } from './vocabulary/doors.js';
export { DRIVES, type DriveName, MECHANICS, type Mechanic } from './vocabulary/drives.js';
export { AUTONOMOUS_TYPES, EVENT_TYPES, type EventType } from './vocabulary/events.js';
export { NOTES, type Note } from './vocabulary/notes.js';
export { ADULT_AGE, isAdult, REPRESENTATIONS, type Representation } from './vocabulary/representations.js';

/** A new world at the scenario's start (same as `World.create`). */
export function createWorld(definition: WorldDefinition, options?: CreateOptions): World {
  return World.create(definition, options);
}
