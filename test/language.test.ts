/** Narration's language: pronouns, short names, places with their article and preposition, calendar phrases, words said. */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import type { WorldEvent } from '../src/model/events.js';
import { namesOf, narrate } from '../src/narrate/language/narrate.js';
import {
  dayPhrase,
  laterPhrase,
  listing,
  spokenDuration,
  withArticle,
} from '../src/narrate/language/phrases.js';
import { Voice } from '../src/narrate/language/voice.js';
import { parseClock } from '../src/units/time.js';
import { compile } from './helpers.js';

/** A scene with the given characters and places lines (YAML flow maps), and an optional timeline. */
function world(
  characters: string[],
  places: string[] = ['room: { volume: 60, ventilation: 2 }'],
  timeline: string[] = [],
) {
  return compile(
    [
      'omegaverse: 1',
      'seed: 4',
      'clock: "21:00"',
      'places:',
      ...places.map((p) => `  ${p}`),
      'characters:',
      ...characters.map((c) => `  ${c}`),
      timeline.length ? 'timeline:' : '',
      ...timeline.map((a) => `  - ${a}`),
    ].join('\n'),
  );
}

let nextId = 1;
const event = (fields: Partial<WorldEvent> & Pick<WorldEvent, 'type'>): WorldEvent => ({
  id: nextId++,
  t: 0,
  data: {},
  causes: [],
  ...fields,
});

const cast = world([
  'vesna: { name: Vesna, pronouns: she, representation: omega, at: room }',
  'kade: { name: Kade, pronouns: he, representation: alpha, at: room }',
  'okafor: { name: Dr. Mira Okafor, pronouns: they, representation: beta, at: room }',
  'ren: { name: Kylo Ren, short_name: Ren, pronouns: he, representation: omega, at: room }',
  'xe: { name: Sol, pronouns: { subject: xe, object: xem, possessive: xyr, reflexive: xemself }, representation: beta, at: room }',
  'pat: { name: Pat, representation: beta, at: room }',
]);
const names = namesOf(cast);
const say = (e: WorldEvent) => narrate(e, names);

describe('pronouns', () => {
  it('each character is referred to by their own: she, he, they, it or a set written out', () => {
    expect(say(event({ type: 'restrain', actor: 'vesna', target: 'kade' }))).toBe(
      'Vesna seized Kade and held him back.',
    );
    expect(say(event({ type: 'restrain', actor: 'kade', target: 'vesna' }))).toBe(
      'Kade seized Vesna and held her back.',
    );
    expect(say(event({ type: 'restrain', actor: 'kade', target: 'pat' }))).toBe(
      'Kade seized Pat and held them back.',
    );
    expect(say(event({ type: 'submit', actor: 'xe', target: 'kade' }))).toBe(
      'Sol lowered xyr head, arms loose, before Kade.',
    );
    expect(
      say(event({ type: 'detect', actor: 'vesna', target: 'kade', data: { via: 'residue', again: true } })),
    ).toBe("Vesna still smelled Kade's scent on her own skin.");
  });

  it('a teller speaking of themself: the subject pronoun, with its verb', () => {
    const tell = (actor: string, target: string, about: string) =>
      say(event({ type: 'tell', actor, target, value: 'beta', data: { about } }));
    expect(tell('vesna', 'kade', 'vesna')).toBe('Vesna told Kade that she is a beta.');
    expect(tell('pat', 'kade', 'pat')).toBe('Pat told Kade that they are a beta.');
    expect(tell('xe', 'kade', 'xe')).toBe('Sol told Kade that xe is a beta.');
    // Two men: "he" could be either, so the teller is "he himself".
    expect(tell('ren', 'kade', 'ren')).toBe('Kylo Ren told Kade that he himself is a beta.');
    // About the listener: "he", unless the teller could be meant too.
    expect(tell('vesna', 'kade', 'kade')).toBe('Vesna told Kade that he is a beta.');
    expect(tell('ren', 'kade', 'kade')).toBe('Kylo Ren told Kade that Kade is a beta.');
    // About a third party: by name.
    expect(tell('vesna', 'kade', 'pat')).toBe('Vesna told Kade that Pat is a beta.');
  });

  it('a scenario file checks them: a named set, or all four forms', () => {
    expect(cast.characters.find((c) => c.id === 'xe')!.pronouns).toEqual({
      subject: 'xe',
      object: 'xem',
      possessive: 'xyr',
      reflexive: 'xemself',
    });
    expect(() => world(['a: { representation: beta, at: room, pronouns: shee }'])).toThrow(
      /unknown pronouns 'shee'[\s\S]*did you mean 'she'\?/,
    );
    expect(() =>
      world([
        'a: { representation: beta, at: room, pronouns: { subject: xe, object: xem, possessive: xyr } }',
      ]),
    ).toThrow(/a pronoun set needs 'reflexive'/);
  });
});

describe('names in a paragraph', () => {
  it('the full name at the first mention, the short name after', () => {
    const voice = new Voice(names);
    const order = event({ type: 'order', actor: 'okafor', target: 'ren', value: 'shower' });
    const refusal = event({ type: 'defy', actor: 'ren', target: 'okafor', value: 'shower' });
    expect(narrate(order, names, { voice })).toBe('Dr. Mira Okafor ordered Kylo Ren to shower.');
    expect(narrate(refusal, names, { voice })).toBe("Ren defied Okafor's order to shower.");
    // A sentence alone is a paragraph of its own.
    expect(narrate(refusal, names)).toBe("Kylo Ren defied Dr. Mira Okafor's order to shower.");
  });

  it('short names: the surname after a title, the first name otherwise; a role or a numbered name whole', () => {
    expect(names.short('okafor')).toBe('Okafor');
    expect(names.short('ren')).toBe('Ren');
    expect(names.short('vesna')).toBe('Vesna');
    const more = namesOf(
      world([
        'a: { name: General Hux, representation: alpha, at: room }',
        'b: { name: Medical Officer, representation: beta, at: room }',
        'c: { name: Kade Ostrow, representation: alpha, at: room }',
        'd: { name: Crew 12, representation: beta, at: room }',
        'e: { name: Kylo Ren, short_name: Ren, representation: omega, at: room }',
      ]),
    );
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => more.short(id))).toEqual([
      'Hux',
      'Medical Officer',
      'Kade',
      'Crew 12',
      'Ren',
    ]);
  });
});

describe('places', () => {
  const places = namesOf(
    world(
      ['a: { representation: beta, at: hall }'],
      [
        'hall: { volume: 60, ventilation: 2 }',
        'cloakroom: { name: Cloakroom, volume: 10, ventilation: 2 }',
        'terrace: { volume: 300, ventilation: 20 }',
        'flat: { name: The flat, volume: 60, ventilation: 1 }',
        'anchor: { name: The Rusty Anchor, volume: 200, ventilation: 4 }',
        'hux: { name: "Hux\'s quarters", volume: 45, ventilation: 1 }',
        'eng: { name: Engineering, article: none, volume: 300, ventilation: 4 }',
        'bridge: { name: Bridge, volume: 800, ventilation: 6 }',
        'stop: { name: bus stop, preposition: at, volume: 100, ventilation: 30 }',
      ],
    ),
  );

  it('each with its own article: "the", a name that brings its own, or none', () => {
    expect(places.place('cloakroom')).toBe('the cloakroom');
    expect(places.place('flat')).toBe('the flat');
    expect(places.place('anchor')).toBe('The Rusty Anchor');
    expect(places.place('hux')).toBe("Hux's quarters");
    expect(places.place('eng')).toBe('Engineering');
  });

  it('each with its own preposition, for going there and being there', () => {
    expect(places.into('cloakroom')).toBe('into the cloakroom');
    expect(places.into('terrace')).toBe('out onto the terrace');
    expect(places.where('terrace')).toBe('out on the terrace');
    expect(places.into('bridge')).toBe('onto the bridge');
    expect(places.where('bridge')).toBe('on the bridge');
    expect(places.into('stop')).toBe('to the bus stop');
    expect(places.into('flat')).toBe('into the flat');
  });

  it('a move says where from and where to', () => {
    const move = event({ type: 'move', actor: 'a', place: 'terrace', data: { from: 'hall', to: 'terrace' } });
    expect(narrate(move, places)).toBe('A went from the hall out onto the terrace.');
  });
});

describe('stepping back', () => {
  const withdraw = (data: WorldEvent['data'], target?: string) =>
    say(event({ type: 'withdraw', actor: 'ren', ...(target && { target }), data }));

  it('without a target, from everyone who was close, by name; from nobody, just a step back', () => {
    expect(withdraw({ from: ['kade'] })).toBe('Kylo Ren stepped back from Kade.');
    expect(withdraw({ from: ['kade', 'vesna', 'okafor'] })).toBe(
      'Kylo Ren stepped back from Kade, Vesna and Dr. Mira Okafor.',
    );
    expect(withdraw({})).toBe('Kylo Ren stepped back.');
    expect(withdraw({}, 'vesna')).toBe('Kylo Ren stepped back from Vesna.');
  });
});

describe('calendar phrases', () => {
  const clock = parseClock('21:00')!;
  const hour = 3600;

  it('say the day as a person would: today, tomorrow, yesterday, days ago, or the scenario’s day', () => {
    expect(dayPhrase(clock, 0, 2 * hour)).toBe('23:00 today');
    expect(dayPhrase(clock, 0, 13 * hour)).toBe('10:00 tomorrow');
    expect(dayPhrase(clock, 0, -24 * hour)).toBe('21:00 yesterday');
    expect(dayPhrase(clock, 0, -6 * 24 * hour - 11 * hour)).toBe('10:00 six days ago');
    expect(dayPhrase(clock, 0, 9 * 24 * hour - 14 * hour)).toBe('day 10, 07:00');
  });

  it('a rescheduled event: the day and time, then when that is', () => {
    const def = world(
      [
        'hux: { name: General Hux, pronouns: he, representation: alpha, at: room }',
        'ren: { name: Kylo Ren, pronouns: he, representation: omega, at: room }',
      ],
      undefined,
    );
    const moved = event({
      type: 'reschedule',
      t: hour,
      actor: 'hux',
      target: 'ren',
      value: 'next week',
      data: { event: 'crait', from: 13 * hour, to: 9 * 24 * hour + 17 * hour, leave: ['hux', 'ren'] },
    });
    expect(narrate(moved, namesOf(def))).toBe(
      'General Hux moved crait to day 11, 14:00 — next week; he and Kylo Ren will be on leave.',
    );
  });

  it('lengths and gaps of time as a person says them', () => {
    expect(spokenDuration(30 * 60)).toBe('half an hour');
    expect(spokenDuration(90 * 60)).toBe('an hour and a half');
    expect(spokenDuration(5 * hour)).toBe('five hours');
    expect(spokenDuration(2.5 * 24 * hour)).toBe('two and a half days');
    expect(laterPhrase(3)).toBe('Seconds later');
    expect(laterPhrase(30)).toBe('Half a minute later');
    expect(listing(['A', 'B', 'C'])).toBe('A, B and C');
    expect(withArticle('omega')).toBe('an omega');
  });
});

describe('words said', () => {
  const def = world(
    [
      'ada: { name: Ada, pronouns: she, representation: omega, at: room }',
      'bo: { name: Bo, pronouns: he, representation: alpha, at: room }',
    ],
    undefined,
    [
      '{ at: "0:00:10", actor: ada, do: refuse, target: bo, text: "Not tonight." }',
      '{ at: "0:00:20", actor: bo, do: order, target: ada, text: "Kneel.", demand: { do: submit, target: bo } }',
    ],
  );
  const words = namesOf(def);

  it('a refusal and an order say the words they were given', () => {
    const world = World.create(def);
    world.run();
    const said = world.events.filter((e) => e.type === 'refuse' || e.type === 'order');
    expect(said.map((e) => narrate(e, words))).toEqual([
      'Ada refused Bo: “Not tonight.”',
      'Bo ordered Ada to lower her head before him: “Kneel.”',
    ]);
  });

  it('a refusal without words gets one of the usual ones, fixed by the seed and the instant', () => {
    const lines = new Set<string>();
    for (let t = 1; t <= 40; t++) {
      const refusal = {
        id: 1,
        t,
        type: 'refuse' as const,
        actor: 'ada',
        target: 'bo',
        data: {},
        causes: [],
      };
      const line = narrate(refusal, words);
      expect(line).toBe(narrate(refusal, words));
      lines.add(line);
    }
    expect(lines.size).toBeGreaterThan(3);
    expect([...lines].every((l) => /^Ada refused Bo: “.+”$/.test(l))).toBe(true);
  });

  it('every demand has its own verb: a submission is not "stand down"', () => {
    const order = (value: string, data: Record<string, string> = {}) =>
      narrate(event({ type: 'defy', actor: 'ada', target: 'bo', value, data }), words);
    expect(order('submit')).toBe("Ada defied Bo's order to lower her head.");
    expect(order('approach', { target: 'bo' })).toBe("Ada defied Bo's order to come close to him.");
    expect(order('request-leave')).toBe("Ada defied Bo's order to ask for leave.");
    expect(order('remove', { item: 'sealed-helmet' })).toBe(
      "Ada defied Bo's order to take off the sealed helmet.",
    );
  });
});
