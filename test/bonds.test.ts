/**
 * Bonds that behave like bonds, separation, the command voice, carried scent and a refusal that ends
 * what the refused was doing. Each mechanic beside a twin with it switched off (or its number set to
 * nothing), so the test fails if the mechanic were removed or ignored.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { namesOf, narrate } from '../src/narrate/language/narrate.js';
import { find, scene } from './helpers.js';

const DAY = 86_400;

const run = (options: Parameters<typeof scene>[0], seed?: number) => {
  const world = World.create(scene(options), seed === undefined ? {} : { seed });
  world.run();
  return world;
};

/** Rhys and his mate Noor in one room; Noor's heat began a day ago (a clockwork cycle). */
const MATES = [
  'rhys: { name: Rhys, representation: alpha, age: 32, self_control: 0.3, at: room, bonded_to: noor }',
  'noor: { name: Noor, representation: omega, age: 30, at: room, cycle: { variability: "0d", onsets: ["-1d"] } }',
];

describe('bonds', () => {
  it('mates know what each other truly is, from the start (a bond is a record)', () => {
    const world = run({ characters: MATES, until: '0:01:00' });
    const first = (o: string, e: string) => find(world.events, 'belief', o, e)[0];
    expect(first('rhys', 'noor')).toMatchObject({ t: 0, value: 'omega', data: { source: 'record' } });
    expect(first('noor', 'rhys')).toMatchObject({ t: 0, value: 'alpha', data: { source: 'record' } });
  });

  it("draws a bonded alpha to his own mate's heat, and he reaches out: a bond is standing consent", () => {
    const world = run({ characters: MATES, until: '0:10:00' });
    expect(find(world.events, 'drive', 'rhys', 'noor').some((e) => e.value === 'longing')).toBe(true);
    expect(find(world.events, 'touch', 'rhys', 'noor').length).toBeGreaterThan(0);
    expect(find(world.events, 'resist', 'rhys', 'noor')).toHaveLength(0);
  });

  it('a refusal withdraws the standing consent at once', () => {
    const world = run({
      characters: MATES,
      timeline: ['{ at: "0:00:00", actor: noor, do: refuse, target: rhys }'],
      until: '0:10:00',
    });
    expect(find(world.events, 'touch', 'rhys', 'noor')).toHaveLength(0);
  });

  it("an unbonded alpha who has smelled the bond holds back from another's mate", () => {
    const third = 'kade: { name: Kade, representation: alpha, age: 30, self_control: 0.3, at: room }';
    const world = run({ characters: [...MATES, third], until: '0:10:00' });
    expect(find(world.events, 'recognise-bond', 'kade', 'noor').length).toBeGreaterThan(0);
    expect(world.drives('kade').noor?.longing).toBeUndefined();
    // Switched off (claimedElsewhere 1): he is drawn to her, and protects her, as if she were unclaimed.
    const free = run({
      characters: [...MATES, third],
      until: '0:10:00',
      overrides: '{ bonds.claimedElsewhere: 1 }',
    });
    const protect = (w: World) => w.drives('kade').noor?.protect ?? 0;
    expect(protect(world)).toBeGreaterThan(0);
    expect(protect(world)).toBeCloseTo(protect(free) * 0.3, 6);
    // Without the rule's `not-claimed-elsewhere`, her heat would draw him.
    const drawn = run({
      characters: [...MATES, third],
      until: '0:10:00',
      overrides:
        '{ rules.longing-drawn-by-heat.when: [identified-subject-omega, same-place, subject-heat-note, unbonded-or-mate] }',
    });
    expect(drawn.drives('kade').noor?.longing).toBeGreaterThan(0);
  });

  it('an omega is barely uneasy at her own mate (mate-ease)', () => {
    const unease = (mateUnease: number) =>
      run({ characters: MATES, until: '0:05:00', overrides: `{ bonds.mateUnease: ${mateUnease} }` }).drives(
        'noor',
      ).rhys?.discomfort ?? 0;
    expect(unease(0.1)).toBeLessThan(unease(1) / 5);
  });
});

describe('separation', () => {
  const apart = [
    'rhys: { name: Rhys, representation: alpha, age: 32, at: room, bonded_to: noor }',
    'noor: { name: Noor, representation: omega, age: 30, at: hall }',
  ];
  const reunited = [
    '{ at: "4d 12:00", actor: noor, do: open, door: room-door }',
    '{ at: "4d 12:00:01", actor: noor, do: move, to: room }',
  ];

  it('mates apart grow restless, ache, feel unwell, each at its hour, and are relieved together again', () => {
    const world = run({ characters: apart, timeline: reunited, until: '5d' });
    expect(find(world.events, 'separation', 'rhys').map((e) => [e.value, e.t])).toEqual([
      ['restless', 0.5 * DAY],
      ['aching', 2 * DAY],
      ['unwell', 4 * DAY],
    ]);
    expect(find(world.events, 'reunion', 'noor', 'rhys')).toMatchObject([
      { t: 4.5 * DAY + 1, data: { stage: 'unwell' } },
    ]);
  });

  it('a bond may fade after a long separation, where the canon says so', () => {
    const fading = run({ characters: apart, until: '5d', overrides: '{ bonds.fadeAfter: "3d" }' });
    expect(find(fading.events, 'separation', 'rhys').map((e) => e.value)).toEqual([
      'restless',
      'aching',
      'faded',
    ]);
    const lasting = run({ characters: apart, until: '5d' });
    expect(find(lasting.events, 'separation').map((e) => e.value)).not.toContain('faded');
  });

  it('a heat spent apart from her mate is told as such', () => {
    const world = run({
      characters: [
        apart[0]!,
        'noor: { name: Noor, representation: omega, age: 30, at: hall, cycle: { variability: "0d", onsets: ["-27d"] } }',
      ],
      until: '6d',
    });
    expect(find(world.events, 'heat-onset', 'noor').find((e) => !e.data.ongoing)?.data.apartFrom).toBe(
      'rhys',
    );
  });
});

describe('the command voice', () => {
  /** Kade (an alpha) tells two betas to withdraw: a rash one and a composed one, in the voice or not. */
  const voiced = (voice: boolean, seed: number) =>
    run(
      {
        characters: [
          'kade: { representation: alpha, age: 30, at: room }',
          'rash: { representation: beta, age: 30, self_control: 0.1, at: room }',
          'calm: { representation: beta, age: 30, self_control: 0.95, at: room }',
        ],
        timeline: [
          `{ at: "0:01:00", actor: kade, do: order, target: rash, voice: ${voice}, demand: { do: submit } }`,
          `{ at: "0:01:00", actor: kade, do: order, target: calm, voice: ${voice}, demand: { do: submit } }`,
        ],
        until: '0:02:00',
      },
      seed,
    );
  const obeyed = (voice: boolean, who: string) =>
    [1, 2, 3, 4, 5, 6, 7, 8].filter((seed) => find(voiced(voice, seed).events, 'comply', who).length > 0)
      .length;

  it('is obeyed by one and resisted by another with high self-control, and shows each term', () => {
    expect(obeyed(true, 'rash')).toBe(8);
    expect(obeyed(true, 'calm')).toBeLessThan(8);
    const comply = find(voiced(true, 1).events, 'comply', 'rash')[0]!;
    expect(comply.data.voice).toBe(0.6);
    expect(Number(comply.data['self-control'])).toBeLessThan(0);
  });

  it('pulls harder than a plain order', () => {
    expect(obeyed(true, 'rash')).toBeGreaterThan(obeyed(false, 'rash'));
  });
});

describe('carried scent', () => {
  it('a nose close to someone smells whose scent they carry', () => {
    const world = run({
      characters: [
        'rhys: { name: Rhys, representation: alpha, age: 32, at: room }',
        'noor: { name: Noor, representation: omega, age: 30, at: room }',
        'corin: { name: Corin, representation: alpha, age: 30, at: hall }',
      ],
      timeline: [
        '{ at: "0:00:10", actor: rhys, do: touch, target: noor }',
        '{ at: "0:00:20", actor: rhys, do: withdraw }',
        '{ at: "0:01:00", actor: rhys, do: open, door: room-door }',
        '{ at: "0:01:01", actor: rhys, do: move, to: hall }',
        '{ at: "0:02:00", actor: corin, do: move, to: room }',
        '{ at: "0:02:10", actor: corin, do: approach, target: noor }',
      ],
      until: '0:03:00',
    });
    expect(find(world.events, 'smell-on', 'corin', 'noor').map((e) => e.value)).toEqual(['rhys']);
  });
});

describe('a refusal', () => {
  it('ends at once a hold, and closeness and touch, by the refused party', () => {
    const world = run({
      characters: [
        'al: { representation: alpha, age: 25, self_control: 0.3, at: room }',
        'om: { representation: omega, age: 30, at: room }',
      ],
      timeline: [
        '{ at: "0:00:10", actor: om, do: consent, target: al }',
        '{ at: "0:00:20", actor: al, do: touch, target: om }',
        '{ at: "0:01:00", actor: om, do: refuse, target: al }',
      ],
      until: '0:02:00',
    });
    const refusal = find(world.events, 'refuse', 'om', 'al')[0]!;
    expect(find(world.events, 'withdraw', 'al', 'om')).toMatchObject([
      { t: 60, causes: [refusal.id], data: { reason: 'refused', endedTouch: ['om'] } },
    ]);
    expect(world.dose('om', 'al').byRoute['near-field']).toBe(0);
  });

  /** A young alpha seizes a gunner who came close to the omega she guards; the gunner refuses her. */
  const SEIZED = [
    'rey: { name: Rey, pronouns: she, representation: alpha, age: 19, self_control: 0.1, at: room }',
    'finn: { name: Finn, pronouns: he, representation: beta, age: 23, at: room }',
    'om: { name: Om, pronouns: she, representation: omega, age: 30, at: room }',
  ];
  const seized = (refuseAt: string) =>
    run({
      characters: SEIZED,
      timeline: [
        '{ at: "0:00:30", actor: finn, do: approach, target: om }',
        `{ at: "${refuseAt}", actor: finn, do: refuse, target: rey }`,
        '{ at: "0:00:50", actor: finn, do: open, door: room-door }',
        '{ at: "0:00:51", actor: finn, do: move, to: hall }',
      ],
      until: '0:02:00',
      extra: 'relations:\n  - { between: [rey, om], affinity: 0.9 }',
    });

  it('ends an engine-decided hold at once: the seized gunner gets away, and the events say why', () => {
    const world = seized('0:00:40');
    const hold = find(world.events, 'restrain', 'rey', 'finn')[0]!;
    expect(hold.t).toBeLessThan(40);
    const refusal = find(world.events, 'refuse', 'finn', 'rey')[0]!;
    const release = find(world.events, 'release', 'rey', 'finn');
    expect(release).toMatchObject([{ t: 40, causes: [refusal.id], data: { reason: 'refused' } }]);
    expect(find(world.events, 'move', 'finn').map((e) => e.value ?? 'moved')).toEqual(['moved']);
    expect(find(world.events, 'move', 'finn')[0]!.t).toBe(51);
    const names = namesOf(world.definition);
    expect(narrate(release[0]!, names)).toBe('Rey let go of Finn, who had refused her.');
    const stepBack = find(world.events, 'withdraw', 'rey', 'finn')[0]!;
    expect(narrate(stepBack, names)).toBe('Rey stepped back from Finn, who had refused her.');
    // Nothing more by her toward him: no second seizure, no closeness.
    expect(find(world.events, 'restrain', 'rey', 'finn')).toHaveLength(1);
    expect(find(world.events, 'approach', 'rey', 'finn').filter((e) => e.t > 40)).toEqual([]);
  });

  it('no order from the refused party brings the refuser close to them, even in the voice', () => {
    const world = run({
      characters: [
        'al: { name: Al, pronouns: he, representation: alpha, age: 30, rank: 5, at: room }',
        'om: { name: Om, pronouns: she, representation: omega, age: 30, self_control: 0, at: room }',
      ],
      timeline: [
        '{ at: "0:00:10", actor: om, do: refuse, target: al }',
        '{ at: "0:00:20", actor: al, do: order, target: om, voice: true, demand: { do: approach, target: al } }',
        '{ at: "0:00:30", actor: om, do: consent, target: al }',
        '{ at: "0:00:40", actor: al, do: order, target: om, voice: true, demand: { do: approach, target: al } }',
      ],
      until: '0:01:00',
    });
    const refusal = find(world.events, 'refuse', 'om', 'al')[0]!;
    const defied = find(world.events, 'defy', 'om', 'al');
    expect(defied).toHaveLength(1);
    expect(defied[0]).toMatchObject({ t: 20, data: { reason: 'refused' } });
    expect(defied[0]!.causes).toContain(refusal.id);
    expect(narrate(defied[0]!, namesOf(world.definition))).toBe(
      "Om defied Al's order to come close to him: she had refused him.",
    );
    // After a new consent, the same order may be obeyed.
    expect(find(world.events, 'approach', 'om', 'al').map((e) => e.t)).toEqual([40]);
  });
});
