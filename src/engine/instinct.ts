/**
 * Instinct: drives rise and fall by the canon's rules, and the engine — not the script — turns them
 * into actions when they beat a character's self-control: snarl, restrain, release, shiver, whine,
 * reach for someone who has consented; or holds them back (`resist`). Orders are obeyed or defied here
 * too, from rank, belief, coercion and trust.
 */

import type { DriveRule } from '../canon/types.js';
import type { ActionBody, Scalar } from '../model/definition.js';
import { latestEventIds, type WorldEvent } from '../model/events.js';
import { round3, roundAll } from '../units/numbers.js';
import { UNORDERABLE } from '../vocabulary/actions.js';
import { DRIVE, DRIVE_COUNT, type DriveName } from '../vocabulary/drives.js';
import type { EventType } from '../vocabulary/events.js';
import {
  type RuleHost,
  type RuleSubject,
  ruleAmount,
  ruleFactors,
  ruleHolds,
  ruleNeedsPairs,
} from './rules.js';
import type { PendingOrder, WorldState } from './state.js';

export interface InstinctHost extends RuleHost {
  state: WorldState;
  n: number;
  id(c: number): string;
  now(): number;
  emit(
    type: EventType,
    who: { actor?: number; target?: number; value?: Scalar },
    causes: number[],
    data?: WorldEvent['data'],
  ): number;
  /** the character's self-control threshold (with their personal noise) */
  selfControlThreshold(c: number): number;
  /** performs an action for `actor` as a consequence of `causes`; false if it could not happen */
  act(actor: number, body: ActionBody, causes: number[]): boolean;
  /** whether `actor` could do `body` now (an order to remove what is not worn is moot) */
  possible(actor: number, body: ActionBody): boolean;
  orderWill(order: PendingOrder): { will: number; terms: Record<string, number> };
  /** the others `feeler` is near (same place, or takes in something of) or has identified, ascending */
  pairsOf(feeler: number): number[];
}

export class Instinct {
  /**
   * Drive slots that have ever held something (with their pairs' flags, what `decide` and the decay
   * look at), slots a `presence` rule held up this instant, and slots whose rise has been logged: kept
   * beside the state so that a crew of hundreds is not swept pair by pair at every instant.
   */
  private readonly live = new Set<number>();
  private sustainedSlots: number[] = [];
  private readonly noticedSlots = new Set<number>();

  constructor(private readonly h: InstinctHost) {
    const s = h.state;
    for (let slot = 0; slot < s.drives.length; slot++) {
      const pair = Math.floor(slot / DRIVE_COUNT);
      const flagged = s.snarled[pair] || s.resisted[pair] || s.resistedLonging[pair];
      const held = s.restrainedBy[pair % h.n] === Math.floor(pair / h.n);
      if (s.drives[slot] || flagged || held) this.live.add(slot);
      if (s.sustained[slot]) this.sustainedSlots.push(slot);
      if (s.noticed[slot]) this.noticedSlots.add(slot);
    }
  }

  /** The drive slots that have ever held something, ascending. */
  liveSlots(): number[] {
    return [...this.live].sort((a, b) => a - b);
  }

  private slot(c: number, other: number, d: DriveName): number {
    return (c * this.h.n + other) * DRIVE_COUNT + DRIVE[d];
  }

  level(c: number, other: number, d: DriveName): number {
    return this.h.state.drives[this.slot(c, other, d)]!;
  }

  private set(c: number, other: number, d: DriveName, value: number): void {
    const slot = this.slot(c, other, d);
    this.h.state.drives[slot] = value;
    if (value) this.live.add(slot);
  }

  private lastDriveEvent(c: number, other: number, d: DriveName): number[] {
    const id = this.h.state.driveEvents[this.slot(c, other, d)]!;
    return id > 0 ? [id] : [];
  }

  /** Reacts to the events of this instant, in order, including those the reactions cause. */
  react(events: readonly WorldEvent[]): void {
    const rules = Object.entries(this.h.canon.rules).filter(([, r]) => r.enabled && r.on !== 'presence');
    for (const event of events) {
      for (const [id, rule] of rules) if (rule.on === event.type) this.fire(id, rule, event);
    }
  }

  private fire(id: string, rule: DriveRule, event: WorldEvent): void {
    const h = this.h;
    for (let feeler = 0; feeler < h.n; feeler++) {
      if (!rule.feels.includes(h.representation(feeler) as never)) continue;
      const other =
        rule.toward === 'event-actor'
          ? h.index(event.actor)
          : rule.toward === 'event-target'
            ? h.index(event.target)
            : -1;
      if (rule.toward !== 'all' && (other < 0 || other === feeler)) continue;
      if (shieldedByAge(h, rule, feeler, other)) continue;
      const subject: RuleSubject = { feeler, other, event };
      if (!ruleHolds(h, rule, subject)) continue;
      const factors = ruleFactors(h, rule, subject);
      const amount = Object.values(factors).reduce((a, b) => a * b, rule.amount);
      if (rule.change === 'calm') this.calm(id, rule, feeler, amount, event, factors);
      else this.impulse(id, rule, feeler, other, amount, event, factors);
    }
  }

  private impulse(
    id: string,
    rule: DriveRule,
    feeler: number,
    other: number,
    amount: number,
    event: WorldEvent,
    factors: Record<string, number>,
  ): void {
    const before = this.level(feeler, other, rule.drive);
    const after = before + amount;
    this.set(feeler, other, rule.drive, after);
    // What the impulse rests on: the event, and the drive that made the event matter (protect).
    const grounds = [event.id, ...this.groundsOf(feeler, event)];
    const driveEvent = this.h.emit('drive', { actor: feeler, target: other, value: rule.drive }, grounds, {
      rule: id,
      mechanic: rule.mechanic,
      before: round3(before),
      level: round3(after),
      amount: rule.amount,
      ...roundAll(factors),
    });
    this.h.state.driveEvents[this.slot(feeler, other, rule.drive)] = driveEvent;
    if (rule.drive === 'longing' && after >= this.h.canon.instinct.thresholds.whine) {
      this.h.emit('whine', { actor: feeler, target: other }, [driveEvent], {
        longing: round3(after),
        threshold: this.h.canon.instinct.thresholds.whine,
        reason: event.type === 'order' ? 'sent-away' : 'touch-ended',
      });
    }
  }

  private groundsOf(feeler: number, event: WorldEvent): number[] {
    const h = this.h;
    const out: number[] = [];
    for (const who of [h.index(event.target), h.index(event.actor)]) {
      if (who >= 0 && who !== feeler) out.push(...this.lastDriveEvent(feeler, who, 'protect'));
    }
    return out;
  }

  private calm(
    id: string,
    rule: DriveRule,
    feeler: number,
    amount: number,
    event: WorldEvent,
    factors: Record<string, number>,
  ): void {
    const keep = 1 - Math.min(1, amount);
    let before = 0;
    let after = 0;
    for (let other = 0; other < this.h.n; other++) {
      const level = this.level(feeler, other, rule.drive);
      if (level <= 0) continue;
      before = Math.max(before, level);
      this.set(feeler, other, rule.drive, level * keep);
      after = Math.max(after, level * keep);
    }
    if (before <= 0) return;
    const driveEvent = this.h.emit('drive', { actor: feeler, value: 'calm' }, [event.id], {
      rule: id,
      mechanic: rule.mechanic,
      drive: rule.drive,
      before: round3(before),
      level: round3(after),
      amount: rule.amount,
      ...roundAll(factors),
    });
    for (let other = 0; other < this.h.n; other++) {
      if (this.level(feeler, other, rule.drive) > 0)
        this.h.state.driveEvents[this.slot(feeler, other, rule.drive)] = driveEvent;
    }
  }

  /** Sustained drives (`presence` rules) move toward their levels over `seconds`. */
  sustain(seconds: number): void {
    const h = this.h;
    const notice = h.canon.instinct.thresholds.notice;
    for (const slot of this.sustainedSlots) h.state.sustained[slot] = 0;
    this.sustainedSlots = [];
    const subject: RuleSubject = { feeler: 0, other: 0 };
    const everyone = Array.from({ length: h.n }, (_, i) => i);
    const pairs = new Map<number, number[]>();
    for (const [id, rule] of Object.entries(h.canon.rules)) {
      if (!rule.enabled || rule.on !== 'presence') continue;
      const needsPairs = ruleNeedsPairs(rule);
      for (let feeler = 0; feeler < h.n; feeler++) {
        if (!rule.feels.includes(h.representation(feeler) as never)) continue;
        subject.feeler = feeler;
        let others = everyone;
        if (needsPairs) {
          others = pairs.get(feeler) ?? h.pairsOf(feeler);
          pairs.set(feeler, others);
        }
        for (const other of others) {
          if (other === feeler || shieldedByAge(h, rule, feeler, other)) continue;
          subject.other = other;
          if (!ruleHolds(h, rule, subject)) continue;
          const target = ruleAmount(h, rule, subject);
          const before = this.level(feeler, other, rule.drive);
          // Above its level a drive fades as usual; below it, it is held up and rises.
          if (before >= target) continue;
          h.state.sustained[this.slot(feeler, other, rule.drive)] = 1;
          this.sustainedSlots.push(this.slot(feeler, other, rule.drive));
          const approach = seconds > 0 ? 1 - Math.exp(-seconds / h.canon.instinct.riseTime[rule.drive]) : 0;
          const after = before + (target - before) * approach;
          this.set(feeler, other, rule.drive, after);
          const slot = this.slot(feeler, other, rule.drive);
          if (after >= notice && !h.state.noticed[slot]) {
            h.state.noticed[slot] = 1;
            this.noticedSlots.add(slot);
            const grounds = h.state.perceptEvents[feeler * h.n + other]!;
            h.state.driveEvents[slot] = h.emit(
              'drive',
              { actor: feeler, target: other, value: rule.drive },
              grounds > 0 ? [grounds] : [],
              {
                rule: id,
                mechanic: rule.mechanic,
                level: round3(after),
                toward: round3(target),
                amount: rule.amount,
                ...roundAll(ruleFactors(h, rule, subject)),
              },
            );
          }
        }
      }
    }
    for (const slot of this.noticedSlots) {
      if (h.state.drives[slot]! < notice / 2) {
        h.state.noticed[slot] = 0;
        this.noticedSlots.delete(slot);
      }
    }
  }

  /** Drives against self-control: the engine acts, or holds back, or lets go. */
  decide(): void {
    const h = this.h;
    const t = h.now();
    const limits = h.canon.instinct.thresholds;
    // Only pairs that have ever felt something can have anything to decide or to reset.
    const pairs = [...new Set(this.liveSlots().map((slot) => Math.floor(slot / DRIVE_COUNT)))];
    for (const pair of pairs) {
      const a = Math.floor(pair / h.n);
      const x = pair % h.n;
      if (x !== a) {
        const threshold = h.selfControlThreshold(a);
        const slot = pair * DRIVE_COUNT;
        const drives = h.state.drives;
        // Most pairs feel nothing at most instants: nothing to decide, nothing to reset.
        if (
          !drives[slot + DRIVE.aggression] &&
          !drives[slot + DRIVE.discomfort] &&
          !drives[slot + DRIVE.longing] &&
          h.state.restrainedBy[x] !== a &&
          !h.state.snarled[pair] &&
          !h.state.resisted[pair] &&
          !h.state.resistedLonging[pair]
        ) {
          continue;
        }
        const aggression = this.level(a, x, 'aggression');
        const grounds = this.lastDriveEvent(a, x, 'aggression');
        const numbers = { aggression: round3(aggression), threshold: round3(threshold) };
        if (h.state.restrainedBy[x] === a) {
          // Calm enough to let go, or no longer there to hold on.
          if (aggression < limits.release * threshold || !h.samePlace(a, x)) {
            h.state.restrainedBy[x] = -1;
            // What is left of the impulse after letting go is not a new one to hold back.
            h.state.resisted[pair] = 1;
            h.emit('release', { actor: a, target: x }, grounds, {
              ...numbers,
              release: round3(limits.release * threshold),
            });
          }
        } else if (aggression >= limits.snarl && !h.state.snarled[pair] && h.samePlace(a, x)) {
          // A snarl first; a restraint, if it comes, comes at a later instant.
          h.state.snarled[pair] = t + 1;
          h.emit('snarl', { actor: a, target: x }, grounds, {
            aggression: round3(aggression),
            threshold: limits.snarl,
          });
        } else if (
          aggression >= threshold &&
          h.samePlace(a, x) &&
          (h.state.restrainedBy[x] ?? -1) < 0 &&
          (!h.state.snarled[pair] || h.state.snarled[pair]! - 1 < t) &&
          !(h.state.refusals[x * h.n + a] && h.state.resisted[pair])
        ) {
          // Seizing someone is coming close to them: consent still rules, whatever the drive. The
          // attempt is blocked once, and not retried while the impulse lasts.
          if (h.state.refusals[x * h.n + a]) {
            h.state.resisted[pair] = 1;
            h.act(a, { do: 'approach', target: h.id(x) }, grounds);
          } else {
            h.state.restrainedBy[x] = a;
            const id = h.emit(
              'restrain',
              { actor: a, target: x },
              [...grounds, ...this.findLast('snarl', a, x)],
              numbers,
            );
            h.act(a, { do: 'approach', target: h.id(x) }, [id]);
          }
        } else if (
          aggression >= limits.resist * threshold &&
          aggression < threshold &&
          h.samePlace(a, x) &&
          !h.state.resisted[pair]
        ) {
          h.state.resisted[pair] = 1;
          h.emit('resist', { actor: a, target: x, value: 'aggression' }, grounds, numbers);
        }
        if (aggression < (limits.resist * threshold) / 2) {
          h.state.resisted[pair] = 0;
          if (aggression < limits.snarl / 2) h.state.snarled[pair] = 0;
        }

        const discomfort = this.level(a, x, 'discomfort');
        if (
          discomfort >= limits.shiver &&
          h.samePlace(a, x) &&
          t - (h.state.lastShiver[a] ?? 0) >= h.canon.instinct.shiverCooldown
        ) {
          h.state.lastShiver[a] = t;
          h.state.agitation[a] = Math.min(1, h.state.agitation[a]! + h.canon.instinct.shiverAgitation);
          h.emit('shiver', { actor: a, target: x }, this.lastDriveEvent(a, x, 'discomfort'), {
            discomfort: round3(discomfort),
            threshold: limits.shiver,
          });
        }

        // Drawn to someone: the engine reaches out only with their consent, and only when the pull beats
        // self-control; otherwise the impulse is held.
        const longing = this.level(a, x, 'longing');
        const longingGrounds = this.lastDriveEvent(a, x, 'longing');
        const consented = h.state.consents[x * h.n + a] && !h.state.refusals[x * h.n + a];
        if (longing >= threshold && consented && h.samePlace(a, x) && !h.state.touching[pair]) {
          h.act(a, { do: 'touch', target: h.id(x) }, [...longingGrounds, ...this.findLast('consent', x, a)]);
        } else if (
          longing >= Math.max(limits.resist * threshold, limits.notice) &&
          h.samePlace(a, x) &&
          !consented &&
          h.state.resistedLonging[pair]! < (longing >= threshold ? 2 : 1)
        ) {
          // Held once by self-control alone, and once more if the pull grows past it without consent.
          h.state.resistedLonging[pair] = longing >= threshold ? 2 : 1;
          h.emit('resist', { actor: a, target: x, value: 'longing' }, longingGrounds, {
            longing: round3(longing),
            threshold: round3(threshold),
            reason: longing >= threshold ? 'no consent' : 'self-control',
          });
        } else if (longing < (limits.resist * threshold) / 2) h.state.resistedLonging[pair] = 0;
      }
    }
  }

  /** Pending orders: obeyed as soon as the receiver's will to obey reaches zero, within patience. */
  weighOrders(): void {
    const h = this.h;
    const t = h.now();
    const pending = h.state.orders;
    h.state.orders = [];
    for (const order of pending) {
      if (t - order.t > h.canon.orders.patience) continue;
      if (UNORDERABLE.has(order.demand.do)) {
        // Consent is one's own to give or withhold: no order, no weapon, can make anyone give it.
        h.emit(
          'defy',
          { actor: order.receiver, target: order.giver, value: order.demand.do },
          [order.event],
          {
            reason: 'consent cannot be ordered',
            ...demandData(order.demand),
          },
        );
        continue;
      }
      if (!h.possible(order.receiver, order.demand)) continue;
      const { will, terms } = h.orderWill(order);
      if (will >= 0) {
        // One compliance answers every standing order to do the same thing.
        const same = pending.filter(
          (o) => o.receiver === order.receiver && JSON.stringify(o.demand) === JSON.stringify(order.demand),
        );
        for (const o of same) o.t = Number.NEGATIVE_INFINITY;
        const id = h.emit(
          'comply',
          { actor: order.receiver, target: order.giver, value: order.demand.do },
          [order.event, ...this.coercionOf(order)],
          {
            will: round3(will),
            ...roundAll(terms),
            ...demandData(order.demand),
          },
        );
        h.act(order.receiver, order.demand, [id]);
        continue;
      }
      if (!order.defied) {
        order.defied = true;
        h.emit(
          'defy',
          { actor: order.receiver, target: order.giver, value: order.demand.do },
          [order.event],
          {
            will: round3(will),
            ...roundAll(terms),
            ...demandData(order.demand),
          },
        );
      }
      h.state.orders.push(order);
    }
  }

  private coercionOf(order: PendingOrder): number[] {
    const h = this.h;
    const out: number[] = [];
    for (let c = 0; c < h.n; c++)
      if (h.state.aiming[c] === order.receiver) out.push(...this.findLast('aim', c, order.receiver));
    return out;
  }

  private findLast(type: EventType, actor: number, target: number): number[] {
    return latestEventIds(this.h.state.events, type, this.h.id(actor), this.h.id(target));
  }
}

/** The demand's fields, for an event's data: `{ item: 'sealed-helmet' }`. */
export function demandData(demand: ActionBody): WorldEvent['data'] {
  const data: WorldEvent['data'] = {};
  for (const [key, value] of Object.entries(demand)) {
    if (
      key !== 'do' &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    )
      data[key] = value;
  }
  return data;
}

/** The age rule is absolute: no longing toward or from anyone under age, whatever the canon says. */
function shieldedByAge(h: InstinctHost, rule: DriveRule, feeler: number, other: number): boolean {
  return rule.drive === 'longing' && (h.minor(feeler) || (other >= 0 && h.minor(other)));
}
