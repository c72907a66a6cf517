/**
 * The calendar in the world, and the only engine file that imports the calendar: forecasts from what
 * the world has lived, each body's own reminders ahead of its forecast windows, and a leave request
 * checked against the roster as it stands, with conflicts logged and events moved by the approver.
 */
import {
  bondedPartners,
  checkRoster,
  type Forecast,
  forecastAll,
  type LivedOnset,
  type RosterReport,
  reminders,
} from '../../calendar/index.js';
import type { WorldDefinition } from '../../model/definition.js';

export type { Forecast, RosterReport };

import { CYCLE_EVENTS } from '../../model/cycle.js';
import { appendTo } from '../../units/lists.js';
import { type Engine, idx, placeOf } from '../state/context.js';
import { emit, lastOfType } from '../state/log.js';

/** The definition with the roster as it stands now (rescheduled events moved). */
export function rosterDefinition(w: Engine): WorldDefinition {
  return { ...w.definition, roster: w.s.roster };
}

function livedOnsets(w: Engine): Map<string, LivedOnset[]> {
  const lived = new Map<string, LivedOnset[]>();
  w.definition.characters.forEach((c, i) => {
    const cycle = w.s.cycles[i];
    if (cycle) lived.set(c.id, cycle.lived);
  });
  return lived;
}

/** Each omega's forecast as of now, from recorded and lived onsets and the regimen. */
export function forecasts(w: Engine): Map<string, Forecast> {
  return forecastAll(rosterDefinition(w), w.s.t, { lived: livedOnsets(w), events: w.s.events });
}

/** Pairs who take leave together: bonded partners and relations declared `on_leave_with`. */
export function leavePartners(w: Engine): [string, string][] {
  const declared = w.definition.relations
    .filter((r) => r.onLeaveWith)
    .map((r) => [...r.between].sort() as [string, string]);
  const pairs = new Map([...bondedPartners(w.definition), ...declared].map((p) => [p.join('|'), p]));
  return [...pairs.values()];
}

/** The roster checked against everyone's forecast, now. */
export function rosterReport(w: Engine): RosterReport {
  return checkRoster({
    definition: rosterDefinition(w),
    forecasts: forecasts(w),
    partners: leavePartners(w),
    now: w.s.t,
  });
}

/** Schedules a character's own reminders from their forecast (the "self-placed reminder"). */
export function scheduleReminders(w: Engine, character: number, known = forecasts(w)): void {
  const id = w.definition.characters[character]!.id;
  const own = known.get(id);
  w.s.reminders = w.s.reminders.filter((r) => r.character !== character);
  if (!own) return;
  for (const r of reminders(own, w.canon)) {
    if (r.t > w.s.t) w.s.reminders.push({ t: r.t, character, kind: own.kind, ...r.window });
  }
  w.s.reminders.sort((x, y) => x.t - y.t || x.character - y.character);
}

/** At the start: one forecast of everyone serves every body's reminders. */
export function scheduleAllReminders(w: Engine): void {
  const known = forecasts(w);
  w.definition.characters.forEach((c, i) => {
    if (c.cycle) scheduleReminders(w, i, known);
  });
}

/** Reminders that are due now. */
export function remind(w: Engine): void {
  while (w.s.reminders.length && w.s.reminders[0]!.t <= w.s.t) {
    const r = w.s.reminders.shift()!;
    const c = w.definition.characters[r.character]!;
    emit(
      w,
      'reminder',
      { actor: c.id, place: placeOf(w, r.character) },
      lastOfType(w, r.character, CYCLE_EVENTS[r.kind].onset),
      {
        kind: r.kind,
        center: r.center,
        from: r.from,
        to: r.to,
      },
    );
  }
}

/**
 * A request for leave: the requester's forecast is checked against the roster; each conflict is
 * logged, and the approver (−1: none) moves each conflicted event to its first clear slot, partners
 * on leave too.
 */
export function requestLeave(
  w: Engine,
  requester: number,
  approver: number,
  only: string | undefined,
  request: number,
): void {
  const chars = w.definition.characters;
  const id = chars[requester]!.id;
  const report = rosterReport(w);
  const mine = report.conflicts.filter(
    (c) => (c.character === id || c.via === id) && (!only || c.event === only),
  );
  const grounds = new Map<string, number[]>();
  for (const conflict of mine) {
    const event = emit(
      w,
      'conflict',
      { actor: conflict.character, place: placeOf(w, idx(w, conflict.character)), value: conflict.level },
      [request],
      {
        event: conflict.event,
        kind: conflict.kind,
        from: conflict.window.from,
        to: conflict.window.to,
        ...(conflict.via && { via: conflict.via }),
      },
    );
    appendTo(grounds, conflict.event, event);
  }
  if (approver < 0) return;
  for (const [eventId, causes] of grounds) {
    const proposal = report.proposals[eventId]?.[0];
    const slot = w.s.roster.find((r) => r.id === eventId);
    if (!proposal || !slot) continue;
    const from = slot.start;
    slot.start = proposal.start;
    slot.end = proposal.end;
    const onLeave = [...new Set(mine.filter((c) => c.event === eventId).map((c) => c.character))];
    emit(
      w,
      'reschedule',
      { actor: chars[approver]!.id, target: id, place: placeOf(w, approver), value: proposal.label },
      causes,
      { event: eventId, from, to: proposal.start, leave: onLeave },
    );
  }
}
