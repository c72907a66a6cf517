/**
 * Rut, presenting and cycle variability: each mechanic with a twin that switches it off (or sets the
 * number it reads to nothing), so that the test fails if the mechanic were removed or ignored.
 */
import { describe, expect, it } from 'vitest';
import {
  checkRoster,
  describeConflict,
  forecastAll,
  knowsFrom,
  leaks,
  viewRoster,
} from '../src/calendar/index.js';
import { World } from '../src/engine/world.js';
import { loadScenario } from '../src/scenario/index.js';
import { find, scene } from './helpers.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Garrick's rut comes at 6:00 (its pre-rut began 18 hours before the start, under `classic`). */
const RUT =
  'al: { name: Garrick, representation: alpha, age: 30, at: room, rut: { period: 30d, duration: 2d, variability: "0d", onsets: ["-29d 18:00"] } }';

const run = (options: Parameters<typeof scene>[0]) => {
  const world = World.create(scene(options));
  world.run();
  return world;
};

describe('rut', () => {
  it('builds, begins and is smelled: a rut note in the air, a lower self-control line', () => {
    const world = World.create(
      scene({
        characters: [RUT, 'be: { representation: beta, age: 30, at: room }'],
        until: '8:00:00',
        extra: 'canon: classic',
      }),
    );
    world.runUntil(0);
    expect(find(world.events, 'pre-rut', 'al')[0]).toMatchObject({
      t: 0,
      data: { ongoing: true, onset: 6 * HOUR },
    });
    const before = world.selfControlThreshold('al');
    world.run();
    expect(find(world.events, 'rut-onset', 'al').map((e) => e.t)).toEqual([6 * HOUR]);
    expect(world.bodyState('al').phase).toBe('rut');
    expect(world.dose('be', 'al').notes.rut).toBeGreaterThan(0);
    expect(world.selfControlThreshold('al')).toBeCloseTo(before - 0.2, 9);
  });

  it('makes an alpha guard harder (`in-rut`), and not where its number is 1', () => {
    const guard = (aggression: number) =>
      run({
        characters: [
          'al: { representation: alpha, age: 30, self_control: 0.3, at: room, rut: { period: 30d, duration: 2d, variability: "0d", onsets: ["-1d"] } }',
          'om: { representation: omega, age: 30, at: room }',
          'be: { representation: beta, age: 30, at: room }',
        ],
        timeline: ['{ at: "0:02:00", actor: be, do: approach, target: om }'],
        until: '0:03:00',
        extra: 'canon: classic',
        overrides: `{ rut.aggression: ${aggression} }`,
      });
    const impulse = (world: World) =>
      find(world.events, 'drive', 'al', 'be').find((e) => e.data.rule === 'guard-approach');
    const inRut = impulse(guard(1.5))!;
    const plain = impulse(guard(1))!;
    expect(inRut.data['in-rut']).toBe(1.5);
    expect(Number(inRut.data.level)).toBeCloseTo(Number(plain.data.level) * 1.5, 2);
  });

  it('comes early beside an omega in heat, and not when nothing brings it forward', () => {
    const early = (rate: number) =>
      run({
        characters: [
          RUT,
          'om: { name: Oli, representation: omega, age: 30, at: room, cycle: { variability: "0d", onsets: ["-1d"] } }',
        ],
        until: '8:00:00',
        extra: 'canon: classic',
        overrides: `{ rut.advanceRate: ${rate} }`,
      });
    const brought = early(0.8);
    const advanced = find(brought.events, 'rut-advanced', 'al', 'om');
    expect(advanced.length).toBeGreaterThan(0);
    expect(find(brought.events, 'rut-onset', 'al')[0]!.t).toBeLessThan(6 * HOUR);
    const unmoved = early(0);
    expect(find(unmoved.events, 'rut-advanced')).toHaveLength(0);
    expect(find(unmoved.events, 'rut-onset', 'al')[0]!.t).toBe(6 * HOUR);
  });

  it('is forecast like a heat, from its recorded history', () => {
    const def = scene({
      characters: [
        'al: { representation: alpha, age: 30, at: room, rut: { period: 30d, onsets: ["-120d", "-90d", "-60d", "-30d"] } }',
      ],
      extra: 'canon: classic',
    });
    const forecast = forecastAll(def, 0).get('al')!;
    expect(forecast).toMatchObject({ kind: 'rut', basis: 'history' });
    expect(forecast.windows[0]!.center).toBe(0);
  });

  it('is rostered like a heat, behind the same redaction: medical leave for one who does not know', () => {
    const def = scene({
      characters: [
        'al: { name: Garrick, representation: alpha, age: 30, at: room, rut: { period: 30d, onsets: ["-120d", "-90d", "-60d", "-30d"] } }',
        'cap: { name: Captain, representation: beta, age: 50, at: room, knows: [al] }',
        'ens: { name: Ensign, representation: beta, age: 20, at: room }',
      ],
      extra:
        'canon: classic\nroster:\n  - { id: patrol, title: Patrol, start: "0:00", end: "1d", participants: [al, cap, ens] }',
    });
    const report = checkRoster({ definition: def, forecasts: forecastAll(def, 0), now: 0 });
    expect(report.conflicts).toMatchObject([{ event: 'patrol', character: 'al', kind: 'rut' }]);
    const knows = knowsFrom(def);
    const names = {
      character: (id: string) => def.characters.find((c) => c.id === id)!.name,
      event: () => 'Patrol',
      clock: def.clock,
    };
    const told = (viewer: string) =>
      viewRoster(report, viewer, knows).conflicts.map((c) => describeConflict(c, names, false));
    expect(told('cap')[0]).toMatch(/^Garrick's rut is likely during Patrol/);
    expect(told('ens')).toEqual(['Garrick: medical leave during Patrol']);
    expect(leaks(told('ens').join(' '))).toEqual([]);
  });

  it('is refused under a canon without ruts', () => {
    const text = `omegaverse: 1\nplaces:\n  room: { volume: 60, ventilation: 2 }\ncharacters:\n  ${RUT.replace('at: room', 'at: room')}\n`;
    expect(loadScenario(text, 's.yaml')).toMatchObject({
      ok: false,
      errors: [{ message: 'the seeds canon has no rut' }],
    });
  });
});

describe('presenting', () => {
  const teen = (timeline: string[], extra = '') =>
    run({
      characters: [
        `mira: { name: Mira, representation: unpresented, age: 19, at: room${extra} }`,
        'al: { representation: alpha, age: 30, at: room }',
      ],
      timeline,
      until: '0:20:00',
    });

  it('changes what a character is, and what a keen nose reads of them', () => {
    const presented = teen(['{ at: "0:05:00", actor: mira, do: present, as: omega }']);
    expect(find(presented.events, 'present', 'mira')).toMatchObject([{ t: 300, value: 'omega' }]);
    expect(find(presented.events, 'identify', 'al', 'mira').map((e) => e.value)).toContain('omega');
    expect(presented.character('mira').representation).toBe('unpresented');
    // Unpresented all along: nobody smells an omega.
    const not = teen([]);
    expect(find(not.events, 'identify', 'al', 'mira').map((e) => e.value)).not.toContain('omega');
  });

  it('starts the cycle of what one presents as', () => {
    const world = teen(
      ['{ at: "0:05:00", actor: mira, do: present, as: omega }'],
      ', cycle: { variability: "0d", onsets: ["-1d"] }',
    );
    // Her heat began a day before: from the moment she presents, she is in it.
    const present = find(world.events, 'present', 'mira')[0]!;
    expect(find(world.events, 'heat-onset', 'mira')).toMatchObject([
      { t: 300, data: { ongoing: true }, causes: [present.id] },
    ]);
    expect(world.bodyState('mira').phase).toBe('heat');
    // Without presenting, the cycle waits.
    const waiting = teen([], ', cycle: { variability: "0d", onsets: ["-1d"] }');
    expect(waiting.bodyState('mira').phase).toBe('none');
  });

  it('is refused twice, or as unpresented', () => {
    const text = (lines: string[]) =>
      `omegaverse: 1\nplaces:\n  room: { volume: 60, ventilation: 2 }\ncharacters:\n  mira: { representation: unpresented, age: 19, at: room }\ntimeline:\n${lines.map((l) => `  - ${l}`).join('\n')}\n`;
    expect(
      loadScenario(
        text([
          '{ at: "0:01:00", actor: mira, do: present, as: beta }',
          '{ at: "0:02:00", actor: mira, do: present, as: omega }',
        ]),
        's.yaml',
      ),
    ).toMatchObject({
      ok: false,
      errors: [{ line: 8, message: 'Mira has presented already at 0:02:00: Mira is a beta' }],
    });
    expect(
      loadScenario(text(['{ at: "0:01:00", actor: mira, do: present, as: unpresented }']), 's.yaml'),
    ).toMatchObject({
      ok: false,
      errors: [{ message: 'one presents as an alpha, a beta or an omega' }],
    });
  });
});

describe('cycle variability', () => {
  const onset = (seed: number, variability: string, medication = '') => {
    const def = scene({
      characters: [
        `om: { representation: omega, age: 30, at: room${medication}, cycle: { period: 28d, variability: "${variability}", onsets: ["-20d"] } }`,
      ],
      until: '20d',
    });
    const world = World.create(def, { seed });
    world.run();
    return find(world.events, 'heat-onset', 'om').filter((e) => !e.data.ongoing)[0]?.t;
  };

  it('draws each natural cycle from the seed: the same seed the same heat, other seeds others', () => {
    expect(onset(1, '2d')).toBe(onset(1, '2d'));
    const onsets = new Set([1, 2, 3, 4, 5].map((seed) => onset(seed, '2d')));
    expect(onsets.size).toBeGreaterThan(1);
    // Within three standard deviations of the period: 8 days on, ± 6.
    for (const t of onsets) expect(Math.abs(t! - 8 * DAY)).toBeLessThanOrEqual(6 * DAY);
  });

  it('keeps a cycle with no variability to the day, and a suppressed cycle regular', () => {
    expect(new Set([1, 2, 3].map((seed) => onset(seed, '0d')))).toEqual(new Set([8 * DAY]));
  });
});
