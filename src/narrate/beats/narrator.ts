/**
 * The beats narrator: runs a world, turning each instant's events into beats, reading the world at
 * intervals for the lasting states the log does not hold, and grouping the beats into paragraphs,
 * handed on as each is complete (so that a long run shows its first paragraphs at once). A world lives
 * only at its own instants, so reading it at intervals changes nothing that happens: the events are
 * byte for byte those of a plain run.
 *
 * Told from a point of view (`pov`), the events are those the character knows (`perspective/`), and
 * the lasting states read are their own: their drives, their body, the air where they are.
 */
import type { World } from '../../engine/world.js';
import type { WorldEvent } from '../../model/events.js';
import { Perspective } from '../../perspective/perspective.js';
import { namesOf } from '../language/names.js';
import { type Beat, type BeatFilter, keepsBeat } from './beat.js';
import { BodyWatch } from './body.js';
import { type Paragraph, Paragrapher } from './paragraphs.js';
import { AirWatch, DriveWatch } from './readings.js';
import { BeatSelector } from './select.js';

export interface TellOptions {
  /** keeps only the beats that tell events of these types or about these characters */
  filter?: BeatFilter;
  /** called with each paragraph as soon as it is complete */
  onParagraph?: (p: Paragraph) => void;
  /** tells the run as this character lives it */
  pov?: string;
}

export interface Story {
  paragraphs: Paragraph[];
  /** how many beats the paragraphs hold */
  beats: number;
  /** the run's every event (from a point of view: every event the character knows) */
  events: readonly WorldEvent[];
}

/** Runs `world` to its end and tells it in beats. */
export function tellRun(world: World, options: TellOptions = {}): Story {
  const teller = new Teller(world, options);
  teller.advance(world.definition.until);
  return teller.close();
}

/** Tells a world as it runs, as far as it is asked to go each time. */
export class Teller {
  private readonly view: Perspective | undefined;
  private readonly selector: BeatSelector;
  private readonly body: BodyWatch;
  private readonly air: AirWatch;
  private readonly drives: DriveWatch;
  private readonly paragraphs: Paragrapher;
  private readonly filter: BeatFilter;
  private readonly pending: WorldEvent[] = [];
  private readonly unsubscribe: () => void;
  /** how far apart the world is read for lasting states, and when it is next read */
  private readonly step: number;
  private nextRead: number;
  private read = Number.NEGATIVE_INFINITY;
  private told: Beat[] = [];
  private count = 0;
  private quiet = false;

  constructor(
    private readonly world: World,
    options: TellOptions = {},
  ) {
    const def = world.definition;
    // A long run recalls its lasting states less often: at most `recalls` reminders' instants in all.
    const stretch = (interval: number) =>
      Math.max(interval, Math.ceil(def.until / def.canon.narration.recalls));
    const pacing = {
      ...def.canon.narration,
      reminder: stretch(def.canon.narration.reminder),
      bodyReminder: stretch(def.canon.narration.bodyReminder),
    };
    this.view = options.pov === undefined ? undefined : new Perspective(def, options.pov);
    this.selector = new BeatSelector(def, namesOf(def), pacing, this.view?.events ?? world.events);
    this.body = new BodyWatch({ ...def.canon, narration: pacing });
    this.air = new AirWatch(pacing);
    this.drives = new DriveWatch(pacing);
    this.paragraphs = new Paragrapher(pacing.paragraph, options.onParagraph);
    this.filter = options.filter ?? {};
    const receive = (e: WorldEvent) => {
      const seen = this.view ? this.view.see(e) : e;
      if (seen) this.pending.push(seen);
    };
    // A world that has run already (a restored game): what it has told is taken in, and not told again.
    for (const e of world.events) receive(e);
    this.quiet = true;
    this.tellPending();
    this.quiet = false;
    this.unsubscribe = world.subscribe(receive);
    this.step = Math.max(pacing.sample, Math.ceil(def.until / pacing.samples));
    this.nextRead = world.time;
  }

  /** The events told so far: the run's, or from a point of view those the character knows. */
  get events(): readonly WorldEvent[] {
    return this.view?.events ?? this.world.events;
  }

  /**
   * Runs the world up to `until` and tells it; with `stopAtBeat`, stops after the first instant that
   * gave a beat. Returns the beats told, in order.
   */
  advance(until: number, stopAtBeat = false): Beat[] {
    this.told = [];
    for (;;) {
      const grid = this.nextRead;
      const target = Math.min(grid, until, stopAtBeat ? this.world.nextInstant : Number.POSITIVE_INFINITY);
      // A step cut short at an instant, to stop at a beat, reads no lasting states: they are read on the grid.
      const cut = target < Math.min(grid, until);
      this.world.runUntil(target);
      this.tellPending();
      this.add(this.body.due(this.world.time, true));
      if (!cut && this.world.time > this.read) {
        const where = this.view && this.world.whereIs(this.view.viewer);
        this.add([...this.air.read(this.world, where), ...this.drives.read(this.world)]);
        this.read = this.world.time;
      }
      this.paragraphs.settle(this.world.time);
      if (target === grid) this.nextRead += this.step;
      if (target >= until || (stopAtBeat && this.told.length > 0)) break;
    }
    return this.told;
  }

  /** Stops telling: the story so far. */
  close(): Story {
    this.unsubscribe();
    this.paragraphs.close();
    return { paragraphs: this.paragraphs.done, beats: this.count, events: this.events };
  }

  /** Every instant up to the world's time is complete: tell them in order. */
  private tellPending(): void {
    const pending = this.pending;
    for (let i = 0; i < pending.length; ) {
      let j = i;
      while (j < pending.length && pending[j]!.t === pending[i]!.t) j++;
      const instant = pending.slice(i, j);
      this.add(this.body.due(instant[0]!.t, false));
      for (const e of instant) {
        this.body.event(e);
        this.drives.event(e);
      }
      this.add(this.selector.instant(instant));
      i = j;
    }
    pending.length = 0;
  }

  private add(beats: readonly Beat[]): void {
    if (this.quiet) return;
    for (const beat of beats) {
      if (!keepsBeat(this.filter, beat)) continue;
      this.paragraphs.add(beat);
      this.told.push(beat);
      this.count++;
    }
  }
}
