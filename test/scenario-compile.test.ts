import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import type { WorldDefinition } from '../src/model/definition.js';
import { formatScenarioError, loadScenario } from '../src/scenario/index.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../src/units/time.js';

function compile(text: string, file = 'scenarios/sick-bay.yaml'): WorldDefinition {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.definition;
}

// Line numbers matter below (sources): this is line 1.
const FULL = `omegaverse: 1
seed: 7
canon: classic
canon_overrides:
  perception: { identify: 0.4 }
  suppressant.period: 100d
  gear:
    visor: { emissionPass: 0.5, intakePass: 0.8 }
clock: "22:30"
places:
  corridor: { volume: 200, ventilation: 4, x: 0, y: 1 }
  sick-bay: { name: The sick bay, volume: 90, ventilation: 2 }
  store-room: { volume: 20, ventilation: 0 }
doors:
  - { id: bay-door, between: [corridor, sick-bay] }
  - { id: store-door, between: [corridor, store-room], state: sealed }
characters:
  rey: { representation: alpha, age: 19, self_control: 0.3, notes: [sand, ozone], at: corridor, wears: [visor], rank: 2 }
  finn: { name: FN-2187, representation: beta, at: corridor, carries: [blaster], knows: [phasma] }
  phasma:
    representation: omega
    presents_as: beta
    age: 36
    at: sick-bay
    medication: [suppressant, { name: suppressant, since: "-2d" }]
    cycle: { period: 30d, onsets: ["-3d", "-180d", "1d 7:00"] }
    bonded_to: rey
  kid: { representation: unpresented, age: 12, at: sick-bay }
relations:
  - { between: [rey, phasma], affinity: 0.9, trust: 0.2 }
timeline:
  - { at: "0:02:00", actor: finn, do: say, text: all clear, truthful: false }
  - { at: "0:00:06", actor: rey, do: move, to: sick-bay }
  - { at: "0:00:05", actor: rey, do: open, door: bay-door }
  - { at: "0:00:06", actor: finn, do: move, to: sick-bay }
  - { at: "0:02:00", actor: finn, do: order, target: phasma, demand: { do: submit, target: finn } }
  - { at: "0:03:00", actor: finn, do: aim, target: phasma, item: blaster }
roster:
  - { id: shift, title: Night shift, start: "0:10:00", end: "0:40:00", participants: [finn] }
expect:
  - { event: identify, actor: rey, target: phasma, value: omega, within: ["0:03:00", "0:05:00"] }
  - { event: restrain, after: "0:01:00", never: true }
  - { event: say, data: { truthful: false }, before: "0:10:00", count: 1 }
`;

describe('a valid scenario', () => {
  const def = compile(FULL);

  it('keeps the header, with the title defaulting to the file name', () => {
    expect(def.title).toBe('sick-bay');
    expect(def.file).toBe('scenarios/sick-bay.yaml');
    expect(def.seed).toBe(7);
    expect(def.clock).toBe(22 * SECONDS_PER_HOUR + 30 * 60);
    expect(def.canonName).toBe('classic');
  });

  it('applies the canon overrides to a copy of the preset', () => {
    expect(def.canon.perception.identify).toBe(0.4);
    expect(def.canon.suppressant.period).toBe(100 * SECONDS_PER_DAY);
    expect(def.canon.gear.visor).toEqual({ emissionPass: 0.5, intakePass: 0.8, trapTime: 0, weapon: false });
    expect(def.canon.heat).toEqual(presets.classic.heat);
    expect(presets.classic.perception.identify).not.toBe(0.4);
    expect(presets.classic.gear.visor).toBeUndefined();
  });

  it('names places from their ids unless given, and keeps doors in order with their default state', () => {
    expect(def.places).toEqual([
      { id: 'corridor', name: 'Corridor', volume: 200, ventilation: 4, x: 0, y: 1 },
      { id: 'sick-bay', name: 'The sick bay', volume: 90, ventilation: 2 },
      { id: 'store-room', name: 'Store room', volume: 20, ventilation: 0 },
    ]);
    expect(def.doors).toEqual([
      { id: 'bay-door', between: ['corridor', 'sick-bay'], state: 'closed' },
      { id: 'store-door', between: ['corridor', 'store-room'], state: 'sealed' },
    ]);
  });

  it('fills in character defaults and camelCases the fields', () => {
    const [rey, finn, phasma, kid] = def.characters;
    expect(rey).toEqual({
      id: 'rey',
      name: 'Rey',
      representation: 'alpha',
      age: 19,
      selfControl: 0.3,
      notes: ['sand', 'ozone'],
      at: 'corridor',
      wears: ['visor'],
      carries: [],
      medication: [],
      rank: 2,
      knows: [],
    });
    expect(finn).toMatchObject({
      name: 'FN-2187',
      selfControl: 0.5,
      carries: ['blaster'],
      knows: ['phasma'],
    });
    expect(finn?.age).toBeUndefined();
    expect(phasma).toMatchObject({
      presentsAs: 'beta',
      bondedTo: 'rey',
      medication: [{ name: 'suppressant' }, { name: 'suppressant', since: -2 * SECONDS_PER_DAY }],
    });
    expect(kid).toMatchObject({ name: 'Kid', age: 12, representation: 'unpresented' });
  });

  it('takes missing cycle fields from the canon and sorts the onsets', () => {
    expect(def.characters[2]?.cycle).toEqual({
      period: 30 * SECONDS_PER_DAY,
      duration: presets.classic.cycleDefaults.duration,
      variability: presets.classic.cycleDefaults.variability,
      onsets: [-180 * SECONDS_PER_DAY, -3 * SECONDS_PER_DAY, SECONDS_PER_DAY + 7 * SECONDS_PER_HOUR],
    });
  });

  it('sorts the timeline by time, keeping file order within an instant, and records each source', () => {
    expect(def.timeline.map((a) => [a.at, a.actor, a.do])).toEqual([
      [5, 'rey', 'open'],
      [6, 'rey', 'move'],
      [6, 'finn', 'move'],
      [120, 'finn', 'say'],
      [120, 'finn', 'order'],
      [180, 'finn', 'aim'],
    ]);
    expect(def.timeline[0]).toEqual({
      at: 5,
      actor: 'rey',
      do: 'open',
      door: 'bay-door',
      source: { file: 'scenarios/sick-bay.yaml', line: 34, column: 5 },
    });
    expect(def.timeline[3]).toMatchObject({
      do: 'say',
      text: 'all clear',
      truthful: false,
      source: { line: 32 },
    });
    expect(def.timeline[4]).toMatchObject({ demand: { do: 'submit', target: 'finn' } });
  });

  it('compiles relations, the roster and the run length', () => {
    expect(def.relations).toEqual([{ between: ['rey', 'phasma'], affinity: 0.9, trust: 0.2 }]);
    expect(def.roster).toEqual([
      { id: 'shift', title: 'Night shift', start: 600, end: 2400, participants: ['finn'] },
    ]);
    // Ten minutes after the later of the last action (0:03:00) and the last roster event (0:40:00).
    expect(def.until).toBe(2400 + 600);
  });

  it('turns windows into from/to with the right inclusiveness', () => {
    expect(def.expectations).toEqual([
      {
        event: 'identify',
        actor: 'rey',
        target: 'phasma',
        value: 'omega',
        from: 180,
        to: 300,
        toInclusive: true,
        never: false,
        source: { file: 'scenarios/sick-bay.yaml', line: 41, column: 5 },
      },
      {
        event: 'restrain',
        from: 60,
        toInclusive: false,
        never: true,
        source: expect.objectContaining({ line: 42 }),
      },
      {
        event: 'say',
        data: { truthful: false },
        to: 600,
        toInclusive: false,
        never: false,
        count: 1,
        source: expect.objectContaining({ line: 43 }),
      },
    ]);
  });
});

describe('defaults of a minimal scenario', () => {
  const def = compile(
    `omegaverse: 1
places:
  room: { volume: 60, ventilation: 2 }
characters:
  al: { representation: alpha, at: room }
`,
    'C:\\stories\\minimal.scene.yaml',
  );

  it('uses seed 1, the seeds canon, midnight and ten minutes', () => {
    expect(def).toMatchObject({ title: 'minimal.scene', seed: 1, canonName: 'seeds', clock: 0, until: 600 });
    expect(def.canon).toEqual(presets.seeds);
    expect(def.canon).not.toBe(presets.seeds);
    expect(def).toMatchObject({ doors: [], relations: [], timeline: [], roster: [], expectations: [] });
  });

  it('reads the same scenario written as JSON', () => {
    const json = compile(
      JSON.stringify({
        omegaverse: 1,
        places: { room: { volume: 60, ventilation: 2 } },
        characters: { al: { representation: 'alpha', at: 'room' } },
      }),
      'minimal.scene.json',
    );
    expect(json).toEqual({ ...def, file: 'minimal.scene.json' });
  });
});

describe('timeline order', () => {
  it('is by time, stable within an instant, whatever order the file lists the actions in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }), (minutes) => {
        const lines = minutes.map((m, i) => `  - { at: "0:0${m}:00", actor: al, do: say, text: "${i}" }`);
        const def = compile(
          `omegaverse: 1\nplaces:\n  room: { volume: 60, ventilation: 2 }\ncharacters:\n  al: { representation: alpha, at: room }\ntimeline:\n${lines.join('\n')}\n`,
        );
        const expected = minutes
          .map((m, i) => ({ at: m * 60, text: String(i) }))
          .sort((a, b) => a.at - b.at || Number(a.text) - Number(b.text));
        expect(def.timeline.map((a) => ({ at: a.at, text: a.do === 'say' ? a.text : '' }))).toEqual(expected);
        expect(def.until).toBe(Math.max(...minutes) * 60 + 600);
      }),
      { numRuns: 50 },
    );
  });
});
