/**
 * A running world: a pure, deterministic simulation of one scenario. It takes the scripted timeline
 * and time, and produces the event log. No I/O, no clocks, no globals: many worlds can run side by
 * side, in Node or in a browser.
 *
 * This class is the engine's facade: create, restore, snapshot, step and run, subscribe, and ask. The
 * work itself is done by the systems under `src/engine/` over one state, in the order `instant.ts`
 * gives; `docs/architecture.md` is the map.
 */
import type { Canon } from '../canon/types.js';
import { phaseName, schedulesOf } from '../model/cycle.js';
import type { Action, CharacterDef, WorldDefinition } from '../model/definition.js';
import { doorLookup } from '../model/doors.js';
import type { WorldEvent } from '../model/events.js';
import { type Belief, type Knower, whoKnows } from '../model/knowledge.js';
import { jsonCopy } from '../units/json.js';
import { Prng } from '../units/prng.js';
import type { ActionBody } from '../vocabulary/actions.js';
import { DRIVES, type DriveName } from '../vocabulary/drives.js';
import { NOTE_COUNT, NOTES, type Note } from '../vocabulary/notes.js';
import { type ActResult, schedule, takeAction } from './actions/act.js';
import { choicesOf } from './actions/choices.js';
import { level } from './instinct/drive-slots.js';
import { driveBook } from './instinct/drives.js';
import { relationIndex, signatureKey } from './instinct/traits.js';
import { type Engine, type EventListener, idx, representationOf } from './state/context.js';
import { indexPair } from './state/pairs.js';
import { initialState, type WorldState } from './state/state.js';
import { nextStop, runUntil, settleStart } from './stepping.js';
import { beliefOf } from './systems/beliefs.js';
import {
  type Forecast,
  forecasts,
  leavePartners,
  type RosterReport,
  rosterDefinition,
  rosterReport,
} from './systems/calendar-hooks.js';
import { cycleNow } from './systems/cycle.js';
import { computeDose, type Dose } from './systems/dose.js';
import { computeEmissions } from './systems/emission.js';
import { noticedFrom } from './systems/perception.js';
import { residueSlotsOf } from './systems/residue.js';
import { selfControlLine } from './systems/rut.js';
import { doorGraph, scentAt, traceLevel } from './systems/scent.js';

export type { ActResult, Refusal } from './actions/act.js';
export type { EventListener } from './state/context.js';
export type { Dose } from './systems/dose.js';

export const SNAPSHOT_FORMAT = 'omegaverse/snapshot';
export const SNAPSHOT_VERSION = 3;

export interface WorldSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  definition: WorldDefinition;
  state: WorldState;
}

export interface CreateOptions {
  /** replaces the scenario's seed */
  seed?: number;
  /** replaces the scenario's end, seconds */
  until?: number;
  /** actions taken at run time in another world (its `played`): this one takes them at the same instants */
  played?: readonly Action[];
}

export class World {
  readonly definition: WorldDefinition;
  readonly canon: Canon;
  private readonly w: Engine;

  private constructor(definition: WorldDefinition, state: WorldState) {
    this.definition = definition;
    this.canon = definition.canon;
    this.w = assemble(definition, state);
  }

  /** A new world at the scenario's start. */
  static create(definition: WorldDefinition, options: CreateOptions = {}): World {
    const def: WorldDefinition = {
      ...definition,
      seed: options.seed ?? definition.seed,
      until: options.until ?? definition.until,
    };
    const state = initialState(def);
    for (const action of options.played ?? []) {
      state.played ??= { actions: [], next: 0 };
      schedule(state.played.actions, jsonCopy(action));
    }
    const world = new World(def, state);
    // The air at the start is as if everyone had been where they are, emitting as now (`air.settle`).
    computeEmissions(world.w);
    settleStart(world.w);
    return world;
  }

  /** A world that continues exactly as the one that made `snapshot` would have. */
  static restore(snapshot: WorldSnapshot): World {
    if (snapshot?.format !== SNAPSHOT_FORMAT) throw new Error('not an omegaverse snapshot');
    if (snapshot.version !== SNAPSHOT_VERSION) {
      throw new Error(
        `snapshot version ${snapshot.version} is not supported (this engine reads ${SNAPSHOT_VERSION})`,
      );
    }
    const copy = jsonCopy(snapshot);
    const world = new World(copy.definition, copy.state);
    // Emissions are derived from the state; the original computed them after processing this instant.
    computeEmissions(world.w);
    return world;
  }

  /** The whole state as JSON-able data. */
  snapshot(): WorldSnapshot {
    this.w.s.rng = this.w.rng.state();
    return jsonCopy({
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      definition: this.definition,
      state: this.w.s,
    });
  }

  get time(): number {
    return this.w.s.t;
  }

  get until(): number {
    return this.definition.until;
  }

  get finished(): boolean {
    return this.w.s.t >= this.definition.until;
  }

  /** When the world's next instant is: now, if this one has not been processed yet. */
  get nextInstant(): number {
    return this.w.s.processed ? nextStop(this.w) : this.w.s.t;
  }

  get events(): readonly WorldEvent[] {
    return this.w.s.events;
  }

  event(id: number): WorldEvent | undefined {
    return this.w.s.events[id - 1];
  }

  /**
   * Takes `action` for `actor` (the same object as a timeline entry, without `at` and `actor`) at the
   * world's next instant, checked as the scenario compiler checks a timeline entry: `{ ok: true,
   * action }` (with its instant), or `{ ok: false, reason, expected?, hint?, field? }`.
   */
  act(actor: string, action: unknown): ActResult {
    return takeAction(this.w, actor, action);
  }

  /** What `actor` can do now: each action `act` would accept from them that changes something. */
  choices(actor: string): ActionBody[] {
    return choicesOf(this.w, idx(this.w, actor), (observer, subject) => this.belief(observer, subject));
  }

  /** The actions taken at run time so far, in the order they happen: pass them to `create` to replay. */
  get played(): readonly Action[] {
    return this.w.s.played?.actions ?? [];
  }

  /** Calls `listener` with every event from now on; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.w.listeners.add(listener);
    return () => this.w.listeners.delete(listener);
  }

  /**
   * Advances by `seconds`, or to the world's next instant if that is further away (a quiet stretch):
   * a step always makes progress.
   */
  step(seconds: number): void {
    // The next instant is known once this one has happened.
    runUntil(this.w, this.w.s.t);
    runUntil(this.w, Math.max(this.w.s.t + seconds, nextStop(this.w)));
  }

  /** Runs to the scenario's end. */
  run(): readonly WorldEvent[] {
    runUntil(this.w, this.definition.until);
    return this.w.s.events;
  }

  /**
   * Advances to the last instant of interest at or before `until` (seconds). A world lives only at its
   * own instants (ticks, actions, phase changes, its end), so how a caller chunks its steps never
   * changes what happens.
   */
  runUntil(until: number): void {
    runUntil(this.w, until);
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  character(id: string): CharacterDef {
    return this.definition.characters[idx(this.w, id)]!;
  }

  /** Where a character is now. */
  whereIs(id: string): string {
    return this.definition.places[this.w.s.place[idx(this.w, id)]!]!.id;
  }

  /** What a character wears now. */
  wearing(id: string): readonly string[] {
    return this.w.s.wears[idx(this.w, id)]!;
  }

  doorState(id: string) {
    const i = this.w.doorIndex.get(id);
    if (i === undefined) throw new Error(`unknown door '${id}'`);
    return this.w.s.doors[i]!;
  }

  /** What `observer` believes `subject` is, if anything. */
  belief(observer: string, subject: string): Belief | undefined {
    const belief = beliefOf(this.w, idx(this.w, observer), idx(this.w, subject));
    return belief && { ...belief };
  }

  /** Everything `observer` believes about the others. */
  beliefsOf(observer: string): Record<string, Belief> {
    const o = idx(this.w, observer);
    const out: Record<string, Belief> = {};
    this.definition.characters.forEach((c, e) => {
      const b = beliefOf(this.w, o, e);
      if (b) out[c.id] = { ...b };
    });
    return out;
  }

  /** Who knows `subject`'s true representation at `at` (default: now), since when and how. */
  whoKnows(subject: string, at: number = this.w.s.t): Knower[] {
    return whoKnows(this.w.s.events, subject, representationOf(this.w, idx(this.w, subject)), at);
  }

  /** What `observer` takes in of `subject`'s signature now. */
  dose(observer: string, subject: string): Dose {
    const via = computeDose(this.w, idx(this.w, observer), idx(this.w, subject));
    const buffer = this.w.scratch.dose;
    const notes = {} as Record<Note, number>;
    let total = 0;
    NOTES.forEach((note, k) => {
      notes[note] = buffer[k]!;
      total += buffer[k]!;
    });
    return { notes, total, byRoute: { ...this.w.scratch.routes }, via };
  }

  /** Scent concentration in a place now: total and by emitter, u/m³. */
  concentration(place: string): { total: number; byEmitter: Record<string, number> } {
    const p = this.w.placeIndex.get(place);
    if (p === undefined) throw new Error(`unknown place '${place}'`);
    const byEmitter: Record<string, number> = {};
    let total = 0;
    this.definition.characters.forEach((c, e) => {
      const sum = scentAt(this.w, e, p);
      byEmitter[c.id] = sum;
      total += sum;
    });
    return { total, byEmitter };
  }

  /** A character's drives now, toward each other character (only those above zero). */
  drives(id: string): Record<string, Partial<Record<DriveName, number>>> {
    const c = idx(this.w, id);
    const out: Record<string, Partial<Record<DriveName, number>>> = {};
    this.definition.characters.forEach((other, o) => {
      const levels: Partial<Record<DriveName, number>> = {};
      for (const drive of DRIVES) {
        const value = level(this.w, c, o, drive);
        if (value > 0) levels[drive] = value;
      }
      if (Object.keys(levels).length) out[other.id] = levels;
    });
    return out;
  }

  /** The level a drive must beat to become an action: the character's self-control threshold. */
  selfControlThreshold(id: string): number {
    return selfControlLine(this.w, idx(this.w, id));
  }

  /** The character's current drive-relevant body state: agitation, and where they are in their cycle (`pre-heat`, `heat`, `pre-rut`, `rut` or `none`). */
  bodyState(id: string): { agitation: number; phase: string } {
    const c = idx(this.w, id);
    const now = cycleNow(this.w, c);
    return {
      agitation: this.w.s.agitation[c]!,
      phase: now ? phaseName(now.schedule.kind, now.state.phase) : 'none',
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The calendar: forecasts from what the world has lived, the roster as it stands, leave

  /** The definition with the roster as it stands now (rescheduled events moved). */
  rosterDefinition(): WorldDefinition {
    return rosterDefinition(this.w);
  }

  /** Each omega's forecast as of now, from recorded and lived onsets and the regimen. */
  forecasts(): Map<string, Forecast> {
    return forecasts(this.w);
  }

  /** Pairs who take leave together: bonded partners and relations declared `on_leave_with`. */
  leavePartners(): [string, string][] {
    return leavePartners(this.w);
  }

  /** The roster checked against everyone's forecast, now. */
  rosterReport(): RosterReport {
    return rosterReport(this.w);
  }
}

/** The engine's context for a world in `state`: indices, and what is derived from the state. */
function assemble(definition: WorldDefinition, state: WorldState): Engine {
  const n = definition.characters.length;
  const noticed = noticedFrom(state.pairs, n);
  const charIndex = new Map(definition.characters.map((c, i) => [c.id, i]));
  const w: Engine = {
    definition,
    canon: definition.canon,
    s: state,
    rng: Prng.fromState(state.rng),
    n,
    places: definition.places.length,
    charIndex,
    relationOf: relationIndex(charIndex, n, definition.relations),
    signatureKeys: definition.characters.map(signatureKey),
    placeIndex: new Map(definition.places.map((p, i) => [p.id, i])),
    doorIndex: new Map(definition.doors.map((d, i) => [d.id, i])),
    doors: doorLookup(definition.doors),
    volumes: Float64Array.from(definition.places, (p) => p.volume),
    ventilation: Float64Array.from(definition.places, (p) => p.ventilation),
    listeners: new Set(),
    trace: traceLevel(definition.canon),
    air: { graph: undefined as never, doors: state.doors.join(',') },
    bodyEmission: new Float64Array(n * NOTE_COUNT),
    airEmission: new Float64Array(n * NOTE_COUNT),
    pairIndex: Array.from({ length: n }, () => new Map()),
    slotsOf: Array.from({ length: n }, () => []),
    thresholds: [],
    instantDoses: new Float64Array(0),
    watched: noticed.watched,
    identifiedBy: noticed.identifiedBy,
    residueSlots: residueSlotsOf(state.pairs),
    present: [],
    presentAt: [],
    lookedAt: [],
    drives: driveBook(state),
    schedules: definition.characters.map((c) => schedulesOf(c, definition.seed)),
    scratch: {
      course: new Float64Array(3 * NOTE_COUNT),
      dose: new Float64Array(NOTE_COUNT),
      routes: { air: 0, 'near-field': 0, residue: 0 },
      elsewhere: new Int32Array(n),
      merged: new Int32Array(n),
      here: { marks: new Float64Array(n), place: -1, stamp: 0 },
    },
  };
  for (let slot = 0; slot < state.pairs.holder.length; slot++) indexPair(w, slot);
  w.air.graph = doorGraph(w);
  return w;
}
