/**
 * Hostile input: text no author meant, or meant to hurt — random bytes and YAML punctuation, random
 * structures in place of the file or of a part of it, prototype keys (`__proto__`, `constructor`…)
 * as ids, keys and override paths, extreme numbers and instants, deep nesting, and aliases (a
 * billion-laughs bomb, and merges). What must hold is what holds for any input: located errors or a
 * run, no exception, no pollution of shared prototypes, no hang.
 */
import fc from 'fast-check';
import { type ScenarioData, type Size, toYaml, validScenario } from './valid.js';

export type HostileKind =
  | 'random-text'
  | 'random-structure'
  | 'random-subtree'
  | 'prototype-key'
  | 'extreme-number'
  | 'deep-nesting'
  | 'alias-bomb'
  | 'alias-merge';

export interface Hostile {
  kind: HostileKind;
  text: string;
  /** ids the file defines: if it loads, its definition must hold them (none silently dropped) */
  ids?: string[];
  /** the file names a canon parameter or a top-level key that does not exist: it must be rejected */
  mustReject?: boolean;
}

const PUNCTUATION = [...':-[]{},&*!|>\'"%@`#?\n \t.0123456789abcdez~<<', '\u0000', '\uFEFF', '\u2028'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const EXTREME_NUMBERS = [
  1e308,
  -1e308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  2 ** 53 + 2,
  5e-324,
  -0,
];
const EXTREME_TIMES = [
  '999999999d',
  '-999999999d',
  '100000000000000000000d',
  '99999999999h',
  '0:00:00',
  '999999999:59:59',
  '-1s',
];

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PUNCTUATION), maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Every path to a leaf (a scalar) in `data`. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => leaves(v, [...path, k]))];
}

function replaceAt(
  data: ScenarioData,
  pick: number,
  value: (old: unknown) => unknown,
  where: (old: unknown) => boolean = () => true,
): ScenarioData {
  const copy = structuredClone(data);
  const valueAt = (p: (string | number)[]) =>
    p.reduce<Record<string | number, unknown>>((n, k) => n[k] as never, copy);
  const all = leaves(copy).filter((p) => p.length > 0);
  const chosen = all.filter((p) => where(valueAt(p)));
  const paths = chosen.length ? chosen : all;
  const path = paths[pick % paths.length]!;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((n, k) => n[k] as never, copy);
  const key = path[path.length - 1]!;
  parent[key] = value(parent[key]);
  return copy;
}

/** A chain of anchors, each a list of `width` aliases of the one before: width^depth leaves. */
function aliasBomb(depth: number, width: number, where: string): string {
  const lines = ['omegaverse: 1', 'places:', '  room: { volume: 60, ventilation: 2 }', 'characters:'];
  lines.push('  a: { representation: beta, at: room }');
  lines.push(`x0: &x0 ["lol"]`);
  for (let i = 1; i <= depth; i++)
    lines.push(
      `x${i}: &x${i} [${Array(width)
        .fill(`*x${i - 1}`)
        .join(', ')}]`,
    );
  lines.push(`${where}: *x${depth}`);
  return lines.join('\n');
}

/** A valid scene whose characters share fields through an anchor and merge keys (`<<`). */
function aliasMerge(data: ScenarioData): string {
  const yaml = toYaml(data);
  return yaml
    .replace(/^characters:\n/m, 'characters:\n  base: &base { self_control: 0.5 }\n')
    .replace(/^ {2}(c\d+):\n/gm, (_, id) => `  ${id}:\n    <<: *base\n`);
}

export const hostileScenario = (size: Size): fc.Arbitrary<Hostile> =>
  fc.oneof(
    text.map((t) => ({ kind: 'random-text' as const, text: t })),
    fc
      .jsonValue({ maxDepth: 4 })
      .map((v) => ({ kind: 'random-structure' as const, text: toYaml({ omegaverse: 1, body: v }) })),
    fc
      .record({ data: validScenario(size), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) })
      .map((r) => ({
        kind: 'random-subtree' as const,
        text: toYaml(replaceAt(r.data, r.pick, () => r.value)),
      })),
    fc
      .record({
        data: validScenario(size),
        key: fc.constantFrom(...PROTO_KEYS),
        where: fc.constantFrom(
          'character',
          'place',
          'door',
          'override',
          'nested-override',
          'top',
          'expect-data',
        ),
      })
      .map((r) => ({
        kind: 'prototype-key' as const,
        text: withPrototypeKey(toYaml(r.data), r.key, r.where),
      })),
    fc
      .record({
        data: validScenario(size),
        pick: fc.nat(),
        number: fc.constantFrom(...EXTREME_NUMBERS),
        time: fc.constantFrom(...EXTREME_TIMES),
      })
      .map((r) => ({
        kind: 'extreme-number' as const,
        text: toYaml(
          replaceAt(
            r.data,
            r.pick,
            (old) => (typeof old === 'number' ? r.number : r.time),
            (old) => typeof old === 'number' || (typeof old === 'string' && /^-?\d/.test(old)),
          ),
        ),
      })),
    fc
      .record({
        depth: fc.constantFrom(...[50, 500, 5000, 50_000].filter((d) => d <= size.depth)),
        open: fc.constantFrom('[', '{a: ', '- '),
      })
      .map(({ depth, open }) => ({ kind: 'deep-nesting' as const, text: nested(depth, open) })),
    fc
      .record({
        depth: fc.integer({ min: 2, max: 9 }),
        width: fc.integer({ min: 2, max: 10 }),
        where: fc.constantFrom('title', 'canon_overrides', 'timeline', 'junk'),
      })
      .map((r) => ({ kind: 'alias-bomb' as const, text: aliasBomb(r.depth, r.width, r.where) })),
    validScenario(size).map((d) => ({ kind: 'alias-merge' as const, text: aliasMerge(d) })),
  );

/** `depth` levels of `open` in a file otherwise valid: under `canon_overrides`. */
function nested(depth: number, open: string): string {
  const head =
    'omegaverse: 1\nplaces:\n  room: { volume: 60, ventilation: 2 }\ncharacters:\n  a: { representation: beta, at: room }\n';
  if (open === '- ')
    return `${head}canon_overrides:\n${Array.from({ length: Math.min(depth, 2000) }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}x\n`;
  const close = open === '[' ? ']' : '}';
  return `${head}canon_overrides: { air: ${open.repeat(depth)}1${close.repeat(depth)} }\n`;
}

/** A valid scene's text with a prototype key as an id, a key or an override path. */
function withPrototypeKey(yaml: string, key: string, where: string): string {
  const quoted = JSON.stringify(key);
  switch (where) {
    case 'character':
      return yaml.replace(/\bc0\b/g, key);
    case 'place':
      return yaml.replace(/\bp0\b/g, key);
    case 'door':
      return yaml.includes('d1') ? yaml.replace(/\bd1\b/g, key) : yaml.replace(/\bc0\b/g, key);
    case 'override':
      return `${yaml.replace(/^canon_overrides:.*\n(?: {2}.*\n)*/m, '')}canon_overrides: { ${quoted}: { polluted: 1 } }\n`;
    case 'override-path':
      return `${yaml.replace(/^canon_overrides:.*\n(?: {2}.*\n)*/m, '')}canon_overrides: { "${key}.polluted": 2, "air.${key}.tick": 3 }\n`;
    case 'nested-override':
      return `${yaml.replace(/^canon_overrides:.*\n(?: {2}.*\n)*/m, '')}canon_overrides: { air: { ${quoted}: { polluted: 1 } }, rules: { ${quoted}: { amount: 1 } } }\n`;
    case 'top':
      return `${yaml}${quoted}: { polluted: 1 }\n`;
    default:
      return `${yaml.replace(/^expect:.*\n(?: {2}.*\n)*/m, '')}expect:\n  - { event: move, data: { ${quoted}: 1 } }\n`;
  }
}
