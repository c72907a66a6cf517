/**
 * Who does what aboard: each adult's duty station and watch, and their rank (the oldest at the
 * command station is the captain, the oldest at each other station its head). Children under 18 go
 * to the schoolroom instead.
 */
import { isAdult } from '../vocabulary/representations.js';
import type { Person } from './population.js';
import { type Setting, STATIONS, type Station } from './ship.js';

const WATCHES = ['day', 'evening'] as const;
export type Watch = (typeof WATCHES)[number];

export interface Duty {
  station: Station;
  watch: Watch;
  /** 3 the captain, 2 a station's head, 1 the rest */
  rank: number;
}

/** Command and medical take one share each of the crew, the other stations two. */
const SHARES: Record<Station['role'], number> = { command: 1, medical: 1, work: 2 };

export function assignDuties(people: readonly Person[], setting: Setting): (Duty | undefined)[] {
  const stations = STATIONS[setting];
  const rota = stations.flatMap((s) => Array<Station>(SHARES[s.role]).fill(s));
  let n = 0;
  const duties = people.map((p) => {
    if (!isAdult(p)) return undefined;
    const duty: Duty = {
      station: rota[n % rota.length]!,
      watch: WATCHES[Math.floor(n / rota.length) % 2]!,
      rank: 1,
    };
    n++;
    return duty;
  });
  for (const station of stations) {
    let eldest: number | undefined;
    duties.forEach((d, i) => {
      if (d?.station === station && (eldest === undefined || people[i]!.age > people[eldest]!.age))
        eldest = i;
    });
    if (eldest !== undefined) duties[eldest]!.rank = station.role === 'command' ? 3 : 2;
  }
  return duties;
}
