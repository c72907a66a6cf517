/**
 * The beats narrator: runs a world to its end, turning each instant's events into beats, reading the
 * world at intervals for the lasting states the log does not hold, and grouping the beats into
 * paragraphs, handed on as each is complete (so that a long run shows its first paragraphs at once).
 * A world lives only at its own instants, so reading it at intervals changes nothing that happens:
 * the events are byte for byte those of a plain run.
 */
import type { World } from '../../engine/world.js';
import type { WorldEvent } from '../../model/events.js';
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
}

export interface Story {
  paragraphs: Paragraph[];
  /** how many beats the paragraphs hold */
  beats: number;
  /** the run's every event */
  events: readonly WorldEvent[];
}

/** Runs `world` to its end and tells it in beats. */
export function tellRun(world: World, options: TellOptions = {}): Story {
  const def = world.definition;
  // A long run recalls its lasting states less often: at most `recalls` reminders' instants in all.
  const stretch = (interval: number) =>
    Math.max(interval, Math.ceil(def.until / def.canon.narration.recalls));
  const pacing = {
    ...def.canon.narration,
    reminder: stretch(def.canon.narration.reminder),
    bodyReminder: stretch(def.canon.narration.bodyReminder),
  };
  const names = namesOf(def);
  const selector = new BeatSelector(def, names, pacing, world.events);
  const body = new BodyWatch({ ...def.canon, narration: pacing });
  const air = new AirWatch(pacing);
  const drives = new DriveWatch(pacing);
  const paragraphs = new Paragrapher(pacing.paragraph, options.onParagraph);
  const filter = options.filter ?? {};
  let count = 0;
  const add = (beats: readonly Beat[]) => {
    for (const beat of beats) {
      if (!keepsBeat(filter, beat)) continue;
      paragraphs.add(beat);
      count++;
    }
  };

  const pending: WorldEvent[] = [];
  const unsubscribe = world.subscribe((e) => pending.push(e));
  const step = Math.max(pacing.sample, Math.ceil(def.until / pacing.samples));
  let read = Number.NEGATIVE_INFINITY;
  try {
    for (let t = world.time; ; t += step) {
      world.runUntil(Math.min(t, def.until));
      // Every instant up to the world's time is complete: tell them in order.
      for (let i = 0; i < pending.length; ) {
        let j = i;
        while (j < pending.length && pending[j]!.t === pending[i]!.t) j++;
        const instant = pending.slice(i, j);
        add(body.due(instant[0]!.t, false));
        for (const e of instant) {
          body.event(e);
          drives.event(e);
        }
        add(selector.instant(instant));
        i = j;
      }
      pending.length = 0;
      add(body.due(world.time, true));
      if (world.time > read) {
        add([...air.read(world), ...drives.read(world)]);
        read = world.time;
      }
      paragraphs.settle(world.time);
      if (t >= def.until) break;
    }
  } finally {
    unsubscribe();
  }
  paragraphs.close();
  return { paragraphs: paragraphs.done, beats: count, events: world.events };
}
