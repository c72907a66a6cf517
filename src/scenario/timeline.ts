/**
 * A timeline's checks: every id an action or a demand names must exist (by the kinds the action table
 * gives its fields), no action may come after the scenario's end, and the timeline must be possible
 * when walked in time order — by the same requirements the engine asks before anyone does anything
 * (`engine/actions/requirements.ts`).
 */
import type { Canon } from '../canon/types.js';
import { type Checks, checkReferences, type Vocabularies } from '../engine/actions/references.js';
import { describeUnmet, type Situation, unmetRequirements } from '../engine/actions/requirements.js';
import { doorLookup } from '../model/doors.js';
import { formatDuration } from '../units/time.js';
import type { DoorState } from '../vocabulary/doors.js';
import type { Representation } from '../vocabulary/representations.js';
import type { ScenarioFile } from './schema.js';

type Entry = ScenarioFile['timeline'][number];

/**
 * A character as the walk has them so far. What an order may have changed is unsure: the engine
 * decides whether it is obeyed, so the walk cannot know.
 */
interface Walked {
  place: string;
  unsurePlace: boolean;
  wears: Set<string>;
  carries: Set<string>;
  unsureItems: Set<string>;
  representation: Representation;
}

/** Checks the timeline; returns it in time order (stable: file order within an instant), with indices. */
export function checkTimeline(
  src: ScenarioFile,
  canon: Canon,
  vocabulary: Vocabularies,
  checks: Checks,
): { action: Entry; index: number }[] {
  const until = src.until;
  const pastEnd = (action: Entry) => until !== undefined && action.at > until;
  src.timeline.forEach((action, i) => {
    const path = ['timeline', i];
    if (checks.known(vocabulary.character, action.actor, [...path, 'actor']))
      checkReferences(action, path, action.actor, [...path, 'actor'], vocabulary, checks);
    // A time past the end is most often a typo: say so, rather than what its absence upsets.
    if (pastEnd(action)) {
      checks.at([...path, 'at'], {
        message: `this ${action.do} at ${formatDuration(action.at)} comes after the scenario's end (until: ${formatDuration(until!)}): it would never run`,
        hint: `move it before ${formatDuration(until!)}, or set until: later`,
      });
    }
  });
  const sorted = src.timeline
    .map((action, index) => ({ action, index }))
    .sort((a, b) => a.action.at - b.action.at);
  walkTimeline(
    src,
    canon,
    sorted.filter(({ action }) => !pastEnd(action)),
    checks,
  );
  return sorted;
}

/**
 * Walks the timeline in time order, tracking where everyone is, which doors are open and what each
 * character wears and carries, and reports the actions that could not happen. An action in error still
 * takes effect for the rest of the walk, so that one mistake is reported once, not again at every
 * later action it would upset.
 */
function walkTimeline(
  src: ScenarioFile,
  canon: Canon,
  sorted: { action: Entry; index: number }[],
  { at, nameOf }: Checks,
): void {
  // Each character's state is made when the walk first meets them: a large crew with a short
  // timeline costs what the timeline does. Unknown ids were reported already: they have none.
  const states = new Map<string, Walked>();
  const stateOf = (id: string): Walked | undefined => {
    let state = states.get(id);
    if (!state && Object.hasOwn(src.characters, id)) {
      const c = src.characters[id]!;
      state = {
        place: c.at,
        unsurePlace: false,
        wears: new Set(c.wears),
        carries: new Set(c.carries),
        unsureItems: new Set(),
        representation: c.representation,
      };
      states.set(id, state);
    }
    return state;
  };
  const doors = new Map<string, DoorState>(src.doors.map((d) => [d.id, d.state]));
  // What an order may have changed to a door: the engine decides whether it is obeyed.
  const unsureDoors = new Set<string>();
  const situation: Situation = {
    // By place and by id, built once: a check on a ship of thousands of doors looks at a few.
    ...doorLookup(src.doors),
    gear: canon.gear,
    placeOf: (id) => {
      const state = stateOf(id);
      return state && !state.unsurePlace && Object.hasOwn(src.places, state.place) ? state.place : undefined;
    },
    doorState: (id) => (unsureDoors.has(id) ? 'open' : doors.get(id)),
    wears: (id, item) => {
      const state = stateOf(id);
      return state?.unsureItems.has(item) ? undefined : state?.wears.has(item);
    },
    carries: (id, item) => stateOf(id)?.carries.has(item),
    representation: (id) => stateOf(id)?.representation,
  };

  for (const { action, index } of sorted) {
    const actor = action.actor;
    const self = stateOf(actor);
    if (!self || !Object.hasOwn(src.places, self.place)) continue;
    const path = ['timeline', index];
    const wording = {
      who: nameOf(actor),
      actor,
      when: formatDuration(action.at),
      kind: action.do,
      name: nameOf,
    };
    // What names an unknown place or item was reported already: nothing more to say about it.
    const checkable =
      action.do === 'move'
        ? Object.hasOwn(src.places, action.to)
        : action.do === 'wear' || action.do === 'remove'
          ? Object.hasOwn(canon.gear, action.item)
          : true;
    if (checkable) {
      for (const unmet of unmetRequirements(situation, actor, action)) {
        at(unmet.field === null ? path : [...path, unmet.field], describeUnmet(unmet, wording));
      }
    }
    // The action takes effect, for the rest of the walk.
    switch (action.do) {
      case 'order': {
        const demand = action.demand;
        const target = stateOf(action.target);
        if (!target) break;
        if (demand.do === 'wear' || demand.do === 'remove') target.unsureItems.add(demand.item);
        if (demand.do === 'move') target.unsurePlace = true;
        if (demand.do === 'open' || demand.do === 'close') unsureDoors.add(demand.door);
        break;
      }
      case 'move':
        if (Object.hasOwn(src.places, action.to)) {
          self.unsurePlace = false;
          self.place = action.to;
        }
        break;
      case 'open':
      case 'close':
        // Opening an open door, or closing a closed one, changes nothing.
        if (doors.has(action.door)) {
          doors.set(action.door, action.do === 'open' ? 'open' : 'closed');
          unsureDoors.delete(action.door);
        }
        break;
      case 'present':
        if (action.as !== 'unpresented') self.representation = action.as;
        break;
      case 'wear':
      case 'remove':
        if (Object.hasOwn(canon.gear, action.item)) {
          self.unsureItems.delete(action.item);
          const [from, to] = action.do === 'wear' ? [self.carries, self.wears] : [self.wears, self.carries];
          from.delete(action.item);
          to.add(action.item);
        }
        break;
      default:
        break;
    }
  }
}
