/**
 * A running world: a pure, deterministic simulation of one scenario. It takes the scripted timeline
 * and time, and produces the event log. No I/O, no clocks, no globals: many worlds can run side by
 * side, in Node or in a browser.
 *
 * Each instant is processed in a fixed order: the body (heat cycle), scripted actions, statements
 * judged by listeners' noses, perception and beliefs. Then the air is advanced exactly to the next
 * instant of interest (a tick, an action, a phase change).
 */

import {
  bondedPartners,
  checkRoster,
  type Forecast,
  forecastAll,
  type LivedOnset,
  type RosterReport,
  reminders,
  SUPPRESSANT,
} from '../calendar/index.js';
import type { Canon } from '../canon/types.js';
import type {
  Action,
  ActionBody,
  CharacterDef,
  RelationDef,
  Scalar,
  WorldDefinition,
} from '../model/definition.js';
import { latestEventIds, type WorldEvent } from '../model/events.js';
import { type Belief, type Knower, whoKnows } from '../model/knowledge.js';
import { heatDuration } from '../model/schedule.js';
import { Prng } from '../units/prng.js';
import { SECONDS_PER_HOUR } from '../units/time.js';
import type { BeliefSource } from '../vocabulary/beliefs.js';
import { DRIVE_COUNT, DRIVES, type DriveName } from '../vocabulary/drives.js';
import type { EventType } from '../vocabulary/events.js';
import { NOTE, NOTE_COUNT, NOTES, type Note } from '../vocabulary/notes.js';
import { isMinor, type Representation } from '../vocabulary/representations.js';
import { THRESHOLD, THRESHOLD_COUNT } from '../vocabulary/thresholds.js';
import {
  type AirFlow,
  type AirGraph,
  addToPlume,
  advancePlume,
  airGraph,
  constantSource,
  heldSource,
  plumeAt,
  reachOf,
  type Source,
} from './air.js';
import { shouldAdopt } from './beliefs.js';
import { phaseAt } from './cycle.js';
import { demandData, Instinct, type InstinctHost } from './instinct.js';
import { emission, readRepresentation } from './signature.js';
import { initialState, type PendingOrder, type PlumeBook, type WorldState } from './state.js';

export const SNAPSHOT_FORMAT = 'omegaverse/snapshot';
export const SNAPSHOT_VERSION = 2;

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
}

export type EventListener = (event: WorldEvent) => void;

/** How a dose reached a nose. */
export type Route = 'air' | 'near-field' | 'residue';

export interface Dose {
  /** per note, in perceptual units */
  notes: Record<Note, number>;
  total: number;
  /** the total by route */
  byRoute: Record<Route, number>;
  /** the largest contributor */
  via: Route;
}

/** How many recent exposure events a character's causes remember. */
const EXPOSURE_MEMORY = 3;
/** Actions that change what anyone smells: when the engine decides one, perception looks again. */
const EXPOSURE_EVENTS: ReadonlySet<EventType> = new Set([
  'gear',
  'move',
  'door',
  'approach',
  'touch',
  'withdraw',
]);
/** How many times one instant's reactions may cause further reactions. */
const MAX_REACTION_ROUNDS = 6;

const CONFIDENCE: Record<Exclude<BeliefSource, 'scent'>, number> = { assumed: 0.3, told: 0.6, record: 0.9 };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export class World {
  readonly definition: WorldDefinition;
  readonly canon: Canon;
  private readonly s: WorldState;
  private readonly rng: Prng;
  private readonly n: number;
  private readonly places: number;
  private readonly charIndex: Map<string, number>;
  private readonly placeIndex: Map<string, number>;
  private readonly doorIndex: Map<string, number>;
  private readonly volumes: Float64Array;
  private readonly ventilation: Float64Array;
  /** the air as the doors are now (rebuilt when a door changes) */
  private graph: AirGraph;
  private graphDoors: string;
  /** characters × notes: what each body emits now, u/h */
  private readonly bodyEmission: Float64Array;
  /** characters × notes: what reaches the air, u/h */
  private readonly airEmission: Float64Array;
  /** a body's emission at a step's start, middle and end, for its source over the step */
  private readonly courseBuffer = new Float64Array(3 * NOTE_COUNT);
  private readonly doseBuffer = new Float64Array(NOTE_COUNT);
  /** the last computed dose's total by route */
  private readonly routeBuffer: Record<Route, number> = { air: 0, 'near-field': 0, residue: 0 };
  private readonly listeners = new Set<EventListener>();
  private readonly instinct: Instinct;
  /** observers × subjects × notes: this instant's doses, filled by perception for the rules */
  private readonly instantDoses: Float64Array;
  /** per observer: whom they took in something of at the last perception, or still notice */
  private readonly watched: Set<number>[];
  /** per observer: whom they have identified by scent */
  private readonly identifiedBy: Set<number>[];
  /** per place, at the last perception: who is there, and whose scent is in its air */
  private present: number[][] = [];

  private constructor(definition: WorldDefinition, state: WorldState) {
    this.definition = definition;
    this.canon = definition.canon;
    this.s = state;
    this.rng = Prng.fromState(state.rng);
    this.n = definition.characters.length;
    this.places = definition.places.length;
    this.charIndex = new Map(definition.characters.map((c, i) => [c.id, i]));
    this.placeIndex = new Map(definition.places.map((p, i) => [p.id, i]));
    this.doorIndex = new Map(definition.doors.map((d, i) => [d.id, i]));
    this.volumes = Float64Array.from(definition.places, (p) => p.volume);
    this.ventilation = Float64Array.from(definition.places, (p) => p.ventilation);
    this.graph = airGraph(this.volumes, this.ventilation, this.doorFlows());
    this.graphDoors = state.doors.join(',');
    this.bodyEmission = new Float64Array(this.n * NOTE_COUNT);
    this.airEmission = new Float64Array(this.n * NOTE_COUNT);
    this.instantDoses = new Float64Array(this.n * this.n * NOTE_COUNT);
    this.watched = Array.from({ length: this.n }, (_, o) => {
      const set = new Set<number>();
      for (let e = 0; e < this.n; e++) {
        const pair = o * this.n + e;
        if (state.detected[pair] || state.heatRecognised[pair]) set.add(e);
        for (let k = 0; k < NOTE_COUNT; k++) if (state.residue[pair * NOTE_COUNT + k]) set.add(e);
      }
      return set;
    });
    this.identifiedBy = Array.from({ length: this.n }, (_, o) => {
      const set = new Set<number>();
      for (let e = 0; e < this.n; e++) if (state.identified[o * this.n + e]) set.add(e);
      return set;
    });
    this.instinct = new Instinct(this.instinctHost());
  }

  /** A new world at the scenario's start. */
  static create(definition: WorldDefinition, options: CreateOptions = {}): World {
    const def: WorldDefinition = {
      ...definition,
      seed: options.seed ?? definition.seed,
      until: options.until ?? definition.until,
    };
    const world = new World(def, initialState(def));
    world.settleAir();
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
    world.computeEmissions();
    return world;
  }

  /** The whole state as JSON-able data. */
  snapshot(): WorldSnapshot {
    this.s.rng = this.rng.state();
    return jsonCopy({
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      definition: this.definition,
      state: this.s,
    });
  }

  get time(): number {
    return this.s.t;
  }

  get until(): number {
    return this.definition.until;
  }

  get finished(): boolean {
    return this.s.t >= this.definition.until;
  }

  get events(): readonly WorldEvent[] {
    return this.s.events;
  }

  event(id: number): WorldEvent | undefined {
    return this.s.events[id - 1];
  }

  /** Calls `listener` with every event from now on; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Advances by `seconds`, or to the world's next instant if that is further away (a quiet stretch):
   * a step always makes progress.
   */
  step(seconds: number): void {
    this.runUntil(Math.max(this.s.t + seconds, this.nextStop()));
  }

  /** Runs to the scenario's end. */
  run(): readonly WorldEvent[] {
    this.runUntil(this.definition.until);
    return this.s.events;
  }

  /**
   * Advances to the last instant of interest at or before `until` (seconds). A world lives only at its
   * own instants (ticks, actions, phase changes, its end), so how a caller chunks its steps never
   * changes what happens.
   */
  runUntil(until: number): void {
    for (;;) {
      if (!this.s.processed) {
        this.processInstant();
        this.s.processed = true;
      }
      const next = this.nextStop();
      if (next > until) return;
      this.integrate(next - this.s.t);
      this.s.t = next;
      this.s.processed = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  character(id: string): CharacterDef {
    return this.definition.characters[this.idx(id)]!;
  }

  /** Where a character is now. */
  whereIs(id: string): string {
    return this.definition.places[this.s.place[this.idx(id)]!]!.id;
  }

  /** What a character wears now. */
  wearing(id: string): readonly string[] {
    return this.s.wears[this.idx(id)]!;
  }

  doorState(id: string) {
    const i = this.doorIndex.get(id);
    if (i === undefined) throw new Error(`unknown door '${id}'`);
    return this.s.doors[i]!;
  }

  /** What `observer` believes `subject` is, if anything. */
  belief(observer: string, subject: string): Belief | undefined {
    return this.s.beliefs[this.idx(observer) * this.n + this.idx(subject)] ?? undefined;
  }

  /** Everything `observer` believes about the others. */
  beliefsOf(observer: string): Record<string, Belief> {
    const o = this.idx(observer);
    const out: Record<string, Belief> = {};
    this.definition.characters.forEach((c, e) => {
      const b = this.s.beliefs[o * this.n + e];
      if (b) out[c.id] = { ...b };
    });
    return out;
  }

  /** Who knows `subject`'s true representation at `at` (default: now), since when and how. */
  whoKnows(subject: string, at: number = this.s.t): Knower[] {
    return whoKnows(this.s.events, subject, this.character(subject).representation, at);
  }

  /** What `observer` takes in of `subject`'s signature now. */
  dose(observer: string, subject: string): Dose {
    const via = this.computeDose(this.idx(observer), this.idx(subject));
    const notes = {} as Record<Note, number>;
    let total = 0;
    NOTES.forEach((note, k) => {
      notes[note] = this.doseBuffer[k]!;
      total += this.doseBuffer[k]!;
    });
    return { notes, total, byRoute: { ...this.routeBuffer }, via };
  }

  /** Scent concentration in a place now: total and by emitter, u/m³. */
  concentration(place: string): { total: number; byEmitter: Record<string, number> } {
    const p = this.placeIndex.get(place);
    if (p === undefined) throw new Error(`unknown place '${place}'`);
    const byEmitter: Record<string, number> = {};
    let total = 0;
    this.definition.characters.forEach((c, e) => {
      const plume = this.s.plumes[e]!;
      const at = plumeAt(plume, p);
      let sum = 0;
      if (at >= 0) for (let k = 0; k < NOTE_COUNT; k++) sum += plume.conc[at + k]!;
      byEmitter[c.id] = sum;
      total += sum;
    });
    return { total, byEmitter };
  }

  /** A character's drives now, toward each other character (only those above zero). */
  drives(id: string): Record<string, Partial<Record<DriveName, number>>> {
    const c = this.idx(id);
    const out: Record<string, Partial<Record<DriveName, number>>> = {};
    this.definition.characters.forEach((other, o) => {
      const levels: Partial<Record<DriveName, number>> = {};
      for (const drive of DRIVES) {
        const level = this.instinct.level(c, o, drive);
        if (level > 0) levels[drive] = level;
      }
      if (Object.keys(levels).length) out[other.id] = levels;
    });
    return out;
  }

  /** The level a drive must beat to become an action: the character's self-control threshold. */
  selfControlThreshold(id: string): number {
    return this.s.selfControl[this.idx(id)]!;
  }

  /** The character's current drive-relevant body state: agitation and heat phase. */
  bodyState(id: string): { agitation: number; phase: string } {
    const c = this.idx(id);
    return { agitation: this.s.agitation[c]!, phase: this.s.cycles[c]?.phase ?? 'none' };
  }

  // ---------------------------------------------------------------------------------------------
  // Stepping

  private idx(id: string): number {
    const i = this.charIndex.get(id);
    if (i === undefined) throw new Error(`unknown character '${id}'`);
    return i;
  }

  private nextStop(): number {
    const t = this.s.t;
    let next = Number.POSITIVE_INFINITY;
    const reminder = this.s.reminders[0];
    if (reminder && reminder.t > t) next = Math.min(next, reminder.t);
    if (this.definition.until > t) next = Math.min(next, this.definition.until);
    const action = this.definition.timeline[this.s.nextAction];
    if (action && action.at > t) next = Math.min(next, action.at);
    for (const sniff of this.s.sniffs) if (sniff.t > t) next = Math.min(next, sniff.t);
    this.definition.characters.forEach((c, i) => {
      const cycle = this.s.cycles[i];
      if (!cycle || !c.cycle) return;
      const change = phaseAt(c.cycle, this.canon, cycle, this.masked(i), t).changesAt;
      if (change > t) next = Math.min(next, change);
    });
    // Together, a scene: every tick. Apart, where someone's scent is (or may soon be) where someone
    // else is: every quiet tick. Otherwise nobody can smell anybody, and the world jumps to its next
    // scheduled instant, the air integrated exactly over the jump.
    if (this.together()) next = Math.min(next, t + this.canon.air.tick);
    else if (Number.isFinite(next) && this.withinReach(next - t))
      next = Math.min(next, t + this.canon.air.quietTick);
    // Past the scenario's end with nothing scheduled, time goes on a tick at a time.
    if (!Number.isFinite(next)) next = t + this.canon.air.tick;
    return next;
  }

  /** Someone shares a place, or is held, or a statement or an order is pending. */
  private together(): boolean {
    if (this.s.sniffs.length || this.s.orders.length || this.s.restrainedBy.some((r) => r >= 0)) return true;
    const occupied = new Set<number>();
    for (const place of this.s.place) {
      if (occupied.has(place)) return true;
      occupied.add(place);
    }
    return false;
  }

  /** Whether anyone's scent may reach someone else's place over the next `seconds`. */
  private withinReach(seconds: number): boolean {
    const graph = this.airNow();
    const occupants = new Int32Array(this.places);
    for (const place of this.s.place) occupants[place]!++;
    for (let e = 0; e < this.n; e++) {
      this.widenReach(e, this.sourceOver(e, seconds), seconds, graph);
      const reach = this.s.plumeBooks[e]!.reach;
      if (reach === null) {
        if (this.n > 1) return true;
        continue;
      }
      const here = this.s.place[e]!;
      for (const p of reach) if (occupants[p]! - (p === here ? 1 : 0) > 0) return true;
    }
    return false;
  }

  private processInstant(): void {
    if (!this.s.started) {
      this.s.started = true;
      this.start();
    }
    const firstNew = this.s.events.length;
    const elapsed = this.s.t - this.s.lastInstant;
    this.s.lastInstant = this.s.t;
    this.updateCycles();
    this.remind();
    const timeline = this.definition.timeline;
    while (this.s.nextAction < timeline.length && timeline[this.s.nextAction]!.at <= this.s.t) {
      const action = timeline[this.s.nextAction]!;
      this.s.nextAction++;
      this.perform(action, []);
    }
    this.computeEmissions();
    this.judgeStatements();
    this.perceive(elapsed);
    this.advanceOnsets(elapsed);
    this.instinct.sustain(elapsed);
    // Instinct reacts to what happened this instant, then to what its own reactions caused. What the
    // engine made someone do (a helmet taken off when obeying) is smelled in the same instant.
    let reacted = firstNew;
    for (let round = 0; round < MAX_REACTION_ROUNDS; round++) {
      const fresh = this.s.events.slice(reacted);
      reacted = this.s.events.length;
      this.instinct.react(fresh);
      this.instinct.weighOrders();
      this.instinct.decide();
      const decided = this.s.events.slice(reacted);
      if (decided.some((e) => e.causes.length > 0 && EXPOSURE_EVENTS.has(e.type))) {
        this.computeEmissions();
        this.perceive(0);
      }
      if (this.s.events.length === reacted) break;
    }
    this.computeEmissions();
  }

  /** Runs the start's bookkeeping: records known, bodies already in a phase. */
  private start(): void {
    this.definition.characters.forEach((c, o) => {
      for (const known of c.knows) {
        const e = this.idx(known);
        this.adopt(o, e, this.definition.characters[e]!.representation, 'record', CONFIDENCE.record, []);
      }
    });
    this.definition.characters.forEach((c, i) => {
      const cycle = this.s.cycles[i];
      if (!cycle || !c.cycle || cycle.phase === 'none') return;
      const reading = phaseAt(c.cycle, this.canon, cycle, this.masked(i), 0);
      const id = this.emit(
        cycle.phase === 'heat' ? 'heat-onset' : 'pre-heat',
        { actor: c.id, place: this.placeOf(i) },
        [],
        {
          onset: reading.onset,
          ongoing: true,
        },
      );
      this.noteExposure([i], id);
    });
    // One forecast of everyone serves every body's reminders at the start.
    const forecasts = this.forecasts();
    this.definition.characters.forEach((c, i) => {
      if (c.cycle) this.scheduleReminders(i, forecasts);
    });
  }

  /** Fills the air as if the starting arrangement, and everyone's emission now, had held for `air.settle` seconds. */
  private settleAir(): void {
    this.computeEmissions();
    if (this.canon.air.settle > 0) this.integrate(this.canon.air.settle, 'as-now');
  }

  private masked(c: number): boolean {
    return this.s.medication[c]!.includes(SUPPRESSANT);
  }

  private updateCycles(): void {
    const t = this.s.t;
    this.definition.characters.forEach((c, i) => {
      const cycle = this.s.cycles[i];
      if (!cycle || !c.cycle) return;
      const masked = this.masked(i);
      for (let guard = 0; guard < 4; guard++) {
        const reading = phaseAt(c.cycle, this.canon, cycle, masked, t);
        if (cycle.phase === 'heat' && reading.phase !== 'heat') {
          cycle.phase = 'none';
          this.noteExposure(
            [i],
            this.emit('heat-end', { actor: c.id, place: this.placeOf(i) }, this.lastOfType(i, 'heat-onset')),
          );
          continue;
        }
        if (reading.phase === 'pre-heat' && cycle.phase === 'none') {
          cycle.phase = 'pre-heat';
          this.noteExposure(
            [i],
            this.emit('pre-heat', { actor: c.id, place: this.placeOf(i) }, [], { onset: reading.onset }),
          );
          continue;
        }
        if (reading.phase !== 'heat' && t >= reading.onset) {
          // Onset: the heat begins now. An overdue one (a suppressant stopped long after the natural
          // date) begins now too: one rebound heat, not a replay of the missed ones.
          cycle.lastOnset = t;
          cycle.heatEnd = t + heatDuration(c.cycle, this.canon, masked);
          cycle.phase = 'heat';
          cycle.lived.push({ onset: t, advanced: cycle.advance, suppressed: masked });
          cycle.advance = 0;
          this.scheduleReminders(i);
          const causes = this.lastOfType(i, 'pre-heat');
          this.noteExposure(
            [i],
            this.emit('heat-onset', { actor: c.id, place: this.placeOf(i) }, causes, {
              onset: t,
              ...(reading.onset < t && { due: reading.onset }),
            }),
          );
          continue;
        }
        break;
      }
    });
  }

  /** Being with an unbonded alpha in pre-heat brings the onset forward, by dose, up to the canon's cap. */
  private advanceOnsets(elapsed: number): void {
    if (elapsed <= 0) return;
    const heat = this.canon.heat;
    const chars = this.definition.characters;
    for (let o = 0; o < this.n; o++) {
      const cycle = this.s.cycles[o];
      if (cycle?.phase !== 'pre-heat' || cycle.advance >= heat.advanceCap) continue;
      let gain = 0;
      let strongest = -1;
      let strongestDose = 0;
      for (let a = 0; a < this.n; a++) {
        // Exposure to the alpha himself: in the same place (his lingering scent or residue elsewhere is not him).
        if (a === o || chars[a]!.representation !== 'alpha' || this.s.bondedTo[a]! >= 0) continue;
        if (this.s.place[a] !== this.s.place[o]) continue;
        const dose = this.instantDoses[(o * this.n + a) * NOTE_COUNT + NOTE.alpha]!;
        gain += dose * elapsed * heat.advanceRate;
        if (dose > strongestDose) {
          strongest = a;
          strongestDose = dose;
        }
      }
      if (gain <= 0 || strongest < 0) continue;
      const before = cycle.advance;
      cycle.advance = Math.min(heat.advanceCap, before + gain);
      const hours = Math.floor(cycle.advance / SECONDS_PER_HOUR);
      if (hours > Math.floor(before / SECONDS_PER_HOUR)) {
        const reading = phaseAt(chars[o]!.cycle!, this.canon, cycle, this.masked(o), this.s.t);
        this.emit(
          'heat-advanced',
          { actor: chars[o]!.id, target: chars[strongest]!.id, place: this.placeOf(o), value: hours },
          [...this.lastOfType(o, 'pre-heat'), ...this.exposureCauses(o, strongest)],
          { advance: Math.round(cycle.advance), onset: reading.onset, dose: round3(strongestDose) },
        );
      }
    }
  }

  private lastOfType(character: number, type: EventType): number[] {
    return latestEventIds(this.s.events, type, this.definition.characters[character]!.id);
  }

  /** Each body's emission now, and what of it reaches the air past worn gear. */
  private computeEmissions(): void {
    for (let i = 0; i < this.n; i++) {
      const offset = i * NOTE_COUNT;
      this.bodyAt(i, this.s.t, this.s.agitation[i]!, this.bodyEmission, offset);
      const pass = this.gearProduct(i, 'emissionPass');
      for (let k = 0; k < NOTE_COUNT; k++)
        this.airEmission[offset + k] = this.bodyEmission[offset + k]! * pass;
    }
  }

  /**
   * Writes what character `i`'s body emits (u/h per note) at instant `t` of the phase they are in now
   * (a pre-heat ramp goes on rising; phases change only at the world's instants), with `agitation`.
   */
  private bodyAt(i: number, t: number, agitation: number, out: Float64Array, offset: number): void {
    const c = this.definition.characters[i]!;
    const cycle = this.s.cycles[i];
    let cycleEmission = 1;
    let heatNote = 0;
    if (cycle && c.cycle) {
      const reading = phaseAt(c.cycle, this.canon, cycle, this.masked(i), this.s.t);
      const heat = this.canon.heat;
      if (reading.phase === 'heat') {
        cycleEmission = heat.heatEmission;
        heatNote = heat.heatNote;
      } else if (reading.phase === 'pre-heat') {
        const window = heat.preHeatWindow;
        const ramp = window > 0 ? Math.min(1, (t - (reading.onset - window)) / window) : 1;
        cycleEmission = 1 + (heat.preHeatEmission - 1) * ramp;
        heatNote = heat.preHeatNote * ramp;
      }
    }
    emission(
      this.canon,
      { representation: c.representation, cycleEmission, heatNote, agitation, masked: this.masked(i) },
      out,
      offset,
    );
  }

  /** What `e` puts into the air now, held. */
  private sourceNow(e: number): Source {
    return heldSource(this.s.place[e]!, this.airEmission.slice(e * NOTE_COUNT, (e + 1) * NOTE_COUNT));
  }

  /**
   * What `e` puts into the air over the next `seconds`: the body's course (a quadratic through its
   * emission at the start, middle and end: exact for the pre-heat ramp) and agitation's sour note,
   * fading with its half-life.
   */
  private sourceOver(e: number, seconds: number): Source {
    const hours = seconds / SECONDS_PER_HOUR;
    const course = this.courseBuffer;
    this.bodyAt(e, this.s.t, 0, course, 0);
    const character = this.definition.characters[e]!;
    const cycle = this.s.cycles[e];
    // Only a pre-heat ramp changes a body's emission between two instants.
    if (
      cycle &&
      character.cycle &&
      phaseAt(character.cycle, this.canon, cycle, this.masked(e), this.s.t).phase === 'pre-heat'
    ) {
      this.bodyAt(e, this.s.t + seconds / 2, 0, course, NOTE_COUNT);
      this.bodyAt(e, this.s.t + seconds, 0, course, 2 * NOTE_COUNT);
    } else {
      course.copyWithin(NOTE_COUNT, 0, NOTE_COUNT);
      course.copyWithin(2 * NOTE_COUNT, 0, NOTE_COUNT);
    }
    const pass = this.gearProduct(e, 'emissionPass');
    const source: Source = {
      place: this.s.place[e]!,
      rate: new Float64Array(NOTE_COUNT),
      slope: new Float64Array(NOTE_COUNT),
      curve: new Float64Array(NOTE_COUNT),
      fading: new Float64Array(NOTE_COUNT),
      fadeRate: Math.LN2 / (this.canon.agitation.halfLife / SECONDS_PER_HOUR),
    };
    for (let k = 0; k < NOTE_COUNT; k++) {
      const start = course[k]! * pass;
      const middle = course[NOTE_COUNT + k]! * pass;
      const end = course[2 * NOTE_COUNT + k]! * pass;
      source.rate[k] = start;
      if (start !== middle || middle !== end) {
        source.curve[k] = (2 * (end - 2 * middle + start)) / (hours * hours);
        source.slope[k] = (4 * middle - 3 * start - end) / hours;
      }
      // Agitation only adds the sour note: what it adds now, fading.
      source.fading[k] = this.airEmission[e * NOTE_COUNT + k]! - start;
    }
    return source;
  }

  private gearProduct(c: number, field: 'emissionPass' | 'intakePass'): number {
    let product = 1;
    for (const item of this.s.wears[c]!) product *= this.canon.gear[item]?.[field] ?? 1;
    return product;
  }

  private trapTime(c: number): number {
    let longest = 0;
    for (const item of this.s.wears[c]!) longest = Math.max(longest, this.canon.gear[item]?.trapTime ?? 0);
    return longest;
  }

  private doorFlows(): AirFlow[] {
    const air = this.canon.air;
    return this.definition.doors.map((door, i) => {
      const state = this.s.doors[i]!;
      const flow =
        state === 'open' ? air.openDoorFlow : state === 'closed' ? air.closedDoorFlow : air.sealedDoorFlow;
      return { a: this.placeIndex.get(door.between[0])!, b: this.placeIndex.get(door.between[1])!, flow };
    });
  }

  /** The air as the doors are now. A door that changed unsettles every plume: its reach is unknown. */
  private airNow(): AirGraph {
    const doors = this.s.doors.join(',');
    if (doors !== this.graphDoors) {
      this.graph = airGraph(this.volumes, this.ventilation, this.doorFlows());
      this.graphDoors = doors;
      for (const book of this.s.plumeBooks) this.unsettle(book);
    }
    return this.graph;
  }

  private unsettle(book: PlumeBook): void {
    book.steady = null;
    book.held = 0;
    book.envelope = null;
    book.reach = null;
  }

  /** The concentration under which a scent counts as gone from the air: `perception.trace` of detection. */
  private traceLevel(): number {
    let keenest = 0;
    for (const r of Object.values(this.canon.representations)) keenest = Math.max(keenest, r.sensitivity);
    return (this.canon.perception.trace * this.canon.perception.detect) / Math.max(keenest, 1e-9);
  }

  /** How long a plume must stay under one source to have settled (e^{−40}: nothing left to change). */
  private settleTime(graph: AirGraph): number {
    return graph.slowest > 0 ? (40 / graph.slowest) * SECONDS_PER_HOUR : Number.POSITIVE_INFINITY;
  }

  /**
   * Keeps `e`'s book after a step under `source`: how long the plume has held one source (settled after
   * `settleTime`, when its reach is where it is).
   */
  private recordSource(e: number, source: Source, seconds: number, graph: AirGraph): void {
    const book = this.s.plumeBooks[e]!;
    if (sameSteadySource(book, source)) book.held += seconds;
    else if (constantSource(source)) {
      book.steady = { place: source.place, rate: Array.from(source.rate) };
      book.held = seconds;
    } else {
      book.steady = null;
      book.held = 0;
    }
    if (book.steady && book.held >= this.settleTime(graph)) {
      // Settled: the plume is its own steady state, and stays where it is.
      book.envelope = [{ place: book.steady.place, rate: [...book.steady.rate] }];
      const plume = this.s.plumes[e]!;
      book.reach = [...new Set([...plume.places, book.steady.place])].sort((a, b) => a - b);
    }
  }

  /** Widens `e`'s envelope to cover `source` over the next `seconds`, and their reach with it. */
  private widenReach(e: number, source: Source, seconds: number, graph: AirGraph): void {
    const book = this.s.plumeBooks[e]!;
    if (!book.envelope) return;
    const most = sourceMax(source, seconds / SECONDS_PER_HOUR);
    let entry = book.envelope.find((x) => x.place === source.place);
    let grew = false;
    if (!entry) {
      entry = { place: source.place, rate: new Array<number>(NOTE_COUNT).fill(0) };
      book.envelope.push(entry);
      grew = true;
    }
    for (let k = 0; k < NOTE_COUNT; k++) {
      if (most[k]! > entry.rate[k]!) {
        entry.rate[k] = most[k]!;
        grew = true;
      }
    }
    if (!grew) return;
    const settle = this.settleTime(graph);
    if (!Number.isFinite(settle)) {
      book.envelope = null;
      book.reach = null;
      return;
    }
    const sources = book.envelope.map((x) => heldSource(x.place, Float64Array.from(x.rate)));
    book.reach = reachOf(graph, sources, settle / SECONDS_PER_HOUR, this.traceLevel());
  }

  /**
   * Advances the air, trapped scent, residue and agitation by `seconds`, exactly; `as-now` holds
   * everyone's emission as it is now (the settled past before the start).
   */
  private integrate(seconds: number, course: 'ahead' | 'as-now' = 'ahead'): void {
    if (seconds <= 0) return;
    const graph = this.airNow();
    const hours = seconds / SECONDS_PER_HOUR;
    const trace = this.traceLevel();
    const settle = this.settleTime(graph);
    for (let e = 0; e < this.n; e++) {
      const source = course === 'ahead' ? this.sourceOver(e, seconds) : this.sourceNow(e);
      const book = this.s.plumeBooks[e]!;
      // A settled plume under the same source does not change. Any other is kept wherever it may yet
      // build up past the trace: its reach, widened to this step's source first.
      if (!(sameSteadySource(book, source) && book.held >= settle)) {
        this.widenReach(e, source, seconds, graph);
        this.s.plumes[e] = advancePlume(graph, this.s.plumes[e]!, source, hours, trace, book.reach);
      }
      this.recordSource(e, source, seconds, graph);
    }
    for (let c = 0; c < this.n; c++) {
      const trapTime = this.trapTime(c) / SECONDS_PER_HOUR;
      const offset = c * NOTE_COUNT;
      for (let k = 0; k < NOTE_COUNT; k++) {
        const held = this.s.trapped[offset + k]!;
        if (trapTime > 0) {
          // dT/dt = blocked − T/τ, solved exactly over the step.
          const blocked = this.bodyEmission[offset + k]! - this.airEmission[offset + k]!;
          const keep = Math.exp(-hours / trapTime);
          this.s.trapped[offset + k] = held * keep + blocked * trapTime * (1 - keep);
        } else if (held !== 0) this.s.trapped[offset + k] = 0;
      }
    }
    // Residue is on those a nose is watching; drives only where something was ever felt.
    const residueKeep = 0.5 ** (seconds / this.canon.residue.halfLife);
    for (let o = 0; o < this.n; o++) {
      for (const e of this.watched[o]!) {
        const at = (o * this.n + e) * NOTE_COUNT;
        for (let i = at; i < at + NOTE_COUNT; i++) if (this.s.residue[i]) this.s.residue[i]! *= residueKeep;
      }
    }
    const keep = DRIVES.map((d) => 0.5 ** (seconds / this.canon.instinct.halfLife[d]));
    const drives = this.s.drives;
    for (const i of this.instinct.liveSlots()) {
      if (drives[i] && !this.s.sustained[i]) drives[i]! *= keep[i % DRIVE_COUNT]!;
    }
    const calm = 0.5 ** (seconds / this.canon.agitation.halfLife);
    for (let c = 0; c < this.n; c++) if (this.s.agitation[c]) this.s.agitation[c]! *= calm;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private emit(
    type: EventType,
    who: { actor?: string; target?: string; place?: string; value?: Scalar },
    causes: number[],
    data: WorldEvent['data'] = {},
  ): number {
    const event: WorldEvent = {
      id: this.s.events.length + 1,
      t: this.s.t,
      type,
      ...(who.actor !== undefined && { actor: who.actor }),
      ...(who.target !== undefined && { target: who.target }),
      ...(who.place !== undefined && { place: who.place }),
      ...(who.value !== undefined && { value: who.value }),
      data,
      causes: [...new Set(causes)].sort((a, b) => a - b),
    };
    this.s.events.push(event);
    for (const listener of this.listeners) listener(event);
    return event.id;
  }

  private noteExposure(characters: number[], eventId: number): void {
    for (const c of characters) {
      const list = this.s.exposure[c]!;
      list.push(eventId);
      if (list.length > EXPOSURE_MEMORY) list.shift();
    }
  }

  /** The latest events that shaped what `o` smells of `e`. */
  private exposureCauses(o: number, e: number): number[] {
    const merged = [...new Set([...this.s.exposure[o]!, ...this.s.exposure[e]!])].sort((a, b) => a - b);
    return merged.slice(-EXPOSURE_MEMORY);
  }

  private placeOf(c: number): string {
    return this.definition.places[this.s.place[c]!]!.id;
  }

  private charsIn(place: number): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.n; c++) if (this.s.place[c] === place) out.push(c);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // The calendar: forecasts from what the world has lived, the roster as it stands, leave

  /** The definition with the roster as it stands now (rescheduled events moved). */
  rosterDefinition(): WorldDefinition {
    return { ...this.definition, roster: this.s.roster };
  }

  /** Each omega's forecast as of now, from recorded and lived onsets and the regimen. */
  forecasts(): Map<string, Forecast> {
    return forecastAll(this.rosterDefinition(), this.s.t, {
      lived: this.livedOnsets(),
      events: this.s.events,
    });
  }

  /** Pairs who take leave together: bonded partners and relations declared `on_leave_with`. */
  leavePartners(): [string, string][] {
    const declared = this.definition.relations
      .filter((r) => r.onLeaveWith)
      .map((r) => [...r.between].sort() as [string, string]);
    const pairs = new Map([...bondedPartners(this.definition), ...declared].map((p) => [p.join('|'), p]));
    return [...pairs.values()];
  }

  /** The roster checked against everyone's forecast, now. */
  rosterReport(): RosterReport {
    return checkRoster({
      definition: this.rosterDefinition(),
      forecasts: this.forecasts(),
      partners: this.leavePartners(),
      now: this.s.t,
    });
  }

  private livedOnsets(): Map<string, LivedOnset[]> {
    const lived = new Map<string, LivedOnset[]>();
    this.definition.characters.forEach((c, i) => {
      const cycle = this.s.cycles[i];
      if (cycle) lived.set(c.id, cycle.lived);
    });
    return lived;
  }

  /** Schedules a character's own reminders from their forecast (the "self-placed reminder"). */
  private scheduleReminders(character: number, forecasts = this.forecasts()): void {
    const id = this.definition.characters[character]!.id;
    const own = forecasts.get(id);
    this.s.reminders = this.s.reminders.filter((r) => r.character !== character);
    if (!own) return;
    for (const r of reminders(own, this.canon)) {
      if (r.t > this.s.t) this.s.reminders.push({ t: r.t, character, ...r.window });
    }
    this.s.reminders.sort((x, y) => x.t - y.t || x.character - y.character);
  }

  private remind(): void {
    while (this.s.reminders.length && this.s.reminders[0]!.t <= this.s.t) {
      const r = this.s.reminders.shift()!;
      const c = this.definition.characters[r.character]!;
      this.emit(
        'reminder',
        { actor: c.id, place: this.placeOf(r.character) },
        this.lastOfType(r.character, 'heat-onset'),
        { center: r.center, from: r.from, to: r.to },
      );
    }
  }

  /**
   * A request for leave: the requester's forecast is checked against the roster; each conflict is
   * logged, and the approver moves each conflicted event to its first clear slot, partners on leave too.
   */
  private requestLeave(requester: number, approver: number, only: string | undefined, request: number): void {
    const chars = this.definition.characters;
    const id = chars[requester]!.id;
    const report = this.rosterReport();
    const mine = report.conflicts.filter(
      (c) => (c.character === id || c.via === id) && (!only || c.event === only),
    );
    const grounds = new Map<string, number[]>();
    for (const conflict of mine) {
      const event = this.emit(
        'conflict',
        {
          actor: conflict.character,
          place: this.placeOf(this.idx(conflict.character)),
          value: conflict.level,
        },
        [request],
        {
          event: conflict.event,
          from: conflict.window.from,
          to: conflict.window.to,
          ...(conflict.via && { via: conflict.via }),
        },
      );
      grounds.set(conflict.event, [...(grounds.get(conflict.event) ?? []), event]);
    }
    if (approver < 0) return;
    for (const [eventId, causes] of grounds) {
      const proposal = report.proposals[eventId]?.[0];
      const slot = this.s.roster.find((r) => r.id === eventId);
      if (!proposal || !slot) continue;
      const from = slot.start;
      slot.start = proposal.start;
      slot.end = proposal.end;
      const onLeave = [...new Set(mine.filter((c) => c.event === eventId).map((c) => c.character))];
      this.emit(
        'reschedule',
        { actor: chars[approver]!.id, target: id, place: this.placeOf(approver), value: proposal.label },
        causes,
        {
          event: eventId,
          from,
          to: proposal.start,
          leave: onLeave,
        },
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Instinct: what the rules may ask of this world, and do in it

  /** The declared relation of a pair, either way round. A rule about "everyone" (−1) has none. */
  private relation(a: number, b: number): RelationDef | undefined {
    if (a < 0 || b < 0) return undefined;
    const [x, y] = [this.definition.characters[a]!.id, this.definition.characters[b]!.id];
    return this.definition.relations.find((r) => r.between.includes(x) && r.between.includes(y) && x !== y);
  }

  private trust(a: number, b: number): number {
    return this.relation(a, b)?.trust ?? this.canon.instinct.defaultTrust;
  }

  private instinctHost(): InstinctHost {
    const chars = this.definition.characters;
    const instinct = this.canon.instinct;
    const host: InstinctHost = {
      canon: this.canon,
      n: this.n,
      state: this.s,
      representation: (c) => chars[c]!.representation,
      identified: (o, e) => this.s.identified[o * this.n + e] ?? null,
      belief: (o, e) => this.s.beliefs[o * this.n + e] ?? undefined,
      samePlace: (a, b) => this.s.place[a] === this.s.place[b],
      place: (c) => this.placeOf(c),
      dose: (o, e, note) => this.instantDoses[(o * this.n + e) * NOTE_COUNT + note]!,
      drive: (c, other, d) => this.instinct.level(c, other, d),
      bondedTo: (c) => this.s.bondedTo[c]!,
      affinity: (a, b) =>
        a < 0 || b < 0
          ? 1
          : (this.relation(a, b)?.affinity ??
            derivedAffinity(chars[a]!, chars[b]!, instinct.derivedAffinity)),
      trust: (a, b) => this.trust(a, b),
      youth: (c) => {
        const age = chars[c]!.age;
        if (age === undefined || age >= instinct.youth.age) return 1;
        return Math.min(
          instinct.youth.max,
          1 + (instinct.youth.gain * (instinct.youth.age - age)) / instinct.youth.span,
        );
      },
      unhabituated: (c) => 1 + instinct.unhabituatedGain * (1 - this.s.habituation[c]!),
      habituation: (c) => this.s.habituation[c]!,
      index: (id) => (id === undefined ? -1 : (this.charIndex.get(id) ?? -1)),
      minor: (c) => isMinor(chars[c]!),
      id: (c) => chars[c]!.id,
      now: () => this.s.t,
      emit: (type, who, causes, data) =>
        this.emit(
          type,
          {
            ...(who.actor !== undefined && { actor: chars[who.actor]!.id, place: this.placeOf(who.actor) }),
            ...(who.target !== undefined && who.target >= 0 && { target: chars[who.target]!.id }),
            ...(who.value !== undefined && { value: who.value }),
          },
          causes,
          data,
        ),
      selfControlThreshold: (c) => this.s.selfControl[c]!,
      act: (actor, body, causes) =>
        this.perform({ ...body, at: this.s.t, actor: chars[actor]!.id } as Action, causes),
      possible: (actor, body) => this.possible(actor, body),
      orderWill: (order) => this.orderWill(order),
      pairsOf: (feeler) => {
        const others = new Set([
          ...this.watched[feeler]!,
          ...(this.present[this.s.place[feeler]!] ?? []),
          ...this.identifiedBy[feeler]!,
        ]);
        others.delete(feeler);
        return [...others].sort((a, b) => a - b);
      },
    };
    return host;
  }

  /** Whether `actor` could do `body` now: an order to remove what is not worn is moot. */
  private possible(actor: number, body: ActionBody): boolean {
    switch (body.do) {
      case 'remove':
        return this.s.wears[actor]!.includes(body.item);
      case 'wear':
        return this.s.carries[actor]!.includes(body.item);
      case 'move':
        return this.placeOf(actor) !== body.to;
      case 'approach':
      case 'touch':
      case 'mark':
        return this.s.place[actor] === this.s.place[this.idx(body.target)];
      default:
        return true;
    }
  }

  /**
   * How willing the receiver is to obey: rank, what they believe the giver is, a weapon aimed at
   * them, trust, and the order's own noise. Obeyed at 0 or more.
   */
  private orderWill(order: PendingOrder): { will: number; terms: Record<string, number> } {
    const orders = this.canon.orders;
    const chars = this.definition.characters;
    const giver = chars[order.giver]!;
    const receiver = chars[order.receiver]!;
    const believed = this.s.beliefs[order.receiver * this.n + order.giver]?.value ?? 'beta';
    const coerced = this.s.aiming.some(
      (target, c) => target === order.receiver && this.s.place[c] === this.s.place[order.receiver],
    );
    const trust = this.trust(order.receiver, order.giver);
    const terms = {
      base: orders.base,
      rank: orders.rank * ((giver.rank ?? 0) - (receiver.rank ?? 0)),
      [`believed-${believed}`]: orders.believed[receiver.representation][believed],
      coercion: coerced ? orders.coercion : 0,
      trust: orders.trust * (trust - this.canon.instinct.defaultTrust),
      noise: order.noise,
    };
    return { will: Object.values(terms).reduce((a, b) => a + b, 0), terms };
  }

  // ---------------------------------------------------------------------------------------------
  // Actions

  /**
   * Carries out an action, scripted or decided by the engine (then `causes` says why). Returns false
   * when it could not happen (blocked by consent, a restraint, or no way through).
   */
  private perform(action: Action, causes: number[]): boolean {
    const a = this.idx(action.actor);
    const actor = action.actor;
    const place = this.placeOf(a);
    const target = 'target' in action && action.target !== undefined ? this.idx(action.target) : -1;
    const targetId = target >= 0 ? this.definition.characters[target]!.id : undefined;
    const who = { actor, place, ...(targetId !== undefined && { target: targetId }) };

    switch (action.do) {
      case 'move': {
        const from = this.s.place[a]!;
        const to = this.placeIndex.get(action.to)!;
        const restrainer = this.s.restrainedBy[a]!;
        if (restrainer >= 0) {
          this.emit(
            'move',
            { ...who, value: 'restrained' },
            [...causes, ...this.lastEventIds('restrain', restrainer, a)],
            {
              to: action.to,
              by: this.definition.characters[restrainer]!.id,
            },
          );
          return false;
        }
        const door = this.definition.doors.findIndex(
          (d, i) =>
            this.s.doors[i] === 'open' &&
            d.between.includes(this.definition.places[from]!.id) &&
            d.between.includes(action.to),
        );
        if (door < 0) {
          this.emit('move', { ...who, value: 'blocked' }, causes, { to: action.to });
          return false;
        }
        this.s.place[a] = to;
        this.clearCloseness(a);
        const id = this.emit('move', { actor, place: action.to }, causes, {
          from: this.definition.places[from]!.id,
          to: action.to,
          door: this.definition.doors[door]!.id,
        });
        this.noteExposure([a], id);
        return true;
      }
      case 'open':
      case 'close': {
        const d = this.doorIndex.get(action.door)!;
        const state = action.do === 'open' ? 'open' : 'closed';
        if (this.s.doors[d] === state) return true;
        this.s.doors[d] = state;
        this.airNow();
        const door = this.definition.doors[d]!;
        const id = this.emit('door', { ...who, value: state }, causes, {
          door: door.id,
          between: [...door.between],
        });
        const around = door.between.flatMap((p) => this.charsIn(this.placeIndex.get(p)!));
        this.noteExposure(around, id);
        return true;
      }
      case 'wear':
      case 'remove': {
        const wearing = action.do === 'wear';
        if (wearing) moveItem(this.s.carries[a]!, this.s.wears[a]!, action.item);
        else moveItem(this.s.wears[a]!, this.s.carries[a]!, action.item);
        const released = !wearing && this.trapTime(a) === 0 ? this.releaseTrapped(a) : 0;
        const id = this.emit('gear', { ...who, value: action.do }, causes, {
          item: action.item,
          ...(!wearing && { released: round3(released) }),
        });
        this.noteExposure([a], id);
        this.s.resniffs.push({ character: a, cause: id });
        return true;
      }
      case 'approach':
      case 'touch': {
        if (this.blockedByRefusal(a, target, action.do, causes)) return false;
        this.setClose(a, target, true);
        if (action.do === 'touch') {
          this.exchangeResidue(a, target);
          this.s.touching[a * this.n + target] = 1;
          this.s.touching[target * this.n + a] = 1;
        }
        const id = this.emit(action.do, who, causes);
        this.noteExposure([a, target], id);
        return true;
      }
      case 'withdraw': {
        const from = target >= 0 ? [target] : this.closeTo(a);
        const endedTouch = from.filter((b) => this.s.touching[a * this.n + b]);
        for (const other of from) this.setClose(a, other, false);
        const id = this.emit(
          'withdraw',
          who,
          causes,
          endedTouch.length ? { endedTouch: endedTouch.map((b) => this.definition.characters[b]!.id) } : {},
        );
        this.noteExposure([a, ...from], id);
        return true;
      }
      case 'aim':
        this.s.aiming[a] = target;
        this.emit('aim', who, causes, { item: action.item ?? this.weaponOf(a) });
        return true;
      case 'lower':
        this.s.aiming[a] = -1;
        this.emit('lower', who, causes, { item: action.item ?? this.weaponOf(a) });
        return true;
      case 'order': {
        const id = this.emit('order', { ...who, value: action.demand.do }, causes, demandData(action.demand));
        // Whether it is obeyed is the receiver's to decide (instinct weighs it this instant).
        this.s.orders.push({
          event: id,
          giver: a,
          receiver: target,
          demand: action.demand,
          t: this.s.t,
          noise: this.canon.orders.noise * this.rng.normal(),
          defied: false,
        });
        return true;
      }
      case 'say': {
        if (!action.truthful) this.agitate(a);
        const to = action.to ? { target: action.to } : {};
        const id = this.emit('say', { ...who, ...to }, causes, {
          text: action.text,
          truthful: action.truthful,
        });
        const listeners = action.to
          ? [this.idx(action.to)]
          : this.charsIn(this.s.place[a]!).filter((c) => c !== a);
        for (const l of listeners) {
          this.s.sniffs.push({
            t: this.s.t + this.canon.lies.sniffDelay,
            speaker: a,
            listener: l,
            lie: !action.truthful,
            cause: id,
          });
        }
        return true;
      }
      case 'tell': {
        const about = this.idx(action.about);
        // A lie is saying what one does not believe: an honest mistake does not sour anyone's scent.
        const believed =
          about === a
            ? this.definition.characters[a]!.representation
            : (this.s.beliefs[a * this.n + about]?.value ?? action.value);
        const truthful = believed === action.value;
        if (!truthful) this.agitate(a);
        const id = this.emit('tell', { ...who, value: action.value }, causes, {
          about: action.about,
          truthful,
        });
        this.s.sniffs.push({
          t: this.s.t + this.canon.lies.sniffDelay,
          speaker: a,
          listener: target,
          lie: !truthful,
          cause: id,
          claim: { about, value: action.value },
        });
        return true;
      }
      case 'refuse':
      case 'consent': {
        const refusing = action.do === 'refuse';
        this.s.refusals[a * this.n + target] = refusing ? 1 : 0;
        this.s.consents[a * this.n + target] = refusing ? 0 : 1;
        this.emit(action.do, who, causes);
        return true;
      }
      case 'mark': {
        if (this.blockedByRefusal(a, target, 'mark', causes)) return false;
        if (!this.s.consents[target * this.n + a]) {
          // A mark needs both: the marker's act is theirs; the other's must have been given.
          this.emit('consent-block', { ...who, value: 'mark' }, causes, { reason: 'no consent' });
          return false;
        }
        const id = this.emit('mark', who, causes);
        // A new bond replaces an old one, on both sides.
        for (const c of [a, target]) {
          const old = this.s.bondedTo[c]!;
          if (old >= 0) this.s.bondedTo[old] = -1;
        }
        this.s.bondedTo[a] = target;
        this.s.bondedTo[target] = a;
        this.emit('bond', who, [id, ...this.lastEventIds('consent', target, a)]);
        return true;
      }
      case 'submit':
      case 'reassure':
        this.emit(action.do, who, causes);
        return true;
      case 'request-leave':
        this.requestLeave(
          a,
          target,
          action.event,
          this.emit('request-leave', who, causes, action.event ? { event: action.event } : {}),
        );
        return true;
      case 'shower': {
        const keep = 1 - this.canon.residue.showerRemoval;
        const row = a * this.n * NOTE_COUNT;
        for (let i = row; i < row + this.n * NOTE_COUNT; i++) this.s.residue[i]! *= keep;
        const id = this.emit('shower', who, causes, { removed: this.canon.residue.showerRemoval });
        this.noteExposure([a], id);
        this.s.resniffs.push({ character: a, cause: id });
        return true;
      }
      case 'take':
      case 'stop': {
        const list = this.s.medication[a]!;
        if (action.do === 'take' && !list.includes(action.item)) list.push(action.item);
        if (action.do === 'stop') this.s.medication[a] = list.filter((m) => m !== action.item);
        const id = this.emit('medication', { ...who, value: action.do }, causes, { item: action.item });
        this.noteExposure([a], id);
        return true;
      }
    }
  }

  /** The ids of the latest event of `type` from `actor` toward `target` (one at most). */
  private lastEventIds(type: EventType, actor: number, target: number): number[] {
    const chars = this.definition.characters;
    return latestEventIds(this.s.events, type, chars[actor]!.id, chars[target]!.id);
  }

  /** Consent is absolute: after a refusal, no approach, touch or mark from the refused gets through. */
  private blockedByRefusal(a: number, target: number, attempted: string, causes: number[]): boolean {
    if (!this.s.refusals[target * this.n + a]) return false;
    this.emit(
      'consent-block',
      {
        actor: this.definition.characters[a]!.id,
        target: this.definition.characters[target]!.id,
        place: this.placeOf(a),
        value: attempted,
      },
      [...causes, ...this.lastEventIds('refuse', target, a)],
    );
    return true;
  }

  private weaponOf(c: number): string {
    return this.s.carries[c]!.find((i) => this.canon.gear[i]?.weapon) ?? 'weapon';
  }

  private agitate(c: number): void {
    this.s.agitation[c] = Math.min(1, this.s.agitation[c]! + this.canon.agitation.lie);
    this.computeEmissions();
  }

  private releaseTrapped(c: number): number {
    const place = this.s.place[c]!;
    const volume = this.volumes[place]!;
    let released = 0;
    const added = new Float64Array(NOTE_COUNT);
    for (let k = 0; k < NOTE_COUNT; k++) {
      const held = this.s.trapped[c * NOTE_COUNT + k]!;
      added[k] = held / volume;
      released += held;
      this.s.trapped[c * NOTE_COUNT + k] = 0;
    }
    if (released > 0) {
      addToPlume(this.s.plumes[c]!, place, added);
      // Scent let out at once is under no steady plume: where it goes is unknown until it settles.
      this.unsettle(this.s.plumeBooks[c]!);
    }
    return released;
  }

  private exchangeResidue(a: number, b: number): void {
    const share = this.canon.residue.transfer;
    this.watched[a]!.add(b);
    this.watched[b]!.add(a);
    for (let k = 0; k < NOTE_COUNT; k++) {
      this.s.residue[(a * this.n + b) * NOTE_COUNT + k]! += share * this.bodyEmission[b * NOTE_COUNT + k]!;
      this.s.residue[(b * this.n + a) * NOTE_COUNT + k]! += share * this.bodyEmission[a * NOTE_COUNT + k]!;
    }
  }

  private closeTo(a: number): number[] {
    const out: number[] = [];
    for (let b = 0; b < this.n; b++) if (this.s.close[a * this.n + b]) out.push(b);
    return out;
  }

  private clearCloseness(a: number): void {
    for (const b of this.closeTo(a)) this.setClose(a, b, false);
  }

  private setClose(a: number, b: number, close: boolean): void {
    this.s.close[a * this.n + b] = close ? 1 : 0;
    this.s.close[b * this.n + a] = close ? 1 : 0;
    if (!close) {
      this.s.touching[a * this.n + b] = 0;
      this.s.touching[b * this.n + a] = 0;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Perception

  /** Fills doseBuffer (and routeBuffer) with what `o` takes in of `e`'s notes; returns the largest route. */
  private computeDose(o: number, e: number): Route {
    const canon = this.canon;
    const sensitivity = canon.representations[this.definition.characters[o]!.representation].sensitivity;
    const intake = this.gearProduct(o, 'intakePass');
    const near = this.s.close[o * this.n + e] ? 1 / canon.air.nearFieldFlow : 0;
    const plume = this.s.plumes[e]!;
    const at = plumeAt(plume, this.s.place[o]!);
    let air = 0;
    let nearField = 0;
    let residue = 0;
    for (let k = 0; k < NOTE_COUNT; k++) {
      const fromAir = at < 0 ? 0 : sensitivity * intake * plume.conc[at + k]!;
      const fromNear = sensitivity * intake * near * this.airEmission[e * NOTE_COUNT + k]!;
      // Residue sits on the observer's own skin, inside any seal.
      const fromResidue =
        (sensitivity * this.s.residue[(o * this.n + e) * NOTE_COUNT + k]!) / canon.air.nearFieldFlow;
      this.doseBuffer[k] = fromAir + fromNear + fromResidue;
      air += fromAir;
      nearField += fromNear;
      residue += fromResidue;
    }
    this.routeBuffer.air = air;
    this.routeBuffer['near-field'] = nearField;
    this.routeBuffer.residue = residue;
    return residue > air && residue > nearField ? 'residue' : nearField > air ? 'near-field' : 'air';
  }

  /**
   * The sour-note dose `listener` would take in had `speaker` just lied: only a near field carries a
   * fresh sour note in the seconds before a listener judges; the room has not filled yet.
   */
  private hypotheticalLieDose(listener: number, speaker: number): number {
    if (!this.s.close[listener * this.n + speaker]) return 0;
    const canon = this.canon;
    const sensitivity =
      canon.representations[this.definition.characters[listener]!.representation].sensitivity;
    const base = canon.representations[this.definition.characters[speaker]!.representation].emission;
    const sour =
      base * canon.agitation.lie * canon.agitation.sourShare * this.gearProduct(speaker, 'emissionPass');
    return (sensitivity * this.gearProduct(listener, 'intakePass') * sour) / canon.air.nearFieldFlow;
  }

  private threshold(o: number, e: number, which: keyof typeof THRESHOLD): number {
    return this.s.thresholds[(o * this.n + e) * THRESHOLD_COUNT + THRESHOLD[which]]!;
  }

  private perceive(elapsed: number): void {
    const p = this.canon.perception;
    const habituation = this.canon.instinct.habituation;
    const resniffs = this.s.resniffs;
    this.s.resniffs = [];
    // Whom each place holds: the people there, and those whose scent is in its air.
    const present: number[][] = Array.from({ length: this.places }, () => []);
    for (let e = 0; e < this.n; e++) {
      present[this.s.place[e]!]!.push(e);
      for (const place of this.s.plumes[e]!.places) present[place]!.push(e);
    }
    this.present = present;
    for (let o = 0; o < this.n; o++) {
      const observer = this.definition.characters[o]!;
      const resniff = resniffs.find((r) => r.character === o);
      // Only a nose that takes in something of someone, or did last time, has anything to perceive.
      const watched = this.watched[o]!;
      const candidates = [...new Set([...watched, ...present[this.s.place[o]!]!])].sort((a, b) => a - b);
      for (const e of candidates) {
        if (e === o) continue;
        const subject = this.definition.characters[e]!;
        const pair = o * this.n + e;
        const samePlace = this.s.place[o] === this.s.place[e];
        if (samePlace && !this.s.beliefs[pair]) {
          // No scent yet, no record: take them for what they present as, or a beta.
          const meeting = this.exposureCauses(o, e).slice(-1);
          this.adopt(o, e, subject.presentsAs ?? 'beta', 'assumed', CONFIDENCE.assumed, meeting);
        }
        const via = this.computeDose(o, e);
        const dose = this.doseBuffer;
        this.instantDoses.set(dose, pair * NOTE_COUNT);
        // Habituation grows with exposure to the distinctive notes of others.
        const distinctive = dose[NOTE.alpha]! + dose[NOTE.omega]!;
        if (distinctive > 0 && elapsed > 0) {
          const h = this.s.habituation[o]!;
          this.s.habituation[o] =
            h + (1 - h) * (1 - Math.exp((-distinctive * elapsed) / habituation.exposure));
        }
        let presence = 0;
        for (let k = 0; k < NOTE_COUNT; k++) presence += dose[k]!;
        if (presence > 0) watched.add(e);
        const detectAt = p.detect * this.threshold(o, e, 'detect');
        const who = { actor: observer.id, target: subject.id, place: this.placeOf(o) };
        if (presence >= detectAt && (!this.s.detected[pair] || resniff)) {
          const again = this.s.detected[pair] === 1;
          this.s.detected[pair] = 1;
          const causes = resniff ? [resniff.cause] : this.exposureCauses(o, e);
          this.emit('detect', who, causes, {
            via,
            dose: round3(presence),
            threshold: round3(detectAt),
            ...(again && { again: true }),
          });
        } else if (presence < detectAt * p.rearm) this.s.detected[pair] = 0;

        const identifyAt = p.identify * this.threshold(o, e, 'identify');
        const read = readRepresentation(dose, 0, identifyAt, detectAt);
        if (read && read !== this.s.identified[pair]) {
          this.s.identified[pair] = read;
          this.identifiedBy[o]!.add(e);
          const noteDose = dose[NOTE[read]]!;
          const id = this.emit('identify', { ...who, value: read }, this.exposureCauses(o, e), {
            via,
            dose: round3(noteDose),
            threshold: round3(identifyAt),
          });
          this.s.perceptEvents[pair] = id;
          const confidence = Math.min(1, Math.max(0.5, 0.5 + 0.25 * Math.log2(noteDose / identifyAt)));
          this.adopt(o, e, read, 'scent', round3(confidence), [id]);
        }

        // A bond is carried in the scent: whoever can read the representation reads the bond too.
        const partner = this.s.bondedTo[e]!;
        if (partner >= 0 && partner !== o && !this.s.bondRecognised[pair] && read) {
          this.s.bondRecognised[pair] = 1;
          this.emit('recognise-bond', { ...who, value: this.definition.characters[partner]!.id }, [
            ...this.lastEventIds('bond', e, partner),
            ...this.lastEventIds('bond', partner, e),
            ...(this.s.perceptEvents[pair] ? [this.s.perceptEvents[pair]!] : []),
          ]);
        }

        const heatAt = p.recogniseHeat * this.threshold(o, e, 'heat');
        const heatDose = dose[NOTE.heat]!;
        if (heatDose >= heatAt && !this.s.heatRecognised[pair]) {
          this.s.heatRecognised[pair] = 1;
          const id = this.emit(
            'recognise-heat',
            who,
            [...this.exposureCauses(o, e), ...this.lastOfType(e, 'heat-onset')],
            {
              via,
              dose: round3(heatDose),
              threshold: round3(heatAt),
            },
          );
          // Only an omega is in heat: recognising it is knowing what they are.
          this.adopt(o, e, 'omega', 'scent', CONFIDENCE.told + 0.3, [id]);
        } else if (heatDose < heatAt * p.rearm) this.s.heatRecognised[pair] = 0;
        if (presence === 0 && !this.s.detected[pair] && !this.s.heatRecognised[pair]) watched.delete(e);
      }
    }
  }

  /** Listeners' noses judge statements made `lies.sniffDelay` ago. */
  private judgeStatements(): void {
    const due = this.s.sniffs.filter((s) => s.t <= this.s.t);
    if (!due.length) return;
    this.s.sniffs = this.s.sniffs.filter((s) => s.t > this.s.t);
    const canon = this.canon;
    for (const sniff of due) {
      const { speaker, listener } = sniff;
      const via = this.computeDose(listener, speaker);
      const sour = this.doseBuffer[NOTE.sour]!;
      const sourAt = canon.lies.sourThreshold * this.threshold(listener, speaker, 'sour');
      const who = {
        actor: this.definition.characters[listener]!.id,
        target: this.definition.characters[speaker]!.id,
        place: this.placeOf(listener),
      };
      let believed = true;
      if (sour >= sourAt) {
        this.emit('lie-detected', who, [sniff.cause], { via, dose: round3(sour), threshold: round3(sourAt) });
        believed = false;
      } else if (!sniff.lie && this.hypotheticalLieDose(listener, speaker) >= sourAt) {
        // Close enough that a lie would have shown: its absence is noticed.
        this.emit('truth-sensed', who, [sniff.cause], { via, dose: round3(sour), threshold: round3(sourAt) });
      }
      if (believed && sniff.claim)
        this.adopt(listener, sniff.claim.about, sniff.claim.value, 'told', CONFIDENCE.told, [sniff.cause]);
    }
  }

  private adopt(
    o: number,
    e: number,
    value: Representation,
    source: BeliefSource,
    confidence: number,
    causes: number[],
  ): void {
    const pair = o * this.n + e;
    const current = this.s.beliefs[pair] ?? undefined;
    if (!shouldAdopt(current, value, source)) return;
    const since = current && current.value === value ? current.since : this.s.t;
    this.s.beliefs[pair] = { value, source, confidence, since };
    this.emit(
      'belief',
      {
        actor: this.definition.characters[o]!.id,
        target: this.definition.characters[e]!.id,
        place: this.placeOf(o),
        value,
      },
      causes,
      { source, confidence, ...(current && { previous: current.value, previousSource: current.source }) },
    );
  }
}

/** A deep copy through JSON: snapshots are JSON, so this also keeps them honest. */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Chemistry of two signatures, when not given: fixed by their notes, the same in every run. */
function derivedAffinity(a: CharacterDef, b: CharacterDef, range: { min: number; max: number }): number {
  const key = [a, b]
    .map((c) => `${c.representation}:${[...c.notes].sort().join(',')}`)
    .sort()
    .join('|');
  // FNV-1a: a small, stable string hash.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return range.min + (range.max - range.min) * (hash / 0xffffffff);
}

function moveItem(from: string[], to: string[], item: string): void {
  const i = from.indexOf(item);
  if (i >= 0) from.splice(i, 1);
  if (!to.includes(item)) to.push(item);
}

/** The same constant source the plume has been under. */
function sameSteadySource(book: PlumeBook, source: Source): boolean {
  const steady = book.steady;
  if (!steady || steady.place !== source.place || !constantSource(source)) return false;
  for (let k = 0; k < NOTE_COUNT; k++) if (steady.rate[k] !== source.rate[k]) return false;
  return true;
}

/** The most a source puts out per note at any moment of a step of `hours`. */
function sourceMax(source: Source, hours: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < NOTE_COUNT; k++) {
    const at = (u: number) => source.rate[k]! + source.slope[k]! * u + source.curve[k]! * u * u;
    let most = Math.max(at(0), at(hours));
    const vertex = source.curve[k] ? -source.slope[k]! / (2 * source.curve[k]!) : -1;
    if (vertex > 0 && vertex < hours) most = Math.max(most, at(vertex));
    out.push(most + Math.max(0, source.fading[k]!));
  }
  return out;
}
