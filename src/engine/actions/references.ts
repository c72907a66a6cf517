/**
 * What every action must name rightly before anything else is asked of it: each id a field names
 * exists (by the kinds the action table gives the fields), a target is someone else, a mark involves
 * only adults, and an order demands nothing that cannot be ordered. Asked by the scenario compiler
 * for every timeline entry and by the engine for an action taken at run time (`world.act`).
 */
import type { ErrorDetail } from '../../shape/wording.js';
import { didYouMean, listing, quote } from '../../shape/wording.js';
import { ACTION_FIELDS, type ActionBody, fieldKind, UNORDERABLE } from '../../vocabulary/actions.js';
import { ADULT_AGE, isAdult } from '../../vocabulary/representations.js';
import { verbFor } from './requirements.js';

/** Keys and list indices leading to a value: in a file, from its top; in an action, from the action. */
export type Path = readonly (string | number)[];

/** A kind of id an action may refer to, with what an error about an unknown one says. */
export interface Vocabulary {
  noun: string;
  ids: readonly string[];
  /** the same ids, to ask in constant time (a file may have 40,000 places) */
  has: ReadonlySet<string>;
  expected: string;
  /** added after any did-you-mean */
  hint?: string;
}

/** The ids a field may name, by the field's kind. */
export type Vocabularies = Record<
  'place' | 'door' | 'character' | 'item' | 'medication' | 'roster-event',
  Vocabulary
>;

/** The ids of a world's parts, as the vocabularies actions are checked against. */
export function vocabularies(ids: {
  places: readonly string[];
  doors: readonly string[];
  characters: readonly string[];
  items: readonly string[];
  medications: readonly string[];
  rosterEvents: readonly string[];
}): Vocabularies {
  return {
    place: {
      noun: 'place',
      ids: ids.places,
      has: new Set(ids.places),
      expected: `a place id (${listing(ids.places)})`,
    },
    door: {
      noun: 'door',
      ids: ids.doors,
      has: new Set(ids.doors),
      expected: `a door id (${listing(ids.doors)})`,
    },
    character: {
      noun: 'character',
      ids: ids.characters,
      has: new Set(ids.characters),
      expected: `a character id (${listing(ids.characters)})`,
    },
    item: {
      noun: 'item',
      ids: ids.items,
      has: new Set(ids.items),
      expected: "an item of the canon's gear",
      hint: `known items: ${listing(ids.items)}; add your own under canon_overrides.gear.NAME`,
    },
    medication: {
      noun: 'medication',
      ids: ids.medications,
      has: new Set(ids.medications),
      expected: `a medication of the canon (${listing(ids.medications)})`,
      hint: 'add your own under canon_overrides.medications.NAME',
    },
    'roster-event': {
      noun: 'roster event',
      ids: ids.rosterEvents,
      has: new Set(ids.rosterEvents),
      expected: `a roster event id (${listing(ids.rosterEvents)})`,
    },
  };
}

/** What is wrong with naming `id` where `vocab` is expected: nothing if it is known. */
export function unknownId(vocab: Vocabulary, id: string): ErrorDetail | undefined {
  if (vocab.has.has(id)) return undefined;
  const hint = [didYouMean(id, vocab.ids), vocab.hint].filter(Boolean).join(' ');
  return {
    message: `unknown ${vocab.noun} ${quote(id)}`,
    expected: vocab.expected,
    ...(hint ? { hint } : {}),
  };
}

/**
 * What is wrong with involving a character in what the age rule reserves to adults (a heat, a rut, a
 * bond, a mark): nothing for an adult; an age not given must be, since it decides.
 */
export function notAdult(name: string, id: string, age: number | undefined): ErrorDetail | undefined {
  if (isAdult({ age })) return undefined;
  if (age === undefined)
    return {
      message: `${name} has no age: a heat, a rut, a bond or a mark can involve only adults, so it must be given`,
      hint: `add age: to characters.${id} (${ADULT_AGE} or older)`,
    };
  return {
    message: `${name} is ${age}: no heat, rut, longing, mark or bond can involve a character under ${ADULT_AGE}`,
  };
}

export interface Checks {
  at(path: Path, detail: ErrorDetail): void;
  /** whether `id` is known; if not, reports it at `path` with a did-you-mean */
  known(vocab: Vocabulary, id: string, path: Path): boolean;
  /** reports `id` at `path` if that character is under age, for something the age rule forbids */
  adultOnly(id: string, path: Path): void;
  nameOf(character: string): string;
}

/** Checks the ids an action names; `doer` does it (for a demand: the one ordered), written at `doerPath`. */
export function checkReferences(
  body: ActionBody,
  path: Path,
  doer: string,
  doerPath: Path,
  vocabulary: Vocabularies,
  checks: Checks,
): void {
  const { at, known, adultOnly, nameOf } = checks;
  const fields = body as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(ACTION_FIELDS[body.do])) {
    const value = fields[name];
    if (typeof value !== 'string') continue;
    const { kind } = fieldKind(spec);
    if (!(kind in vocabulary)) continue;
    if (name === 'target' && value === doer) {
      at([...path, name], {
        message: `${nameOf(doer)} cannot ${verbFor(body.do)} themself`,
        hint: 'name someone else',
      });
    } else known(vocabulary[kind as keyof Vocabularies], value, [...path, name]);
  }
  if (body.do === 'mark') {
    adultOnly(doer, doerPath);
    adultOnly(body.target, [...path, 'target']);
  }
  if (body.do === 'order') {
    const unorderable = UNORDERABLE[body.demand.do];
    if (unorderable) {
      at([...path, 'demand', 'do'], {
        message: `a '${body.demand.do}' cannot be ordered: ${unorderable}`,
        hint: `script the ${body.demand.do} as ${body.target}'s own action, if it is theirs to take`,
      });
    }
    // The demand is done by the one ordered, who must be someone known to check it further.
    if (body.target !== doer && vocabulary.character.has.has(body.target)) {
      checkReferences(body.demand, [...path, 'demand'], body.target, [...path, 'target'], vocabulary, checks);
    }
  }
}
