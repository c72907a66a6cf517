/**
 * The roster check against hand-computed forecasts (canon `seeds`). D = 86 400 s.
 *
 * Kylo (omega, onsets every 30d up to 0): window 1 = 30d ± 1d = [29d, 31d]; heat lasts 3d.
 *   likely span   = center ± 0.5 × 1d, + 3d = [29.5d, 33.5d]
 *   possible span = [29d, 31d + 3d]         = [29d, 34d]
 *   window 2 = 60d ± √2 d → possible [58.586d, 64.414d]; window 3 = 90d ± √3 d → [88.268d, 94.732d]
 * Phasma (omega, on the suppressant, last onset −100d): 82d ± 7d = [75d, 89d]; suppressed heat 2d.
 *   likely span   = 82d ± 3.5d, + 2d = [78.5d, 87.5d]
 *   possible span = [75d, 89d + 2d]  = [75d, 91d]
 * Hux takes leave with Kylo. The roster is checked at now = 25d, wall clock 00:00 at the start.
 */
import { describe, expect, it } from 'vitest';
import {
  bondedPartners,
  checkRoster,
  type Forecast,
  forecastAll,
  leaks,
  type RosterReport,
  relativeDay,
  viewRoster,
} from '../src/calendar/index.js';
import { World } from '../src/engine/world.js';
import type { CharacterDef, RosterEventDef, WorldDefinition } from '../src/model/definition.js';
import { formatRoster } from '../src/narrate/calendar.js';
import { D, definitionOf, person } from './calendar-fixtures.js';
import { compile, find } from './helpers.js';

const NOW = 25 * D;

const kylo = person('kylo', 'Kylo Ren', {
  representation: 'omega',
  presentsAs: 'alpha',
  cycle: { period: 30 * D, duration: 3 * D, variability: 2 * D, onsets: [-90 * D, -60 * D, -30 * D, 0] },
});
const phasma = person('phasma', 'Phasma', {
  representation: 'omega',
  presentsAs: 'beta',
  medication: [{ name: 'suppressant' }],
  cycle: { period: 30 * D, duration: 3 * D, variability: 2 * D, onsets: [-100 * D] },
});
const hux = person('hux', 'Armitage Hux', { representation: 'alpha', knows: ['kylo'] });
const rey = person('rey', 'Rey');

const ev = (
  id: string,
  title: string,
  start: number,
  end: number,
  participants: string[],
): RosterEventDef => ({
  id,
  title,
  start: start * D,
  end: end * D,
  participants,
});

const ROSTER: RosterEventDef[] = [
  ev('supply', 'Supply run', 10, 11, ['kylo']), // over before now: not checked
  ev('briefing', 'Briefing', 28, 29.25, ['kylo']), // [28, 29.25] misses [29.5, …), meets [29, …): possible
  ev('crait', 'Mission to Crait', 30, 32, ['kylo', 'rey', 'hux']), // inside the likely span
  ev('council', 'Council', 31, 31.5, ['hux']), // Hux alone, on leave with Kylo: likely via kylo
  ev('inspection', 'Inspection', 45, 46, ['hux', 'rey']), // clear of every window
  ev('gala', 'Gala', 88, 88.5, ['phasma']), // after 87.5d (likely ends), before 91d: possible
];

function world(
  characters: CharacterDef[] = [kylo, phasma, hux, rey],
  roster = ROSTER,
  clock = 0,
): WorldDefinition {
  return definitionOf({ title: 'roster', clock, characters, roster });
}

const K1 = { from: 29 * D, to: 31 * D, center: 30 * D };
const P1 = { from: 75 * D, to: 89 * D, center: 82 * D };

function report(definition = world(), partners: [string, string][] = [['kylo', 'hux']]): RosterReport {
  return checkRoster({ definition, forecasts: forecastAll(definition, NOW), partners, now: NOW });
}

describe('checkRoster', () => {
  it('finds likely, possible and partner conflicts, in event order', () => {
    expect(report().conflicts).toEqual([
      { event: 'briefing', character: 'kylo', level: 'possible', kind: 'heat', window: K1 },
      { event: 'crait', character: 'hux', level: 'likely', kind: 'heat', window: K1, via: 'kylo' },
      { event: 'crait', character: 'kylo', level: 'likely', kind: 'heat', window: K1 },
      { event: 'council', character: 'hux', level: 'likely', kind: 'heat', window: K1, via: 'kylo' },
      { event: 'gala', character: 'phasma', level: 'possible', kind: 'heat', window: P1 },
    ]);
  });

  it.each([
    // [event start, end] in days against Kylo's window 1 → level (or none)
    { span: [29.6, 29.7], level: 'likely' }, // inside the core
    { span: [33.4, 33.6], level: 'likely' }, // reaches into the core's heat (ends 33.5d)
    { span: [33.5, 33.9], level: 'possible' }, // starts as the likely span ends
    { span: [27, 29.1], level: 'possible' }, // reaches into the window's opening
    { span: [27, 29], level: undefined }, // ends as the window opens: no overlap
    { span: [34, 35], level: undefined }, // starts as the heat's possible end
    { span: [50, 51], level: undefined },
  ] as const)('event $span → $level', ({ span, level }) => {
    const definition = world([kylo, rey], [ev('e', 'E', span[0], span[1], ['kylo', 'rey'])]);
    const conflicts = report(definition, []).conflicts;
    expect(conflicts.map((c) => c.level)).toEqual(level ? [level] : []);
  });

  it('without the partner declared, Hux has no conflicts', () => {
    const conflicts = report(world(), []).conflicts;
    expect(conflicts.filter((c) => c.character === 'hux')).toEqual([]);
    expect(conflicts.map((c) => c.event)).toEqual(['briefing', 'crait', 'gala']);
  });

  it('proposes the next clear slots, a day apart: "next week" from day 25', () => {
    const { proposals } = report();
    // Briefing (1.25d) from 28d: 29d … 33d overlap [29d, 34d]; 34d is clear. 34 − 25 = 9 days → next week.
    expect(proposals.briefing).toEqual([
      { start: 34 * D, end: 35.25 * D, label: 'next week' },
      { start: 35 * D, end: 36.25 * D, label: 'next week' },
      { start: 36 * D, end: 37.25 * D, label: 'next week' },
    ]);
    // Crait (2d) from 30d: first clear start 34d.
    expect(proposals.crait!.map((p) => p.start / D)).toEqual([34, 35, 36]);
    // Council (Hux, 0.5d) from 31d: Kylo's windows block Hux too; 32d, 33d overlap [29, 34] → 34d.
    expect(proposals.council!.map((p) => p.start / D)).toEqual([34, 35, 36]);
    // Gala (Phasma, 0.5d) from 88d: 89d, 90d overlap [75d, 91d]; 91d is clear. 66 days → in 9 weeks.
    expect(proposals.gala).toEqual([
      { start: 91 * D, end: 91.5 * D, label: 'in 9 weeks' },
      { start: 92 * D, end: 92.5 * D, label: 'in 9 weeks' },
      { start: 93 * D, end: 93.5 * D, label: 'in 9 weeks' },
    ]);
    expect(Object.keys(proposals)).toEqual(['briefing', 'crait', 'council', 'gala']);
  });

  it('no proposal overlaps any participant’s or partner’s window (with its heat)', () => {
    const definition = world();
    const forecasts = forecastAll(definition, NOW);
    const { proposals } = checkRoster({ definition, forecasts, partners: [['kylo', 'hux']], now: NOW });
    const partners: Record<string, string[]> = { kylo: ['hux'], hux: ['kylo'] };
    const duration = (id: string) => (id === 'phasma' ? 2 * D : 3 * D);
    for (const [eventId, list] of Object.entries(proposals)) {
      const event = definition.roster.find((e) => e.id === eventId)!;
      const away = event.participants.flatMap((p) => [p, ...(partners[p] ?? [])]);
      for (const p of list) {
        for (const id of away) {
          for (const win of (forecasts.get(id) as Forecast | undefined)?.windows ?? []) {
            const clear = p.end <= win.from || p.start >= win.to + duration(id);
            expect(clear, `${eventId} at ${p.start / D}d vs ${id}`).toBe(true);
          }
        }
        expect(p.end - p.start).toBe(event.end - event.start);
        expect(p.start).toBeGreaterThanOrEqual(NOW);
      }
    }
  });

  it('is deterministic: the order of characters, roster and pairs does not matter', () => {
    const shuffled = world([rey, hux, phasma, kylo], [...ROSTER].reverse());
    expect(JSON.stringify(report(shuffled, [['hux', 'kylo']]))).toBe(JSON.stringify(report()));
  });

  it('reads declared bonds as partners', () => {
    const bonded = world([{ ...kylo, bondedTo: 'hux' }, { ...hux, bondedTo: 'kylo' }, phasma, rey]);
    expect(bondedPartners(bonded)).toEqual([['hux', 'kylo']]);
  });
});

describe('relativeDay', () => {
  it.each([
    [0, 0.5 * D, 0, 'later today'],
    [0, D, 0, 'tomorrow'],
    [0, 3 * D, 0, 'in 3 days'],
    [0, 7 * D, 0, 'next week'],
    [0, 13.9 * D, 0, 'next week'],
    [0, 14 * D, 0, 'in 2 weeks'],
    [0, 20 * D, 0, 'in 2 weeks'],
    [0, 21 * D, 0, 'in 3 weeks'],
    // By the wall clock: at 22:00, three hours on is tomorrow.
    [0, 3 * 3600, 22 * 3600, 'tomorrow'],
  ])('from %d to %d (clock %d) → %s', (now, t, clock, label) => {
    expect(relativeDay(now, t, clock)).toBe(label);
  });
});

describe('a roster the world can be held to', () => {
  /**
   * Vex (seeds) declares a 92-day cycle with four clockwork onsets on record: her next heat is due on
   * day 20, when the night patrol is. Rook has a cycle and too little history for any forecast. Both
   * are on the patrol; Kade, a beta, is with them. Each is alone (the world jumps).
   */
  const SCENE = (extra = '') => `omegaverse: 1
title: Patrol
seed: 4
canon: seeds
places:
  base: { volume: 200, ventilation: 4 }
  quarters: { volume: 60, ventilation: 2 }
  hall: { volume: 300, ventilation: 4 }
characters:
  vex:  { name: Vex, pronouns: she, representation: omega, age: 31, at: base, cycle: { period: 92d, duration: 3d, variability: "0d", onsets: ["-348d", "-256d", "-164d", "-72d"] } }
  rook: { name: Rook, pronouns: he, representation: omega, age: 28, at: quarters, cycle: { period: 30d, onsets: ["-10d"] } }
  kade: { name: Kade, pronouns: he, representation: beta, age: 40, at: hall }
roster:
  - { id: patrol, title: Night patrol, start: "20d", end: "21d", participants: [vex, kade${extra}] }
until: "20d 6:00:00"
`;

  it("a declared long period is not a missed record: the world's heat lands in the forecast conflict", () => {
    const w = World.create(compile(SCENE()));
    const vex = w.forecasts().get('vex')!;
    expect(vex.basis).toBe('history');
    expect(vex.cycleLength).toBe(92 * D);
    expect(w.rosterReport().conflicts).toMatchObject([
      { event: 'patrol', character: 'vex', level: 'likely' },
    ]);
    // The same world puts her heat inside the patrol.
    w.run();
    const onset = find(w.events, 'heat-onset', 'vex').find((e) => !e.data.ongoing)!;
    expect(onset.t).toBeGreaterThanOrEqual(20 * D);
    expect(onset.t).toBeLessThan(21 * D);
  });

  it('says who cannot be checked (too little history) instead of calling them clear', () => {
    const definition = compile(SCENE(', rook'));
    const report = World.create(definition).rosterReport();
    expect(report.unchecked).toMatchObject([{ event: 'patrol', character: 'rook', kind: 'heat' }]);
    expect(report.unchecked[0]!.note).toMatch(/needed for a forecast/);
    const known = formatRoster(
      viewRoster(report, 'rook', () => true),
      definition,
      'text',
    );
    expect(known).toContain('Rook: too little history: cannot check heat against Night patrol');
    expect(known).not.toContain('no conflicts\n');
    // A viewer who does not know sees neither the reason nor a clear roster.
    const kade = formatRoster(
      viewRoster(report, 'kade', () => false),
      definition,
      'text',
      'kade',
    );
    expect(kade).toContain('Rook: medical leave cannot be ruled out during Night patrol');
    expect(leaks(kade)).toEqual([]);
  });

  it('never moves an event into a heat the world knows is under way', () => {
    // Rook's heat began yesterday (3 days long); a muster today conflicts with it, and no proposal
    // lands before it is over.
    const text = SCENE(', rook')
      .replace(
        '  - { id: patrol',
        '  - { id: muster, title: Muster, start: "0s", end: "2:00:00", participants: [rook] }\n  - { id: patrol',
      )
      .replace('onsets: ["-10d"]', 'onsets: ["-1d"]');
    const report = World.create(compile(text)).rosterReport();
    expect(report.conflicts.filter((c) => c.event === 'muster')).toMatchObject([
      { character: 'rook', level: 'likely', ongoing: true },
    ]);
    for (const p of report.proposals.muster!) expect(p.start).toBeGreaterThanOrEqual(2 * D);
  });
});
