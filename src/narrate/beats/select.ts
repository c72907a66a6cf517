/**
 * Which events are beats. A reader of the scene notices what people do and what changes; not that
 * someone caught again a scent already known, nor a belief the sentence before has just told. Each
 * event type is told by default, so a new type takes part with its sentence alone; the rules below
 * leave out repeats, fold assumptions, and keep the story's state they need (who is where, who
 * believes what, what was last told when).
 */
import type { NarrationCanon } from '../../canon/types.js';
import type { WorldDefinition } from '../../model/definition.js';
import type { WorldEvent } from '../../model/events.js';
import type { EventType } from '../../vocabulary/events.js';
import type { Names } from '../language/names.js';
import { narrate } from '../language/narrate.js';
import { foldAssumptions } from './assumptions.js';
import { type Beat, eventBeat } from './beat.js';
import { FOLDS } from './folds.js';

const pair = (e: WorldEvent) => `${e.actor}\u0000${e.target}`;

/**
 * Reactions a reader has been told of once, left out when they come again within
 * `narration.reminder` of the last telling: by what makes two of them the same.
 */
const REPEATS: Partial<Record<EventType, (e: WorldEvent) => string>> = {
  shiver: pair,
  whine: pair,
  resist: (e) => `${pair(e)}\u0000${e.value}\u0000${e.data.reason}`,
  'recognise-heat': pair,
  'heat-advanced': (e) => `${e.actor}`,
  'rut-advanced': (e) => `${e.actor}`,
};

export class BeatSelector {
  /** where each character is */
  private readonly place = new Map<string, string>();
  /** what each observer believes each subject is */
  private readonly belief = new Map<string, string>();
  /** scents already told (a pair, by route: in the air from elsewhere, or on the skin) */
  private readonly smelled = new Set<string>();
  /** when each repeated reaction was last told */
  private readonly lastTold = new Map<string, number>();
  private assumptionsExplained = false;

  constructor(
    def: WorldDefinition,
    private readonly names: Names,
    private readonly pacing: NarrationCanon,
    /** the whole log, for sentences that look back */
    private readonly log: readonly WorldEvent[],
  ) {
    for (const c of def.characters) this.place.set(c.id, c.at);
  }

  /** Who is in `place` now. */
  readonly present = (place: string | undefined): string[] =>
    [...this.place].filter(([, p]) => p === place).map(([id]) => id);

  /** The beats of one instant: all of its events, in log order. */
  instant(events: readonly WorldEvent[]): Beat[] {
    const told: WorldEvent[] = [];
    const assumed: WorldEvent[] = [];
    for (const e of events) {
      const verdict = this.verdict(e, events);
      this.remember(e);
      if (verdict === 'fold') assumed.push(e);
      else if (verdict === 'tell') told.push(e);
    }
    // An assumption that a smell put right in the same instant: the reader is told only the smell.
    const corrected = new Set(events.filter((e) => e.type === 'identify').map(pair));
    const standing = assumed.filter((e) => !corrected.has(pair(e)));
    const beats = this.together(told);
    if (standing.length) {
      // Where the first assumption was, among the beats of the events told before it.
      const at = beats.findIndex((b) => b.events[0]!.id > standing[0]!.id);
      beats.splice(
        at < 0 ? beats.length : at,
        0,
        ...foldAssumptions(standing, this.present, !this.assumptionsExplained),
      );
      this.assumptionsExplained = true;
    }
    return beats;
  }

  /** The told events as beats: alike events of the instant (`FOLDS`) in one sentence, at the first's place. */
  private together(told: readonly WorldEvent[]): Beat[] {
    const groups = new Map<string, WorldEvent[]>();
    const order: (WorldEvent | WorldEvent[])[] = [];
    for (const e of told) {
      const key = FOLDS[e.type]?.key(e);
      if (key === undefined) {
        order.push(e);
        continue;
      }
      const group = groups.get(`${e.type}\u0000${key}`);
      if (group) group.push(e);
      else {
        const fresh = [e];
        groups.set(`${e.type}\u0000${key}`, fresh);
        order.push(fresh);
      }
    }
    return order.map((item) => {
      if (!Array.isArray(item) || item.length === 1) {
        const e = Array.isArray(item) ? item[0]! : item;
        return eventBeat(e, (voice) => narrate(e, this.names, { voice, log: this.log }));
      }
      const fold = FOLDS[item[0]!.type]!;
      return {
        t: item[0]!.t,
        events: item,
        types: [item[0]!.type],
        about: [
          ...new Set(item.flatMap((e) => [e.actor, e.target]).filter((id): id is string => id !== undefined)),
        ],
        tell: (voice) => fold.tell(item, voice),
      };
    });
  }

  /** Whether to tell an event, fold it with others of its instant, or leave it to the full view. */
  private verdict(e: WorldEvent, instant: readonly WorldEvent[]): 'tell' | 'fold' | 'skip' {
    const repeat = REPEATS[e.type]?.(e);
    if (repeat !== undefined) {
      const last = this.lastTold.get(`${e.type}\u0000${repeat}`);
      if (last !== undefined && e.t - last < this.pacing.reminder) return 'skip';
      this.lastTold.set(`${e.type}\u0000${repeat}`, e.t);
    }
    switch (e.type) {
      case 'belief':
        // Assumed: folded with the others of this meeting. By scent: the `identify` before it told
        // it (or it only confirms). Told: only if it changes what the listener believed.
        if (e.data.source === 'assumed') return 'fold';
        if (e.data.source === 'scent') return 'skip';
        if (e.data.source === 'told') return e.data.previous === e.value ? 'skip' : 'tell';
        return 'tell';
      case 'identify':
        // Smelling what one already took them for changes nothing a reader sees.
        return this.belief.get(pair(e)) === e.value ? 'skip' : 'tell';
      case 'detect':
        return this.detectVerdict(e, instant);
      case 'approach':
        // The engine's approach that goes with a seizure: "seized Finn and held him back" says it.
        return instant.some((c) => c.type === 'restrain' && e.causes.includes(c.id)) ? 'skip' : 'tell';
      case 'withdraw':
        // Stepping back from nobody (a refusal has already parted them) changes nothing a reader sees:
        // an untargeted withdrawal names in `from` whom it parted.
        return e.target === undefined && e.data.from === undefined ? 'skip' : 'tell';
      default:
        return 'tell';
    }
  }

  /**
   * A scent is a beat when it tells something the scene does not show: someone smelled from another
   * place (once), or on one's own skin (once, and again when an action of one's own, a shower or a
   * helmet, makes one notice it still there).
   */
  private detectVerdict(e: WorldEvent, instant: readonly WorldEvent[]): 'tell' | 'skip' {
    if (e.data.via === 'residue') {
      const key = `skin\u0000${pair(e)}`;
      const prompted = instant.some((c) => c.actor === e.actor && e.causes.includes(c.id));
      if (this.smelled.has(key) && !prompted) return 'skip';
      this.smelled.add(key);
      return 'tell';
    }
    if (this.place.get(e.actor!) === this.place.get(e.target!)) return 'skip';
    const key = `apart\u0000${pair(e)}`;
    if (this.smelled.has(key)) return 'skip';
    this.smelled.add(key);
    return 'tell';
  }

  /** What an event changes in the story's state. */
  private remember(e: WorldEvent): void {
    if (e.type === 'move' && e.value === undefined && typeof e.data.to === 'string')
      this.place.set(e.actor!, e.data.to);
    if (e.type === 'belief') this.belief.set(pair(e), String(e.value));
  }
}
