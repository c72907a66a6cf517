/**
 * A compiled scenario: everything the engine needs to create a world, already validated. All instants
 * and durations are seconds from the scenario's start. `src/scenario` builds this from a file; library
 * users may also build one in code and pass it to `createWorld`.
 */
import type { Canon } from '../canon/types.js';
import type { ActionBody } from '../vocabulary/actions.js';
import type { DoorState } from '../vocabulary/doors.js';
import type { PlaceArticle, PlacePreposition } from '../vocabulary/places.js';
import type { Pronouns } from '../vocabulary/pronouns.js';
import type { Representation } from '../vocabulary/representations.js';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A character's display name: as the file gives it, or the id, capitalised (`rey` → Rey). */
export const characterName = (id: string, given?: string): string => given ?? capitalise(id);

/** A place's display name: as the file gives it, or the id in words (`crew-mess` → Crew mess). */
export const placeName = (id: string, given?: string): string => given ?? capitalise(id.replace(/-/g, ' '));

/** Where a definition's parts came from in the scenario file, for messages that point back at it. */
export interface SourceSpan {
  file: string;
  line: number;
  column: number;
}

export interface PlaceDef {
  id: string;
  name: string;
  /** how narration names it: with `the`, or the name alone (default: from the name) */
  article?: PlaceArticle;
  /** in / on / at / out in / out on (default: from the name's last word) */
  preposition?: PlacePreposition;
  /** m³ */
  volume: number;
  /** air changes per hour */
  ventilation: number;
  x?: number;
  y?: number;
}

export interface DoorDef {
  id: string;
  between: [string, string];
  state: DoorState;
}

export interface CycleDef {
  /** natural period between heat onsets, seconds */
  period: number;
  /** natural heat duration, seconds */
  duration: number;
  /** standard deviation of the period, seconds */
  variability: number;
  /** recorded onsets, seconds from start (usually negative: history), ascending */
  onsets: number[];
}

export interface MedicationDef {
  /** a medication named in the canon (e.g. `suppressant`) */
  name: string;
  /** when the regimen started (seconds; `undefined`: long before the scenario) */
  since?: number;
}

export interface CharacterDef {
  id: string;
  name: string;
  /** the name narration uses after the first mention in a paragraph (default: from the name) */
  shortName?: string;
  /** how narration refers to them (default: they) */
  pronouns?: Pronouns;
  representation: Representation;
  /** what the character presents as, when it differs from the truth or is declared */
  presentsAs?: Representation;
  age?: number;
  /** 0..1: how well instinct is held back (used by the instinct rules) */
  selfControl: number;
  /** personal scent notes, e.g. `sand`, `ozone` */
  notes: string[];
  at: string;
  wears: string[];
  carries: string[];
  medication: MedicationDef[];
  /** an omega's heat cycle (an unpresented character's, once presented as an omega) */
  cycle?: CycleDef;
  /** an alpha's rut (an unpresented character's, once presented as an alpha) */
  rut?: CycleDef;
  bondedTo?: string;
  rank?: number;
  /** characters whose true representation this one knows from a record */
  knows: string[];
  /** 0..1: prior habituation to the other representations' scents (default: from age, by the canon) */
  habituation?: number;
}

export interface RelationDef {
  between: [string, string];
  /** pair chemistry 0..1 */
  affinity?: number;
  /** trust 0..1 */
  trust?: number;
  /** declared partners: when one takes medical leave, the other takes leave too */
  onLeaveWith?: boolean;
}

/** A scripted action, as written in the timeline. `at` is seconds from start. */
export type Action = { at: number; actor: string; source?: SourceSpan } & ActionBody;

export interface RosterEventDef {
  id: string;
  title: string;
  start: number;
  end: number;
  participants: string[];
}

export type Scalar = string | number | boolean;

export interface Expectation {
  /** event type */
  event: string;
  actor?: string;
  target?: string;
  value?: Scalar;
  /** every key must equal the event's `data[key]` */
  data?: Record<string, Scalar>;
  /** window: from ≤ t, and t ≤ to (`toInclusive`) or t < to */
  from?: number;
  to?: number;
  toInclusive: boolean;
  never: boolean;
  count?: number;
  source?: SourceSpan;
}

export interface WorldDefinition {
  title: string;
  seed: number;
  /** name of the preset the canon was built from */
  canonName: string;
  /** the preset with the scenario's overrides applied */
  canon: Canon;
  /** wall-clock time at the start, seconds after midnight */
  clock: number;
  places: PlaceDef[];
  doors: DoorDef[];
  characters: CharacterDef[];
  relations: RelationDef[];
  /** scripted actions, sorted by `at` (stable: file order within the same instant) */
  timeline: Action[];
  roster: RosterEventDef[];
  /** the run's end, seconds */
  until: number;
  expectations: Expectation[];
  /** the file it came from, if any */
  file?: string;
}
