/**
 * Where a generated crew lives and works: one main corridor, off which open the mess, the duty
 * stations (their doors open) and a cabin per household (doors closed), and a schoolroom when there
 * are children. Rooms grow with the crew.
 */
import type { Household } from './population.js';

export const SETTINGS = ['ship', 'station'] as const;
export type Setting = (typeof SETTINGS)[number];

export type StationRole = 'command' | 'medical' | 'work';

export interface Station {
  id: string;
  name: string;
  role: StationRole;
}

/** Duty stations, command and medical first. */
export const STATIONS: Record<Setting, readonly Station[]> = {
  ship: [
    { id: 'bridge', name: 'Bridge', role: 'command' },
    { id: 'medbay', name: 'Medbay', role: 'medical' },
    { id: 'engineering', name: 'Engineering', role: 'work' },
    { id: 'cargo-hold', name: 'Cargo hold', role: 'work' },
    { id: 'hydroponics', name: 'Hydroponics', role: 'work' },
  ],
  station: [
    { id: 'operations', name: 'Operations', role: 'command' },
    { id: 'infirmary', name: 'Infirmary', role: 'medical' },
    { id: 'reactor', name: 'Reactor', role: 'work' },
    { id: 'docking-ring', name: 'Docking ring', role: 'work' },
    { id: 'hydroponics', name: 'Hydroponics', role: 'work' },
  ],
};

export const CORRIDOR = 'corridor';
export const MESS = 'mess';
export const SCHOOLROOM = 'schoolroom';

export interface PlaceSpec {
  id: string;
  name?: string;
  /** m³ */
  volume: number;
  /** air changes per hour */
  ventilation: number;
}

export interface DoorSpec {
  id: string;
  between: [string, string];
  state: 'open' | 'closed';
}

export const cabinOf = (household: number): string => `cabin-${household + 1}`;

export const doorOf = (place: string): string => `${place}-door`;

export function layout(
  setting: Setting,
  households: readonly Household[],
  size: number,
  children: boolean,
): { places: PlaceSpec[]; doors: DoorSpec[] } {
  const rooms: PlaceSpec[] = [
    // A corridor with a few cubic metres per person, well ventilated: people pass through it all day.
    {
      id: CORRIDOR,
      name: setting === 'ship' ? 'Main corridor' : 'Concourse',
      volume: Math.max(200, 6 * size),
      ventilation: 6,
    },
    // The mess seats everyone on a watch at once.
    { id: MESS, volume: Math.max(120, 4 * size), ventilation: 8 },
    ...STATIONS[setting].map((s) => ({
      id: s.id,
      name: s.name,
      volume: Math.max(80, 2 * size),
      ventilation: 6,
    })),
    ...(children ? [{ id: SCHOOLROOM, volume: 80, ventilation: 4 }] : []),
  ];
  const cabins = households.map((h, i) => ({
    id: cabinOf(i),
    // A berth of some 25 m³ for one, and 12 more for each other member of the household.
    volume: 25 + 12 * (h.members.length - 1),
    ventilation: 2,
  }));
  const doors: DoorSpec[] = [
    ...rooms
      .filter((r) => r.id !== CORRIDOR)
      .map((r) => ({
        id: doorOf(r.id),
        between: [CORRIDOR, r.id] as [string, string],
        state: 'open' as const,
      })),
    ...cabins.map((c) => ({
      id: doorOf(c.id),
      between: [CORRIDOR, c.id] as [string, string],
      state: 'closed' as const,
    })),
  ];
  return { places: [...rooms, ...cabins], doors };
}
