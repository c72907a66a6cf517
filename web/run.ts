/**
 * One run of a scenario, on the engine's side of the page. A world runs ahead to the end in the
 * background, a sample at a time, keeping the charts' readings and a snapshot at intervals; a second
 * world shows the time the page asks for. Asking for any time the run has reached, forward or back,
 * restores the nearest snapshot at or before it and runs on from there: at most one interval, never
 * the whole way from where the page was (`World.restore` continues exactly as the original would).
 */
import { World, type WorldDefinition, type WorldSnapshot } from '../src/index.js';
import { type Reading, readWorld, sampleStep } from '../src/report/scene-charts.js';
import { hasCalendar, type WorldView } from './protocol.js';

/** Snapshots at least this many simulated seconds apart. */
export const SNAPSHOT_SECONDS = 30;

/** The time of sample `k` on a grid `every` seconds apart that ends at `until`. */
export const gridTime = (k: number, every: number, until: number) => Math.min(k * every, until);

export class Run {
  readonly definition: WorldDefinition;
  /** seconds between two chart samples (as the HTML report samples: about 400 over the run) */
  readonly sampleEvery: number;
  /** seconds between two kept snapshots */
  readonly snapshotEvery: number;
  private readonly ahead: World;
  /** by sample index k: the world read at its last instant at or before `gridTime(k)` */
  private readonly readings: Reading[] = [];
  /** in time order, one per `snapshotEvery` slot at most (each shares the run's definition) */
  private readonly snapshots: { t: number; snapshot: WorldSnapshot }[] = [];
  private shown: World;

  constructor(definition: WorldDefinition) {
    this.definition = definition;
    this.ahead = World.create(definition);
    this.sampleEvery = sampleStep(this.ahead.until);
    this.snapshotEvery = Math.max(SNAPSHOT_SECONDS, this.sampleEvery);
    this.ahead.runUntil(0);
    this.readings.push(readWorld(this.ahead));
    this.keepSnapshot();
    this.shown = World.restore(this.snapshots[0]!.snapshot);
  }

  get until(): number {
    return this.ahead.until;
  }

  /** Every time up to this one has been run: showing it is a restore and a short run. */
  get reached(): number {
    return gridTime(this.readings.length - 1, this.sampleEvery, this.until);
  }

  get done(): boolean {
    return this.reached >= this.until;
  }

  get readingCount(): number {
    return this.readings.length;
  }

  /** The readings from sample index `from` on. */
  readingsFrom(from: number): Reading[] {
    return this.readings.slice(from);
  }

  /** Runs ahead to the next sample time. */
  advance(): void {
    if (this.done) return;
    const next = gridTime(this.readings.length, this.sampleEvery, this.until);
    // runUntil(g) leaves the world at its last instant at or before g: sample g's reading.
    this.ahead.runUntil(next);
    this.readings.push(readWorld(this.ahead));
    this.keepSnapshot();
  }

  /** The world at `at` (clamped to the run), from the nearest snapshot or the shown world if it is closer. */
  show(at: number): World {
    const to = Math.max(0, Math.min(this.until, at));
    const base = this.snapshotAtOrBefore(to);
    // The shown world is reused when it lies between that snapshot and the target: less to run.
    if (this.shown.time > to || this.shown.time < base.t) this.shown = World.restore(base.snapshot);
    this.shown.runUntil(to);
    return this.shown;
  }

  /** One step on from `at`: a second, or to the next instant after a quiet stretch. */
  step(at: number): World {
    const world = this.show(at);
    if (!world.finished) world.step(1);
    return world;
  }

  /** What the page shows of `world` at `at`, with the events from index `from` on. */
  view(world: World, at: number, from: number): WorldView {
    const def = this.definition;
    const events = world.events;
    const start = Math.min(from, events.length);
    return {
      at,
      time: world.time,
      eventCount: events.length,
      from: start,
      events: events.slice(start),
      places: def.places.map((p) => world.concentration(p.id)),
      where: def.characters.map((c) => world.whereIs(c.id)),
      wearing: def.characters.map((c) => [...world.wearing(c.id)]),
      doors: def.doors.map((d) => world.doorState(d.id)),
      beliefs: def.characters.map((c) => world.beliefsOf(c.id)),
      knowers: def.characters.map((c) => world.whoKnows(c.id)),
      ...(hasCalendar(def) && {
        calendar: {
          roster: world.rosterDefinition().roster,
          report: world.rosterReport(),
          forecasts: [...world.forecasts().values()],
        },
      }),
    };
  }

  /** Keeps a snapshot of the ahead world's instant if its slot has none yet. */
  private keepSnapshot(): void {
    const t = this.ahead.time;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && Math.floor(last.t / this.snapshotEvery) === Math.floor(t / this.snapshotEvery)) return;
    // Every snapshot of a run has the same definition: one copy serves them all.
    this.snapshots.push({ t, snapshot: { ...this.ahead.snapshot(), definition: this.definition } });
  }

  /** The latest snapshot at or before `t` (the first one, at 0, is always there). */
  private snapshotAtOrBefore(t: number): { t: number; snapshot: WorldSnapshot } {
    let lo = 0;
    let hi = this.snapshots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.snapshots[mid]!.t <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.snapshots[lo]!;
  }
}
