/** Characters for the calendar's table-driven tests, built in code. */
import { presets } from '../src/canon/index.js';
import type { CharacterDef, WorldDefinition } from '../src/model/definition.js';

/** A day, in seconds. */
export const D = 86_400;

export function person(id: string, name: string, extra: Partial<CharacterDef> = {}): CharacterDef {
  return {
    id,
    name,
    representation: 'beta',
    // Adults: the age rule keeps calendars from anyone else (see calendar-redact.test.ts).
    age: 30,
    selfControl: 0.5,
    notes: [],
    at: 'base',
    wears: [],
    carries: [],
    medication: [],
    knows: [],
    ...extra,
  };
}

/** Kylo Ren, an omega with 30-day cycles (3-day heats), and onsets on the given days. */
export function omega(onsetDays: number[], extra: Partial<CharacterDef> = {}): CharacterDef {
  return person('kylo', 'Kylo Ren', {
    representation: 'omega',
    cycle: { period: 30 * D, duration: 3 * D, variability: 2 * D, onsets: onsetDays.map((d) => d * D) },
    ...extra,
  });
}

/** A one-room world (canon `seeds`) for the calendar: what is not given is empty. */
export function definitionOf(
  given: Partial<WorldDefinition> & Pick<WorldDefinition, 'title' | 'characters'>,
): WorldDefinition {
  return {
    seed: 1,
    canonName: 'seeds',
    canon: presets.seeds,
    clock: 0,
    places: [{ id: 'base', name: 'Base', volume: 100, ventilation: 2 }],
    doors: [],
    relations: [],
    timeline: [],
    roster: [],
    until: 200 * D,
    expectations: [],
    ...given,
  };
}
