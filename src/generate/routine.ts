/**
 * A generated crew's days as timeline actions, and its roster. Everyone starts the day in their cabin
 * (the scenario's clock starts at 06:00) and follows their watch: meals in the mess, duty at their
 * station, back to the cabin; children go to the schoolroom. Every pass through a cabin door is
 * open, step through, close, by the one passing, so that a cabin's door is shut whenever nobody is
 * going through it and no two people of a household pass it at once.
 */
import type { Prng } from '../units/prng.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE } from '../units/time.js';
import { int, pick } from './draw.js';
import type { Duty, Watch } from './duties.js';
import type { Household } from './population.js';
import { CORRIDOR, cabinOf, doorOf, MESS, SCHOOLROOM } from './ship.js';

/** The scenario's clock at its start: the crew's day begins at 06:00. */
export const START_CLOCK = '06:00';

export type Step =
  | { at: number; actor: string; do: 'move'; to: string }
  | { at: number; actor: string; do: 'open' | 'close'; door: string };

/** Where someone goes during the day, and when (hours after 06:00): `station` and `cabin` are their own. */
type Schedule = readonly [hours: number, to: 'mess' | 'station' | 'cabin' | 'school'][];

const SCHEDULES: Record<Watch | 'school', Schedule> = {
  // Day watch, 08:00 to 16:00: breakfast, duty, lunch, duty, supper, and to bed.
  day: [
    [1, 'mess'],
    [1.75, 'station'],
    [6, 'mess'],
    [6.75, 'station'],
    [10, 'mess'],
    [13, 'cabin'],
  ],
  // Evening watch, 16:00 to midnight: a late breakfast, a free morning, lunch, duty, supper, duty.
  evening: [
    [2, 'mess'],
    [3, 'cabin'],
    [6.5, 'mess'],
    [9.75, 'station'],
    [14, 'mess'],
    [14.75, 'station'],
    [18, 'cabin'],
  ],
  school: [
    [1.5, 'mess'],
    [2.5, 'school'],
    [6, 'mess'],
    [7, 'school'],
    [10, 'cabin'],
  ],
};

/** The longest any household's departures are moved by, minutes: schedules' legs are further apart. */
const JITTER_MINUTES = 10;
/** Household members on the same schedule pass their door this far apart, seconds: a pass takes 20. */
const STAGGER = 30;

/** One leg from `from` to `to` through the corridor, starting at `t`: a cabin's door opened and shut. */
function leg(actor: string, from: string, to: string, t: number): Step[] {
  if (from.startsWith('cabin-'))
    return [
      { at: t, actor, do: 'open', door: doorOf(from) },
      { at: t + 5, actor, do: 'move', to: CORRIDOR },
      { at: t + 10, actor, do: 'close', door: doorOf(from) },
      { at: t + 20, actor, do: 'move', to },
    ];
  if (to.startsWith('cabin-'))
    return [
      { at: t, actor, do: 'move', to: CORRIDOR },
      { at: t + 5, actor, do: 'open', door: doorOf(to) },
      { at: t + 10, actor, do: 'move', to },
      { at: t + 15, actor, do: 'close', door: doorOf(to) },
    ];
  return [
    { at: t, actor, do: 'move', to: CORRIDOR },
    { at: t + 10, actor, do: 'move', to },
  ];
}

/** Each person's steps over `days` days, person by person, in time order. */
export function dailyRoutines(
  rng: Prng,
  ids: readonly string[],
  households: readonly Household[],
  duties: readonly (Duty | undefined)[],
  days: number,
): Step[][] {
  const steps: Step[][] = ids.map(() => []);
  for (let day = 0; day < days; day++) {
    households.forEach((household, h) => {
      // One delay per household and schedule leg; members on the same schedule go one after another.
      const delays = new Map<string, number>();
      const onSchedule = new Map<string, number>();
      for (const member of household.members) {
        const duty = duties[member];
        const name = duty ? duty.watch : 'school';
        const order = onSchedule.get(name) ?? 0;
        onSchedule.set(name, order + 1);
        let here = cabinOf(h);
        SCHEDULES[name].forEach(([hours, where], i) => {
          const key = `${name} ${i}`;
          if (!delays.has(key)) delays.set(key, int(rng, 0, JITTER_MINUTES) * SECONDS_PER_MINUTE);
          const t = day * SECONDS_PER_DAY + hours * SECONDS_PER_HOUR + delays.get(key)! + order * STAGGER;
          const to =
            where === 'cabin'
              ? cabinOf(h)
              : where === 'station'
                ? duty!.station.id
                : where === 'school'
                  ? SCHOOLROOM
                  : MESS;
          steps[member]!.push(...leg(ids[member]!, here, to, t));
          here = to;
        });
      }
    });
  }
  return steps;
}

export interface RosterEntry {
  id: string;
  title: string;
  start: number;
  end: number;
  participants: string[];
}

const MISSIONS = [
  'Hull inspection',
  'Docking with the supply tender',
  'Reactor drill',
  'Survey flight',
  'Cargo transfer',
  'Medical review',
  'Evacuation drill',
  'Diplomatic reception',
];

/** The watches of each station for the days run, then some missions in the next two months. */
export function roster(
  rng: Prng,
  ids: readonly string[],
  duties: readonly (Duty | undefined)[],
  days: number,
): RosterEntry[] {
  const entries: RosterEntry[] = [];
  const stations = [...new Map(duties.flatMap((d) => (d ? [[d.station.id, d.station]] : []))).values()];
  for (let day = 0; day < days; day++) {
    for (const station of stations) {
      for (const [watch, from, to] of [
        ['day', 2, 10],
        ['evening', 10, 18],
      ] as const) {
        const participants = ids.filter(
          (_, i) => duties[i]?.station === station && duties[i]?.watch === watch,
        );
        if (!participants.length) continue;
        entries.push({
          id: `${station.id}-${watch}-${day + 1}`,
          title: `${station.name}, ${watch} watch`,
          start: day * SECONDS_PER_DAY + from * SECONDS_PER_HOUR,
          end: day * SECONDS_PER_DAY + to * SECONDS_PER_HOUR,
          participants,
        });
      }
    }
  }
  const crew = ids.filter((_, i) => duties[i] !== undefined);
  const missions = Math.max(1, Math.round(ids.length / 15));
  for (let m = 0; m < missions && crew.length; m++) {
    const start = int(rng, 2, 60) * SECONDS_PER_DAY + int(rng, 2, 8) * SECONDS_PER_HOUR;
    const team = new Set(Array.from({ length: int(rng, 2, 4) }, () => pick(rng, crew)));
    entries.push({
      id: `mission-${m + 1}`,
      title: pick(rng, MISSIONS),
      start,
      end: start + int(rng, 4, 8) * SECONDS_PER_HOUR,
      participants: [...team],
    });
  }
  return entries;
}
