/**
 * Explanations as text: a cause tree indented under the event it explains, each node with its clock,
 * its sentence and the numbers that crossed a threshold.
 */
import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import type { CauseTree } from '../model/explain.js';
import { formatClock, formatElapsed } from '../units/time.js';
import { type Names, namesOf, narrate } from './language/narrate.js';

/** An explanation as an indented tree, the event first and its causes below it (`log`: the run's events). */
export function formatTree(tree: CauseTree, def: WorldDefinition, log: readonly WorldEvent[] = []): string {
  const names = namesOf(def);
  const lines: string[] = [];
  const walk = (node: CauseTree, prefix: string, childPrefix: string) => {
    lines.push(
      `${prefix}${nodeLine(describeNode(node.event, def, names, log))}${node.repeated ? ' (see above)' : ''}${alikeNote(node, def)}`,
    );
    node.causes.forEach((child, i) => {
      const last = i === node.causes.length - 1;
      walk(child, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(tree, '', '');
  return `${lines.join('\n')}\n`;
}

/** ` (and 4 more alike: #33, #35, #40, #41, the last at 22:36:56 +1:36:56)`, for a folded node. */
export function alikeNote(node: CauseTree, def: WorldDefinition): string {
  const last = node.alike.at(-1);
  if (!last) return '';
  const ids = node.alike.map((e) => `#${e.id}`).join(', ');
  return ` (and ${node.alike.length} more alike: ${ids}, the last at ${formatClock(def.clock, last.t)} ${formatElapsed(last.t)})`;
}

/** One node of an explanation, in parts: what `formatTree` prints for it, and any other view can show. */
export interface NodeText {
  /** `#47` */
  id: string;
  /** the wall clock at the event, `14:05:01` */
  clock: string;
  /** the time since the start, `+0:05:01` */
  elapsed: string;
  /** the narrated sentence */
  sentence: string;
  /** the numbers that crossed a threshold (`aggression 1.24 ≥ threshold 0.575`), or empty */
  numbers: string;
}

/** The parts of an explanation node's text for event `e` (`log`: the run's events, for sentences that look back). */
export function describeNode(
  e: WorldEvent,
  def: WorldDefinition,
  names: Names = namesOf(def),
  log: readonly WorldEvent[] = [],
): NodeText {
  return {
    id: `#${e.id}`,
    clock: formatClock(def.clock, e.t),
    elapsed: formatElapsed(e.t),
    sentence: narrate(e, names, { log }),
    numbers: describeNumbers(e),
  };
}

/** A node as one line: `#47 14:05:01 +0:05:01 Rey seized Finn and held him back. (aggression 1.24 ≥ threshold 0.575)`. */
export function nodeLine(node: NodeText): string {
  return `${node.id} ${node.clock} ${node.elapsed} ${node.sentence}${node.numbers ? ` (${node.numbers})` : ''}`;
}

/** Event data fields that are not factors of a rule. */
const RULE_FIELDS = new Set(['rule', 'mechanic', 'before', 'level', 'toward', 'amount', 'drive']);
const ORDER_FIELDS = new Set(['will', 'item', 'to', 'door', 'target', 'text']);

/** The numbers that crossed a threshold, for explanations: "dose 3.1 ≥ threshold 0.62 via near-field". */
function describeNumbers(e: WorldEvent): string {
  const d = e.data;
  const cmp = (a: number, b: number) => (a >= b ? '≥' : '<');
  if (typeof d.dose === 'number' && typeof d.threshold === 'number') {
    return `dose ${d.dose} ${cmp(d.dose, d.threshold)} threshold ${d.threshold}${d.via ? ` via ${d.via}` : ''}`;
  }
  if (typeof d.rule === 'string') {
    // "guard-approach: 0.9 × protect-of-event-target 0.51 × youth 1.43 → aggression 1.19"
    const factors = Object.entries(d)
      .filter(([k, v]) => !RULE_FIELDS.has(k) && typeof v === 'number')
      .map(([k, v]) => ` × ${k} ${v}`)
      .join('');
    const drive =
      e.value === 'calm'
        ? `${d.drive} ${d.before} → ${d.level}`
        : typeof d.toward === 'number'
          ? `${e.value} ${d.level}, rising toward ${d.toward}`
          : `${e.value} ${d.level}`;
    return `rule ${d.rule}: ${d.amount}${factors} → ${drive}`;
  }
  for (const drive of ['aggression', 'longing', 'discomfort']) {
    const level = d[drive];
    if (typeof level === 'number' && typeof d.threshold === 'number') {
      const limit = e.type === 'release' ? `release below ${d.release}` : `threshold ${d.threshold}`;
      return e.type === 'release'
        ? `${drive} ${level}, ${limit}`
        : `${drive} ${level} ${cmp(level, d.threshold)} ${limit}`;
    }
  }
  if (typeof d.will === 'number') {
    const terms = Object.entries(d)
      .filter(([k, v]) => !ORDER_FIELDS.has(k) && typeof v === 'number' && v !== 0)
      .map(([k, v]) => `${k} ${Number(v) > 0 ? '+' : ''}${v}`)
      .join(', ');
    return `will ${d.will} ${d.will >= 0 ? '≥' : '<'} 0: ${terms}`;
  }
  if (typeof d.source === 'string')
    return `source: ${d.source}${typeof d.confidence === 'number' ? `, confidence ${d.confidence}` : ''}`;
  return '';
}
