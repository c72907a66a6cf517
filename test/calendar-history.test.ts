/**
 * What is known of a cycle at an instant: recorded and lived onsets, which were shifted, and the
 * suppressant regimen from the definition, the timeline or a run's log. Canon `seeds`; D = 86 400 s.
 */
import { describe, expect, it } from 'vitest';
import { forecastAll, historyOf } from '../src/calendar/index.js';
import type { Action, CharacterDef, WorldDefinition } from '../src/model/definition.js';
import type { WorldEvent } from '../src/model/events.js';
import { D, definitionOf, omega } from './calendar-fixtures.js';

function world(character: CharacterDef, timeline: Action[] = []): WorldDefinition {
  return definitionOf({
    title: 'history',
    characters: [
      character,
      { ...character, id: 'rey', name: 'Rey', representation: 'beta', cycle: undefined },
    ],
    timeline,
    until: 100 * D,
  });
}

const event = (
  id: number,
  t: number,
  type: WorldEvent['type'],
  extra: Partial<WorldEvent> = {},
): WorldEvent => ({
  id,
  t,
  type,
  actor: 'kylo',
  data: {},
  causes: [],
  ...extra,
});

describe('historyOf', () => {
  it('reads take / stop from the timeline: the onset under the regimen is shifted', () => {
    const def = world(omega([-150, -120, -90, -60, -20]), [
      { at: -55 * D, actor: 'kylo', do: 'take', medication: 'suppressant' },
      { at: -10 * D, actor: 'kylo', do: 'stop', medication: 'suppressant' },
      { at: 5 * D, actor: 'kylo', do: 'take', medication: 'suppressant' }, // after now: not yet
    ]);
    expect(historyOf(def, 'kylo', 0)).toEqual({
      onsets: [-150, -120, -90, -60, -20].map((d) => d * D),
      shifted: [-20 * D],
      medication: { suppressant: false, since: -55 * D, stoppedAt: -10 * D },
    });
    // Lengths 30, 30, 30 (the 40d one ends under the regimen); last −20d, stopped −10d → the first
    // window, 10d, is twice as wide: 10d ± 2d.
    const f = forecastAll(def, 0);
    expect([...f.keys()]).toEqual(['kylo']);
    expect(f.get('kylo')!.windows[0]).toEqual({ from: 8 * D, to: 12 * D, center: 10 * D });
  });

  it('a declared regimen of unknown start shifts nothing when stopped', () => {
    const def = world(omega([-90, -60, -30], { medication: [{ name: 'suppressant' }] }), [
      { at: -5 * D, actor: 'kylo', do: 'stop', medication: 'suppressant' },
    ]);
    expect(historyOf(def, 'kylo', 0)).toEqual({
      onsets: [-90, -60, -30].map((d) => d * D),
      shifted: [],
      medication: { suppressant: false, stoppedAt: -5 * D },
    });
    expect(historyOf(def, 'kylo', -6 * D).medication).toEqual({ suppressant: true });
  });

  it('adds lived onsets; one brought forward is shifted', () => {
    const def = world(omega([-90, -60, -30, 0]));
    const lived = new Map([['kylo', [{ onset: 29 * D, advanced: 5 * 3600, suppressed: false }]]]);
    const known = historyOf(def, 'kylo', 40 * D, { lived });
    expect(known.onsets).toEqual([-90, -60, -30, 0, 29].map((d) => d * D));
    expect(known.shifted).toEqual([29 * D]);
    // Lengths 30, 30, 30 (the 29d one left out); next from the shifted onset: 29d + 30d = 59d ± 1d.
    expect(forecastAll(def, 40 * D, { lived }).get('kylo')!.windows[0]).toEqual({
      from: 58 * D,
      to: 60 * D,
      center: 59 * D,
    });
  });

  it('reads a run’s log: heat-onset, heat-advanced and medication events', () => {
    const def = world(omega([-90, -60, -30, 0]), [
      { at: 30 * D, actor: 'kylo', do: 'stop', medication: 'suppressant' }, // the log stands for the timeline
    ]);
    const events = [
      event(1, 0, 'heat-onset', { data: { onset: 0, ongoing: true } }), // the state at the start: not lived
      event(2, 28.9 * D, 'heat-advanced', { data: { advance: 18_000, onset: 29 * D } }),
      event(3, 29 * D, 'heat-onset', { data: { onset: 29 * D } }),
      event(4, 35 * D, 'medication', { value: 'take', data: { medication: 'suppressant' } }),
      event(5, 50 * D, 'medication', { value: 'stop', data: { medication: 'suppressant' } }), // after now
    ];
    const known = historyOf(def, 'kylo', 40 * D, { events });
    expect(known).toEqual({
      onsets: [-90, -60, -30, 0, 29].map((d) => d * D),
      shifted: [29 * D],
      medication: { suppressant: true, since: 35 * D },
    });
    // On the regimen: 29d + 182d = 211d ± 7d.
    const f = forecastAll(def, 40 * D, { events }).get('kylo')!;
    expect(f.basis).toBe('regimen');
    expect(f.windows[0]).toEqual({ from: 204 * D, to: 218 * D, center: 211 * D });
  });
});
