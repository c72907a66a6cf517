/**
 * Output formats for an event log and for the other views: plain text for reading, Markdown for
 * sharing, JSON Lines for tools.
 */

import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import type { CauseTree } from '../model/explain.js';
import type { Knower } from '../model/knowledge.js';
import { formatClock, formatElapsed, formatStamp } from '../units/time.js';
import { eventRecord, type Names, namesOf, narrate } from './narrate.js';

export const LOG_FORMATS = ['text', 'jsonl', 'md'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** One line of the full log: `#28   14:03:00 +0:03:00  Rey smelled that Phasma is an omega.` */
export function textLine(
  e: WorldEvent,
  def: WorldDefinition,
  names: Names,
  log: readonly WorldEvent[] = [],
): string {
  return `#${String(e.id).padEnd(4)} ${formatStamp(def.clock, e.t)}  ${narrate(e, names, { log })}`;
}

export function formatLog(events: readonly WorldEvent[], def: WorldDefinition, format: LogFormat): string {
  const names = namesOf(def);
  switch (format) {
    case 'jsonl':
      return jsonLines(events.map((e) => eventRecord(e, def, names, events)));
    case 'md': {
      const rows = events.map(
        (e) =>
          `| ${e.id} | ${formatStamp(def.clock, e.t)} | ${e.type} | ${escapeMarkdownCell(narrate(e, names, { log: events }))} |`,
      );
      return [
        `# ${escapeMarkdownCell(def.title)}`,
        '',
        '| # | time | event | what happened |',
        '|---|---|---|---|',
        ...rows,
        '',
      ].join('\n');
    }
    case 'text':
      return [
        def.title,
        ...events.map((e) => textLine(e, def, names, events)),
        `${events.length} events`,
        '',
      ].join('\n');
  }
}

/** One JSON document a line, ending with a newline when there is any. */
export function jsonLines(items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + (items.length ? '\n' : '');
}

const escapeMarkdownCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** An explanation as an indented tree, the event first and its causes below it (`log`: the run's events). */
export function formatTree(tree: CauseTree, def: WorldDefinition, log: readonly WorldEvent[] = []): string {
  const names = namesOf(def);
  const lines: string[] = [];
  const walk = (node: CauseTree, prefix: string, childPrefix: string) => {
    lines.push(
      `${prefix}${nodeLine(describeNode(node.event, def, names, log))}${node.repeated ? ' (see above)' : ''}`,
    );
    node.causes.forEach((child, i) => {
      const last = i === node.causes.length - 1;
      walk(child, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(tree, '', '');
  return `${lines.join('\n')}\n`;
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

export function formatWhoKnows(
  knowers: Knower[],
  subject: string,
  at: number,
  def: WorldDefinition,
  format: 'text' | 'json',
): string {
  if (format === 'json') {
    return `${JSON.stringify({ character: subject, at, knowers }, null, 2)}\n`;
  }
  const names = namesOf(def);
  const who = names.character(subject);
  const truth = def.characters.find((c) => c.id === subject)?.representation;
  const head = `Who knows ${who}'s true representation (${truth}) at ${formatStamp(def.clock, at)}:`;
  if (!knowers.length) return `${head}\n  nobody\n`;
  const lines = knowers.map((k) => {
    const since = `since ${formatClock(def.clock, k.since)}`;
    const how = k.how === k.latest ? k.how : `${k.how}, now ${k.latest}`;
    return `  ${names.character(k.observer)} — ${since}, ${how}`;
  });
  return `${head}\n${lines.join('\n')}\n`;
}
