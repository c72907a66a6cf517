/**
 * Near-valid scenarios: a valid one with exactly one mistake — a value of the wrong type, an id that
 * names nothing, a number out of its range, an action after `until`, a required field left out, an
 * unknown key. Each mutation says whether the file must then be rejected: a mistake the format
 * forbids has to come back as located errors, never run.
 */
import fc from 'fast-check';
import { formatDuration, parseDuration } from '../../src/units/time.js';
import { type ScenarioData, type Size, validScenario } from './valid.js';

export type MutationKind =
  | 'wrong-type'
  | 'unknown-id'
  | 'out-of-range'
  | 'after-until'
  | 'missing-field'
  | 'unknown-key';

export interface Mutated {
  data: ScenarioData;
  mutation: MutationKind;
  /** where, as a path of keys and indices */
  path: (string | number)[];
  /** the format forbids the result: loading must fail */
  mustReject: boolean;
}

type Path = (string | number)[];
type Node = Record<string | number, unknown>;

/** Every path to a leaf (a scalar) in `data`. */
function leaves(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

const parentOf = (data: ScenarioData, path: Path): Node =>
  path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, data as Node);

/** Fields that name something (`between` and `participants` hold ids too, one per index). */
const REFERENCES = new Set([
  'at',
  'actor',
  'target',
  'about',
  'to',
  'door',
  'item',
  'medication',
  'event',
  'bonded_to',
  'knows',
  'between',
  'participants',
  'wears',
  'carries',
]);
/** A value out of each ranged field's range. */
const OUT_OF_RANGE: Record<string, unknown> = {
  volume: 0,
  ventilation: -1,
  self_control: 1.5,
  age: -1,
  affinity: 2,
  trust: -0.5,
  seed: -3,
  omegaverse: 2,
  rank: 'high',
  period: '0s',
  duration: '-1d',
};
/** Required fields, each with the part of the file where it is required (at the depth of an entry's field). */
const REQUIRED: Record<string, string[]> = {
  omegaverse: [''],
  volume: ['places'],
  ventilation: ['places'],
  representation: ['characters'],
  at: ['characters', 'timeline'],
  actor: ['timeline'],
  do: ['timeline'],
  between: ['doors', 'relations'],
  id: ['doors', 'roster'],
  title: ['roster'],
  start: ['roster'],
  end: ['roster'],
  event: ['expect'],
};
const required = (p: Path) =>
  (p.length === 1 && p[0] === 'omegaverse') ||
  (p.length === 3 && REQUIRED[String(p[2])]?.includes(String(p[0])) === true);

/** `data` with one mistake, chosen by `pick` among the places it can go. */
export function mutate(data: ScenarioData, kind: MutationKind, pick: number): Mutated | undefined {
  const copy = structuredClone(data);
  const all = leaves(copy);
  const choose = (paths: Path[]) => (paths.length ? paths[pick % paths.length] : undefined);
  const last = (p: Path) => p[p.length - 1]!;
  // The key that names a leaf's field (an index in a list of ids counts as its list's key).
  const field = (p: Path) => (typeof last(p) === 'number' ? p[p.length - 2]! : last(p));
  const set = (p: Path, value: unknown) => {
    parentOf(copy, p)[last(p)] = value;
  };
  switch (kind) {
    case 'wrong-type': {
      const p = choose(all);
      if (!p) return undefined;
      const v = parentOf(copy, p)[last(p)];
      const other = typeof v === 'number' ? 'seven' : typeof v === 'string' ? { nested: true } : [v];
      set(p, other);
      // A string where a number or flag was meant is always wrong; a title or a text can be anything.
      const mustReject = !['title', 'text', 'name'].includes(String(field(p)));
      return { data: copy, mutation: kind, path: p, mustReject };
    }
    case 'unknown-id': {
      const p = choose(
        all.filter((q) => REFERENCES.has(String(field(q))) && !(field(q) === 'at' && q[0] === 'timeline')),
      );
      if (!p) return undefined;
      set(p, 'nobody-here');
      return { data: copy, mutation: kind, path: p, mustReject: true };
    }
    case 'out-of-range': {
      const p = choose(all.filter((q) => Object.hasOwn(OUT_OF_RANGE, String(field(q)))));
      if (!p) return undefined;
      set(p, OUT_OF_RANGE[String(field(p))]);
      return { data: copy, mutation: kind, path: p, mustReject: true };
    }
    case 'after-until': {
      const timeline = copy.timeline as Node[] | undefined;
      if (!timeline?.length) return undefined;
      const i = pick % timeline.length;
      timeline[i]!.at = formatDuration(parseDuration(String(copy.until))! + 60);
      return { data: copy, mutation: kind, path: ['timeline', i, 'at'], mustReject: true };
    }
    case 'missing-field': {
      const p = choose(all.filter(required));
      if (!p) return undefined;
      delete parentOf(copy, p)[last(p)];
      return { data: copy, mutation: kind, path: p, mustReject: true };
    }
    case 'unknown-key': {
      const maps = all
        .map((p) => p.slice(0, -1))
        .filter((p) => typeof p[p.length - 1] !== 'number' || p.length === 2);
      // A list's place is taken by the top level: every map has known keys only.
      const found = choose(maps) ?? [];
      const p = Array.isArray(found.reduce<Node>((n, k) => n[k] as Node, copy as Node)) ? [] : found;
      const node = p.reduce<Node>((n, k) => n[k] as Node, copy as Node);
      node.colour = 'red';
      return { data: copy, mutation: kind, path: [...p, 'colour'], mustReject: true };
    }
  }
}

export const nearValidScenario = (size: Size): fc.Arbitrary<Mutated> =>
  fc
    .record({
      data: validScenario(size),
      kind: fc.constantFrom<MutationKind>(
        'wrong-type',
        'unknown-id',
        'out-of-range',
        'after-until',
        'missing-field',
        'unknown-key',
      ),
      pick: fc.nat(),
    })
    .map(({ data, kind, pick }) => mutate(data, kind, pick) ?? mutate(data, 'unknown-key', pick)!);
