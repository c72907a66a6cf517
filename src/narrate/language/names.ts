/**
 * What narration calls everything in a scenario: characters by name (short after the first mention)
 * and pronouns, places with their article and preposition, doors, items, roster events, the clock.
 */
import type { CharacterDef, PlaceDef, WorldDefinition } from '../../model/definition.js';
import { formatClock } from '../../units/time.js';
import { type PlacePreposition, prepositionFor, TOWARD } from '../../vocabulary/places.js';
import { DEFAULT_PRONOUNS, type Pronouns } from '../../vocabulary/pronouns.js';
import { scentWords } from './scent-notes.js';

export interface Names {
  /** a character's full name, as the scenario gives it */
  character(id: string | undefined): string;
  /** the name used after the first mention in a paragraph: `Hux` for `General Hux` */
  short(id: string | undefined): string;
  pronouns(id: string | undefined): Pronouns;
  /** a place with its article: `the medbay`, `Hux's quarters` */
  place(id: string | undefined): string;
  /** going there: `into the medbay`, `onto the bridge`, `out onto the terrace` */
  into(id: string | undefined): string;
  /** being there: `in the medbay`, `on the bridge`, `out on the terrace` */
  where(id: string | undefined): string;
  door(id: string | undefined): string;
  item(id: string | undefined): string;
  /** a roster event's title */
  event(id: string | undefined): string;
  /** the wall clock at instant `t` */
  clock(t: number): string;
  /** the scenario's start clock, seconds after midnight */
  startClock: number;
  /** the run's seed: a choice of words (a refusal's) is fixed by it and the event */
  seed: number;
  /** a character's scent notes, as a reader meets them: `sand and ozone` */
  scent(id: string | undefined): string;
}

/** Display names from a definition. */
export function namesOf(def: WorldDefinition): Names {
  const characters = new Map(def.characters.map((c) => [c.id, c]));
  const places = new Map(def.places.map((p) => [p.id, placeWords(p)]));
  const character = (id: string | undefined): CharacterDef | undefined =>
    id === undefined ? undefined : characters.get(id);
  const place = (id: string | undefined) => (id === undefined ? undefined : places.get(id));
  return {
    character: (id) => character(id)?.name ?? id ?? 'someone',
    short: (id) => {
      const c = character(id);
      return c ? (c.shortName ?? shortNameOf(c.name)) : (id ?? 'someone');
    },
    pronouns: (id) => character(id)?.pronouns ?? DEFAULT_PRONOUNS,
    place: (id) => place(id)?.phrase ?? id ?? 'somewhere',
    into: (id) => {
      const p = place(id);
      return p ? `${TOWARD[p.preposition]} ${p.phrase}` : `to ${id ?? 'somewhere'}`;
    },
    where: (id) => {
      const p = place(id);
      return p ? `${p.preposition} ${p.phrase}` : `at ${id ?? 'somewhere'}`;
    },
    door: (id) => (id === undefined ? 'a door' : `the ${words(id)}`),
    item: (id) => (id === undefined ? 'it' : `the ${words(id)}`),
    event: (id) => def.roster.find((r) => r.id === id)?.title ?? id ?? 'an event',
    clock: (t) => formatClock(def.clock, t),
    scent: (id) => {
      const c = character(id);
      return c ? scentWords(def, c) : 'a scent';
    },
    startClock: def.clock,
    seed: def.seed,
  };
}

const words = (id: string) => id.replace(/[-_]/g, ' ');

/**
 * Titles and roles: a name that begins with one is shortened to its last word (`General Hux` → `Hux`,
 * `Dr. Mira Okafor` → `Okafor`, `Petty Officer Kell` → `Kell`); a name that ends with one is a role,
 * kept whole (`Medical Officer`).
 */
const TITLES = new Set(
  'dr doctor prof professor general admiral commander captain capt major colonel col lieutenant lt sergeant sgt corporal private ensign chief petty warrant staff flight first second officer agent detective inspector mr mrs ms mx miss sir dame lady lord father sister brother medic nurse engineer pilot guard'.split(
    ' ',
  ),
);

const isTitle = (word: string) => TITLES.has(word.toLowerCase().replace(/\.$/, ''));

/**
 * The short name a full name suggests: after a title, the last word (the surname); a role or a name
 * with a number (`Crew 12`), whole; any other, its first word (`Kade Ostrow` → `Kade`).
 */
export function shortNameOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return name;
  if (isTitle(parts[0]!)) return parts.at(-1)!;
  if (isTitle(parts.at(-1)!) || parts.some((p) => /\d/.test(p))) return name;
  return parts[0]!;
}

/** A place's noun phrase and preposition. */
function placeWords(p: PlaceDef): { phrase: string; preposition: PlacePreposition } {
  return { phrase: placePhrase(p), preposition: p.preposition ?? prepositionFor(p.name) };
}

/** Names that read as proper nouns keep their capitals: `Hux's quarters`, `Crew Mess`, `The Rusty Anchor`. */
const isProper = (name: string) => /['’]/.test(name) || /\s\p{Lu}/u.test(name);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * `the medbay`; a name that brings its own article is used as written (`The flat` → `the flat`, `The
 * Rusty Anchor` as is), and so is a proper one; `article: none` gives the name alone.
 */
function placePhrase(p: PlaceDef): string {
  const own = /^(the|a|an)\s/i.exec(p.name);
  if (own) return isProper(p.name.slice(own[0].length - 1)) ? p.name : lowerFirst(p.name);
  if (p.article === 'none' || (p.article === undefined && isProper(p.name))) return p.name;
  return `the ${isProper(p.name) ? p.name : lowerFirst(p.name)}`;
}
