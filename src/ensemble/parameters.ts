/**
 * What a sweep may vary, and a definition with a grid point's values set. Three kinds of path:
 * a canon parameter (`perception.identify`, patched through `applyOverrides`, so its kind and range
 * are checked as in `canon_overrides`), a character's field (`characters.rey.self_control`) and a
 * pair's relation (`relations.rey.phasma.affinity`, in either order; added if the file has none).
 */
import { applyOverrides } from '../canon/index.js';
import { validateRules } from '../engine/instinct/rules.js';
import type { CharacterDef, RelationDef, Scalar, WorldDefinition } from '../model/definition.js';
import { appendTo } from '../units/lists.js';
import { editDistance } from '../units/suggest.js';
import { ADULT_AGE, isAdult, REPRESENTATIONS } from '../vocabulary/representations.js';
import { EnsembleError } from './errors.js';

type FieldKind = 'share' | 'age' | 'number' | 'representation';

/** Character fields a sweep may set, by their name in the scenario file. */
const CHARACTER_FIELDS = {
  self_control: { key: 'selfControl', kind: 'share' },
  habituation: { key: 'habituation', kind: 'share' },
  age: { key: 'age', kind: 'age' },
  rank: { key: 'rank', kind: 'number' },
  presents_as: { key: 'presentsAs', kind: 'representation' },
} as const satisfies Record<string, { key: keyof CharacterDef; kind: FieldKind }>;

const RELATION_FIELDS = { affinity: 'share', trust: 'share' } as const satisfies Record<string, FieldKind>;

/** Canon branches a run never reads: varying them would change nothing. */
const UNREAD_BRANCHES = new Set(['population']);

/** What a sweep path names. */
type Target =
  | { kind: 'canon'; path: string }
  | { kind: 'character'; id: string; field: keyof typeof CHARACTER_FIELDS }
  | { kind: 'relation'; between: [string, string]; field: keyof typeof RELATION_FIELDS };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every canon leaf a run reads that takes a number or true/false, by dotted path. */
function canonPaths(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!prefix && UNREAD_BRANCHES.has(key)) return [];
    if (isPlainObject(value)) return canonPaths(value, path);
    return typeof value === 'number' || typeof value === 'boolean' ? [path] : [];
  });
}

/** The paths a sweep of this scenario may vary (relations: those the file gives). */
export function variablePaths(def: WorldDefinition): string[] {
  return [
    ...canonPaths(def.canon as unknown as Record<string, unknown>),
    ...def.characters.flatMap((c) => Object.keys(CHARACTER_FIELDS).map((f) => `characters.${c.id}.${f}`)),
    ...def.relations.flatMap((r) =>
      Object.keys(RELATION_FIELDS).map((f) => `relations.${r.between[0]}.${r.between[1]}.${f}`),
    ),
  ];
}

/**
 * The paths nearest to `written`: by the whole path (a typo in an id or a field), or else by its last
 * part alone (a parameter named without its group: `identify`).
 */
function nearest(written: string, options: readonly string[], count = 3): string[] {
  const tail = (path: string) => path.slice(path.lastIndexOf('.') + 1);
  const closest = (distance: (option: string) => number, limit: number) =>
    options
      .map((option) => ({ option, d: distance(option) }))
      .filter((s) => s.d <= limit)
      .sort((a, b) => a.d - b.d || a.option.localeCompare(b.option))
      .slice(0, count)
      .map((s) => s.option);
  const whole = closest((o) => editDistance(written, o), Math.max(2, Math.floor(written.length / 8)));
  return whole.length ? whole : closest((o) => editDistance(tail(written), tail(o)), 2);
}

const FORMS =
  'a canon parameter (docs/canon.md), characters.ID.FIELD (FIELD: ' +
  `${Object.keys(CHARACTER_FIELDS).join(', ')}) or relations.A.B.FIELD (${Object.keys(RELATION_FIELDS).join(', ')})`;

function unknownPath(written: string, def: WorldDefinition, why: string): EnsembleError {
  const near = nearest(written, variablePaths(def));
  return new EnsembleError(
    `--vary: ${why}`,
    near.length ? `nearest valid paths: ${near.join(', ')}` : `a path is ${FORMS}`,
  );
}

/** What `path` names in this scenario, or an error that names the nearest valid paths. */
export function resolvePath(path: string, def: WorldDefinition): Target {
  const ids = new Set(def.characters.map((c) => c.id));
  if (path.startsWith('characters.')) {
    const field = path.slice(path.lastIndexOf('.') + 1);
    const id = path.slice('characters.'.length, path.lastIndexOf('.'));
    if (!ids.has(id)) throw unknownPath(path, def, `unknown character '${id}' in '${path}'`);
    if (!Object.hasOwn(CHARACTER_FIELDS, field))
      throw unknownPath(path, def, `a sweep cannot vary a character's '${field}' ('${path}')`);
    return { kind: 'character', id, field: field as keyof typeof CHARACTER_FIELDS };
  }
  if (path.startsWith('relations.')) {
    const parts = path.split('.');
    const [, a = '', b = '', field = ''] = parts;
    const who = [a, b].find((id) => !ids.has(id));
    if (parts.length !== 4 || who !== undefined)
      throw unknownPath(
        path,
        def,
        who !== undefined && parts.length === 4
          ? `unknown character '${who}' in '${path}'`
          : `'${path}' is not relations.A.B.FIELD`,
      );
    if (a === b) throw new EnsembleError(`--vary: '${path}' relates '${a}' to themself`);
    if (!Object.hasOwn(RELATION_FIELDS, field))
      throw unknownPath(path, def, `a sweep cannot vary a relation's '${field}' ('${path}')`);
    return { kind: 'relation', between: [a, b], field: field as keyof typeof RELATION_FIELDS };
  }
  if (!canonPaths(def.canon as unknown as Record<string, unknown>).includes(path))
    throw unknownPath(path, def, `unknown parameter '${path}'`);
  return { kind: 'canon', path };
}

/** Whether `value` suits a field of this kind; else what was expected. */
function checkValue(kind: FieldKind, value: Scalar): string | undefined {
  switch (kind) {
    case 'share':
      return typeof value === 'number' && value >= 0 && value <= 1 ? undefined : 'a number from 0 to 1';
    case 'age':
      return typeof value === 'number' && value >= 0 ? undefined : 'an age in years, 0 or more';
    case 'number':
      return typeof value === 'number' ? undefined : 'a number';
    case 'representation':
      return (REPRESENTATIONS as readonly Scalar[]).includes(value)
        ? undefined
        : `a representation (${REPRESENTATIONS.join(', ')})`;
  }
}

/**
 * What the age rule forbids this character to be in, if anything: a heat cycle, a rut, a bond, a mark
 * in the script, or chemistry or a declared partner (either could start a longing or a bond).
 */
function ageRuleInvolves(def: WorldDefinition, id: string): string | undefined {
  // `rut` is read where the definition has one (alphas, in the scenario format that adds it).
  const c = def.characters.find((x) => x.id === id)! as CharacterDef & { rut?: unknown };
  if (c.cycle) return 'has a heat cycle';
  if (c.rut) return 'has a rut';
  if (c.bondedTo !== undefined || def.characters.some((x) => x.bondedTo === id)) return 'is bonded';
  // A mark cannot be ordered: only the script's own marks count.
  if (def.timeline.some((a) => a.do === 'mark' && (a.actor === id || a.target === id))) return 'is in a mark';
  const partnered = def.relations.some(
    (r) => r.between.includes(id) && (r.affinity !== undefined || r.onLeaveWith),
  );
  return partnered ? 'has chemistry with someone or a declared partner' : undefined;
}

/**
 * The age rule over the characters whose age or chemistry a grid point sets: an error if it makes
 * someone under 18, or of no given age, take part in what the rule forbids.
 */
function checkAgeRule(def: WorldDefinition, touched: ReadonlyMap<string, string[]>): void {
  for (const [id, assignments] of touched) {
    const { age } = def.characters.find((c) => c.id === id)!;
    if (isAdult({ age })) continue;
    const why = ageRuleInvolves(def, id);
    if (!why) continue;
    throw new EnsembleError(
      `--vary ${assignments.join(' ')}: ${id} ${age === undefined ? 'has no age' : `is ${age}`} and ${why}; no heat, rut, longing, mark or bond can involve a character under ${ADULT_AGE}`,
      age === undefined
        ? `give ${id} an age (${ADULT_AGE} or older) in the scenario`
        : 'the age rule is not a parameter: vary ages from 18 up',
    );
  }
}

/** One assignment of a grid point, as written: `path = value`. */
const shown = (path: string, value: Scalar) => `${path}=${String(value)}`;

/**
 * The definition with each path set to its value: canon leaves through `applyOverrides` (then every
 * drive rule checked, as at load), characters' and relations' fields checked like the scenario file's.
 */
export function withValues(
  def: WorldDefinition,
  assignments: readonly { path: string; value: Scalar }[],
): WorldDefinition {
  const canonOverrides: Record<string, Scalar> = {};
  let characters = def.characters;
  let relations = def.relations;
  /** the characters whose age or chemistry the point sets, with those assignments: the age rule's concern */
  const touched = new Map<string, string[]>();
  for (const { path, value } of assignments) {
    const target = resolvePath(path, def);
    if (target.kind === 'canon') {
      canonOverrides[path] = value;
      continue;
    }
    const kind =
      target.kind === 'character' ? CHARACTER_FIELDS[target.field].kind : RELATION_FIELDS[target.field];
    const wrong = checkValue(kind, value);
    if (wrong) throw new EnsembleError(`--vary ${shown(path, value)}: expected ${wrong}`);
    if (target.kind === 'character') {
      if (kind === 'age') appendTo(touched, target.id, shown(path, value));
      const key = CHARACTER_FIELDS[target.field].key;
      characters = characters.map((c) => (c.id === target.id ? ({ ...c, [key]: value } as CharacterDef) : c));
    } else {
      const [a, b] = target.between;
      if (target.field === 'affinity')
        for (const id of target.between) appendTo(touched, id, shown(path, value));
      const same = (r: RelationDef) => r.between.includes(a) && r.between.includes(b);
      relations = relations.some(same)
        ? relations.map((r) => (same(r) ? { ...r, [target.field]: value } : r))
        : [...relations, { between: [a, b], [target.field]: value }];
    }
  }
  checkAgeRule({ ...def, characters, relations }, touched);
  let canon = def.canon;
  if (Object.keys(canonOverrides).length) {
    const patched = applyOverrides(def.canon, canonOverrides);
    const issue = patched.issues[0];
    if (issue) {
      const path = String(issue.path[0]);
      throw new EnsembleError(`--vary ${shown(path, canonOverrides[path]!)}: ${issue.message}`, issue.hint);
    }
    const rule = validateRules(patched.canon.rules)[0];
    if (rule) throw new EnsembleError(`--vary: rule '${rule.rule}': ${rule.message}`, rule.hint);
    canon = patched.canon;
  }
  return { ...def, canon, characters, relations };
}
