import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crew } from '../bench/worlds.js';
import { World } from '../src/engine/world.js';
import { bundled } from './helpers.js';

const SCENES = ['medbay.yaml', 'quarters.yaml'] as const;

describe('determinism', () => {
  it.each(SCENES)('%s: the same scenario and seed give the same events, byte for byte', (name) => {
    const def = bundled(name);
    const a = World.create(def);
    const b = World.create(def);
    expect(JSON.stringify(a.run())).toBe(JSON.stringify(b.run()));
  });

  it('the seed changes the draws (each one’s self-control, each nose’s thresholds)', () => {
    const def = bundled('medbay.yaml');
    const thresholds = (seed: number) => {
      const world = World.create(def, { seed });
      world.run();
      return world.events.filter((e) => e.type === 'detect').map((e) => e.data.threshold);
    };
    expect(thresholds(1)).not.toEqual(thresholds(2));
    expect(World.create(def, { seed: 1 }).snapshot().state.selfControl).not.toEqual(
      World.create(def, { seed: 2 }).snapshot().state.selfControl,
    );
  });

  it('a character added to a scene moves no one else’s draws', () => {
    const def = bundled('medbay.yaml');
    const crowded = bundled('medbay.yaml');
    crowded.characters.push({ ...crowded.characters[3]!, id: 'extra', name: 'Extra', at: 'corridor' });
    const a = World.create(def);
    const b = World.create(crowded);
    expect(b.snapshot().state.selfControl.slice(0, def.characters.length)).toEqual(
      a.snapshot().state.selfControl,
    );
    // Rey's thresholds for Phasma: the same identification, at the same dose and threshold.
    a.runUntil(200);
    b.runUntil(200);
    const identify = (w: World) =>
      w.events.find((e) => e.type === 'identify' && e.actor === 'rey' && e.target === 'phasma')?.data;
    expect(identify(b)).toEqual(identify(a));
  });

  it('worlds side by side do not share state', () => {
    const def = bundled('medbay.yaml');
    const alone = JSON.stringify(World.create(def).run());
    const a = World.create(def);
    const b = World.create(def);
    // Interleave the two runs.
    for (let t = 0; t <= def.until; t += 37) {
      a.runUntil(t);
      b.runUntil(t + 11);
    }
    a.run();
    b.run();
    expect(JSON.stringify(a.events)).toBe(alone);
    expect(JSON.stringify(b.events)).toBe(alone);
  });
});

describe('snapshot and restore', () => {
  it.each(SCENES)('%s: snapshot → JSON → restore → run equals run, from any instant', (name) => {
    const def = bundled(name);
    const whole = JSON.stringify(World.create(def).run());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: def.until }), fc.integer({ min: 1, max: 40 }), (cut, chunk) => {
        const first = World.create(def);
        first.runUntil(cut);
        const saved = JSON.parse(JSON.stringify(first.snapshot()));
        const restored = World.restore(saved);
        // Continue in uneven chunks: stepping must not change the outcome either.
        while (!restored.finished) restored.step(Math.min(chunk * 13, def.until));
        expect(JSON.stringify(restored.events)).toBe(whole);
      }),
      { numRuns: name === 'quarters.yaml' ? 6 : 25 },
    );
  });

  it('a crew over months: restored in a quiet stretch, it goes on exactly as it would have', () => {
    // Twelve in cabins with heats, reminders and a roster: long jumps, plumes settling and unsettling.
    const def = crew(12, 20, '60d');
    const whole = World.create(def);
    whole.run();
    expect(whole.events.some((e) => e.type === 'heat-onset')).toBe(true);
    for (const cut of [3 * 86_400 + 1234, 17 * 86_400, 41 * 86_400 + 7]) {
      const first = World.create(def);
      first.runUntil(cut);
      const restored = World.restore(JSON.parse(JSON.stringify(first.snapshot())));
      restored.run();
      expect(JSON.stringify(restored.events)).toBe(JSON.stringify(whole.events));
    }
  });

  it('rejects what is not a snapshot, or a newer format', () => {
    const snap = World.create(bundled('medbay.yaml')).snapshot();
    expect(() => World.restore({ ...snap, version: 99 })).toThrow(/version 99/);
    expect(() => World.restore({} as never)).toThrow(/not an omegaverse snapshot/);
  });
});
