/**
 * The command voice: an alpha may give an order in it (`order … voice: true`). It pulls on the
 * receiver by what they are (`orders.voice`), harder from their own mate (`orders.voiceMate`), less if
 * they are bonded to someone else (`orders.voiceBonded`); the receiver's self-control pushes back
 * against it as against any instinctive pull (`orders.selfControl`), and `orders.ts` weighs it with
 * the rest of the will. Only an alpha has the voice (a requirement of `order`, checked at load and at
 * run time), and consent can never be ordered, voiced or not.
 */
import type { Engine } from '../state/context.js';
import { representationOf } from '../state/context.js';
import type { PendingOrder } from '../state/state.js';

/** The command voice's pull on the receiver: by what they are, stronger from a mate, weaker if bonded to another. */
export function voicePull(w: Engine, order: PendingOrder): number {
  const orders = w.canon.orders;
  const mate = w.s.bondedTo[order.receiver]!;
  const bond = mate < 0 ? 1 : mate === order.giver ? orders.voiceMate : orders.voiceBonded;
  return orders.voice[representationOf(w, order.receiver)] * bond;
}
