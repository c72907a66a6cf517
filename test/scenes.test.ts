/** The bundled source scenes: the canon numbers the engine is judged against, beyond their expect: blocks. */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { bundled } from './helpers.js';

describe('medbay: the captured captain', () => {
  const def = bundled('medbay.yaml');

  it('after the door closes on the two of them, the scent in the medbay rises for minutes', () => {
    const world = World.create(def);
    const closed = def.timeline.find((a) => a.do === 'close')!.at;
    const samples: number[] = [];
    for (let minute = 0; minute <= 10; minute++) {
      world.runUntil(closed + minute * 60);
      samples.push(world.concentration('medbay').total);
    }
    for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeGreaterThan(samples[i - 1]!);
    expect(samples[10]! / samples[0]!).toBeGreaterThan(1.2);
    // Only Rey and Phasma are left inside.
    expect(world.whereIs('finn')).toBe('corridor');
    expect(world.whereIs('doctor')).toBe('corridor');
  });

  it('putting the helmet back on cuts her dose of the alpha’s scent in the air by over 90%', () => {
    const world = World.create(def);
    const wear = def.timeline.find((a) => a.do === 'wear')!.at;
    const fromAround = () => {
      const dose = world.dose('phasma', 'rey').byRoute;
      return dose.air + dose['near-field'];
    };
    world.runUntil(wear - 1);
    const bare = fromAround();
    world.runUntil(wear);
    const sealed = fromAround();
    expect(bare).toBeGreaterThan(0);
    expect(sealed / bare).toBeLessThan(0.1);
    // What her own touch left on her skin stays inside the seal with her.
    expect(world.dose('phasma', 'rey').byRoute.residue).toBeGreaterThan(0);
  });

  it('nobody knows what she is until the helmet comes off; then the alpha does, by scent', () => {
    const world = World.create(def);
    world.runUntil(179);
    expect(world.whoKnows('phasma')).toEqual([]);
    world.runUntil(180);
    expect(world.whoKnows('phasma')).toEqual([
      { observer: 'rey', since: 180, how: 'scent', latest: 'scent' },
    ]);
  });
});

describe('quarters: the masked commander', () => {
  const def = bundled('quarters.yaml');

  it('the residue from a contact hours earlier is still above detection after two showers, under his helmet', () => {
    const world = World.create(def);
    world.runUntil(5 * 3600);
    expect(world.wearing('ren')).toContain('sealed-helmet');
    const dose = world.dose('ren', 'hux');
    expect(dose.via).toBe('residue');
    expect(dose.byRoute.residue).toBeGreaterThan(def.canon.perception.detect);
  });

  it('the masker hides him from the beta beside him: what the lieutenant takes in of the omega note stays under the threshold', () => {
    const world = World.create(def);
    world.runUntil(2 * 60);
    const dose = world.dose('mitaka', 'ren');
    expect(dose.via).toBe('near-field');
    expect(dose.notes.omega).toBeLessThan(def.canon.perception.identify * 0.7);
  });
});
