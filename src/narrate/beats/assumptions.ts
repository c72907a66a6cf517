/**
 * Assumptions folded: when people meet and nobody can smell or read what anyone is, each takes the
 * others for what they present as (or beta). The log holds one event per pair (199 × 200 in a hall
 * of two hundred); the beats tell them as a few lines a reader takes in at once: "Rey and Finn took
 * each other for betas", "Kell took everyone else in the mess for a beta, and was taken for one".
 */
import type { WorldEvent } from '../../model/events.js';
import { listing, withArticle } from '../language/phrases.js';
import type { Voice } from '../language/voice.js';
import type { Beat } from './beat.js';

/** Past this many names, a list says how many more there are. */
const MOST_NAMED = 4;

/** Who took whom for what, within one place and one instant. */
interface Meeting {
  place: string | undefined;
  value: string;
  /** observer → the subjects they took for `value` */
  took: Map<string, Set<string>>;
  events: WorldEvent[];
}

const plural = (value: string) => `${value}s`;

/**
 * The beats of one instant's assumptions (`belief` events with source `assumed`), one per group of
 * people who took the same people for the same thing. `present(place)`: who is there now.
 * `explain`: whether to say once why (no scent, no record).
 */
export function foldAssumptions(
  events: readonly WorldEvent[],
  present: (place: string | undefined) => readonly string[],
  explain: boolean,
): Beat[] {
  // People are named in the order the scenario lists them, as `present` gives them.
  const rank = new Map<string, number>();
  const order = (ids: Iterable<string>) => [...ids].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const meetings = new Map<string, Meeting>();
  for (const e of events) {
    const key = `${e.place}\u0000${e.value}`;
    let m = meetings.get(key);
    if (!m) {
      m = { place: e.place, value: String(e.value), took: new Map(), events: [] };
      meetings.set(key, m);
    }
    const subjects = m.took.get(e.actor!) ?? new Set<string>();
    m.took.set(e.actor!, subjects);
    subjects.add(e.target!);
    m.events.push(e);
  }
  const beats: Beat[] = [];
  let why = explain ? ' (no scent, no record)' : '';
  for (const m of meetings.values()) {
    const here = present(m.place);
    here.forEach((id, i) => {
      rank.set(id, i);
    });
    for (const line of lines(m, here, order)) {
      const suffix = why;
      why = '';
      beats.push({
        t: m.events[0]!.t,
        events: m.events,
        types: ['belief'],
        about: [...new Set(m.events.flatMap((e) => [e.actor!, e.target!]))],
        tell: (v) => `${line(v)}${suffix}.`,
      });
    }
  }
  return beats;
}

/** Each line of a meeting, as a function of the paragraph's voice. */
function lines(
  m: Meeting,
  present: readonly string[],
  order: (ids: Iterable<string>) => string[],
): ((v: Voice) => string)[] {
  const people = new Set<string>();
  for (const [o, subjects] of m.took) {
    people.add(o);
    for (const s of subjects) people.add(s);
  }
  const all = order(people);
  const complete = all.every((o) => all.every((s) => s === o || m.took.get(o)?.has(s)));
  if (complete && all.length >= 2) {
    // Everyone took everyone: one line.
    const each = all.length === 2 ? 'each other' : 'one another';
    return [(v) => `${group(all, m.place, present, v, false)} took ${each} for ${plural(m.value)}`];
  }
  // Observers who took the same people, together; a group and its mirror (they took us, we took them) in one line.
  const groups = new Map<string, { observers: string[]; subjects: string[] }>();
  for (const o of order(m.took.keys())) {
    const sorted = order(m.took.get(o)!);
    const key = sorted.join('\u0000');
    const g = groups.get(key);
    if (g) g.observers.push(o);
    else groups.set(key, { observers: [o], subjects: sorted });
  }
  const out: ((v: Voice) => string)[] = [];
  const told = new Set<string>();
  // The fewest first: "Kell took everyone else for betas", not "everyone else took Kell for one".
  const fewestFirst = [...groups].sort(([, a], [, b]) => a.observers.length - b.observers.length);
  for (const [key, g] of fewestFirst) {
    if (told.has(key)) continue;
    told.add(key);
    const mirrorKey = order(g.observers).join('\u0000');
    const mirror = groups.get(mirrorKey);
    const mirrored = mirror !== undefined && !told.has(mirrorKey) && sameSet(mirror.subjects, g.observers);
    if (mirrored) told.add(mirrorKey);
    const what = g.subjects.length === 1 ? withArticle(m.value) : plural(m.value);
    out.push((v) => {
      const observers = group(g.observers, m.place, present, v, false, g.subjects);
      const subjects = group(g.subjects, m.place, present, v, true, g.observers);
      const back = mirrored
        ? `, and ${g.observers.length === 1 ? v.agree('was', 'were') : 'were'} taken for ${g.observers.length === 1 ? 'one' : plural(m.value)} in turn`
        : '';
      return `${observers} took ${subjects} for ${what}${back}`;
    });
  }
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * A group of people as a sentence names them: "Rey and Finn", "everyone in the mess", "everyone else
 * in the mess" (all present but `besides`), or a few names and how many more.
 */
function group(
  ids: readonly string[],
  place: string | undefined,
  present: readonly string[],
  v: Voice,
  object: boolean,
  besides: readonly string[] = [],
): string {
  const rest = present.filter((id) => !besides.includes(id));
  if (ids.length >= 3 && sameSet(ids, rest)) {
    const everyone = besides.length ? 'everyone else' : 'everyone';
    return `${object ? everyone : everyone.charAt(0).toUpperCase() + everyone.slice(1)} ${v.names.where(place)}`;
  }
  // One person beginning the sentence: "He took…" when the sentence before was theirs.
  if (ids.length === 1 && !object) return v.lead(ids[0]);
  if (ids.length > MOST_NAMED) {
    const named = ids.slice(0, MOST_NAMED - 1).map((id) => v.who(id));
    return `${named.join(', ')} and ${ids.length - named.length} others`;
  }
  return listing(ids.map((id) => v.who(id)));
}
