/**
 * What the page and its engine (a Web Worker, see engine-host.ts) say to each other. The page sends the
 * scenario's text and the time it wants to show; the engine validates, runs, and answers with plain
 * data: the errors, the definition, the world as it is at that time, and the charts' readings as its
 * run ahead takes them. Nothing here holds a World: every message is structured-clone data.
 * (Types only, and one predicate both sides share: this file runs on either.)
 */
import type {
  Belief,
  DoorState,
  Forecast,
  Knower,
  RosterEventDef,
  RosterReport,
  ScenarioError,
  WorldDefinition,
  WorldEvent,
} from '../src/index.js';
import type { Reading } from '../src/report/scene-charts.js';

/** The page to the engine. */
export type Request =
  /**
   * A scenario's text, to validate and, when valid, to run in place of the one running. `serial` counts
   * the texts sent; `at` is the time to show; `fresh` (another scene opened) drops the running one even
   * when the text is invalid.
   */
  | { kind: 'load'; serial: number; text: string; name: string; at: number; fresh: boolean }
  /** Show the world at `at` seconds (a newer request replaces one not yet answered). */
  | { kind: 'seek'; at: number }
  /** One step on from the time shown: a second, or to the next instant after a quiet stretch. */
  | { kind: 'step' };

/** The engine to the page. */
export type Reply =
  | {
      kind: 'validated';
      /** the text's `serial`: texts sent while one was waiting are validated only once, as the newest */
      serial: number;
      errors: ScenarioError[];
      warnings: ScenarioError[];
      /** set when the text is valid: it runs as `run` from now on */
      run?: { id: number; definition: WorldDefinition; sampleEvery: number };
    }
  | { kind: 'frame'; run: number; view: WorldView }
  | { kind: 'progress'; run: number; progress: Progress }
  /** the engine stopped on an error of its own (not the scenario's) */
  | { kind: 'failed'; message: string };

/** How far the run ahead has gone, and the chart readings it took since the last report. */
export interface Progress {
  /** every time up to this one can be shown at once */
  reached: number;
  /** the index on the sample grid of the first reading below */
  from: number;
  readings: Reading[];
}

/** The world at one time, as the page shows it. Per-character and per-place lists follow the definition's order. */
export interface WorldView {
  /** the time asked for: what the clock shows */
  at: number;
  /** the world's last instant at or before it (it stays as it is until its next instant) */
  time: number;
  /** how many events have happened by then */
  eventCount: number;
  /** the events from index `from` on (the page keeps those before it from earlier frames) */
  from: number;
  events: WorldEvent[];
  /** scent per place: total and by emitter, u/m³ */
  places: { total: number; byEmitter: Record<string, number> }[];
  /** where each character is, and what they wear */
  where: string[];
  wearing: (readonly string[])[];
  doors: DoorState[];
  /** what each observer believes of the others */
  beliefs: Record<string, Belief>[];
  /** who knows each character's true representation */
  knowers: Knower[][];
  /** the roster as it stands and the forecasts (only for a scenario with a calendar) */
  calendar?: { roster: RosterEventDef[]; report: RosterReport; forecasts: Forecast[] };
}

/** Whether a scenario has anything for the calendar: a roster, or someone with a recorded cycle. */
export const hasCalendar = (def: WorldDefinition) =>
  def.roster.length > 0 || def.characters.some((c) => c.cycle !== undefined);
