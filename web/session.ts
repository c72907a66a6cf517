/**
 * One run of a scenario in the page: the world, the snapshots that make scrubbing back cheap, and the
 * chart samples taken on the way. The world only ever runs forward; going back restores the nearest
 * earlier snapshot (`World.restore` continues exactly as the original would) and runs on to the target.
 */
import { World, type WorldDefinition, type WorldSnapshot } from '../src/index.js';
import { type Reading, readWorld, sampleStep } from '../src/report/scene-charts.js';

/** Snapshots at least this many simulated seconds apart. */
export const SNAPSHOT_SECONDS = 30;

export class Session {
  readonly definition: WorldDefinition;
  /** seconds between two chart samples (as the HTML report samples: about 400 over the run) */
  readonly sampleEvery: number;
  /** seconds between two kept snapshots */
  readonly snapshotEvery: number;
  private current: World;
  /** by grid index k: the world as it was at time k × sampleEvery */
  private readonly grid: (Reading | undefined)[] = [];
  /** by snapshot slot: the first instant reached in each `snapshotEvery` slot */
  private readonly snapshots = new Map<number, { t: number; snapshot: WorldSnapshot }>();
  /** the largest place concentration read so far: the map's colour scale */
  peak = 0;

  constructor(definition: WorldDefinition) {
    this.definition = definition;
    this.current = World.create(definition);
    this.sampleEvery = sampleStep(this.current.until);
    this.snapshotEvery = Math.max(SNAPSHOT_SECONDS, this.sampleEvery);
    this.current.runUntil(0);
    this.grid[0] = this.read();
    this.keepSnapshot();
  }

  get world(): World {
    return this.current;
  }

  get time(): number {
    return this.current.time;
  }

  get until(): number {
    return this.current.until;
  }

  get finished(): boolean {
    return this.current.finished;
  }

  /** Moves the world to its last instant at or before `target` (clamped to 0..until). */
  seek(target: number): void {
    const to = Math.max(0, Math.min(this.until, target));
    if (to < this.current.time) this.current = World.restore(this.nearestSnapshot(to));
    this.advance(to);
  }

  /** One step: a second on, or to the next instant after a quiet stretch. */
  step(): void {
    if (this.finished) return;
    const from = this.current.time;
    this.advance(from + 1);
    if (this.current.time !== from) return;
    // A quiet stretch: the world stays as it is until its next instant, and so do the samples in between.
    const before = this.read();
    this.current.step(1);
    const every = this.sampleEvery;
    const now = this.current.time;
    for (let k = Math.floor(from / every) + 1; k * every < now; k++) this.grid[k] ??= before;
    if (now % every === 0) this.grid[now / every] ??= this.read();
    this.keepSnapshot();
  }

  /** The samples from the start up to now, one per instant read. */
  samples(): Reading[] {
    const out: Reading[] = [];
    const last = Math.floor(this.current.time / this.sampleEvery);
    for (let k = 0; k <= last; k++) {
      const s = this.grid[k];
      if (s && s.t <= this.current.time && out[out.length - 1]?.t !== s.t) out.push(s);
    }
    return out;
  }

  private advance(target: number): void {
    const every = this.sampleEvery;
    for (let k = Math.floor(this.current.time / every) + 1; k * every <= target; k++) {
      // runUntil(g) leaves the world at its last instant at or before g: grid time g's sample.
      this.current.runUntil(k * every);
      this.grid[k] ??= this.read();
      this.keepSnapshot();
    }
    this.current.runUntil(target);
    this.keepSnapshot();
  }

  /** Keeps a snapshot of this instant if its slot has none yet. */
  private keepSnapshot(): void {
    const t = this.current.time;
    const slot = Math.floor(t / this.snapshotEvery);
    if (!this.snapshots.has(slot)) this.snapshots.set(slot, { t, snapshot: this.current.snapshot() });
  }

  private read(): Reading {
    const reading = readWorld(this.current);
    for (const c of reading.concentration) if (c > this.peak) this.peak = c;
    return reading;
  }

  private nearestSnapshot(target: number): WorldSnapshot {
    let best: { t: number; snapshot: WorldSnapshot } | undefined;
    for (const kept of this.snapshots.values()) {
      if (kept.t <= target && (!best || kept.t > best.t)) best = kept;
    }
    // Slot 0 is kept at creation, at time 0: there is always one.
    return best!.snapshot;
  }
}
