/**
 * One test (or a few) per world mechanic of DESIGN.md §1, each on a small scene built for it. Each
 * would fail if its rule were removed or its canon number ignored.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import { World } from '../src/engine/world.js';
import { NOTE_COUNT } from '../src/vocabulary/notes.js';
import { compile, find, scene } from './helpers.js';

const ALPHA = 'al: { representation: alpha, age: 30, at: room }';
const OMEGA = 'om: { representation: omega, age: 30, at: room }';
const BETA = 'be: { representation: beta, age: 30, at: room }';

describe('default assumption', () => {
  it('with no signal and no record, an observer assumes the presented representation, or beta', () => {
    const def = scene({
      characters: [
        'al: { representation: alpha, age: 30, at: room, wears: [sealed-helmet] }',
        'om: { representation: omega, age: 30, at: room, presents_as: alpha, wears: [sealed-helmet] }',
      ],
      until: '0:00:10',
    });
    const world = World.create(def);
    world.run();
    expect(world.belief('om', 'al')).toMatchObject({ value: 'beta', source: 'assumed' });
    expect(world.belief('al', 'om')).toMatchObject({ value: 'alpha', source: 'assumed' });
    expect(find(world.events, 'identify')).toHaveLength(0);
  });

  it('a record gives knowledge from the start', () => {
    const def = scene({
      characters: [ALPHA, 'om: { representation: omega, age: 30, at: hall, knows: [al] }'],
      until: '0:00:01',
    });
    const world = World.create(def);
    world.run();
    expect(world.belief('om', 'al')).toMatchObject({ value: 'alpha', source: 'record', since: 0 });
    expect(world.whoKnows('al', 0).map((k) => k.observer)).toEqual(['om']);
  });
});

describe('smell sensitivity', () => {
  it('a beta takes in about 0.3 of what an alpha does at the same spot', () => {
    const def = scene({
      characters: [ALPHA, 'be: { representation: beta, age: 30, at: room }', OMEGA],
      until: '0:00:01',
    });
    const world = World.create(def);
    world.run();
    const ratio = world.dose('be', 'om').total / world.dose('al', 'om').total;
    expect(ratio).toBeCloseTo(
      presets.seeds.representations.beta.sensitivity / presets.seeds.representations.alpha.sensitivity,
      6,
    );
  });

  it('a beta recognises an omega in heat who walks in, though not a calm omega in ten minutes', () => {
    // The omega steps in from the hall and shuts the door: her scent fills the room over minutes.
    const walkIn = (omega: string) =>
      scene({
        characters: [BETA, omega],
        timeline: [
          '{ at: "0:00:02", actor: om, do: open, door: room-door }',
          '{ at: "0:00:03", actor: om, do: move, to: room }',
          '{ at: "0:00:05", actor: om, do: close, door: room-door }',
        ],
        until: '0:10:00',
      });
    const inHeat = walkIn('om: { representation: omega, age: 30, at: hall, cycle: { onsets: ["-1d"] } }');
    const calm = walkIn('om: { representation: omega, age: 30, at: hall }');
    const hot = World.create(inHeat);
    hot.run();
    const cool = World.create(calm);
    cool.run();
    expect(find(hot.events, 'recognise-heat', 'be', 'om')).toHaveLength(1);
    expect(find(cool.events, 'recognise-heat')).toHaveLength(0);
    expect(find(cool.events, 'identify', 'be', 'om')).toHaveLength(0);
  });
});

describe('near field', () => {
  it('a close emitter gives many times the room level, and only while close', () => {
    const def = scene({
      characters: [ALPHA, OMEGA],
      timeline: [
        '{ at: "0:01:00", actor: al, do: approach, target: om }',
        '{ at: "0:02:00", actor: al, do: withdraw }',
      ],
    });
    const world = World.create(def);
    world.runUntil(59);
    const far = world.dose('al', 'om');
    world.runUntil(60);
    const near = world.dose('al', 'om');
    world.runUntil(120);
    const after = world.dose('al', 'om');
    expect(near.via).toBe('near-field');
    expect(near.total / far.total).toBeGreaterThan(5);
    expect(after.via).toBe('air');
    expect(after.total).toBeLessThan(near.total / 3);
  });

  it('a withdraw without a target parts the actor from everyone close, and its event names them', () => {
    const def = scene({
      characters: [ALPHA, OMEGA, BETA],
      timeline: [
        '{ at: "0:01:00", actor: al, do: approach, target: om }',
        '{ at: "0:01:10", actor: be, do: touch, target: al }',
        '{ at: "0:02:00", actor: al, do: withdraw }',
        '{ at: "0:03:00", actor: al, do: withdraw }',
        '{ at: "0:04:00", actor: al, do: approach, target: om }',
        '{ at: "0:05:00", actor: al, do: withdraw, target: om }',
      ],
    });
    const world = World.create(def);
    world.run();
    expect(find(world.events, 'withdraw', 'al').map(({ t, target, data }) => ({ t, target, data }))).toEqual([
      { t: 120, target: undefined, data: { from: ['om', 'be'], endedTouch: ['be'] } },
      // Nobody close: from nobody.
      { t: 180, target: undefined, data: {} },
      // Named: the target says whom.
      { t: 300, target: 'om', data: {} },
    ]);
  });
});

describe('sealed gear', () => {
  const def = scene({
    characters: [ALPHA, 'om: { representation: omega, age: 30, at: room, wears: [sealed-helmet] }'],
    timeline: [
      '{ at: "0:01:00", actor: om, do: remove, item: sealed-helmet }',
      '{ at: "0:05:00", actor: om, do: wear, item: sealed-helmet }',
    ],
  });

  it('blocks the wearer’s emission; removing it releases the held scent at once', () => {
    const world = World.create(def);
    world.runUntil(59);
    const sealed = world.concentration('room').byEmitter.om!;
    world.runUntil(60);
    const released = world.concentration('room').byEmitter.om!;
    expect(released).toBeGreaterThan(sealed * 10);
    const gear = find(world.events, 'gear', 'om')[0]!;
    expect(Number(gear.data.released)).toBeGreaterThan(0);
    expect(find(world.events, 'identify', 'al', 'om')[0]?.t).toBe(60);
  });

  it('cuts what the wearer smells by the intake factor', () => {
    const world = World.create(def);
    world.runUntil(299);
    const bare = world.dose('om', 'al').total;
    world.runUntil(300);
    const sealed = world.dose('om', 'al').total;
    expect(sealed / bare).toBeCloseTo(presets.seeds.gear['sealed-helmet']!.intakePass, 6);
  });
});

describe('rooms and doors', () => {
  it('closing the door on two people makes their scents thicken over minutes', () => {
    const def = scene({
      characters: [ALPHA, OMEGA],
      timeline: [
        '{ at: "0:00:01", actor: al, do: open, door: room-door }',
        '{ at: "0:30:00", actor: al, do: close, door: room-door }',
      ],
      until: '0:50:00',
    });
    const world = World.create(def);
    const samples: number[] = [];
    for (const t of [1790, 1800, 2100, 2400, 2700]) {
      world.runUntil(t);
      samples.push(world.concentration('room').total);
    }
    for (let i = 2; i < samples.length; i++) expect(samples[i]).toBeGreaterThan(samples[i - 1]!);
    expect(samples[4]! / samples[1]!).toBeGreaterThan(1.5);
  });
});

describe('the settled start', () => {
  const characters = [ALPHA, OMEGA];
  it('puts each scent at its steady state: what a long settle approaches, already settled', () => {
    const steady = World.create(scene({ characters }));
    const week = World.create(scene({ characters, overrides: '{ air.settle: 7d }' }));
    for (const place of ['room', 'hall']) {
      const a = steady.concentration(place).total;
      expect(a).toBeGreaterThan(0);
      expect(Math.abs(a - week.concentration(place).total) / a).toBeLessThan(1e-9);
    }
    // Settled: a step under the same source leaves the plume as it is.
    steady.runUntil(60);
    expect(steady.concentration('room').total).toBe(
      World.create(scene({ characters })).concentration('room').total,
    );
  });

  it('starts with clean air at settle 0, and part-way after a short settle', () => {
    const clean = World.create(scene({ characters, overrides: '{ air.settle: 0 }' }));
    expect(clean.concentration('room').total).toBe(0);
    const short = World.create(scene({ characters, overrides: '{ air.settle: "0:10:00" }' }));
    const steady = World.create(scene({ characters }));
    expect(short.concentration('room').total).toBeGreaterThan(0);
    expect(short.concentration('room').total).toBeLessThan(0.5 * steady.concentration('room').total);
  });

  it('starts a scent whose air never clears from clean air', () => {
    const def = compile(`omegaverse: 1
places:
  vault: { volume: 20, ventilation: 0 }
  room: { volume: 60, ventilation: 2 }
characters:
  al: { representation: alpha, age: 30, at: vault }
  om: { representation: omega, age: 30, at: room }
`);
    const world = World.create(def);
    expect(world.concentration('vault').total).toBe(0);
    expect(world.concentration('room').total).toBeGreaterThan(0);
  });
});

describe('residue', () => {
  const def = scene({
    characters: [ALPHA, 'om: { representation: omega, age: 30, at: room, carries: [sealed-helmet] }'],
    timeline: [
      '{ at: "0:01:00", actor: al, do: touch, target: om }',
      '{ at: "0:02:00", actor: om, do: open, door: room-door }',
      '{ at: "0:02:01", actor: om, do: move, to: hall }',
      '{ at: "0:02:02", actor: om, do: close, door: room-door }',
      '{ at: "2:00:00", actor: om, do: shower }',
      '{ at: "2:30:00", actor: om, do: shower }',
      '{ at: "3:00:00", actor: om, do: wear, item: sealed-helmet }',
    ],
    until: '3:00:00',
  });

  it('decays over hours, a shower removes part, and it stays inside a helmet’s seal', () => {
    const world = World.create(def);
    world.runUntil(3600);
    const one = world.dose('om', 'al');
    world.runUntil(7199);
    // Alone, the world checks in every quiet tick: the last instant before the shower may be earlier.
    const before = world.time;
    const beforeShower = world.dose('om', 'al').byRoute.residue;
    world.runUntil(7200);
    const afterShower = world.dose('om', 'al').byRoute.residue;
    const decay = 0.5 ** ((7200 - before) / presets.seeds.residue.halfLife);
    expect(one.via).toBe('residue');
    expect(afterShower / beforeShower).toBeCloseTo((1 - presets.seeds.residue.showerRemoval) * decay, 9);
    world.run();
    const underHelmet = find(world.events, 'detect', 'om', 'al').at(-1)!;
    expect(underHelmet).toMatchObject({ t: 10800, data: { via: 'residue', again: true } });
    expect(world.dose('om', 'al').total).toBeGreaterThan(presets.seeds.perception.detect);
  });

  it('fades on a nose that cannot smell it as on anyone (others still smell it on them)', () => {
    const numb = scene({
      characters: [OMEGA, BETA],
      timeline: ['{ at: "0:01:00", actor: om, do: touch, target: be }'],
      until: '3:00:00',
      overrides: '{ representations: { beta: { sensitivity: 0 } } }',
    });
    const world = World.create(numb);
    // om is character 0, be character 1: the residue be carries of om.
    const onBeta = () => {
      const { holder, other, residue } = world.snapshot().state.pairs;
      const slot = holder.findIndex((h, i) => h === 1 && other[i] === 0);
      return residue.slice(slot * NOTE_COUNT, (slot + 1) * NOTE_COUNT).reduce((sum, x) => sum + x, 0);
    };
    world.runUntil(120);
    const before = onBeta();
    world.runUntil(120 + presets.seeds.residue.halfLife);
    expect(before).toBeGreaterThan(0);
    expect(onBeta() / before).toBeCloseTo(0.5, 9);
  });

  it('decays exactly between two showers, however long the quiet stretch between them', () => {
    const world = World.create(def);
    world.runUntil(7200);
    const a = world.dose('om', 'al').byRoute.residue;
    world.runUntil(9000);
    const b = world.dose('om', 'al').byRoute.residue;
    expect(world.time).toBe(9000);
    const expected =
      (1 - presets.seeds.residue.showerRemoval) * 0.5 ** (1800 / presets.seeds.residue.halfLife);
    expect(b / a).toBeCloseTo(expected, 9);
  });
});

describe('suppressants', () => {
  it('cut the omega note to a trace under a beta-like note: a beta at arm’s reach misses it, a close alpha does not', () => {
    const def = scene({
      characters: [
        ALPHA,
        BETA,
        'om: { representation: omega, age: 30, at: room, presents_as: beta, medication: [suppressant] }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: be, do: approach, target: om }',
        '{ at: "0:03:00", actor: al, do: approach, target: om }',
      ],
    });
    const world = World.create(def);
    world.run();
    expect(find(world.events, 'identify', 'be', 'om')).toHaveLength(0);
    const caught = find(world.events, 'identify', 'al', 'om');
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({ t: 180, value: 'omega', data: { via: 'near-field' } });
    const masked = world.dose('al', 'om').notes;
    expect(masked.beta).toBeGreaterThan(masked.omega);
  });

  it('stretch the cycle: the next heat comes a suppressed period after the last', () => {
    const def = scene({
      characters: [
        'om: { representation: omega, age: 30, at: room, medication: [suppressant], cycle: { period: 28d, onsets: ["-170d"] } }',
      ],
      // A minute's resolution is plenty for a body alone; phase changes still fall on their instants.
      overrides: '{ air.tick: 60 }',
      until: '15d',
    });
    const world = World.create(def);
    world.run();
    const onset = find(world.events, 'heat-onset', 'om')[0]!;
    expect(onset.t).toBe(presets.seeds.suppressant.period - 170 * 86400);
    const end = find(world.events, 'heat-end', 'om')[0]!;
    expect(end.t - onset.t).toBe(presets.seeds.suppressant.duration);
  });
});

describe('heat cycle', () => {
  it('apart, an alpha next door still catches the heat within the hour: the world does not jump past it', () => {
    const next = (door: string) =>
      scene({
        characters: [
          'om: { representation: omega, age: 30, at: room, cycle: { period: 28d, variability: "0d", onsets: ["-27d 12:00"] } }',
          'al: { representation: alpha, age: 30, at: hall }',
        ],
        timeline: [`{ at: "0:00:01", actor: al, do: ${door}, door: room-door }`],
        until: '14:00',
      });
    const open = World.create(next('open'));
    open.run();
    const caught = find(open.events, 'recognise-heat', 'al', 'om')[0];
    expect(caught?.t).toBeGreaterThanOrEqual(12 * 3600);
    // The hall fills over tens of minutes; apart, noses are checked every quiet tick, not at the end.
    expect(caught?.t).toBeLessThanOrEqual(13 * 3600);
    expect((caught!.t - 12 * 3600) % 600).toBe(0);
    // Behind a closed door the heat never reaches him.
    const closed = World.create(next('close'));
    closed.run();
    expect(find(closed.events, 'recognise-heat', 'al', 'om')).toHaveLength(0);
  });

  it('pre-heat strengthens the scent before onset, and heat strengthens it more', () => {
    const def = scene({
      characters: [
        'om: { representation: omega, age: 30, at: room, cycle: { period: 28d, variability: "0d", onsets: ["-27d 12:00"] } }',
        BETA,
      ],
      until: '14:00',
    });
    const world = World.create(def);
    const samples: number[] = [];
    for (const t of [0, 6 * 3600, 11.9 * 3600, 13 * 3600]) {
      world.runUntil(t);
      samples.push(world.dose('be', 'om').total);
    }
    expect(find(world.events, 'pre-heat', 'om')[0]).toMatchObject({ t: 0, data: { ongoing: true } });
    expect(find(world.events, 'heat-onset', 'om')[0]?.t).toBe(12 * 3600);
    for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeGreaterThan(samples[i - 1]!);
  });
});

describe('lies', () => {
  const def = scene({
    characters: [
      ALPHA,
      BETA,
      'om: { representation: omega, age: 30, at: room }',
      'far: { representation: alpha, age: 30, at: room }',
    ],
    timeline: [
      '{ at: "0:01:00", actor: al, do: approach, target: om }',
      '{ at: "0:01:10", actor: om, do: tell, target: al, about: om, value: beta }',
      '{ at: "0:05:00", actor: om, do: say, text: "I slept well.", truthful: true }',
    ],
  });

  it('a lie adds a sour note that a close nose detects, and the lie is not believed', () => {
    const world = World.create(def);
    world.run();
    const lie = find(world.events, 'lie-detected', 'al', 'om');
    expect(lie).toHaveLength(1);
    expect(lie[0]!.t).toBe(70 + presets.seeds.lies.sniffDelay);
    expect(world.belief('al', 'om')?.value).toBe('omega');
  });

  it('the absence of the sour note is noticed by a close nose; a far one cannot tell', () => {
    const world = World.create(def);
    world.run();
    expect(find(world.events, 'truth-sensed', 'al', 'om').map((e) => e.t)).toEqual([
      300 + presets.seeds.lies.sniffDelay,
    ]);
    expect(find(world.events, 'truth-sensed', 'be', 'om')).toHaveLength(0);
    expect(find(world.events, 'truth-sensed', 'far', 'om')).toHaveLength(0);
    expect(find(world.events, 'lie-detected', 'be')).toHaveLength(0);
    expect(find(world.events, 'lie-detected', 'far')).toHaveLength(0);
  });
});

describe('identification ladder', () => {
  it('presence is detected before (or as) the representation is identified, each with its numbers', () => {
    const def = scene({
      characters: [ALPHA, 'om: { representation: omega, age: 30, at: hall }'],
      timeline: [
        '{ at: "0:00:30", actor: om, do: open, door: room-door }',
        '{ at: "0:00:31", actor: om, do: move, to: room }',
        '{ at: "0:00:32", actor: om, do: close, door: room-door }',
      ],
      until: '0:30:00',
    });
    const world = World.create(def);
    world.run();
    const detect = find(world.events, 'detect', 'al', 'om')[0]!;
    const identify = find(world.events, 'identify', 'al', 'om')[0]!;
    expect(detect.id).toBeLessThan(identify.id);
    expect(Number(identify.data.dose)).toBeGreaterThanOrEqual(Number(identify.data.threshold));
    const belief = find(world.events, 'belief', 'al', 'om').at(-1)!;
    expect(belief).toMatchObject({ value: 'omega', data: { source: 'scent' } });
    expect(belief.causes).toContain(identify.id);
  });

  it('a canon override moves the threshold', () => {
    const def = scene({
      characters: [ALPHA, OMEGA],
      overrides: '{ perception.identify: 1000 }',
      until: '0:01:00',
    });
    const world = World.create(def);
    world.run();
    expect(find(world.events, 'identify')).toHaveLength(0);
  });
});

describe('beliefs from words', () => {
  it('a told fact replaces an assumption, but not what a nose has established', () => {
    const def = scene({
      characters: [
        'be: { representation: beta, age: 30, at: room }',
        'al: { representation: alpha, age: 30, at: room }',
        'om: { representation: omega, age: 30, at: room, wears: [sealed-helmet], presents_as: beta }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: al, do: tell, target: be, about: om, value: omega }',
        '{ at: "0:02:00", actor: be, do: tell, target: al, about: om, value: beta }',
      ],
    });
    const world = World.create(def);
    world.runUntil(30);
    expect(world.belief('be', 'om')).toMatchObject({ value: 'beta', source: 'assumed' });
    world.run();
    expect(world.belief('be', 'om')).toMatchObject({ value: 'omega', source: 'told' });
    expect(world.whoKnows('om').map((k) => [k.observer, k.how])).toEqual([['be', 'told']]);
  });
});

describe('consent', () => {
  it('after a refusal, every approach, touch or mark from the refused toward the refuser is blocked', () => {
    const def = scene({
      characters: [ALPHA, OMEGA],
      timeline: [
        '{ at: "0:01:00", actor: om, do: refuse, target: al }',
        '{ at: "0:02:00", actor: al, do: approach, target: om }',
        '{ at: "0:03:00", actor: al, do: touch, target: om }',
        '{ at: "0:04:00", actor: al, do: mark, target: om }',
        '{ at: "0:05:00", actor: om, do: approach, target: al }',
      ],
    });
    const world = World.create(def);
    world.run();
    expect(find(world.events, 'consent-block', 'al', 'om').map((e) => e.value)).toEqual([
      'approach',
      'touch',
      'mark',
    ]);
    expect(find(world.events, 'approach', 'al')).toHaveLength(0);
    expect(find(world.events, 'touch', 'al')).toHaveLength(0);
    expect(find(world.events, 'mark', 'al')).toHaveLength(0);
    // The refuser may still come close themselves.
    expect(find(world.events, 'approach', 'om', 'al')).toHaveLength(1);
    const refusal = find(world.events, 'refuse')[0]!;
    for (const block of find(world.events, 'consent-block')) expect(block.causes).toEqual([refusal.id]);
  });
});

describe('a still world', () => {
  /** How many instants the world lives from its start to `until` seconds. */
  const instants = (world: World, until: number) => {
    let count = 0;
    while (world.time < until) {
      world.step(0);
      count++;
    }
    return count;
  };

  it('jumps to the tick before its next instant when nothing can change: two at work for forty days', () => {
    const def = scene({
      characters: ['al: { representation: alpha, age: 30, self_control: 0.9, at: room }', BETA],
      timeline: ['{ at: "40d", actor: be, do: withdraw }'],
      until: '40d 0:00:05',
    });
    const world = World.create(def);
    expect(instants(world, 40 * 86_400)).toBeLessThan(10);
    // What happened is what ticking would have told: each noticed the other at the start, and the
    // step back at its instant.
    expect(world.events.map((e) => `${e.t} ${e.type} ${e.actor}`)).toEqual(
      World.create(def)
        .run()
        .filter((e) => e.t <= world.time)
        .map((e) => `${e.t} ${e.type} ${e.actor}`),
    );
    expect(find(world.events, 'withdraw', 'be')[0]!.t).toBe(40 * 86_400);
  });

  it('ticks while anything can change: a drive held up by a presence', () => {
    const world = World.create(scene({ characters: [ALPHA, OMEGA] }));
    expect(instants(world, 60)).toBe(60);
  });
});
