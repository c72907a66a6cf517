/** The sandbox's run (the engine's side of the page): any time, forward or back, is what a straight run shows. */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { gridTime, Run } from '../web/run.js';
import { bundled } from './helpers.js';

/** The whole state of `world`, for comparing two worlds. */
const stateOf = (world: World) => world.snapshot().state;

describe('the sandbox run', () => {
  const def = bundled('datapad.yaml');
  const run = new Run(def);
  while (!run.done) run.advance();

  it('shows any time it has reached exactly as a straight run to it, jumping forward or back', () => {
    for (const at of [32_400, 4_560, 0, 12_345]) {
      const straight = World.create(def);
      straight.runUntil(at);
      const shown = run.show(at);
      expect(shown.time).toBe(straight.time);
      expect(stateOf(shown)).toEqual(stateOf(straight));
    }
  });

  it('steps from a quiet stretch to the next instant after it', () => {
    // Nothing happens between 0:10:00 and the reminder at 1:00:00.
    const world = run.step(600);
    const straight = World.create(def);
    straight.runUntil(600);
    straight.step(1);
    expect(world.time).toBe(straight.time);
    expect(world.time).toBeGreaterThan(600);
  });

  it('keeps a reading for each sample time, the last one at the end', () => {
    const readings = run.readingsFrom(0);
    expect(readings).toHaveLength(run.readingCount);
    expect(gridTime(readings.length - 1, run.sampleEvery, def.until)).toBe(def.until);
    expect(readings.at(-1)!.t).toBe(def.until);
  });

  it('gives a view with the events from where the page is', () => {
    const world = run.show(def.until);
    const view = run.view(world, def.until, 10);
    expect(view.eventCount).toBe(world.events.length);
    expect(view.events[0]!.id).toBe(11);
    expect(view.places).toHaveLength(def.places.length);
    expect(view.calendar?.roster.map((r) => r.id)).toEqual(def.roster.map((r) => r.id));
  });
});
