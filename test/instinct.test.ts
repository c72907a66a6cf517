/**
 * The instinct rules, one mechanic at a time. Each test has a twin with the rule switched off by
 * `canon_overrides`, so that it fails if the rule were removed or ignored.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import { validateRules } from '../src/engine/instinct/rules.js';
import { World } from '../src/engine/world.js';
import { loadScenario } from '../src/scenario/index.js';
import { find, scene } from './helpers.js';

const run = (options: Parameters<typeof scene>[0]) => {
  const world = World.create(scene(options));
  world.run();
  return world;
};

/** A young alpha and an omega in one room; a beta comes in and approaches the omega at 0:02:00. */
const guardScene = (alpha: string, overrides?: string) => ({
  characters: [
    alpha,
    'om: { name: Om, representation: omega, age: 30, at: room, rank: 2 }',
    'be: { name: Be, representation: beta, age: 30, at: hall }',
  ],
  timeline: [
    '{ at: "0:01:00", actor: be, do: open, door: room-door }',
    '{ at: "0:01:01", actor: be, do: move, to: room }',
    '{ at: "0:02:00", actor: be, do: approach, target: om }',
  ],
  until: '0:04:00',
  ...(overrides && { overrides }),
});
const YOUNG = 'al: { name: Al, representation: alpha, age: 19, self_control: 0.3, at: room }';
const VETERAN =
  'al: { name: Al, representation: alpha, age: 50, self_control: 0.9, habituation: 0.9, at: room }';

describe('protect', () => {
  it('an alpha who identifies an omega grows protective, scaled by affinity', () => {
    const close = run({ ...guardScene(YOUNG), extra: 'relations:\n  - { between: [al, om], affinity: 1 }' });
    const distant = run({
      ...guardScene(YOUNG),
      extra: 'relations:\n  - { between: [al, om], affinity: 0.4 }',
    });
    const protect = (w: World) => find(w.events, 'drive', 'al', 'om').find((e) => e.value === 'protect')!;
    expect(protect(close).data['affinity-with-subject']).toBe(1);
    expect(Number(protect(close).data.toward)).toBeGreaterThan(Number(protect(distant).data.toward) * 2);
  });

  it('habituation reduces it', () => {
    const affinity = 'relations:\n  - { between: [al, om], affinity: 1 }';
    const young = run({ ...guardScene(YOUNG), extra: affinity });
    const habituated = run({
      ...guardScene('al: { representation: alpha, age: 19, self_control: 0.3, habituation: 0.9, at: room }'),
      extra: affinity,
    });
    const toward = (w: World) =>
      Number(find(w.events, 'drive', 'al', 'om').find((e) => e.value === 'protect')!.data.toward);
    expect(toward(habituated)).toBeCloseTo((toward(young) * (1 - 0.5 * 0.9)) / (1 - 0.5 * 0.1), 2);
  });

  it('without the rule, nothing is protected and nobody is guarded', () => {
    const world = run(guardScene(YOUNG, '{ rules.protect-identified-omega.enabled: false }'));
    expect(find(world.events, 'drive', 'al').filter((e) => e.value === 'protect')).toHaveLength(0);
    expect(find(world.events, 'restrain')).toHaveLength(0);
  });
});

describe('guard', () => {
  it('a young alpha snarls, then restrains whoever approaches the protected omega', () => {
    const world = run(guardScene(YOUNG));
    const snarl = find(world.events, 'snarl', 'al', 'be')[0]!;
    const restrain = find(world.events, 'restrain', 'al', 'be')[0]!;
    expect(snarl.t).toBe(120);
    expect(restrain.t).toBe(121);
    expect(Number(restrain.data.aggression)).toBeGreaterThan(Number(restrain.data.threshold));
    // The restrained cannot walk away while held.
    expect(world.whereIs('be')).toBe('room');
  });

  it('a composed, habituated alpha resists instead', () => {
    const world = run({
      ...guardScene(VETERAN),
      extra: 'relations:\n  - { between: [al, om], affinity: 1 }',
    });
    expect(find(world.events, 'resist', 'al', 'be')).toHaveLength(1);
    expect(find(world.events, 'restrain')).toHaveLength(0);
  });

  it('aiming at or touching the omega is a threat too; switching the approach rule off removes that one only', () => {
    const aim = run({
      ...guardScene(YOUNG, '{ rules.guard-approach.enabled: false }'),
      characters: [
        YOUNG,
        'om: { representation: omega, age: 30, at: room }',
        'be: { representation: beta, age: 30, at: hall, carries: [blaster] }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: be, do: open, door: room-door }',
        '{ at: "0:01:01", actor: be, do: move, to: room }',
        '{ at: "0:02:00", actor: be, do: approach, target: om }',
        '{ at: "0:03:00", actor: be, do: aim, target: om }',
      ],
    });
    expect(find(aim.events, 'drive', 'al', 'be').map((e) => e.data.rule)).toEqual(['guard-aim']);
    expect(find(aim.events, 'restrain', 'al', 'be')[0]!.t).toBeGreaterThanOrEqual(180);
  });

  it('youth and lack of habituation amplify the impulse', () => {
    const world = run(guardScene(YOUNG));
    const impulse = find(world.events, 'drive', 'al', 'be')[0]!;
    expect(impulse.data.youth).toBeCloseTo(1 + (0.5 * (25 - 19)) / 7, 3);
    expect(Number(impulse.data.unhabituated)).toBeGreaterThan(1.8);
  });
});

describe('de-escalation', () => {
  const calming = (extra: string[], overrides?: string) =>
    run({
      ...guardScene(YOUNG, overrides),
      characters: [
        YOUNG,
        'om: { representation: omega, age: 30, at: room }',
        'be: { representation: beta, age: 30, at: hall }',
        'doc: { representation: beta, age: 50, at: room }',
      ],
      timeline: [...guardScene(YOUNG).timeline, ...extra],
      extra: 'relations:\n  - { between: [al, doc], trust: 0.9 }',
    });

  it("the protected omega's touch makes the alpha release", () => {
    const world = calming(['{ at: "0:02:10", actor: om, do: touch, target: al }']);
    const release = find(world.events, 'release', 'al', 'be')[0]!;
    expect(release.t).toBe(130);
    expect(world.event(release.causes[0]!)!.data.rule).toBe('calm-omega-touch');
  });

  it('without the rule, the touch does not calm', () => {
    const world = calming(
      ['{ at: "0:02:10", actor: om, do: touch, target: al }'],
      '{ rules.calm-omega-touch.enabled: false }',
    );
    expect(find(world.events, 'release').filter((e) => e.t === 130)).toHaveLength(0);
  });

  it("a beta's submissive posture, a trusted reassurance and a sensed truth each calm", () => {
    const world = calming([
      '{ at: "0:02:10", actor: doc, do: approach, target: al }',
      '{ at: "0:02:11", actor: doc, do: submit, target: al }',
      '{ at: "0:02:12", actor: doc, do: reassure, target: al }',
      '{ at: "0:02:13", actor: doc, do: say, to: al, text: "She is safe." }',
    ]);
    const calms = find(world.events, 'drive', 'al').filter((e) => e.value === 'calm');
    expect(calms.map((e) => e.data.rule)).toEqual([
      'calm-beta-submits',
      'calm-reassured',
      'calm-truth-sensed',
    ]);
    for (const c of calms) expect(Number(c.data.level)).toBeLessThan(Number(c.data.before));
    expect(calms[1]!.data['trust-in-event-actor']).toBe(0.9);
  });
});

describe('discomfort', () => {
  const omegaNear = (omega: string, overrides?: string) =>
    run({
      characters: ['al: { representation: alpha, age: 30, at: room }', omega],
      timeline: ['{ at: "0:00:10", actor: al, do: approach, target: om }'],
      until: '0:06:00',
      ...(overrides && { overrides }),
    });

  it('an omega near a strong unfamiliar alpha scent shivers', () => {
    const world = omegaNear('om: { representation: omega, age: 20, habituation: 0, at: room }');
    const shiver = find(world.events, 'shiver', 'om', 'al');
    expect(shiver).toHaveLength(1);
    expect(world.bodyState('om').agitation).toBeGreaterThan(0);
  });

  it('habituation eases it', () => {
    expect(
      find(omegaNear('om: { representation: omega, age: 20, habituation: 0.95, at: room }').events, 'shiver'),
    ).toHaveLength(0);
  });

  it('without the rule, no shiver', () => {
    const world = omegaNear(
      'om: { representation: omega, age: 20, habituation: 0, at: room }',
      '{ rules.discomfort-strong-alpha.enabled: false }',
    );
    expect(find(world.events, 'shiver')).toHaveLength(0);
  });
});

describe('longing', () => {
  const base = [
    'al: { representation: alpha, age: 20, at: room }',
    'om: { representation: omega, age: 30, at: room }',
  ];
  it("an alpha drawn to an omega whines when the omega's touch ends", () => {
    const world = run({
      characters: base,
      timeline: [
        '{ at: "0:01:00", actor: om, do: touch, target: al }',
        '{ at: "0:01:30", actor: om, do: withdraw, target: al }',
      ],
      extra: 'relations:\n  - { between: [al, om], affinity: 1 }',
    });
    expect(find(world.events, 'whine', 'al', 'om').map((e) => [e.t, e.data.reason])).toEqual([
      [90, 'touch-ended'],
    ]);
  });

  it('...or when the omega sends them away', () => {
    const world = run({
      characters: base,
      timeline: ['{ at: "0:01:00", actor: om, do: order, target: al, demand: { do: move, to: hall } }'],
      extra: 'relations:\n  - { between: [al, om], affinity: 1 }',
    });
    expect(find(world.events, 'whine', 'al', 'om').map((e) => e.data.reason)).toEqual(['sent-away']);
  });

  it('without the rule, no whine', () => {
    const world = run({
      characters: base,
      timeline: [
        '{ at: "0:01:00", actor: om, do: touch, target: al }',
        '{ at: "0:01:30", actor: om, do: withdraw, target: al }',
      ],
      overrides: '{ rules.longing-touch-ends.enabled: false }',
      extra: 'relations:\n  - { between: [al, om], affinity: 1 }',
    });
    expect(find(world.events, 'whine')).toHaveLength(0);
  });
});

describe('the age rule', () => {
  it('no longing moves toward or from anyone under 18, whatever the canon', () => {
    const world = run({
      characters: [
        'al: { representation: alpha, age: 30, at: room }',
        'kid: { representation: omega, age: 16, at: room }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: kid, do: touch, target: al }',
        '{ at: "0:01:30", actor: kid, do: withdraw, target: al }',
      ],
      // (A relation with chemistry between them is refused at load: the shield is tested at run time.)
      overrides: '{ rules.longing-touch-ends.amount: 10 }',
    });
    expect(world.drives('al').kid?.longing).toBeUndefined();
    expect(find(world.events, 'whine')).toHaveLength(0);
    // Protecting a child is not barred: it is not longing.
    expect(world.drives('al').kid?.protect).toBeGreaterThan(0);
  });

  /** An adult omega in pre-heat (her heat due in four hours), with `other` in the room for an hour and a quarter. */
  const preHeat = (other: string) =>
    run({
      characters: [
        'om: { name: Om, representation: omega, age: 30, at: room, cycle: { period: 28d, duration: 3d, variability: "0d", onsets: ["-28d at 04:00"] } }',
        other,
      ],
      until: '1:15:00',
    });

  it("a minor's scent never brings an adult's heat forward, nor does that of someone of no given age", () => {
    const adult = preHeat('al: { representation: alpha, age: 30, at: room }');
    expect(find(adult.events, 'heat-advanced', 'om', 'al').length).toBeGreaterThan(0);
    for (const other of [
      'al: { representation: alpha, age: 16, at: room }',
      'al: { representation: alpha, at: room }',
    ]) {
      const shielded = preHeat(other);
      expect(find(shielded.events, 'heat-advanced')).toEqual([]);
      expect(find(shielded.events, 'drive', 'al').filter((e) => e.value === 'longing')).toEqual([]);
    }
  });

  it('nobody under 18, or of no given age, recognises a heat as such', () => {
    const inHeat = (other: string) =>
      run({
        characters: [
          'om: { name: Om, representation: omega, age: 30, at: room, cycle: { variability: "0d", onsets: ["-1d"] } }',
          other,
        ],
        until: '0:05:00',
      });
    expect(
      find(inHeat('b: { representation: beta, age: 30, at: room }').events, 'recognise-heat', 'b'),
    ).toHaveLength(1);
    for (const other of [
      'b: { representation: beta, age: 17, at: room }',
      'b: { representation: beta, at: room }',
    ]) {
      const world = inHeat(other);
      expect(find(world.events, 'recognise-heat')).toEqual([]);
    }
  });
});

describe('orders', () => {
  it('rank decides between equals in belief', () => {
    const low = World.create(
      scene({
        characters: [
          'g: { representation: beta, age: 30, at: room, rank: 0 }',
          'r: { representation: beta, age: 30, at: room, rank: 3 }',
        ],
        timeline: ['{ at: "0:01:00", actor: g, do: order, target: r, demand: { do: withdraw } }'],
      }),
    );
    low.run();
    const high = World.create(
      scene({
        characters: [
          'g: { representation: beta, age: 30, at: room, rank: 3 }',
          'r: { representation: beta, age: 30, at: room, rank: 0 }',
        ],
        timeline: ['{ at: "0:01:00", actor: g, do: order, target: r, demand: { do: withdraw } }'],
      }),
    );
    high.run();
    expect(find(low.events, 'defy', 'r', 'g')).toHaveLength(1);
    expect(find(high.events, 'comply', 'r', 'g')).toHaveLength(1);
    expect(find(high.events, 'withdraw', 'r')[0]!.causes).toEqual([find(high.events, 'comply')[0]!.id]);
  });

  it('an alpha is reluctant to obey someone believed to be a beta, not one known to be an alpha', () => {
    const giver = (presents: string) =>
      `g: { representation: alpha, age: 30, at: room, presents_as: ${presents}, wears: [sealed-helmet], rank: 1 }`;
    const receiver = 'r: { representation: alpha, age: 30, at: room, wears: [sealed-helmet] }';
    const order = ['{ at: "0:01:00", actor: g, do: order, target: r, demand: { do: withdraw } }'];
    const asBeta = World.create(scene({ characters: [giver('beta'), receiver], timeline: order }));
    asBeta.run();
    const asAlpha = World.create(scene({ characters: [giver('alpha'), receiver], timeline: order }));
    asAlpha.run();
    expect(find(asBeta.events, 'defy')[0]!.data['believed-beta']).toBe(
      presets.seeds.orders.believed.alpha.beta,
    );
    expect(find(asAlpha.events, 'comply')[0]!.data['believed-alpha']).toBe(
      presets.seeds.orders.believed.alpha.alpha,
    );
  });

  /** A beta of no rank orders a captain (rank 3) to take her helmet off, then aims a blaster at her at `aimAt`. */
  const standingOrder = (aimAt: string) => {
    const world = World.create(
      scene({
        characters: [
          'g: { representation: beta, age: 30, at: room, rank: 0, carries: [blaster] }',
          'r: { representation: omega, age: 30, at: room, rank: 3, wears: [sealed-helmet] }',
        ],
        timeline: [
          '{ at: "0:01:00", actor: g, do: order, target: r, demand: { do: remove, item: sealed-helmet } }',
          `{ at: "${aimAt}", actor: g, do: aim, target: r }`,
        ],
      }),
    );
    world.run();
    return world;
  };

  it('a weapon aimed at the receiver turns a standing defiance into compliance', () => {
    const world = standingOrder('0:02:00');
    expect(find(world.events, 'defy', 'r')[0]!.t).toBe(60);
    const comply = find(world.events, 'comply', 'r')[0]!;
    expect(comply.t).toBe(120);
    expect(comply.data.coercion).toBe(presets.seeds.orders.coercion);
    expect(world.wearing('r')).not.toContain('sealed-helmet');
  });

  it('an order is weighed only if it can be done, by the requirements the compiler checks', () => {
    const world = World.create(
      scene({
        characters: [
          'g: { representation: beta, age: 30, at: room, rank: 3 }',
          'r: { representation: beta, age: 30, at: room, rank: 0 }',
          'x: { representation: beta, age: 30, at: hall }',
        ],
        timeline: [
          // Moot: r is in the room already, and x is not in it to be reassured.
          '{ at: "0:01:00", actor: g, do: order, target: r, demand: { do: move, to: room } }',
          '{ at: "0:01:00", actor: g, do: order, target: r, demand: { do: reassure, target: x } }',
          // Not moot: r can try the closed door, and fails where everyone sees it.
          '{ at: "0:02:00", actor: g, do: order, target: r, demand: { do: move, to: hall } }',
        ],
      }),
    );
    world.run();
    expect(find(world.events, 'comply', 'r').map((e) => [e.t, e.value])).toEqual([[120, 'move']]);
    expect(find(world.events, 'move', 'r').map((e) => [e.t, e.value])).toEqual([[120, 'blocked']]);
    expect(find(world.events, 'reassure')).toHaveLength(0);
  });

  it('a defied order lapses after the canon’s patience', () => {
    const world = standingOrder('0:07:00');
    expect(find(world.events, 'comply')).toHaveLength(0);
  });
});

describe('consent', () => {
  it('holds whatever the drives: an alpha cannot seize someone who refused them', () => {
    const world = run({
      ...guardScene(YOUNG, '{ rules.guard-approach.amount: 10 }'),
      timeline: [
        '{ at: "0:00:30", actor: be, do: open, door: room-door }',
        '{ at: "0:00:31", actor: be, do: move, to: room }',
        '{ at: "0:01:00", actor: be, do: refuse, target: al }',
        '{ at: "0:02:00", actor: be, do: approach, target: om }',
      ],
    });
    expect(find(world.events, 'restrain')).toHaveLength(0);
    // Blocked once, and not retried while the impulse lasts.
    expect(find(world.events, 'consent-block', 'al', 'be')).toHaveLength(1);
  });

  it('an alpha drawn to someone reaches out only after their consent', () => {
    const world = run({
      characters: [
        'al: { representation: alpha, age: 25, self_control: 0.3, at: room }',
        'om: { representation: omega, age: 30, at: room, cycle: { variability: "0d", onsets: ["-27d 20:00"] } }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: al, do: approach, target: om }',
        '{ at: "0:05:00", actor: om, do: consent, target: al }',
      ],
      extra: 'relations:\n  - { between: [al, om], affinity: 1 }',
    });
    const touches = find(world.events, 'touch', 'al', 'om');
    expect(find(world.events, 'resist', 'al', 'om').every((e) => e.value === 'longing' && e.t < 300)).toBe(
      true,
    );
    expect(find(world.events, 'resist', 'al', 'om').length).toBeGreaterThan(0);
    expect(touches.map((e) => e.t)).toEqual([300]);
  });
});

describe('bonds', () => {
  const pair = (timeline: string[]) =>
    run({
      characters: [
        'al: { representation: alpha, age: 30, at: room }',
        'om: { representation: omega, age: 30, at: room }',
        'om2: { representation: omega, age: 30, at: room }',
        'be: { representation: beta, age: 30, at: room }',
      ],
      timeline,
    });

  it('a mark needs both characters’ consent, then forms a bond', () => {
    const refused = pair(['{ at: "0:01:00", actor: al, do: mark, target: om }']);
    expect(find(refused.events, 'consent-block', 'al', 'om')[0]!.data.reason).toBe('no consent');
    expect(find(refused.events, 'bond')).toHaveLength(0);
    const bonded = pair([
      '{ at: "0:01:00", actor: om, do: consent, target: al }',
      '{ at: "0:01:10", actor: al, do: mark, target: om }',
    ]);
    expect(find(bonded.events, 'bond', 'al', 'om')).toHaveLength(1);
  });

  it('a bonded alpha reacts far less to other omegas, and others smell the bond', () => {
    const free = pair([]);
    const bonded = pair([
      '{ at: "0:00:01", actor: om, do: consent, target: al }',
      '{ at: "0:00:02", actor: al, do: mark, target: om }',
    ]);
    const protect = (w: World) => w.drives('al').om2?.protect ?? 0;
    expect(protect(free)).toBeGreaterThan(0.2);
    expect(protect(bonded)).toBeCloseTo(protect(free) * presets.seeds.bonds.damping, 3);
    expect(find(bonded.events, 'recognise-bond', 'om2', 'al').map((e) => e.value)).toEqual(['om']);
  });
});

describe('rules are data, validated at load', () => {
  const withOverride = (override: string) =>
    loadScenario(
      `omegaverse: 1\ncanon_overrides:\n  ${override}\nplaces:\n  room: { volume: 50, ventilation: 1 }\ncharacters:\n  a: { representation: alpha, at: room }\n`,
      'rules.yaml',
    );

  it('accepts the presets', () => {
    expect(validateRules(presets.seeds.rules)).toEqual([]);
    expect(validateRules(presets.classic.rules)).toEqual([]);
  });

  it('rejects an unknown drive, with the position of the override', () => {
    const result = withOverride('rules.guard-approach.drive: rage');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 3, column: 31 });
    expect(result.errors[0]!.message).toContain("rule 'guard-approach': unknown drive 'rage'");
  });

  it('rejects a rule that can never fire', () => {
    const result = withOverride('rules.guard-approach.feels: []');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toContain('nobody feels it: it can never fire');
    const mixed = withOverride('rules.guard-approach.on: presence');
    expect(mixed.ok).toBe(false);
  });

  it('accepts a new rule written in the vocabulary', () => {
    const result = withOverride(
      'rules.betas-guard-too: { mechanic: guard, feels: [beta], on: approach, when: [event-in-feeler-place], drive: aggression, toward: event-actor, change: add, amount: 0.2 }',
    );
    expect(result.ok).toBe(true);
  });

  it('the classic preset has its own number for every rule', () => {
    for (const [id, rule] of Object.entries(presets.classic.rules))
      expect(rule.amount, id).not.toBe(presets.seeds.rules[id]!.amount);
  });

  it('betas unable to smell is a one-line override', () => {
    const world = run({
      characters: [
        'be: { representation: beta, age: 30, at: room }',
        'om: { representation: omega, age: 30, at: room, cycle: { onsets: ["-1d"] } }',
      ],
      overrides: '{ representations.beta.sensitivity: 0 }',
    });
    expect(find(world.events, 'detect', 'be')).toHaveLength(0);
    expect(find(world.events, 'recognise-heat', 'be')).toHaveLength(0);
  });
});
