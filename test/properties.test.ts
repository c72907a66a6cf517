/**
 * Properties over generated scenes (fast-check): casts of adults and minors, alphas, betas, omegas
 * and the unpresented, with heats, ruts and bonds among the adults, and timelines of approaches,
 * touches, consents, refusals, marks, orders (some in the command voice) and presentations.
 *
 * - The age rule: nobody under 18 is ever in a heat, rut, bond, mark, separation or longing event, in
 *   either role, nor recognises a heat.
 * - Consent: after a refusal, nothing by the refused toward the refuser gets through (an approach, a
 *   touch, a mark, a seizure) until a new consent; and the refusal itself ends at once any hold or
 *   closeness of theirs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import type { WorldEvent } from '../src/model/events.js';
import { loadScenario } from '../src/scenario/index.js';
import { checkAgeRule } from './fuzz/invariants.js';

const REPRESENTATIONS = ['alpha', 'beta', 'omega', 'unpresented'] as const;

interface Person {
  rep: (typeof REPRESENTATIONS)[number];
  age: number;
}

const person = fc.record({
  rep: fc.constantFrom(...REPRESENTATIONS),
  age: fc.oneof(fc.integer({ min: 12, max: 17 }), fc.integer({ min: 18, max: 60 })),
});

/** A timeline entry, as indices into the cast (resolved against it in `scenarioOf`). */
const step = fc.record({
  at: fc.integer({ min: 1, max: 900 }),
  kind: fc.constantFrom(
    'approach',
    'touch',
    'withdraw',
    'consent',
    'refuse',
    'mark',
    'order',
    'voice',
    'present',
  ),
  actor: fc.nat(),
  target: fc.nat(),
  as: fc.constantFrom('alpha', 'beta', 'omega'),
});

type Step = { at: number; kind: string; actor: number; target: number; as: string };

const adult = (p: Person) => p.age >= 18;

/** A valid scenario text for a cast and steps (steps that would not be valid are left out). */
function scenarioOf(cast: Person[], steps: Step[], bondPair: boolean): string {
  const n = cast.length;
  const id = (i: number) => `c${i}`;
  const lines = [
    'omegaverse: 1',
    'title: generated',
    'seed: 1',
    'canon: classic',
    // Every pull made easy to set off, so that the age rule is what stops it.
    'canon_overrides: { rules.longing-touch-ends.amount: 5, rules.longing-drawn-by-heat.amount: 5 }',
    'places:',
    '  room: { volume: 60, ventilation: 2 }',
    'characters:',
  ];
  // Two adults of the right kinds may start bonded: an alpha and an omega.
  const alpha = cast.findIndex((p) => p.rep === 'alpha' && adult(p));
  const omega = cast.findIndex((p) => p.rep === 'omega' && adult(p));
  cast.forEach((p, i) => {
    const extra: string[] = [];
    if (p.rep === 'omega' && adult(p))
      extra.push('cycle: { period: 28d, duration: 3d, onsets: ["-27d 23:50"] }');
    if (p.rep === 'alpha' && adult(p))
      extra.push('rut: { period: 91d, duration: 3d, onsets: ["-90d 23:55"] }');
    if (bondPair && i === alpha && omega >= 0) extra.push(`bonded_to: ${id(omega)}`);
    lines.push(
      `  ${id(i)}: { representation: ${p.rep}, age: ${p.age}, self_control: 0.2, at: room${extra.length ? `, ${extra.join(', ')}` : ''} }`,
    );
  });
  const presented = new Set<number>();
  const timeline: string[] = [];
  for (const s of [...steps].sort((a, b) => a.at - b.at)) {
    const a = s.actor % n;
    const t = s.target % n;
    const at = `at: "0:${String(Math.floor(s.at / 60)).padStart(2, '0')}:${String(s.at % 60).padStart(2, '0')}"`;
    if (s.kind === 'present') {
      if (cast[a]!.rep !== 'unpresented' || presented.has(a)) continue;
      presented.add(a);
      timeline.push(`{ ${at}, actor: ${id(a)}, do: present, as: ${s.as} }`);
      continue;
    }
    if (a === t) continue;
    if (s.kind === 'withdraw') timeline.push(`{ ${at}, actor: ${id(a)}, do: withdraw, target: ${id(t)} }`);
    else if (s.kind === 'caress') {
      // A touch that ends: what sets off an alpha's longing for the one whose touch it was.
      const end = `at: "0:${String(Math.floor((s.at + 10) / 60)).padStart(2, '0')}:${String((s.at + 10) % 60).padStart(2, '0')}"`;
      timeline.push(
        `{ ${at}, actor: ${id(a)}, do: touch, target: ${id(t)} }`,
        `{ ${end}, actor: ${id(a)}, do: withdraw, target: ${id(t)} }`,
      );
    } else if (s.kind === 'mark') {
      if (!adult(cast[a]!) || !adult(cast[t]!)) continue;
      timeline.push(`{ ${at}, actor: ${id(a)}, do: mark, target: ${id(t)} }`);
    } else if (s.kind === 'order' || s.kind === 'voice') {
      const voice = s.kind === 'voice' && cast[a]!.rep === 'alpha' && !presented.has(a);
      timeline.push(
        `{ ${at}, actor: ${id(a)}, do: order, target: ${id(t)}, voice: ${voice}, demand: { do: approach, target: ${id(a)} } }`,
      );
    } else timeline.push(`{ ${at}, actor: ${id(a)}, do: ${s.kind}, target: ${id(t)} }`);
  }
  if (timeline.length) lines.push('timeline:', ...timeline.map((l) => `  - ${l}`));
  lines.push('until: "0:20:00"');
  return lines.join('\n');
}

function run(text: string): { world: World; events: readonly WorldEvent[] } {
  const loaded = loadScenario(text, 'generated.yaml');
  if (!loaded.ok)
    throw new Error(`${loaded.errors.map((e) => `${e.line}: ${e.message}`).join('\n')}\n${text}`);
  const world = World.create(loaded.definition);
  return { world, events: world.run() };
}

const scene = fc.record({
  cast: fc.array(person, { minLength: 2, maxLength: 4 }),
  steps: fc.array(step, { maxLength: 12 }),
  bonded: fc.boolean(),
});

describe('properties of generated scenes', () => {
  it('the age rule: nobody under 18 in a heat, rut, bond, mark, separation or longing event, either role', () => {
    fc.assert(
      fc.property(scene, ({ cast, steps, bonded }) => {
        const { world, events } = run(scenarioOf(cast, steps, bonded));
        // The fuzzing harness's own check of the rule: one list of what it reserves to adults.
        const wrong: string[] = [];
        checkAgeRule(world.definition, events, (_, message) => wrong.push(message));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('consent: a refusal ends the refused party’s hold and closeness at once, and blocks them until a new consent', () => {
    fc.assert(
      fc.property(scene, ({ cast, steps, bonded }) => {
        const text = scenarioOf(cast, steps, bonded);
        const { events } = run(text);
        for (const refusal of events.filter((e) => e.type === 'refuse')) {
          const [x, y] = [refusal.actor!, refusal.target!];
          const renewed = events.find(
            (e) => e.id > refusal.id && e.type === 'consent' && e.actor === x && e.target === y,
          );
          const through = events.filter(
            (e) =>
              e.id > refusal.id &&
              (!renewed || e.id < renewed.id) &&
              ['approach', 'touch', 'mark', 'restrain'].includes(e.type) &&
              e.actor === y &&
              e.target === x,
          );
          expect(through).toEqual([]);
          // Right after the refusal's instant: no hold, no closeness of the refused toward the refuser.
          const at = loadScenario(text, 'generated.yaml');
          if (!at.ok) throw new Error('unreachable');
          const replay = World.create(at.definition);
          replay.runUntil(refusal.t);
          const state = replay.snapshot().state;
          const [xi, yi] = [x, y].map((c) => at.definition.characters.findIndex((d) => d.id === c)) as [
            number,
            number,
          ];
          expect(state.restrainedBy[xi]).not.toBe(yi);
          const pairs = state.pairs;
          const slot = pairs.holder.findIndex((h, i) => h === yi && pairs.other[i] === xi);
          expect(slot < 0 ? 0 : pairs.close[slot]).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
