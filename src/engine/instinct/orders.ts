/**
 * Orders and rank: whether an order is obeyed is the receiver's to decide, not the script's. The will
 * to obey is a sum of terms (canon `orders`): rank, what the receiver believes the giver is, a weapon
 * aimed at them, trust, and the order's own noise; obeyed at 0 or more (`comply`, and the receiver
 * does it), otherwise defied, the order standing for `orders.patience` in case coercion comes. Consent
 * can never be ordered.
 */
import { round3, roundAll } from '../../units/numbers.js';
import { UNORDERABLE } from '../../vocabulary/actions.js';
import { perform } from '../actions/perform.js';
import { possible } from '../actions/requirements.js';
import { demandData } from '../actions/speech.js';
import { type Engine, idOf, representationOf } from '../state/context.js';
import { emitAbout, lastEventIds } from '../state/log.js';
import type { PendingOrder } from '../state/state.js';
import { beliefOf } from '../systems/beliefs.js';
import { refused } from '../systems/consent.js';
import { trust } from './traits.js';
import { voicePull } from './voice.js';

/** How willing the receiver is to obey, and each term of it. */
export function orderWill(w: Engine, order: PendingOrder): { will: number; terms: Record<string, number> } {
  const orders = w.canon.orders;
  const chars = w.definition.characters;
  const giver = chars[order.giver]!;
  const receiver = chars[order.receiver]!;
  const believed = beliefOf(w, order.receiver, order.giver)?.value ?? 'beta';
  const coerced = w.s.aiming.some(
    (target, c) => target === order.receiver && w.s.place[c] === w.s.place[order.receiver],
  );
  const trusted = trust(w, order.receiver, order.giver);
  const leaning = orders.believed[representationOf(w, order.receiver)][believed];
  const voice = order.voice ? voicePull(w, order) : 0;
  // Self-control pushes back against the instinctive pull: the voice, and a lean toward obeying.
  const pull = voice + Math.max(0, leaning);
  const terms = {
    base: orders.base,
    rank: orders.rank * ((giver.rank ?? 0) - (receiver.rank ?? 0)),
    [`believed-${believed}`]: leaning,
    ...(order.voice && { voice }),
    'self-control': pull > 0 ? -orders.selfControl * receiver.selfControl * pull : 0,
    coercion: coerced ? orders.coercion : 0,
    trust: orders.trust * (trusted - w.canon.instinct.defaultTrust),
    noise: order.noise,
  };
  return { will: Object.values(terms).reduce((a, b) => a + b, 0), terms };
}

/** Pending orders: obeyed as soon as the receiver's will to obey reaches zero, within patience. */
export function weighOrders(w: Engine): void {
  const t = w.s.t;
  const pending = w.s.orders;
  w.s.orders = [];
  for (const order of pending) {
    if (t - order.t > w.canon.orders.patience) continue;
    const who = { actor: order.receiver, target: order.giver, value: order.demand.do };
    const unorderable = UNORDERABLE[order.demand.do];
    if (unorderable) {
      // Consent is one's own to give or withhold: no order, no weapon, can make anyone give it.
      emitAbout(w, 'defy', who, [order.event], {
        reason: unorderable,
        ...demandData(order.demand),
      });
      continue;
    }
    if (bringsCloseToRefused(w, order)) {
      // A refusal is absolute: no order, voice or weapon brings the refuser into the refused one's reach.
      emitAbout(w, 'defy', who, [order.event, ...lastEventIds(w, 'refuse', order.receiver, order.giver)], {
        reason: 'refused',
        ...demandData(order.demand),
      });
      continue;
    }
    if (!possible(w, order.receiver, order.demand)) continue;
    const { will, terms } = orderWill(w, order);
    if (will >= 0) {
      // One compliance answers every standing order to do the same thing.
      const same = pending.filter(
        (o) => o.receiver === order.receiver && JSON.stringify(o.demand) === JSON.stringify(order.demand),
      );
      for (const o of same) o.t = Number.NEGATIVE_INFINITY;
      const id = emitAbout(w, 'comply', who, [order.event, ...coercionOf(w, order)], {
        will: round3(will),
        ...roundAll(terms),
        ...demandData(order.demand),
      });
      perform(w, { ...order.demand, at: t, actor: idOf(w, order.receiver) }, [id]);
      continue;
    }
    if (!order.defied) {
      order.defied = true;
      emitAbout(w, 'defy', who, [order.event], {
        will: round3(will),
        ...roundAll(terms),
        ...demandData(order.demand),
      });
    }
    w.s.orders.push(order);
  }
}

/** Whether the order asks its receiver to come close to (or touch) a giver the receiver has refused. */
const bringsCloseToRefused = (w: Engine, { demand, giver, receiver }: PendingOrder): boolean =>
  (demand.do === 'approach' || demand.do === 'touch') &&
  demand.target === idOf(w, giver) &&
  refused(w, receiver, giver);

/** The aims at the receiver that coerced the compliance. */
function coercionOf(w: Engine, order: PendingOrder): number[] {
  const out: number[] = [];
  for (let c = 0; c < w.n; c++)
    if (w.s.aiming[c] === order.receiver) out.push(...lastEventIds(w, 'aim', c, order.receiver));
  return out;
}
