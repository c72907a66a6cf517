/** A world's doors looked up by place and by id, built once: a ship has thousands of them. */
import { appendTo } from '../units/lists.js';
import type { DoorDef } from './definition.js';

/** Where doors are found: those of a place, in the file's order, and one by its id. */
export interface DoorLookup {
  /** the doors with `place` on either side, in the order the file lists them */
  doorsAt(place: string): readonly DoorDef[];
  /** the first door the file lists with this id */
  door(id: string): DoorDef | undefined;
}

export function doorLookup(doors: readonly DoorDef[]): DoorLookup {
  const atPlace = new Map<string, DoorDef[]>();
  const byId = new Map<string, DoorDef>();
  for (const door of doors) {
    for (const place of new Set(door.between)) appendTo(atPlace, place, door);
    if (!byId.has(door.id)) byId.set(door.id, door);
  }
  return { doorsAt: (place) => atPlace.get(place) ?? [], door: (id) => byId.get(id) };
}
