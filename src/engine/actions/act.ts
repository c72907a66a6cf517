/**
 * Actions taken at run time (`World.act`): checked as a scenario's timeline entry is — its shape
 * (`shape/actions.ts`), the ids it names (`references.ts`), what it requires of the world now
 * (`requirements.ts`) — and refused with the same words, or kept in the state to happen at the world's
 * next instant: now, if this instant has not been processed yet (a new world), else one tick on.
 */
import type { Action } from '../../model/definition.js';
import { readAction } from '../../shape/actions.js';
import type { ErrorDetail } from '../../shape/wording.js';
import { formatDuration } from '../../units/time.js';
import type { ActionBody } from '../../vocabulary/actions.js';
import type { Engine } from '../state/context.js';
import { checkReferences, notAdult, type Path, unknownId, vocabularies } from './references.js';
import { describeUnmet, situationOf, unmetRequirements } from './requirements.js';

/** Why an action was refused, in the words the scenario compiler uses for the same mistake. */
export interface Refusal {
  ok: false;
  /** what is wrong: "Rey is in the corridor at 0:05:01, not in the medbay" */
  reason: string;
  /** what would have been accepted, where that is plain */
  expected?: string;
  /** what would mend it: "open medbay-door first: { do: open, door: medbay-door }" */
  hint?: string;
  /** the field it is about (`target`, `demand.item`), if one */
  field?: string;
}

export type ActResult = { ok: true; action: Action } | Refusal;

const refusal = (detail: ErrorDetail, path: Path = []): Refusal => ({
  ok: false,
  reason: detail.message,
  ...(detail.expected !== undefined && { expected: detail.expected }),
  ...(detail.hint !== undefined && { hint: detail.hint }),
  ...(path.length > 0 && { field: path.join('.') }),
});

/** When an action taken now happens: this instant if it is still to be processed, else a tick on. */
export const nextInstant = (w: Engine): number => (w.s.processed ? w.s.t + w.canon.air.tick : w.s.t);

/** Whether `actor` may take `value` now: the action, with its defaults, or the first reason it may not. */
export function checkAction(
  w: Engine,
  actor: string,
  value: unknown,
): { ok: true; body: ActionBody } | Refusal {
  const def = w.definition;
  const vocabulary = vocabularies({
    places: def.places.map((p) => p.id),
    doors: def.doors.map((d) => d.id),
    characters: def.characters.map((c) => c.id),
    items: Object.keys(w.canon.gear),
    medications: Object.keys(w.canon.medications),
    rosterEvents: def.roster.map((r) => r.id),
  });
  const unknownActor = unknownId(vocabulary.character, actor);
  if (unknownActor) return refusal(unknownActor);
  const read = readAction(value);
  if (!read.ok) {
    const [first] = read.problems;
    return refusal(first!, first!.field ? [first!.field] : []);
  }
  const body = read.action;
  const character = (id: string) => def.characters[w.charIndex.get(id)!]!;
  const problems: { path: Path; detail: ErrorDetail }[] = [];
  checkReferences(body, [], actor, [], vocabulary, {
    at: (path, detail) => problems.push({ path, detail }),
    known: (vocab, id, path) => {
      const unknown = unknownId(vocab, id);
      if (unknown) problems.push({ path, detail: unknown });
      return !unknown;
    },
    adultOnly: (id, path) => {
      const c = character(id);
      const problem = notAdult(c.name, id, c.age);
      if (problem) problems.push({ path, detail: problem });
    },
    nameOf: (id) => character(id).name,
  });
  if (problems.length) return refusal(problems[0]!.detail, problems[0]!.path);
  const [unmet] = unmetRequirements(situationOf(w), actor, body);
  if (unmet) {
    const wording = {
      who: character(actor).name,
      actor,
      when: formatDuration(nextInstant(w)),
      kind: body.do,
      name: (id: string) => character(id).name,
      play: true,
    };
    return refusal(describeUnmet(unmet, wording), unmet.field === null ? [] : [unmet.field]);
  }
  return { ok: true, body };
}

/** Takes `value` for `actor` at the world's next instant, or refuses it. */
export function takeAction(w: Engine, actor: string, value: unknown): ActResult {
  const checked = checkAction(w, actor, value);
  if (!checked.ok) return checked;
  const action = { at: nextInstant(w), actor, ...checked.body } as Action;
  w.s.played ??= { actions: [], next: 0 };
  schedule(w.s.played.actions, action);
  return { ok: true, action };
}

/** Puts `action` among `actions` in time order, after those of its own instant taken before it. */
export function schedule(actions: Action[], action: Action): void {
  const later = actions.findIndex((a) => a.at > action.at);
  if (later < 0) actions.push(action);
  else actions.splice(later, 0, action);
}
