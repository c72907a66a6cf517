/**
 * One fuzz case, checked: its text loaded through the public API (`loadScenario`, `createWorld`),
 * the world run an instant at a time under a budget, and every invariant asked of it. Returns the
 * findings, each named by its invariant; an empty list is a pass.
 */
import { calendarNames, isRedacted, leaks as leakWords } from '../../src/calendar/redact.js';
import {
  ADULT_AGE,
  checkExpectations,
  createWorld,
  describeConflict,
  knowsFrom,
  loadScenario,
  viewRoster,
  World,
  type WorldDefinition,
  type WorldEvent,
  type WorldSnapshot,
} from '../../src/index.js';
import { leaks as povLeaks } from './secrets.js';

export const INVARIANTS = [
  'no-internal-error',
  'located-errors',
  'valid-accepted',
  'mistake-rejected',
  'step-budget',
  'finite-concentrations',
  'consent',
  'age-rule',
  'privacy',
  'snapshot-restore',
  'prototype-pollution',
  'cli',
] as const;
export type Invariant = (typeof INVARIANTS)[number];

export interface Finding {
  invariant: Invariant;
  message: string;
}

/** What a case is: the scenario text, and what the generator knows of it. */
export interface Case {
  kind: 'valid' | 'near-valid' | 'hostile';
  /** how it was made: the mutation (near-valid) or the hostile kind */
  how?: string;
  text: string;
  /** the file has a mistake the format forbids */
  mustReject?: boolean;
  /** where to snapshot, as a share of the run (0..1) */
  cut: number;
  /** ids the file defines as characters or places: a definition that loads holds them all */
  ids?: string[];
}

/** How far a run may go. A world that needs more has hung, as far as the harness is concerned. */
export interface Budget {
  /** simulated seconds at most: a longer `until` is cut to this */
  simulated: number;
  instants: number;
  /**
   * wall-clock milliseconds for loading and running: generous, since a shared machine can be ten
   * times slower than an idle one; the instants are the budget that means something
   */
  wallMs: number;
}

export const BUDGET: Budget = { simulated: 6 * 3600, instants: 40_000, wallMs: 45_000 };

const AGE_RULE_TYPES = new Set([
  'pre-heat',
  'heat-onset',
  'heat-end',
  'heat-advanced',
  'pre-rut',
  'rut-onset',
  'rut-end',
  'rut-advanced',
  'bond',
  'mark',
  'separation',
  'reunion',
  'recognise-heat',
]);
/** What a refused party may not do to the refuser until a new consent. */
const BARRED = new Set(['approach', 'touch', 'mark', 'restrain', 'bond']);

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const ownKeys = () => PROTOTYPES.map(([, p]) => Reflect.ownKeys(p).map(String).sort().join(','));

/** Checks one case: the findings, in the order found. */
export function checkCase(c: Case, budget: Budget = BUDGET): Finding[] {
  const findings: Finding[] = [];
  const found = (invariant: Invariant, message: string) => findings.push({ invariant, message });
  const before = ownKeys();
  const started = performance.now();
  try {
    const loaded = loadScenario(c.text, 'fuzz.yaml');
    if (!loaded.ok) {
      checkLocated(c.text, loaded.errors, found);
      if (c.kind === 'valid')
        found('valid-accepted', `a generated valid scenario was rejected: ${loaded.errors[0]?.message}`);
    } else {
      if (c.mustReject) found('mistake-rejected', `a scenario with a mistake (${c.how}) was accepted`);
      checkPlainData(c, loaded.definition, found);
      runWorld(c, loaded.definition, budget, started, found);
    }
  } catch (error) {
    found('no-internal-error', describeError(error));
  }
  const after = ownKeys();
  after.forEach((keys, i) => {
    if (keys !== before[i]) found('prototype-pollution', `${PROTOTYPES[i]![0]} changed: ${keys}`);
  });
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) {
    found('prototype-pollution', 'Object.prototype.polluted is set');
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
  return findings;
}

/**
 * A loaded definition is plain data: every object an `Object` or an `Array` (a `__proto__` key read
 * as a prototype would make it something else), and every id the file defines is in it.
 */
export function checkPlainData(c: Case, def: WorldDefinition, found: Found): void {
  const seen = new Set<object>();
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype)
      found('prototype-pollution', `the definition's ${path || 'root'} has a foreign prototype`);
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(def, '');
  const defined = new Set([...def.characters.map((ch) => ch.id), ...def.places.map((p) => p.id)]);
  for (const id of c.ids ?? [])
    if (!defined.has(id))
      found('prototype-pollution', `'${id}' was defined in the file but is not in the definition`);
}

/** An exception, shortly: its kind, message and where it was thrown. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${String(error)}`;
  const frame = error.stack
    ?.split('\n')
    .find((l) => l.includes('/src/'))
    ?.trim()
    .replace(/^at /, '')
    .replace(/\(.*\/src\//, '(src/');
  return `${error.name}: ${error.message.slice(0, 300)}${frame ? ` at ${frame}` : ''}`;
}

export type Found = (invariant: Invariant, message: string) => void;

function checkLocated(
  text: string,
  errors: readonly { file: string; line: number; column: number; message: string }[],
  found: Found,
): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  if (!errors.length) found('located-errors', 'rejected with no error');
  for (const e of errors) {
    const ok =
      e.file === 'fuzz.yaml' &&
      Number.isInteger(e.line) &&
      Number.isInteger(e.column) &&
      e.line >= 1 &&
      e.column >= 1 &&
      e.line <= lines + 1 &&
      typeof e.message === 'string' &&
      e.message.length > 0;
    if (!ok)
      found('located-errors', `an error without a place in the file: ${JSON.stringify(e).slice(0, 300)}`);
  }
}

/** Runs the world an instant at a time, checking as it goes, then what holds of the whole run. */
function runWorld(c: Case, loaded: WorldDefinition, budget: Budget, started: number, found: Found): void {
  const until = Math.min(loaded.until, budget.simulated);
  const world = createWorld(loaded, { until });
  const def = world.definition;
  const cutAt = c.cut * until;
  let snapshot: { text: string; events: number } | undefined;
  let instants = 0;
  let seen = 0;
  let lastTime = Number.NEGATIVE_INFINITY;
  while (!world.finished) {
    const next = world.nextInstant;
    world.runUntil(next);
    instants++;
    if (world.time <= lastTime && !world.finished) {
      found('step-budget', `no progress: the world stays at t=${world.time}`);
      return;
    }
    lastTime = world.time;
    if (instants > budget.instants) {
      found('step-budget', `more than ${budget.instants} instants before t=${until} (at t=${world.time})`);
      return;
    }
    if (performance.now() - started > budget.wallMs) {
      found(
        'step-budget',
        `more than ${budget.wallMs} ms (${instants} instants, at t=${world.time} of ${until})`,
      );
      return;
    }
    const fresh = world.events.slice(seen);
    seen = world.events.length;
    if (fresh.some((e) => e.type === 'refuse')) checkRefusalNow(world, fresh, found);
    if (instants % 10 === 1) checkAir(world, found);
    if (!snapshot && world.time >= cutAt) {
      const taken = world.snapshot();
      checkState(taken, found);
      snapshot = { text: JSON.stringify(taken), events: world.events.length };
    }
  }
  checkAir(world, found);
  checkState(world.snapshot(), found);
  const events = world.events;
  checkConsent(events, found);
  checkAgeRule(def, events, found);
  checkPrivacy(world, found);
  checkExpectations(def.expectations, events);
  if (snapshot) checkRestore(world, snapshot, found);
}

/** The air of every place, as the public query reads it: finite and never negative. */
function checkAir(world: World, found: Found): void {
  for (const place of world.definition.places) {
    const { total } = world.concentration(place.id);
    if (!Number.isFinite(total) || total < 0) {
      found('finite-concentrations', `concentration in ${place.id} is ${total} at t=${world.time}`);
      return;
    }
  }
}

/** The snapshot's scent and drive numbers: finite and never negative. */
export function checkState({ state }: WorldSnapshot, found: Found): void {
  const columns: [string, readonly (number | null)[]][] = [
    ['plume', state.plumes.flatMap((p) => p.conc)],
    ['trapped', state.trapped],
    ['residue', state.pairs.residue],
    ['agitation', state.agitation],
    ['drives', state.pairs.drives],
  ];
  for (const [name, values] of columns) {
    // NaN and infinities become null in the snapshot's JSON.
    const bad = values.findIndex((v) => v === null || !Number.isFinite(v) || v < 0);
    if (bad >= 0) {
      found('finite-concentrations', `${name}[${bad}] is ${values[bad]} in the snapshot at t=${state.t}`);
      return;
    }
  }
}

/** Right after a refusal's instant: no hold and no closeness of the refused toward the refuser. */
function checkRefusalNow(world: World, fresh: readonly WorldEvent[], found: Found): void {
  const { state } = world.snapshot();
  const index = new Map(world.definition.characters.map((ch, i) => [ch.id, i]));
  for (const r of fresh.filter((e) => e.type === 'refuse')) {
    const [x, y] = [index.get(r.actor!)!, index.get(r.target!)!];
    const renewed = fresh.some(
      (e) => e.id > r.id && e.type === 'consent' && e.actor === r.actor && e.target === r.target,
    );
    if (renewed) continue;
    if (state.restrainedBy[x] === y)
      found(
        'consent',
        `${r.target} still holds ${r.actor} at the end of the instant of the refusal #${r.id} (t=${r.t})`,
      );
    const slot = state.pairs.holder.findIndex((h, i) => h === y && state.pairs.other[i] === x);
    if (slot >= 0 && state.pairs.close[slot])
      found(
        'consent',
        `${r.target} is still close to ${r.actor} at the end of the instant of the refusal #${r.id}`,
      );
  }
}

/** After a refusal, nothing by the refused toward the refuser gets through until a new consent. */
export function checkConsent(events: readonly WorldEvent[], found: Found): void {
  const refused = new Map<string, WorldEvent>();
  for (const e of events) {
    const key = (a?: string, b?: string) => `${a}>${b}`;
    if (e.type === 'refuse') refused.set(key(e.actor, e.target), e);
    else if (e.type === 'consent') refused.delete(key(e.actor, e.target));
    else if (BARRED.has(e.type)) {
      const refusal = refused.get(key(e.target, e.actor));
      if (refusal)
        found(
          'consent',
          `#${e.id} ${e.type} ${e.actor}→${e.target} at t=${e.t} after ${e.target}'s refusal #${refusal.id} (t=${refusal.t})`,
        );
    }
  }
}

export function checkAgeRule(def: WorldDefinition, events: readonly WorldEvent[], found: Found): void {
  const minors = new Set(
    def.characters.filter((ch) => ch.age !== undefined && ch.age < ADULT_AGE).map((ch) => ch.id),
  );
  for (const e of events) {
    const ruled = AGE_RULE_TYPES.has(e.type) || (e.type === 'drive' && e.value === 'longing');
    const minor = [e.actor, e.target].find((who) => who !== undefined && minors.has(who));
    if (ruled && minor)
      found('age-rule', `#${e.id} ${e.type} ${e.actor}→${e.target ?? ''} involves ${minor}, a minor`);
  }
}

/** No point of view states a secret its character does not know; no redacted roster line says why. */
function checkPrivacy(world: World, found: Found): void {
  const def = world.definition;
  const events = world.events;
  const report = world.rosterReport();
  const knows = knowsFrom(def, events, world.time);
  const names = calendarNames(def);
  for (const viewer of def.characters) {
    for (const leak of povLeaks(def, events, viewer.id))
      found('privacy', `${viewer.id}'s point of view: ${leak}`);
    for (const conflict of viewRoster(report, viewer.id, knows).conflicts) {
      if (!isRedacted(conflict)) continue;
      const words = leakWords(describeConflict(conflict, names, true));
      if (words.length || 'window' in conflict)
        found(
          'privacy',
          `${viewer.id}'s redacted roster line on ${conflict.character} gives away ${words.join(', ')}`,
        );
    }
  }
}

/** A world restored from the snapshot goes on exactly as the original did, byte for byte. */
function checkRestore(world: World, snapshot: { text: string; events: number }, found: Found): void {
  const restored = World.restore(JSON.parse(snapshot.text) as WorldSnapshot);
  restored.run();
  const rest = (w: World) => JSON.stringify(w.events.slice(snapshot.events));
  const [a, b] = [rest(world), rest(restored)];
  if (a !== b) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    found(
      'snapshot-restore',
      `after a restore at event ${snapshot.events} the log differs at character ${i}: ${a.slice(i, i + 80)} | ${b.slice(i, i + 80)}`,
    );
  }
}
