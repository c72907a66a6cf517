/**
 * Stepping: when the world's next instant is, and everything that changes between two instants,
 * advanced exactly (no instant in between is needed to get it right).
 *
 * A world lives at its own instants: ticks, scripted actions, phase changes, reminders, statements
 * being judged, its end. Together (someone shares a place, is held, or a statement or order is
 * pending) it steps every `air.tick`; apart, but with someone's scent where someone else is or may
 * soon be, every `air.quietTick`; otherwise it jumps to the next scheduled instant.
 */

import { SECONDS_PER_HOUR } from '../units/time.js';
import { nextAction } from './actions/scheduled.js';
import { processInstant } from './instant.js';
import { elapseDrives } from './instinct/drives.js';
import type { Engine } from './state/context.js';
import { cycleNow } from './systems/cycle.js';
import { elapseAgitation } from './systems/lies.js';
import { elapseResidue } from './systems/residue.js';
import { airSettled, elapseAir, settleAir, withinReach } from './systems/scent.js';
import { elapseTrapped, settleTrapped } from './systems/sealed-gear.js';
import { nextSeparationStage } from './systems/separation.js';

/** The world's next instant after now. */
export function nextStop(w: Engine): number {
  const s = w.s;
  const t = s.t;
  let next = Number.POSITIVE_INFINITY;
  const reminder = s.reminders[0];
  if (reminder && reminder.t > t) next = Math.min(next, reminder.t);
  if (w.definition.until > t) next = Math.min(next, w.definition.until);
  next = Math.min(next, nextAction(w));
  for (const sniff of s.sniffs) if (sniff.t > t) next = Math.min(next, sniff.t);
  for (let i = 0; i < w.n; i++) {
    const change = cycleNow(w, i, t)?.reading.changesAt;
    if (change !== undefined && change > t) next = Math.min(next, change);
  }
  const stage = nextSeparationStage(w);
  if (stage > t) next = Math.min(next, stage);
  // A still world has nothing to notice until its next scheduled instant, together or not: it
  // jumps to the tick before it, so that whatever begins then begins as it would after ticking.
  if (Number.isFinite(next) && still(w)) return Math.max(t + w.canon.air.tick, next - w.canon.air.tick);
  if (together(w)) next = Math.min(next, t + w.canon.air.tick);
  else if (Number.isFinite(next) && withinReach(w, next - t))
    next = Math.min(next, t + w.canon.air.quietTick);
  // Past the scenario's end with nothing scheduled, time goes on a tick at a time.
  if (!Number.isFinite(next)) next = t + w.canon.air.tick;
  return next;
}

/**
 * Nothing can change before the next scheduled instant: nothing pending, nobody held, every scent
 * settled under a source that holds (no body building toward an onset, nobody agitated), no residue
 * fading on anyone, no drive held or fading. Every dose is then what it is now, so every percept and
 * every rule stays as it is; habituation, which grows with exposure, is grown over the whole step at
 * once (the same exponential approach).
 */
function still(w: Engine): boolean {
  const s = w.s;
  if (s.sniffs.length || s.orders.length || s.resniffs.length) return false;
  if (s.restrainedBy.some((r) => r >= 0) || s.agitation.some((a) => a > 0)) return false;
  if (s.cycles.some((c) => c?.phase === 'pre')) return false;
  const drives = s.pairs.drives;
  if (w.drives.sustained.length) return false;
  for (const entry of w.drives.live) if (drives[entry]) return false;
  if (!airSettled(w)) return false;
  return w.residueSlots.size === 0;
}

/** Someone shares a place, or is held, or a statement or an order is pending. */
function together(w: Engine): boolean {
  const s = w.s;
  if (s.sniffs.length || s.orders.length || s.restrainedBy.some((r) => r >= 0)) return true;
  const occupied = new Set<number>();
  for (const place of s.place) {
    if (occupied.has(place)) return true;
    occupied.add(place);
  }
  return false;
}

/**
 * Advances the air, scent held in seals, residue, drives and agitation by `seconds`, exactly;
 * `as-now` holds everyone's emission as it is now (the settled past before the start).
 */
export function elapse(w: Engine, seconds: number, course: 'ahead' | 'as-now'): void {
  if (seconds <= 0) return;
  elapseAir(w, seconds, course);
  elapseTrapped(w, seconds / SECONDS_PER_HOUR);
  elapseResidue(w, seconds);
  elapseDrives(w, seconds);
  elapseAgitation(w, seconds);
}

/**
 * The world before its first instant, as `air.settle` has it: the starting arrangement held for good
 * (each scent and each seal's trapped scent at its steady state), for a while, or not at all.
 */
export function settleStart(w: Engine): void {
  const settle = w.canon.air.settle;
  if (settle === 'steady') {
    settleAir(w);
    settleTrapped(w);
  } else if (settle > 0) elapse(w, settle, 'as-now');
}

/**
 * Processes instants up to the last one at or before `until` (seconds). How a caller chunks its steps
 * never changes what happens.
 */
export function runUntil(w: Engine, until: number): void {
  const s = w.s;
  for (;;) {
    if (!s.processed) {
      processInstant(w);
      s.processed = true;
    }
    const next = nextStop(w);
    if (next > until) return;
    elapse(w, next - s.t, 'ahead');
    s.t = next;
    s.processed = false;
  }
}
