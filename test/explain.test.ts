/** `explain` on every autonomous event of the bundled scenes: a chain back to roots, with numbers. */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import type { WorldEvent } from '../src/model/events.js';
import { type CauseTree, explain } from '../src/model/explain.js';
import { formatTree } from '../src/narrate/tree.js';
import { AUTONOMOUS_TYPES } from '../src/vocabulary/events.js';
import { bundled } from './helpers.js';

const AUTONOMOUS: ReadonlySet<string> = new Set(AUTONOMOUS_TYPES);

/** The roots a tree reaches (a node already explained higher up is not a leaf). */
const leaves = (tree: CauseTree): WorldEvent[] =>
  tree.repeated ? [] : tree.causes.length ? tree.causes.flatMap(leaves) : [tree.event];

describe.each(['medbay.yaml', 'medbay-veteran.yaml', 'quarters.yaml'])('%s', (name) => {
  const def = bundled(name);
  const world = World.create(def);
  world.run();
  // Autonomous events, and the actions the engine performed on its own (a compliance, a seizure, a reach).
  const autonomous = world.events.filter(
    (e) => AUTONOMOUS.has(e.type) || (e.causes.length > 0 && isAction(e)),
  );

  it('has autonomous events to explain', () => {
    expect(autonomous.length).toBeGreaterThan(3);
  });

  it('explains every one back to scripted actions or the start, with the numbers that crossed each threshold', () => {
    for (const event of autonomous) {
      const tree = explain(world.events, event.id)!;
      expect(tree.causes.length, `#${event.id} ${event.type} has causes`).toBeGreaterThan(0);
      for (const leaf of leaves(tree)) {
        expect(leaf.causes, `#${event.id}: leaf #${leaf.id} ${leaf.type} is a root`).toEqual([]);
        expect(leaf.id).toBeLessThan(event.id);
      }
      const text = formatTree(tree, world.definition);
      if (
        ['restrain', 'snarl', 'resist', 'release', 'shiver', 'whine', 'comply', 'defy'].includes(event.type)
      ) {
        expect(text.split('\n')[0], `#${event.id}`).toMatch(/\((aggression|longing|discomfort|will) [-\d.]+/);
      }
    }
  });
});

function isAction(e: WorldEvent): boolean {
  return ['move', 'door', 'gear', 'approach', 'withdraw', 'touch', 'aim', 'lower'].includes(e.type);
}

describe('explain follows every cause, and folds what repeats', () => {
  const def = bundled('datapad.yaml');
  const world = World.create(def);
  world.run();
  const onset = world.events.find((e) => e.type === 'heat-onset')!;
  const advances = world.events.filter((e) => e.type === 'heat-advanced');

  it('a heat’s onset: the pre-heat, and each time it was brought forward (which the onset does not cite)', () => {
    expect(onset.causes.some((id) => advances.some((a) => a.id === id))).toBe(false);
    const tree = explain(world.events, onset.id)!;
    const advanced = tree.causes.find((c) => c.event.type === 'heat-advanced')!;
    expect([advanced.event, ...advanced.alike].map((e) => e.id)).toEqual(advances.map((e) => e.id));
    expect(advances).toHaveLength(5);
  });

  it('five advances with the same causes: one node, their shared causes shown once', () => {
    const text = formatTree(explain(world.events, onset.id)!, def, world.events);
    expect(text.split('\n')[0]).toBe("#47 day 2 05:00:00 +8:00:00 Kylo Ren's heat began, five hours early.");
    expect(text).toContain(
      "#32 22:16:40 +1:16:40 General Hux's scent brought Kylo Ren's heat forward by one hour. (and 4 more alike: #33, #35, #40, #41, the last at 22:36:56 +1:36:56)",
    );
    expect(text.match(/went from the corridor into Hux's quarters/g)).toHaveLength(1);
    expect(text.trimEnd().split('\n')).toHaveLength(7);
  });
});
