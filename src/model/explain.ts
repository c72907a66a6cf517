/**
 * Explanations: any event's causes, followed back to their roots (scripted actions and the start).
 */
import type { EventType } from '../vocabulary/events.js';
import { CYCLE_EVENTS } from './cycle.js';
import type { WorldEvent } from './events.js';

/**
 * Causes the log implies that an event does not cite: a heat's or a rut's onset was moved by every
 * advance since its build-up began.
 */
const ADVANCED_BY: Partial<Record<EventType, { advance: EventType; since: EventType }>> = Object.fromEntries(
  Object.values(CYCLE_EVENTS).map((c) => [c.onset, { advance: c.advanced, since: c.pre }]),
);

/**
 * The events that moved `e` without being cited by it: for a heat's onset, each time that pre-heat
 * was brought forward. `events` is the log, in id order.
 */
export function impliedCauses(events: readonly WorldEvent[], e: WorldEvent): WorldEvent[] {
  const rule = ADVANCED_BY[e.type];
  if (!rule) return [];
  const found: WorldEvent[] = [];
  for (let i = Math.min(e.id, events.length) - 2; i >= 0; i--) {
    const before = events[i]!;
    if (before.actor !== e.actor) continue;
    if (before.type === rule.since) break;
    if (before.type === rule.advance) found.push(before);
  }
  return found.reverse();
}

export interface CauseTree {
  event: WorldEvent;
  /** the events that led to this one; empty for a root */
  causes: CauseTree[];
  /** true where this event was already explained higher up in the tree */
  repeated: boolean;
  /**
   * events folded into this one: of its type, by and toward the same characters, for the same causes
   * (five advances of one heat), in log order. Their shared causes are shown once, under this one.
   */
  alike: WorldEvent[];
}

/**
 * The causal tree behind event `id`, or undefined if the log has no such event. Every cause is
 * followed: those the event cites, and those the log implies (`impliedCauses`). Sibling causes that
 * repeat one another's chain are folded into one node (`alike`); a cause already explained higher up
 * is marked `repeated` and not followed again.
 */
export function explain(events: readonly WorldEvent[], id: number): CauseTree | undefined {
  const byId = new Map(events.map((e) => [e.id, e]));
  const shown = new Set<number>();
  const causesOf = (event: WorldEvent): WorldEvent[] => {
    const cited = event.causes.flatMap((c) => byId.get(c) ?? []);
    const implied = impliedCauses(events, event).filter((e) => !event.causes.includes(e.id));
    return [...cited, ...implied].sort((a, b) => a.id - b.id);
  };
  const build = (event: WorldEvent, alike: WorldEvent[]): CauseTree => {
    const repeated = shown.has(event.id);
    shown.add(event.id);
    for (const e of alike) shown.add(e.id);
    const causes = repeated ? [] : foldAlike(causesOf(event), causesOf).map(([e, more]) => build(e, more));
    return { event, causes, repeated, alike };
  };
  const root = byId.get(id);
  return root ? build(root, []) : undefined;
}

/**
 * Sibling causes grouped: each with the later ones alike to it (same type, actor and target, and the
 * same causes), in log order.
 */
function foldAlike(
  siblings: readonly WorldEvent[],
  causesOf: (e: WorldEvent) => readonly WorldEvent[],
): [WorldEvent, WorldEvent[]][] {
  const groups = new Map<string, [WorldEvent, WorldEvent[]]>();
  const out: [WorldEvent, WorldEvent[]][] = [];
  for (const e of siblings) {
    const key = [e.type, e.actor, e.target, ...causesOf(e).map((c) => c.id)].join('\u0000');
    const group = groups.get(key);
    if (group) group[1].push(e);
    else {
      const fresh: [WorldEvent, WorldEvent[]] = [e, []];
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/**
 * Finds an event by a selector: its id (`12`, `#12`) or `type[:actor[:target[:value]]]`, the first
 * match in the log (`identify:rey:phasma`).
 */
export function findEvent(events: readonly WorldEvent[], selector: string): WorldEvent | undefined {
  const id = /^#?(\d+)$/.exec(selector.trim());
  if (id) return events.find((e) => e.id === Number(id[1]));
  const [type, actor, target, value] = selector.split(':').map((s) => s.trim());
  return events.find(
    (e) =>
      e.type === type &&
      (!actor || e.actor === actor) &&
      (!target || e.target === target) &&
      (!value || String(e.value) === value),
  );
}
