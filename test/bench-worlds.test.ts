/**
 * The benchmarks' worlds built without a scenario text stand for the ones loaded from it: the same
 * definition, so that a case timed on the built one measures what the loaded one would.
 */
import { describe, expect, it } from 'vitest';
import { crew, crewDefinition } from '../bench/worlds.js';

describe('crewDefinition', () => {
  it('equals the loaded crew, past the pattern its characters repeat', () => {
    expect(crewDefinition(600, 1500, '365d')).toEqual(crew(600, 1500, '365d'));
  });

  it('equals the loaded crew when the crew is smaller than the pattern', () => {
    expect(crewDefinition(40, 90, '30d')).toEqual(crew(40, 90, '30d'));
  });
});
