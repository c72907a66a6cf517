/**
 * Actions at run time: `world.act` takes every kind of action a timeline can hold, refuses what the
 * scenario compiler would refuse with the same words, and keeps what it takes in the state, so that a
 * restored world goes on identically and a run replayed from its choices is the same run.
 * `world.choices` offers only what `act` takes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ActResult, World } from '../src/engine/world.js';
import type { WorldDefinition } from '../src/model/definition.js';
import { ACTION_KINDS, type ActionBody, type ActionKind } from '../src/vocabulary/actions.js';
import { bundled, compile, ROOT } from './helpers.js';

/** Every kind of action can be taken here, by someone. */
const deck = (): WorldDefinition =>
  compile(`
omegaverse: 1
title: deck
seed: 5
clock: "09:00"
places:
  deck: { volume: 120, ventilation: 3 }
  hold: { volume: 80, ventilation: 2 }
doors:
  - { id: hatch, between: [deck, hold], state: closed }
characters:
  ada: { name: Ada, pronouns: she, representation: alpha, age: 30, at: deck, carries: [blaster, filter-mask], notes: [tar] }
  oli: { name: Oli, pronouns: he, representation: omega, presents_as: beta, age: 28, at: deck, medication: [suppressant], wears: [filter-mask] }
  bo:  { name: Bo, representation: beta, age: 40, at: deck }
  kit: { name: Kit, representation: unpresented, age: 19, at: deck }
  tam: { name: Tam, representation: beta, age: 15, at: deck }
roster:
  - { id: watch, title: Night watch, start: "2d", end: "2d 8:00", participants: [oli, bo] }
until: "1:00:00"
`);

/** A world at its first processed instant. */
function started(def = deck()): World {
  const world = World.create(def);
  world.runUntil(0);
  return world;
}

const accepted: Record<ActionKind, [string, object, string]> = {
  move: ['ada', { do: 'move', to: 'hold' }, 'move'],
  open: ['bo', { do: 'open', door: 'hatch' }, 'door'],
  close: ['bo', { do: 'close', door: 'hatch' }, 'door'],
  wear: ['ada', { do: 'wear', item: 'filter-mask' }, 'gear'],
  remove: ['oli', { do: 'remove', item: 'filter-mask' }, 'gear'],
  approach: ['bo', { do: 'approach', target: 'oli' }, 'approach'],
  withdraw: ['bo', { do: 'withdraw' }, 'withdraw'],
  touch: ['bo', { do: 'touch', target: 'ada' }, 'touch'],
  aim: ['ada', { do: 'aim', target: 'bo' }, 'aim'],
  lower: ['ada', { do: 'lower' }, 'lower'],
  order: ['ada', { do: 'order', target: 'oli', demand: { do: 'remove', item: 'filter-mask' } }, 'order'],
  say: ['bo', { do: 'say', text: 'Easy.' }, 'say'],
  tell: ['oli', { do: 'tell', target: 'bo', about: 'oli', value: 'beta' }, 'tell'],
  refuse: ['oli', { do: 'refuse', target: 'ada' }, 'refuse'],
  consent: ['oli', { do: 'consent', target: 'ada' }, 'consent'],
  submit: ['bo', { do: 'submit', target: 'ada' }, 'submit'],
  reassure: ['bo', { do: 'reassure', target: 'ada' }, 'reassure'],
  shower: ['bo', { do: 'shower' }, 'shower'],
  take: ['bo', { do: 'take', medication: 'suppressant' }, 'medication'],
  stop: ['oli', { do: 'stop', medication: 'suppressant' }, 'medication'],
  mark: ['ada', { do: 'mark', target: 'oli' }, 'consent-block'],
  'request-leave': ['oli', { do: 'request-leave', target: 'bo' }, 'request-leave'],
  present: ['kit', { do: 'present', as: 'omega' }, 'present'],
};

/** What must be done first for the accepted action of each kind to be possible. */
const before: Partial<Record<ActionKind, [string, object][]>> = {
  move: [['ada', { do: 'open', door: 'hatch' }]],
  close: [['bo', { do: 'open', door: 'hatch' }]],
  lower: [['ada', { do: 'aim', target: 'bo' }]],
};

describe('world.act', () => {
  it.each(ACTION_KINDS)(
    'takes a %s, which happens at the next instant and is logged as a scripted one would be',
    (kind) => {
      const world = started();
      for (const [actor, body] of before[kind] ?? []) {
        expect(world.act(actor, body).ok).toBe(true);
        world.step(0);
      }
      const [actor, body, logged] = accepted[kind];
      const t = world.time;
      const result = world.act(actor, body);
      expect(result).toMatchObject({ ok: true, action: { at: t + 1, actor, do: kind } });
      world.step(0);
      expect(world.time).toBe(t + 1);
      const done = world.events.filter((e) => e.t === t + 1 && e.actor === actor && e.type === logged);
      expect(done.length).toBeGreaterThan(0);
      expect(done[0]!.causes).toEqual([]);
    },
  );

  it('takes an action at the start itself when the world has not processed it yet', () => {
    const world = World.create(deck());
    expect(world.act('bo', { do: 'open', door: 'hatch' })).toMatchObject({ ok: true, action: { at: 0 } });
    world.runUntil(0);
    expect(world.events.some((e) => e.type === 'door' && e.t === 0)).toBe(true);
  });

  const refusals: [string, string, unknown, Partial<ActResult>][] = [
    [
      'an unknown actor',
      'ad',
      { do: 'shower' },
      { reason: "unknown character 'ad'", hint: "did you mean 'ada'?" },
    ],
    [
      'an unknown kind',
      'ada',
      { do: 'mvoe', to: 'hold' },
      { reason: "unknown action 'mvoe'", hint: "did you mean 'move'?", field: 'do' },
    ],
    ['no kind', 'ada', { to: 'hold' }, { reason: "missing 'do'" }],
    ['not a map', 'ada', 'move', { reason: "expected an action (a map), got 'move'" }],
    [
      'an unknown field',
      'ada',
      { do: 'shower', soap: true },
      { reason: "unknown key 'soap' in a 'shower' action", field: 'soap' },
    ],
    [
      'a missing field',
      'ada',
      { do: 'move' },
      { reason: "missing 'to'", expected: 'a place id', field: 'to' },
    ],
    [
      'a value of the wrong kind',
      'ada',
      { do: 'say', text: 'hi', truthful: 'yes' },
      { reason: "expected true or false, got 'yes'", field: 'truthful' },
    ],
    [
      'a move nowhere',
      'ada',
      { do: 'move', to: 'deck' },
      { reason: 'Ada is already in the deck at 0:00:01', field: 'to' },
    ],
    [
      'a move through a closed door',
      'ada',
      { do: 'move', to: 'hold' },
      {
        reason: 'Ada cannot move from the deck to the hold at 0:00:01: hatch is closed',
        hint: 'open hatch first: { do: open, door: hatch }',
      },
    ],
    [
      'an unknown place',
      'ada',
      { do: 'move', to: 'hod' },
      { reason: "unknown place 'hod'", hint: "did you mean 'hold'?" },
    ],
    ['an unknown door', 'bo', { do: 'open', door: 'hatc' }, { reason: "unknown door 'hatc'", field: 'door' }],
    [
      'wearing what is worn',
      'oli',
      { do: 'wear', item: 'filter-mask' },
      { reason: 'Oli already wears the filter-mask at 0:00:01' },
    ],
    [
      'wearing what is not carried',
      'bo',
      { do: 'wear', item: 'filter-mask' },
      { reason: 'Bo does not carry a filter-mask at 0:00:01' },
    ],
    [
      'taking off what is not worn',
      'ada',
      { do: 'remove', item: 'filter-mask' },
      { reason: 'Ada does not wear a filter-mask at 0:00:01', hint: 'it is carried: wear it first' },
    ],
    ['an unknown item', 'ada', { do: 'remove', item: 'hat' }, { reason: "unknown item 'hat'" }],
    [
      'approaching oneself',
      'bo',
      { do: 'approach', target: 'bo' },
      { reason: 'Bo cannot approach themself', field: 'target' },
    ],
    [
      'approaching an unknown character',
      'bo',
      { do: 'approach', target: 'oly' },
      { reason: "unknown character 'oly'", hint: "did you mean 'oli'?" },
    ],
    [
      'touching someone elsewhere',
      'bo',
      { do: 'touch', target: 'nobody' },
      { reason: "unknown character 'nobody'" },
    ],
    [
      'aiming without a weapon',
      'bo',
      { do: 'aim', target: 'ada' },
      { reason: 'Bo carries no weapon at 0:00:01' },
    ],
    [
      'aiming what is not a weapon',
      'ada',
      { do: 'aim', target: 'bo', item: 'filter-mask' },
      { reason: 'a filter-mask is not a weapon' },
    ],
    [
      'an order for consent',
      'ada',
      { do: 'order', target: 'oli', demand: { do: 'consent', target: 'ada' } },
      { reason: "a 'consent' cannot be ordered: consent cannot be ordered", field: 'demand.do' },
    ],
    [
      'an order for an order',
      'ada',
      { do: 'order', target: 'oli', demand: { do: 'order', target: 'bo', demand: { do: 'shower' } } },
      { reason: 'an order cannot demand another order' },
    ],
    [
      'the voice from a beta',
      'bo',
      { do: 'order', target: 'oli', voice: true, demand: { do: 'shower' } },
      { reason: 'Bo is a beta: only an alpha has the command voice', field: 'voice' },
    ],
    [
      'telling an unknown representation',
      'oli',
      { do: 'tell', target: 'bo', about: 'oli', value: 'gamma' },
      { reason: "expected a representation, got 'gamma'", field: 'value' },
    ],
    [
      'refusing someone unknown',
      'oli',
      { do: 'refuse', target: 'adda' },
      { reason: "unknown character 'adda'" },
    ],
    [
      'consenting to oneself',
      'oli',
      { do: 'consent', target: 'oli' },
      { reason: 'Oli cannot consent themself' },
    ],
    [
      'submitting to someone unknown',
      'bo',
      { do: 'submit', target: 'x' },
      { reason: "unknown character 'x'" },
    ],
    ['reassuring no one', 'bo', { do: 'reassure' }, { reason: "missing 'target'" }],
    [
      'showering with a target',
      'bo',
      { do: 'shower', target: 'ada' },
      { reason: "unknown key 'target' in a 'shower' action" },
    ],
    [
      'taking an unknown medication',
      'bo',
      { do: 'take', medication: 'tea' },
      { reason: "unknown medication 'tea'" },
    ],
    ['stopping with no medication named', 'oli', { do: 'stop' }, { reason: "missing 'medication'" }],
    [
      'marking a minor',
      'ada',
      { do: 'mark', target: 'tam' },
      { reason: 'Tam is 15: no heat, rut, longing, mark or bond can involve a character under 18' },
    ],
    [
      'asking leave from an unknown event',
      'oli',
      { do: 'request-leave', event: 'party' },
      { reason: "unknown roster event 'party'" },
    ],
    [
      'presenting twice',
      'ada',
      { do: 'present', as: 'omega' },
      { reason: 'Ada has presented already at 0:00:01: Ada is an alpha' },
    ],
    [
      'presenting as unpresented',
      'kit',
      { do: 'present', as: 'unpresented' },
      { reason: 'one presents as an alpha, a beta or an omega' },
    ],
  ];

  it.each(refusals)('refuses %s, saying why', (_, actor, body, expected) => {
    const world = started();
    const result = world.act(actor, body);
    expect(result).toMatchObject({ ok: false, ...expected });
    expect(world.played).toEqual([]);
  });

  it('refuses what the world no longer allows: an approach to someone who has left', () => {
    const world = started();
    world.act('bo', { do: 'open', door: 'hatch' });
    world.step(0);
    world.act('oli', { do: 'move', to: 'hold' });
    world.step(0);
    expect(world.act('ada', { do: 'approach', target: 'oli' })).toMatchObject({
      ok: false,
      reason: 'Oli is in the hold at 0:00:03, not in the deck',
      hint: 'Ada can only approach someone in the same place',
    });
  });

  it('an action the world has made moot by the time it happens does not happen', () => {
    const world = started();
    expect(world.act('oli', { do: 'remove', item: 'filter-mask' }).ok).toBe(true);
    expect(world.act('oli', { do: 'remove', item: 'filter-mask' }).ok).toBe(true);
    world.step(0);
    expect(world.events.filter((e) => e.type === 'gear' && e.actor === 'oli')).toHaveLength(1);
  });
});

describe('world.choices', () => {
  it('offers, at the start of the deck, what each can do', () => {
    const world = started();
    const choices = (id: string) => world.choices(id).map((c) => JSON.stringify(c));
    expect(choices('oli')).toEqual(
      expect.arrayContaining([
        '{"do":"open","door":"hatch"}',
        '{"do":"remove","item":"filter-mask"}',
        '{"do":"approach","target":"ada"}',
        '{"do":"tell","target":"bo","about":"oli","value":"omega"}',
        '{"do":"tell","target":"bo","about":"oli","value":"beta"}',
        '{"do":"stop","medication":"suppressant"}',
        '{"do":"request-leave","target":"bo"}',
      ]),
    );
    expect(choices('ada')).toEqual(
      expect.arrayContaining([
        '{"do":"wear","item":"filter-mask"}',
        '{"do":"aim","target":"oli","item":"blaster"}',
        '{"do":"order","target":"oli","demand":{"do":"remove","item":"filter-mask"},"voice":true}',
      ]),
    );
    expect(choices('kit')).toEqual(expect.arrayContaining(['{"do":"present","as":"omega"}']));
    // Nothing moot: no moving through a closed door, no lowering an unaimed weapon, no order the
    // other could not obey, no mark without consent, no closeness one already has.
    for (const id of ['ada', 'oli', 'bo', 'kit', 'tam'])
      expect(choices(id).filter((c) => /"do":"(move|close|lower|mark|withdraw|shower)"/.test(c))).toEqual([]);
  });

  it('changes as the scene does: a refusal takes away what it would block, a consent lets a mark through', () => {
    const world = started();
    world.act('oli', { do: 'refuse', target: 'ada' });
    world.step(0);
    const ada = () => world.choices('ada').map((c) => JSON.stringify(c));
    expect(ada().filter((c) => /^\{"do":"(approach|touch|mark)","target":"oli"/.test(c))).toEqual([]);
    expect(world.choices('oli')).toContainEqual({ do: 'consent', target: 'ada' });
    world.act('oli', { do: 'consent', target: 'ada' });
    world.step(0);
    expect(ada()).toContain('{"do":"mark","target":"oli"}');
    expect(ada()).toContain('{"do":"approach","target":"oli"}');
  });

  const scenes = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  it.each(scenes)('%s: at several instants, everyone’s choices are each accepted by act', (name) => {
    const def = bundled(name);
    const world = World.create(def);
    for (const at of [0, def.until / 3, (2 * def.until) / 3, def.until].map(Math.round)) {
      world.runUntil(at);
      const saved = world.snapshot();
      for (const c of def.characters) {
        const choices = world.choices(c.id);
        expect(choices.length, `${c.id} at ${at}`).toBeGreaterThan(0);
        for (const choice of choices) {
          const copy = World.restore(saved);
          expect(copy.act(c.id, choice), `${c.id} at ${at}: ${JSON.stringify(choice)}`).toMatchObject({
            ok: true,
          });
        }
      }
    }
  });
});

describe('a played run', () => {
  /** Plays the medbay as Phasma: her scripted actions out, these choices in, at these instants. */
  function playMedbay(choices: [number, ActionBody][]): World {
    const def = bundled('medbay.yaml');
    const world = World.create({ ...def, timeline: def.timeline.filter((a) => a.actor !== 'phasma') });
    for (const [at, body] of choices) {
      world.runUntil(at);
      expect(world.act('phasma', body)).toMatchObject({ ok: true });
    }
    world.run();
    return world;
  }
  const CHOICES: [number, ActionBody][] = [
    [120, { do: 'refuse', target: 'finn' }],
    [150, { do: 'remove', item: 'sealed-helmet' }],
    [305, { do: 'touch', target: 'rey' }],
    [420, { do: 'tell', target: 'rey', about: 'phasma', value: 'beta' }],
    [600, { do: 'open', door: 'medbay-door' }],
    [610, { do: 'move', to: 'corridor' }],
  ];

  it('replayed from its log of choices, is the same run, event for event', () => {
    const world = playMedbay(CHOICES);
    expect(world.played.map((a) => a.at)).toEqual([121, 151, 306, 421, 601, 611]);
    const replay = World.create(world.definition, { played: world.played });
    replay.run();
    expect(JSON.stringify(replay.events)).toBe(JSON.stringify(world.events));
    expect(world.events.some((e) => e.type === 'gear' && e.actor === 'phasma' && e.t === 151)).toBe(true);
    expect(world.events.some((e) => e.type === 'move' && e.actor === 'phasma' && e.t === 611)).toBe(true);
  });

  it('saved and restored in the middle of play (an action taken, not yet done), goes on identically', () => {
    const original = playMedbay(CHOICES);
    const def = original.definition;
    const world = World.create(def);
    world.runUntil(120);
    world.act('phasma', { do: 'refuse', target: 'finn' });
    world.runUntil(150);
    world.act('phasma', { do: 'remove', item: 'sealed-helmet' });
    const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
    expect(restored.played).toEqual(world.played);
    for (const [at, body] of CHOICES.slice(2)) {
      restored.runUntil(at);
      restored.act('phasma', body);
    }
    restored.run();
    expect(JSON.stringify(restored.events)).toBe(JSON.stringify(original.events));
  });

  it('a world nobody played saves as it did before: no trace of play in its state', () => {
    const world = World.create(deck());
    world.run();
    expect('played' in world.snapshot().state).toBe(false);
  });
});
