/**
 * Explanations: any event's causes, followed back to their roots (scripted actions and the start).
 */
import type { WorldEvent } from './events.js';

export interface CauseTree {
  event: WorldEvent;
  /** the events that led to this one; empty for a root */
  causes: CauseTree[];
  /** true where this event was already explained higher up in the tree */
  repeated: boolean;
}

/** The causal tree behind event `id`, or undefined if the log has no such event. */
export function explain(events: readonly WorldEvent[], id: number): CauseTree | undefined {
  const byId = new Map(events.map((e) => [e.id, e]));
  const shown = new Set<number>();
  const build = (event: WorldEvent): CauseTree => {
    const repeated = shown.has(event.id);
    shown.add(event.id);
    const causes = repeated
      ? []
      : event.causes.flatMap((c) => {
          const cause = byId.get(c);
          return cause ? [build(cause)] : [];
        });
    return { event, causes, repeated };
  };
  const root = byId.get(id);
  return root ? build(root) : undefined;
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
