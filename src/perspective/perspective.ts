/**
 * A point of view: the log as one character lives it. Only what they do, perceive or are told, and
 * what is done before their eyes; what others are, only as far as their own perceptions and beliefs
 * say; causes only among what they could know. The calendar's privacy boundary (`calendar/redact.ts`)
 * is the same idea on one view: here it covers every event, and a roster conflict whose reason the
 * viewer does not know reads as medical leave, as the roster does for them.
 *
 * Read in log order, one event at a time (a run told as it happens, a game as it is played), or a
 * whole log at once (`perspectiveOf`). What the viewer is told is a log of its own: numbered from 1,
 * each event's causes those of its known events that led to it (through any the viewer cannot know),
 * so that `explain` works on it as on any log.
 */
import { MEDICAL_LEAVE } from '../calendar/redact.js';
import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import type { BeliefSource } from '../vocabulary/beliefs.js';
import type { EventType } from '../vocabulary/events.js';
import type { Representation } from '../vocabulary/representations.js';

/**
 * What people do in the open: seen by whoever is in the place it happens (for a move, either end;
 * for a door, either side) and by whoever it is done to. Everything else is someone's inner life, body
 * or perception, known only to them: scent caught, beliefs, drives, an impulse held back, a heat, a
 * reminder, medication.
 */
const OUTWARD: ReadonlySet<EventType> = new Set<EventType>([
  'move',
  'door',
  'gear',
  'approach',
  'withdraw',
  'touch',
  'aim',
  'lower',
  'order',
  'say',
  'tell',
  'refuse',
  'consent',
  'submit',
  'reassure',
  'shower',
  'mark',
  'snarl',
  'restrain',
  'release',
  'whine',
  'shiver',
  'comply',
  'defy',
  'consent-block',
]);

/** Between two people only: the one who asks and the one asked, and whom it concerns. */
const BETWEEN: ReadonlySet<EventType> = new Set<EventType>(['request-leave', 'reschedule', 'bond']);

/**
 * The details of someone else's event that anyone who saw it could know: what was done, with what,
 * where, what was said. Never a number of their inner life (a drive, a will to obey, a dose), nor
 * whether what they said was true.
 */
const SEEN_DATA = new Set([
  'from',
  'to',
  'door',
  'between',
  'item',
  'released',
  'text',
  'voice',
  'endedTouch',
  'reason',
  'by',
  'removed',
  'event',
  'leave',
  'words',
  // the fields of an order's demand
  'target',
  'about',
  'value',
  'as',
  'medication',
]);

export class Perspective {
  /** the viewer's own log: what they know happened, renumbered */
  readonly events: WorldEvent[] = [];
  private here: string;
  private readonly truth = new Map<string, Representation>();
  /** what the viewer believes of each subject now, and from what */
  private readonly beliefs = new Map<string, { value: Representation; source: BeliefSource }>();
  /** by the log's id: the viewer's events it is, or (unknown to them) those it came from */
  private readonly known = new Map<number, number[]>();
  /** leave requests, by id: a conflict they raise is between the two of them */
  private readonly requests = new Map<number, WorldEvent>();

  constructor(
    private readonly definition: WorldDefinition,
    readonly viewer: string,
  ) {
    const self = definition.characters.find((c) => c.id === viewer);
    if (!self) throw new Error(`unknown character '${viewer}'`);
    this.here = self.at;
    for (const c of definition.characters) this.truth.set(c.id, c.representation);
  }

  /** Whether the viewer knows `subject`'s true representation now (everyone knows themself). */
  knows(subject: string): boolean {
    if (subject === this.viewer) return true;
    const c = this.definition.characters.find((d) => d.id === subject);
    const truth = this.truth.get(subject);
    if (c?.presentsAs !== undefined && c.presentsAs === truth) return true;
    const belief = this.beliefs.get(subject);
    return belief !== undefined && belief.source !== 'assumed' && belief.value === truth;
  }

  /** Reads the next event of the log: the viewer's version of it, or undefined if they cannot know it. */
  see(e: WorldEvent): WorldEvent | undefined {
    const seen = this.visible(e) ? this.told(e) : undefined;
    this.remember(e);
    if (!seen) {
      this.known.set(
        e.id,
        [...new Set(e.causes.flatMap((id) => this.known.get(id) ?? []))].sort((a, b) => a - b),
      );
      return undefined;
    }
    this.events.push(seen);
    this.known.set(e.id, [seen.id]);
    return seen;
  }

  private visible(e: WorldEvent): boolean {
    const me = this.viewer;
    if (e.type === 'conflict') {
      const request = e.causes.map((id) => this.requests.get(id)).find(Boolean);
      return e.actor === me || request?.actor === me || request?.target === me;
    }
    if (e.actor === me) return true;
    if (BETWEEN.has(e.type)) return e.target === me;
    if (!OUTWARD.has(e.type)) return false;
    if (e.target === me) return true;
    if (e.type === 'move') return e.place === this.here || e.data.from === this.here;
    if (e.type === 'door') return Array.isArray(e.data.between) && e.data.between.includes(this.here);
    return e.place === this.here;
  }

  /** The event as the viewer knows it. */
  private told(e: WorldEvent): WorldEvent {
    const causes = [...new Set(e.causes.flatMap((id) => this.known.get(id) ?? []))].sort((a, b) => a - b);
    const base = { ...e, id: this.events.length + 1, causes };
    if (e.type === 'conflict' && !this.knows(String(e.data.via ?? e.actor))) {
      // Whose window it is, and how sure, would say why: medical leave, as the roster says.
      const { value: _, ...rest } = base;
      return { ...rest, data: { event: e.data.event ?? null, reason: MEDICAL_LEAVE } };
    }
    if (e.actor === this.viewer) return base;
    const data = Object.fromEntries(Object.entries(e.data).filter(([key]) => SEEN_DATA.has(key)));
    // A shiver is seen; at whose scent, only the one who shivers knows.
    if (e.type === 'shiver') {
      const { target: _, ...rest } = base;
      return { ...rest, data };
    }
    return { ...base, data };
  }

  /** What the event changes in what the filter keeps track of: where the viewer is, what is true. */
  private remember(e: WorldEvent): void {
    if (e.type === 'move' && e.actor === this.viewer && e.value === undefined) this.here = String(e.data.to);
    if (e.type === 'present' && e.actor) this.truth.set(e.actor, e.value as Representation);
    if (e.type === 'belief' && e.actor === this.viewer && e.target)
      this.beliefs.set(e.target, { value: e.value as Representation, source: e.data.source as BeliefSource });
    if (e.type === 'request-leave') this.requests.set(e.id, e);
  }
}

/** A whole log as `viewer` lives it. */
export function perspectiveOf(
  definition: WorldDefinition,
  events: readonly WorldEvent[],
  viewer: string,
): WorldEvent[] {
  const view = new Perspective(definition, viewer);
  for (const e of events) view.see(e);
  return view.events;
}
