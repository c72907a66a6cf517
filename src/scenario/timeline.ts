/**
 * A timeline's checks: every id an action or a demand names must exist (by the kinds the action table
 * gives its fields), no action may come after the scenario's end, and the timeline must be possible
 * when walked in time order — by the same requirements the engine asks before anyone does anything
 * (`engine/actions/requirements.ts`).
 */
import type { Canon } from '../canon/types.js';
import { type Checks, checkReferences, type Vocabularies } from '../engine/actions/references.js';
import { describeUnmet, type Situation, unmetRequirements } from '../engine/actions/requirements.js';
import { formatDuration } from '../units/time.js';
import type { DoorState } from '../vocabulary/doors.js';
import type { ScenarioFile } from './schema.js';

type Entry = ScenarioFile['timeline'][number];

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
  // Unknown ids were reported already: their actions are skipped here.
  const place = new Map(Object.entries(src.characters).map(([id, c]) => [id, c.at]));
  const doors = new Map<string, DoorState>(src.doors.map((d) => [d.id, d.state]));
  const wears = new Map(Object.entries(src.characters).map(([id, c]) => [id, new Set(c.wears)]));
  const carries = new Map(Object.entries(src.characters).map(([id, c]) => [id, new Set(c.carries)]));
  const representation = new Map(Object.entries(src.characters).map(([id, c]) => [id, c.representation]));
  // What an order may have changed: the engine decides whether it is obeyed, so the walk cannot know.
  const unsureItems = new Map(Object.keys(src.characters).map((id) => [id, new Set<string>()]));
  const unsurePlace = new Set<string>();
  const unsureDoors = new Set<string>();
  const knownPlace = (id: string) => {
    const where = place.get(id);
    return where !== undefined && !unsurePlace.has(id) && Object.hasOwn(src.places, where)
      ? where
      : undefined;
  };
  const situation: Situation = {
    doors: src.doors,
    gear: canon.gear,
    placeOf: knownPlace,
    doorState: (id) => (unsureDoors.has(id) ? 'open' : doors.get(id)),
    wears: (id, item) => (unsureItems.get(id)?.has(item) ? undefined : wears.get(id)?.has(item)),
    carries: (id, item) => carries.get(id)?.has(item),
    representation: (id) => representation.get(id),
  };

  for (const { action, index } of sorted) {
    if (!Object.hasOwn(src.characters, action.actor)) continue;
    const actor = action.actor;
    if (!Object.hasOwn(src.places, place.get(actor)!)) continue;
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
        if (!Object.hasOwn(src.characters, action.target)) break;
        if (demand.do === 'wear' || demand.do === 'remove') unsureItems.get(action.target)!.add(demand.item);
        if (demand.do === 'move') unsurePlace.add(action.target);
        if (demand.do === 'open' || demand.do === 'close') unsureDoors.add(demand.door);
        break;
      }
      case 'move':
        if (Object.hasOwn(src.places, action.to)) {
          unsurePlace.delete(actor);
          place.set(actor, action.to);
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
        if (action.as !== 'unpresented') representation.set(actor, action.as);
        break;
      case 'wear':
      case 'remove':
        if (Object.hasOwn(canon.gear, action.item)) {
          unsureItems.get(actor)!.delete(action.item);
          const [from, to] = action.do === 'wear' ? [carries, wears] : [wears, carries];
          from.get(actor)!.delete(action.item);
          to.get(actor)!.add(action.item);
        }
        break;
      default:
        break;
    }
  }
}
