/**
 * Canon presets and `canon_overrides`: a scenario names a preset and patches any of its numbers by
 * dotted path (`perception.identify: 0.4`) or as nested maps (`perception: { identify: 0.4 }`).
 */
import { CANON_RANGES, canonRange, describeRange, inRange, nearest } from '../shape/ranges.js';
import { quote, reservedName, shorten } from '../shape/wording.js';
import { suggest } from '../units/suggest.js';
import { namesTimeOfDay, parseDuration } from '../units/time.js';
import { classic } from './classic.js';
import type { DriveRule } from './instinct.js';
import { seeds } from './seeds.js';
import type { Canon, CanonPresetName, GearCanon, MedicationCanon } from './types.js';

export type { Canon, CanonPresetName, GearCanon, MedicationCanon, RepresentationCanon } from './types.js';

/** Whether a medication of the canon is a suppressant (masks the scent, stretches the cycle). */
export const masks = (canon: Canon, medication: string): boolean =>
  Object.hasOwn(canon.medications, medication) && canon.medications[medication]!.masks;

export const presets: Record<CanonPresetName, Canon> = { seeds, classic };

export const PRESET_NAMES = Object.keys(presets) as CanonPresetName[];

/** Leaves that take a word as well as a number: the words each takes. */
const WORDED_LEAVES: Record<string, readonly string[]> = { 'air.settle': ['steady'] };

/** Whether a leaf is measured in seconds, and so may be written as a duration ("8h", "1d 7:00"). */
const isDurationLeaf = (path: string) => canonRange(path)?.seconds === true;

export interface OverrideIssue {
  /** `unknown`: no such parameter (point at the key); `value`: the value is wrong (point at it) */
  kind: 'unknown' | 'value';
  /** path inside `canon_overrides`, as written (nested keys or a dotted key) */
  path: (string | number)[];
  message: string;
  hint?: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of a canon, so that patching never touches a preset. */
export function cloneCanon(canon: Canon): Canon {
  return JSON.parse(JSON.stringify(canon)) as Canon;
}

/**
 * Applies `overrides` to a copy of `base`. Each leaf must name an existing number (or, under `gear.`,
 * a whole new item), with a value of the right kind and range. Returns the patched canon and the issues.
 */
export function applyOverrides(
  base: Canon,
  overrides: Record<string, unknown>,
): { canon: Canon; issues: OverrideIssue[] } {
  const canon = cloneCanon(base);
  const issues: OverrideIssue[] = [];

  const visit = (written: (string | number)[], dotted: string[], value: unknown) => {
    const reserved = dotted.map(reservedName).find(Boolean);
    if (reserved) {
      issues.push({ kind: 'unknown', path: written, ...reserved });
      return;
    }
    const target = lookup(canon, dotted);
    if (target.kind === 'missing') {
      issues.push({
        kind: 'unknown',
        path: written,
        message: `unknown canon parameter ${quote(dotted.join('.'))}`,
        hint: target.suggestion
          ? `did you mean '${target.suggestion}'?`
          : 'see docs/canon.md for the parameters',
      });
      return;
    }
    if (target.kind === 'branch') {
      if (!isPlainObject(value)) {
        issues.push({
          kind: 'value',
          path: written,
          message: `${quote(dotted.join('.'))} is a group of parameters, not a value`,
          hint: 'give a map of its parameters',
        });
        return;
      }
      for (const [key, inner] of Object.entries(value))
        visit([...written, key], [...dotted, ...key.split('.')], inner);
      return;
    }
    if (target.kind === 'new-item') {
      const { parse, hint } = NEW_ITEMS[target.branch];
      const item = parse(value);
      if (typeof item === 'string') issues.push({ kind: 'value', path: written, message: item, hint });
      else (canon[target.branch] as Record<string, unknown>)[target.name] = item;
      return;
    }
    // A leaf.
    const path = dotted.join('.');
    const current = target.parent[target.key];
    if (Array.isArray(current)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        issues.push({ kind: 'value', path: written, message: `'${path}' takes a list of names` });
      } else target.parent[target.key] = [...value];
      return;
    }
    const words = Object.hasOwn(WORDED_LEAVES, path) ? WORDED_LEAVES[path]! : undefined;
    if (words && typeof value === 'string' && words.includes(value)) {
      target.parent[target.key] = value;
      return;
    }
    if (typeof current === 'string' && !words) {
      if (typeof value !== 'string')
        issues.push({ kind: 'value', path: written, message: `'${path}' takes a name` });
      else target.parent[target.key] = value;
      return;
    }
    if (typeof current === 'boolean') {
      if (typeof value !== 'boolean')
        issues.push({ kind: 'value', path: written, message: `'${path}' takes true or false` });
      else target.parent[target.key] = value;
      return;
    }
    let number: number | undefined;
    if (typeof value === 'number' && Number.isFinite(value)) number = value;
    // A length of time: a time of day on a day ("2d at 10:00") names an instant, not a length.
    else if (typeof value === 'string' && isDurationLeaf(path) && !namesTimeOfDay(value))
      number = parseDuration(value);
    if (number === undefined) {
      issues.push({
        kind: 'value',
        path: written,
        message: `'${path}' takes ${words ? `${words.map((x) => `'${x}'`).join(' or ')} or ` : ''}${isDurationLeaf(path) ? 'a duration (seconds, or text: "H:MM[:SS]", "Nd", "8h", "90s")' : 'a number'}, got ${typeof value === 'number' ? value : shorten(JSON.stringify(value))}`,
      });
      return;
    }
    const range = canonRange(path);
    if (range && !inRange(number, range)) {
      const near = nearest(number, range);
      issues.push({
        kind: 'value',
        path: written,
        message: `'${path}' must be ${describeRange(range)}, got ${number}`,
        ...(near !== undefined && { hint: `the nearest accepted value is ${near}` }),
      });
      return;
    }
    target.parent[target.key] = number;
  };

  for (const [key, value] of Object.entries(overrides)) visit([key], key.split('.'), value);
  return { canon, issues };
}

type Lookup =
  | { kind: 'missing'; suggestion?: string }
  | { kind: 'branch' }
  | { kind: 'leaf'; parent: Record<string, unknown>; key: string }
  | { kind: 'new-item'; branch: keyof typeof NEW_ITEMS; name: string };

/** Branches of named items a scenario may add to, each item given whole: how to read one, and a hint. */
const NEW_ITEMS = {
  gear: { parse: parseGear, hint: 'an item needs emissionPass, intakePass, trapTime and weapon' },
  medications: { parse: parseMedication, hint: 'a medication is { masks: true|false }' },
  rules: { parse: parseRule, hint: 'a new rule needs every field: see docs/canon.md' },
  scentNotes: {
    parse: (value: unknown) => (typeof value === 'string' ? value : 'a scent note is a few words, as text'),
    hint: 'scentNotes.NAME: "a few words for a reader"',
  },
} satisfies Record<string, { parse: (value: unknown) => unknown; hint: string }>;

function lookup(canon: Canon, dotted: string[]): Lookup {
  let node: unknown = canon;
  for (let i = 0; i < dotted.length; i++) {
    const key = dotted[i]!;
    if (!isPlainObject(node)) return { kind: 'missing' };
    // Own keys only: a path must never reach an object's prototype.
    if (!Object.hasOwn(node, key)) {
      const branch = dotted[0]!;
      if (i === 1 && dotted.length === 2 && Object.hasOwn(NEW_ITEMS, branch))
        return { kind: 'new-item', branch: branch as keyof typeof NEW_ITEMS, name: key };
      return { kind: 'missing', suggestion: closest(key, Object.keys(node), dotted.slice(0, i)) };
    }
    if (i === dotted.length - 1) {
      return isPlainObject(node[key]) ? { kind: 'branch' } : { kind: 'leaf', parent: node, key };
    }
    node = node[key];
  }
  return { kind: 'branch' };
}

function closest(key: string, options: string[], prefix: string[]): string | undefined {
  const best = suggest(key, options);
  return best === undefined ? undefined : [...prefix, best].join('.');
}

/** The shape of a new rule; what its words mean is checked with the rest of the rules at load time. */
function parseRule(value: unknown): DriveRule | string {
  if (!isPlainObject(value)) return 'a new rule must be a map';
  const {
    mechanic,
    enabled = true,
    feels,
    on,
    when = [],
    drive,
    toward,
    change,
    amount,
    factors = [],
    ...rest
  } = value;
  const extra = Object.keys(rest);
  if (extra.length) return `unknown rule field ${quote(extra[0]!)}`;
  const names = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof mechanic !== 'string' || typeof on !== 'string' || typeof drive !== 'string') {
    return 'a rule needs mechanic, on and drive';
  }
  if (typeof toward !== 'string' || typeof change !== 'string') return 'a rule needs toward and change';
  if (!names(feels) || !names(when) || !names(factors)) return 'feels, when and factors are lists of names';
  if (typeof amount !== 'number' || typeof enabled !== 'boolean')
    return 'a rule needs a numeric amount (and enabled: true|false)';
  const range = CANON_RANGES['rules.*.amount'];
  if (!inRange(amount, range)) return `a rule's amount must be ${describeRange(range)}`;
  return { mechanic, enabled, feels, on, when, drive, toward, change, amount, factors } as DriveRule;
}

function parseGear(value: unknown): GearCanon | string {
  if (!isPlainObject(value)) return 'a new gear item must be a map';
  const { emissionPass = 1, intakePass = 1, trapTime = 0, weapon = false, ...rest } = value;
  const extra = Object.keys(rest);
  if (extra.length) return `unknown gear field ${quote(extra[0]!)}`;
  const trap = typeof trapTime === 'string' ? parseDuration(trapTime) : trapTime;
  const fields = { emissionPass, intakePass, trapTime: trap };
  for (const [field, v] of Object.entries(fields)) {
    const range = CANON_RANGES[`gear.*.${field}` as keyof typeof CANON_RANGES];
    if (typeof v !== 'number' || !inRange(v, range)) return `${field} must be ${describeRange(range)}`;
  }
  if (typeof weapon !== 'boolean') return 'weapon must be true or false';
  return {
    emissionPass: emissionPass as number,
    intakePass: intakePass as number,
    trapTime: trap as number,
    weapon,
  };
}

function parseMedication(value: unknown): MedicationCanon | string {
  if (!isPlainObject(value)) return 'a new medication must be a map';
  const { masks = false, ...rest } = value;
  const extra = Object.keys(rest);
  if (extra.length) return `unknown medication field ${quote(extra[0]!)}`;
  if (typeof masks !== 'boolean') return 'masks must be true or false';
  return { masks };
}
