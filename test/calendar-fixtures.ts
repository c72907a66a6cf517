/** Characters for the calendar's table-driven tests, built in code. */
import type { CharacterDef } from '../src/core/definition.js';

/** A day, in seconds. */
export const D = 86_400;

export function person(id: string, name: string, extra: Partial<CharacterDef> = {}): CharacterDef {
  return {
    id,
    name,
    representation: 'beta',
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
