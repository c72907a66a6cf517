/**
 * The beats view: which events a reader is told, folded how, in which paragraphs, and the lasting
 * states read from the running world (the air, a drive held, a body's heat), each told as it crosses
 * a level and recalled while it lasts.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import type { WorldDefinition } from '../src/model/definition.js';
import { keepsBeat } from '../src/narrate/beats/beat.js';
import { tellRun } from '../src/narrate/beats/narrator.js';
import { formatLog, formatStory } from '../src/narrate/format.js';
import { compile, scene } from './helpers.js';

/** The run told in beats, as text without its title and footer. */
function beats(def: WorldDefinition): string[] {
  const world = World.create(def);
  return formatStory(tellRun(world), world.definition, 'text').split('\n').slice(1, -2);
}

/** A hall of `n` people (a, b, c…), and one more waiting outside who comes in at 0:02:00. */
function hall(n: number): WorldDefinition {
  const names = 'abcdefghijklmnopqrstuvwxyz'.slice(0, n).split('');
  return compile(
    [
      'omegaverse: 1',
      'places:',
      '  mess: { volume: 2000, ventilation: 6 }',
      '  corridor: { volume: 300, ventilation: 4 }',
      'doors: [{ id: mess-door, between: [mess, corridor], state: open }]',
      'characters:',
      ...names.map((id) => `  ${id}: { representation: beta, age: 30, at: mess }`),
      '  kell: { representation: beta, age: 30, pronouns: he, at: corridor }',
      'timeline: [{ at: "0:02:00", actor: kell, do: move, to: mess }]',
      'until: "0:03:00"',
    ].join('\n'),
  );
}

describe('beats: what a reader is told', () => {
  it('folds a meeting’s assumptions into a line: everyone, or each arrival', () => {
    const told = beats(hall(5));
    expect(told[0]).toBe(
      '00:00:00 +0:00:00  Everyone in the mess took one another for betas (no scent, no record).',
    );
    expect(told[1]).toBe(
      '00:02:00 +0:02:00  Kell went from the corridor into the mess. He took everyone else in the mess for betas, and was taken for one in turn.',
    );
    const full = formatLog(World.create(hall(5)).run(), hall(5), 'text');
    expect(full.match(/for a beta \(assumed/g)).toHaveLength(5 * 4 + 2 * 5);
  });

  it('two who took each other for what they present as: one line; a smell that puts one right at once, instead', () => {
    const two = (ada: string) =>
      beats(
        scene({
          characters: [
            `ada: { ${ada}, age: 30, at: room }`,
            'bo: { representation: beta, age: 30, at: room }',
          ],
          // The levels, not one nose's draw: every threshold at the canon's.
          overrides: '{ perception.thresholdNoise: 0 }',
        }),
      )[0];
    expect(two('representation: beta')).toBe(
      '00:00:00 +0:00:00  Ada and Bo took each other for betas (no scent, no record).',
    );
    // An omega passing for a beta, in settled air: Bo smells what she is at once.
    expect(two('representation: omega, presents_as: beta')).toBe(
      '00:00:00 +0:00:00  Ada took Bo for a beta (no scent, no record). Bo caught a scent of honey and rain: Ada is an omega.',
    );
  });

  it('leaves out a scent caught in the same room, and an identification of what one already took them for', () => {
    const def = scene({
      characters: [
        'ada: { name: Ada, pronouns: she, representation: alpha, age: 30, at: room }',
        'bo: { name: Bo, pronouns: he, representation: beta, age: 30, at: room }',
        'cy: { name: Cy, pronouns: he, representation: omega, age: 30, at: room, wears: [sealed-helmet] }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: bo, do: approach, target: ada }',
        '{ at: "0:02:00", actor: cy, do: remove, item: sealed-helmet }',
      ],
    });
    const world = World.create(def);
    world.run();
    // The full log has them…
    expect(world.events.some((e) => e.type === 'detect')).toBe(true);
    expect(world.events.some((e) => e.type === 'identify' && e.actor === 'ada' && e.target === 'bo')).toBe(
      true,
    );
    const told = beats(def).join('\n');
    // …the beats, only what changes what anyone believes.
    expect(told).not.toMatch(/caught \w+'s scent/);
    expect(told).not.toContain('Bo is a beta');
    expect(told).toMatch(/caught a scent of [a-z ,]+: Ada is an alpha/);
    expect(told).toMatch(/Ada caught a scent of [a-z ,]+: Cy is an omega/);
    expect(told).not.toContain('now believes');
  });

  it('tells the scent on one’s own skin when a shower or a helmet makes one notice it still there', () => {
    const def = scene({
      characters: [
        'ada: { name: Ada, pronouns: she, representation: omega, age: 30, at: room, carries: [sealed-helmet] }',
        'bo: { name: Bo, pronouns: he, representation: alpha, age: 30, at: room }',
      ],
      timeline: [
        '{ at: "0:00:10", actor: ada, do: consent, target: bo }',
        '{ at: "0:00:20", actor: ada, do: touch, target: bo }',
        '{ at: "0:00:30", actor: bo, do: open, door: room-door }',
        '{ at: "0:00:31", actor: bo, do: move, to: hall }',
        '{ at: "1:00:00", actor: ada, do: shower }',
        '{ at: "2:00:00", actor: ada, do: wear, item: sealed-helmet }',
      ],
      until: '2:10:00',
    });
    const told = beats(def);
    expect(told.find((l) => l.startsWith('01:00:00'))).toBe(
      "01:00:00 +1:00:00  Ada showered. She still smelled Bo's scent on her own skin.",
    );
    expect(told.find((l) => l.startsWith('02:00:00'))).toContain(
      "She still smelled Bo's scent on her own skin.",
    );
  });

  it('groups what happens within a minute into a paragraph, moving on with "Seconds later", "Then"…', () => {
    const def = scene({
      characters: [
        'ada: { name: Ada, pronouns: she, representation: beta, age: 30, at: room }',
        'bo: { name: Bo, pronouns: he, representation: beta, age: 30, at: room }',
      ],
      timeline: [
        '{ at: "0:02:00", actor: ada, do: approach, target: bo }',
        '{ at: "0:02:05", actor: bo, do: say, text: "Hello." }',
        '{ at: "0:02:40", actor: ada, do: withdraw }',
        '{ at: "0:04:00", actor: bo, do: shower }',
      ],
    });
    expect(beats(def).slice(1)).toEqual([
      '00:02:00 +0:02:00  Ada came close to Bo. Seconds later, Bo said: “Hello.” Then Ada sensed that Bo was not lying. Half a minute later, she stepped back from Bo.',
      '00:04:00 +0:04:00  Bo showered.',
    ]);
  });

  it('tells a crowd who caught the same scent at once in one sentence, naming three and counting the rest', () => {
    const alphas = ['ada', 'bo', 'cy', 'di', 'ed', 'fay'];
    const def = scene({
      characters: [
        ...alphas.map((id) => `${id}: { representation: alpha, age: 30, at: room }`),
        'om: { name: Om, pronouns: she, representation: omega, age: 30, at: room, wears: [sealed-helmet] }',
      ],
      timeline: ['{ at: "0:01:00", actor: om, do: remove, item: sealed-helmet }'],
    });
    const world = World.create(def);
    world.run();
    const identified = world.events.filter((e) => e.type === 'identify' && e.target === 'om');
    expect(new Set(identified.map((e) => e.t)).size).toBe(1);
    expect(identified.map((e) => e.actor).sort()).toEqual(alphas);
    const told = beats(def).join('\n');
    expect(told).toMatch(/Ada, Bo, Cy and three others caught a scent of [a-z ,]+: Om is an omega\./);
    expect(told.match(/: Om is an omega/g)).toHaveLength(1);
  });

  it('leaves out stepping back from nobody, and tells stepping back from someone close', () => {
    const def = scene({
      characters: [
        'ada: { name: Ada, pronouns: she, representation: beta, age: 30, at: room }',
        'bo: { name: Bo, pronouns: he, representation: beta, age: 30, at: room }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: ada, do: withdraw }',
        '{ at: "0:02:00", actor: ada, do: approach, target: bo }',
        '{ at: "0:03:00", actor: bo, do: withdraw }',
      ],
    });
    const told = beats(def).join('\n');
    expect(told).not.toContain('00:01:00');
    expect(told).toContain('Ada came close to Bo.');
    expect(told).toContain('Bo stepped back from Ada.');
  });

  it('tells people who went the same way at once in one sentence', () => {
    const def = scene({
      characters: [
        'ada: { representation: beta, age: 30, at: room }',
        'bo: { representation: beta, age: 30, at: room }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: ada, do: open, door: room-door }',
        '{ at: "0:02:00", actor: ada, do: move, to: hall }',
        '{ at: "0:02:00", actor: bo, do: move, to: hall }',
      ],
    });
    expect(beats(def).at(-1)).toBe('00:02:00 +0:02:00  Ada and Bo went from the room into the hall.');
  });

  it('a filter keeps the beats that tell an event it keeps, and lasting states by their type and people', () => {
    const e = { id: 1, t: 0, type: 'shiver' as const, actor: 'ada', target: 'bo', data: {}, causes: [] };
    const told = { t: 0, events: [e], types: ['shiver'], about: ['ada', 'bo'], tell: () => '' };
    const held = { t: 0, events: [], types: ['drive'], about: ['bo', 'ada'], tell: () => '' };
    expect(keepsBeat({ only: new Set(['shiver']) }, told)).toBe(true);
    expect(keepsBeat({ only: new Set(['drive']) }, told)).toBe(false);
    expect(keepsBeat({ about: new Set(['cy']) }, told)).toBe(false);
    expect(keepsBeat({ only: new Set(['drive']), about: new Set(['ada']) }, held)).toBe(true);
    expect(keepsBeat({ only: new Set(['shiver']) }, held)).toBe(false);
  });
});

describe('beats: lasting states', () => {
  // An omega in heat alone in a small room; an alpha comes in and closes the door; she never consents.
  const heat = scene({
    characters: [
      'ada: { name: Ada, pronouns: she, representation: omega, age: 30, at: room, cycle: { period: 30d, duration: 3d, variability: 0d, onsets: ["-30d 1:00"] } }',
      'bo: { name: Bo, pronouns: he, representation: alpha, age: 30, self_control: 0.3, at: hall }',
    ],
    timeline: [
      '{ at: "0:10:00", actor: bo, do: open, door: room-door }',
      '{ at: "0:10:01", actor: bo, do: move, to: room }',
      '{ at: "0:10:05", actor: bo, do: close, door: room-door }',
    ],
    until: '2:00:00',
    overrides: '{ narration.bodyReminder: 1h }',
  });
  const told = beats(heat);

  it('a heat filling a room: the air told at its level, then recalled every half hour on the scene’s clock', () => {
    expect(told[0]).toBe('00:00:00 +0:00:00  Ada is in heat. Her scent in the room was overwhelming.');
    expect(told).toContain('00:30:00 +0:30:00  The air in the room was still overwhelming, half an hour on.');
  });

  it('a pull held above the line of self-control, recalled while it lasts; a heat, recalled at its own interval', () => {
    expect(told).toContain(
      '01:00:00 +1:00:00  Ada was still in heat, two hours in. The air in the room was still overwhelming, an hour on. Bo still felt the pull toward Ada, an hour on.',
    );
    expect(told).toContain(
      '01:30:00 +1:30:00  The air in the room was still overwhelming, an hour and a half on. Bo still felt the pull toward Ada, an hour and a half on.',
    );
  });

  it('scent thickening behind a closed door: each level it rises through, told once', () => {
    const def = scene({
      characters: [
        'ada: { name: Ada, pronouns: she, representation: alpha, age: 30, at: hall }',
        'bo: { name: Bo, pronouns: he, representation: alpha, age: 30, at: hall }',
      ],
      timeline: [
        '{ at: "0:01:00", actor: ada, do: open, door: room-door }',
        '{ at: "0:01:01", actor: ada, do: move, to: room }',
        '{ at: "0:01:01", actor: bo, do: move, to: room }',
        '{ at: "0:01:05", actor: ada, do: close, door: room-door }',
      ],
      until: '1:00:00',
      // Two alphas in a small closed room reach about 6 u/m³ in the hour: levels a little under that.
      overrides: '{ narration.scent.faint: 1, narration.scent.clear: 2, narration.scent.thick: 4 }',
    });
    const text = beats(def).join('\n');
    const levels = ['A faint scent', 'smelled clearly of', 'grew thick with'].map((words) =>
      text.indexOf(words),
    );
    expect(levels.every((at) => at > 0)).toBe(true);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    expect(text.match(/grew thick with/g)).toHaveLength(1);
  });

  it('a long run recalls its lasting states less often: at most `narration.recalls` reminders’ instants', () => {
    const month = scene({
      characters: [
        'ada: { name: Ada, pronouns: she, representation: omega, age: 30, at: room, cycle: { period: 60d, duration: 3d, variability: 0d, onsets: ["-60d 1:00"] } }',
      ],
      until: '30d',
    });
    // Every 30d ÷ 50 = 14.4 hours instead of every six: four times within a heat of three days.
    const recalled = beats(month).filter((line) => line.includes('Ada was still in heat'));
    expect(recalled.map((line) => line.split('  ')[0])).toEqual([
      '14:24:00 +14:24:00',
      'day 2 04:48:00 +1d 4:48:00',
      'day 2 19:12:00 +1d 19:12:00',
      'day 3 09:36:00 +2d 9:36:00',
    ]);
  });

  it('reading the world as it runs changes nothing that happens', () => {
    const plain = World.create(heat);
    plain.run();
    const told = World.create(heat);
    tellRun(told);
    expect(JSON.stringify(told.events)).toBe(JSON.stringify(plain.events));
    expect(JSON.stringify(told.snapshot().state)).toBe(JSON.stringify(plain.snapshot().state));
  });

  it('the same scenario and seed tell the same beats, byte for byte', () => {
    expect(beats(heat)).toEqual(told);
  });
});
