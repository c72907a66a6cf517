/**
 * The event log. Every event has a time, a type, the characters and place involved, a
 * small data object and `causes`: the ids of the events that led to it.
 */
import type { EventType } from '../vocabulary/events.js';
import type { Scalar } from './definition.js';

/**
 * The id of the latest event of `type` from `actor` (toward `target`, when given), as a list of at
 * most one: what a new event's `causes` cite.
 */
export function latestEventIds(
  events: readonly WorldEvent[],
  type: EventType,
  actor: string,
  target?: string,
): number[] {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === type && e.actor === actor && (target === undefined || e.target === target)) return [e.id];
  }
  return [];
}

export interface WorldEvent {
  /** 1-based, in log order */
  id: number;
  /** seconds from the scenario's start */
  t: number;
  type: EventType;
  /** who acts or perceives; for what happens in a body, that body's owner */
  actor?: string;
  /** whom it concerns */
  target?: string;
  /** the place where it happened */
  place?: string;
  /** the outcome: the representation identified, the new belief, the demanded action… */
  value?: Scalar;
  data: Record<string, Scalar | Scalar[] | null>;
  /** ids of the events that led to this one */
  causes: number[];
}
