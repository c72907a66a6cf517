/**
 * The calendar's privacy boundary: a viewer who does not know someone's true representation sees
 * "medical leave" and nothing else about them; one who knows sees the level and the window.
 *
 * Fixture (canon `seeds`, now 25d, clock 00:00): Kylo (omega presenting as alpha, 30d cycles, window
 * 1 = [29d, 31d]) and Phasma (omega presenting as beta, on the suppressant, window [75d, 89d]). Hux
 * (alpha) takes leave with Kylo and knows him; Rey knows Hux's truth (an alpha) but nobody else's.
 */
import { describe, expect, it } from 'vitest';
import {
  calendarNames,
  checkRoster,
  describeConflict,
  forecastAll,
  isRedacted,
  type Knows,
  knowsFrom,
  LEAK_WORDS,
  leaks,
  viewForecasts,
  viewRoster,
} from '../src/calendar/index.js';
import type { WorldDefinition } from '../src/model/definition.js';
import type { WorldEvent } from '../src/model/events.js';
import { D, definitionOf, person } from './calendar-fixtures.js';

const NOW = 25 * D;

const definition: WorldDefinition = definitionOf({
  title: 'redaction',
  characters: [
    person('kylo', 'Kylo Ren', {
      representation: 'omega',
      presentsAs: 'alpha',
      cycle: { period: 30 * D, duration: 3 * D, variability: 2 * D, onsets: [-90 * D, -60 * D, -30 * D, 0] },
    }),
    person('phasma', 'Phasma', {
      representation: 'omega',
      presentsAs: 'beta',
      medication: [{ name: 'suppressant' }],
      cycle: { period: 30 * D, duration: 3 * D, variability: 2 * D, onsets: [-100 * D] },
    }),
    person('hux', 'Armitage Hux', { representation: 'alpha', knows: ['kylo'] }),
    person('rey', 'Rey', { knows: ['hux'] }),
  ],
  roster: [
    {
      id: 'crait',
      title: 'Mission to Crait',
      start: 30 * D,
      end: 32 * D,
      participants: ['kylo', 'rey', 'hux'],
    },
    { id: 'council', title: 'Council', start: 31 * D, end: 31.5 * D, participants: ['hux'] },
    { id: 'gala', title: 'Gala', start: 88 * D, end: 88.5 * D, participants: ['phasma', 'rey'] },
  ],
});

const forecasts = forecastAll(definition, NOW);
const report = checkRoster({ definition, forecasts, partners: [['kylo', 'hux']], now: NOW });
const knows = knowsFrom(definition);
const names = calendarNames(definition);

/** Every number of a character's forecast windows, as text. */
const windowNumbers = (id: string) =>
  (forecasts.get(id)?.windows ?? []).flatMap((w) => [w.from, w.to, w.center]).map(String);

/** The words and numbers that must not reach `viewer` about `subject`. */
function expectNothingAbout(text: string, subject: string) {
  expect(leaks(text)).toEqual([]);
  for (const n of windowNumbers(subject)) expect(text).not.toContain(n);
}

describe('the fixture', () => {
  it('has conflicts for both omegas and Hux on leave with Kylo', () => {
    expect(report.conflicts.map((c) => `${c.event}:${c.character}:${c.level}:${c.via ?? ''}`)).toEqual([
      'crait:hux:likely:kylo',
      'crait:kylo:likely:',
      'council:hux:likely:kylo',
      'gala:phasma:possible:',
    ]);
    // Window numbers are long enough not to turn up by accident in proposals.
    expect(windowNumbers('kylo')).toContain(String(29 * D));
  });
});

describe('viewRoster', () => {
  it.each([
    // viewer, characters whose conflicts they see in full
    ['rey', []],
    ['hux', ['kylo', 'hux']],
    ['kylo', ['kylo', 'hux']],
    ['phasma', ['phasma']],
  ] as const)('%s sees in full only what they know: %j', (viewer, full) => {
    const view = viewRoster(report, viewer, knows);
    expect(view.conflicts).toHaveLength(report.conflicts.length);
    for (const [i, c] of view.conflicts.entries()) {
      const original = report.conflicts[i]!;
      if ((full as readonly string[]).includes(c.character)) {
        expect(c).toEqual(original);
      } else {
        expect(c).toEqual({ event: original.event, character: original.character, reason: 'medical leave' });
        expect(isRedacted(c)).toBe(true);
      }
    }
    expect(view.proposals).toEqual(report.proposals);
  });

  it('shows a viewer who knows nobody nothing about heats, anywhere in the view', () => {
    const text = JSON.stringify(viewRoster(report, 'rey', knows));
    expectNothingAbout(text, 'kylo');
    expectNothingAbout(text, 'phasma');
    expect(text).not.toMatch(/likely|possible|window|via/);
  });

  it('redacts a partner’s leave by the secret it carries, not the partner’s own', () => {
    // Rey knows Hux is an alpha, but not Kylo: Hux's leave with Kylo is still only "medical leave".
    const view = viewRoster(report, 'rey', knows);
    const huxLeave = view.conflicts.filter((c) => c.character === 'hux');
    expect(huxLeave.every(isRedacted)).toBe(true);
  });

  it('a viewer who knows sees the level', () => {
    const text = JSON.stringify(viewRoster(report, 'hux', knows));
    expect(text).toContain('"level":"likely"');
    expect(text).toContain(String(29 * D));
  });
});

describe('viewForecasts', () => {
  it.each([
    ['rey', []],
    ['hux', ['kylo']],
    ['kylo', ['kylo']],
    ['phasma', ['phasma']],
  ] as const)('%s sees the forecasts of %j', (viewer, seen) => {
    const view = viewForecasts(forecasts, viewer, knows);
    expect(view.map((f) => f.character)).toEqual(seen);
    for (const f of view) expect(f).toEqual(forecasts.get(f.character));
    // Nothing of a hidden forecast: not its id, not one of its numbers. (A visible forecast's note may
    // say "cycle": it is shown only to those who know.)
    const text = JSON.stringify(view);
    for (const hidden of ['kylo', 'phasma'].filter((id) => !(seen as readonly string[]).includes(id))) {
      expect(text).not.toContain(`"${hidden}"`);
      for (const n of windowNumbers(hidden)) expect(text).not.toContain(n);
    }
    if (seen.length === 0) expectNothingAbout(text, 'kylo');
  });

  it('accepts a list as well as a map', () => {
    expect(viewForecasts([...forecasts.values()], 'hux', knows)).toEqual(
      viewForecasts(forecasts, 'hux', knows),
    );
  });
});

describe('describeConflict', () => {
  const crait = report.conflicts.find((c) => c.event === 'crait' && c.character === 'kylo')!;
  const huxCrait = report.conflicts.find((c) => c.event === 'crait' && c.character === 'hux')!;

  it('tells one who knows the level and the window', () => {
    // Window [29d, 31d] at 00:00 on day 1 → day 30 00:00 … day 32 00:00, center day 31, ± 1d.
    expect(describeConflict(crait, names, false)).toBe(
      "Kylo Ren's heat is likely during Mission to Crait " +
        '(window day 30 00:00:00 – day 32 00:00:00, onset expected day 31 00:00:00 ± 1d)',
    );
    expect(describeConflict(huxCrait, names, false)).toBe(
      'Armitage Hux is on leave with Kylo Ren, whose heat is likely during Mission to Crait ' +
        '(window day 30 00:00:00 – day 32 00:00:00, onset expected day 31 00:00:00 ± 1d)',
    );
  });

  it('tells anyone else only "medical leave"', () => {
    expect(describeConflict(crait, names, true)).toBe('Kylo Ren: medical leave during Mission to Crait');
    expect(describeConflict(huxCrait, names, true)).toBe(
      'Armitage Hux: medical leave during Mission to Crait',
    );
  });

  it('never leaks through a redacted sentence, for every viewer and conflict', () => {
    for (const viewer of ['rey', 'hux', 'kylo', 'phasma']) {
      for (const c of viewRoster(report, viewer, knows).conflicts) {
        const subject = c.character === 'hux' ? 'kylo' : c.character;
        const known = viewer === subject || knows(viewer, subject);
        const sentence = describeConflict(c, names, !known);
        if (known) expect(sentence).toMatch(/likely|possible/);
        else {
          expectNothingAbout(sentence, subject);
          expect(sentence).not.toMatch(/day \d/);
          expect(sentence).toContain('medical leave');
        }
        // A conflict already redacted stays redacted whatever the flag says.
        if (isRedacted(c)) expect(describeConflict(c, names, false)).toBe(sentence);
      }
    }
  });
});

describe('LEAK_WORDS', () => {
  it('lists the words that give a heat or a rut away', () => {
    expect([...LEAK_WORDS].sort()).toEqual([
      'cycle',
      'heat',
      'omega',
      'pre-heat',
      'pre-rut',
      'rut',
      'suppressant',
    ]);
    expect(leaks('Pre-heat window; Omega on Suppressant')).toEqual([
      'heat',
      'pre-heat',
      'suppressant',
      'omega',
    ]);
    expect(leaks('Kylo Ren: medical leave during Mission to Crait')).toEqual([]);
  });
});

describe('knowsFrom', () => {
  it('reads knows: records, self-knowledge and an open presentation', () => {
    expect(knows('hux', 'kylo')).toBe(true);
    expect(knows('rey', 'kylo')).toBe(false);
    expect(knows('kylo', 'kylo')).toBe(true);
    const open = {
      ...definition,
      characters: definition.characters.map((c) =>
        c.id === 'phasma' ? { ...c, presentsAs: 'omega' as const } : c,
      ),
    };
    expect(knowsFrom(open)('rey', 'phasma')).toBe(true);
  });

  it('tells nobody under 18, or of no given age, of anyone’s heat: they see medical leave', () => {
    const aged = (age: number | undefined) => ({
      ...definition,
      characters: definition.characters.map((c) =>
        c.id === 'hux' ? { ...c, age } : c.id === 'phasma' ? { ...c, presentsAs: 'omega' as const } : c,
      ),
    });
    expect(knowsFrom(aged(30))('hux', 'kylo')).toBe(true);
    for (const age of [16, undefined]) {
      const k = knowsFrom(aged(age));
      // Not from a record, nor from an open presentation; himself only.
      expect([k('hux', 'kylo'), k('hux', 'phasma'), k('hux', 'hux')]).toEqual([false, false, true]);
      expect(viewForecasts(forecastAll(aged(age), NOW), 'hux', k)).toEqual([]);
    }
  });

  it('reads a run’s belief events up to an instant', () => {
    const belief: WorldEvent = {
      id: 1,
      t: 5,
      type: 'belief',
      actor: 'rey',
      target: 'kylo',
      value: 'omega',
      data: { source: 'scent' },
      causes: [],
    };
    const k: Knows = knowsFrom(definition, [belief], 10);
    expect(k('rey', 'kylo')).toBe(true);
    expect(knowsFrom(definition, [belief], 4)('rey', 'kylo')).toBe(false);
    // With a log, the log decides: Hux's record is not in it.
    expect(k('hux', 'kylo')).toBe(false);
  });
});
