/**
 * The calendar, as a chosen viewer may see it now: the roster's conflicts with reschedule proposals,
 * and the forecasts. The author sees everything; a character sees only what `knowsFrom` says they know
 * at this instant (from the log so far): for anyone whose true representation they do not know, a
 * conflict is only "medical leave" and no forecast is shown. An event the run has moved says from
 * when, by whom and why, in the same terms. The redaction is the engine's (`viewRoster`,
 * `viewForecasts`); the wording is `describeConflict`'s. The page's own words here stay neutral, so a
 * redacted view carries no hint of the reason.
 */

import { type CalendarNames, calendarNames, isRedacted } from '../src/calendar/index.js';
import {
  describeConflict,
  describeUnchecked,
  type Forecast,
  formatClock,
  type Knows,
  knowsFrom,
  MEDICAL_LEAVE,
  type Proposal,
  viewForecasts,
  viewRoster,
  type WorldDefinition,
  type WorldEvent,
} from '../src/index.js';
import { el, replace } from './dom.js';
import { hasCalendar, type WorldView } from './protocol.js';

/** The viewer who sees everything. */
export const AUTHOR = 'author';

const BASIS: Record<Forecast['basis'], string> = {
  history: 'from the recorded history',
  regimen: 'from the medication regimen',
  insufficient: 'too little history to forecast',
};

export class CalendarView {
  private def?: WorldDefinition;
  private lastKey = '';

  constructor(
    private readonly section: HTMLElement,
    private readonly viewer: HTMLSelectElement,
    private readonly body: HTMLElement,
  ) {
    viewer.addEventListener('change', () => {
      this.lastKey = '';
      this.onPick?.();
    });
  }

  /** Called when the viewer changes (the page re-renders). */
  onPick?: () => void;

  reset(def: WorldDefinition): void {
    const previous = this.viewer.value;
    this.def = def;
    this.lastKey = '';
    this.section.hidden = !hasCalendar(def);
    replace(
      this.viewer,
      el('option', { value: AUTHOR }, 'the author (sees everything)'),
      def.characters.map((c) => el('option', { value: c.id }, c.name)),
    );
    this.viewer.value = def.characters.some((c) => c.id === previous) ? previous : AUTHOR;
    replace(this.body);
  }

  /** Shows nothing (no valid scenario yet). */
  clear(): void {
    this.def = undefined;
    this.lastKey = '';
    this.section.hidden = true;
    replace(this.body);
  }

  /** Shows the calendar of `view`; `events` is the log up to it. */
  update(view: WorldView, events: readonly WorldEvent[]): void {
    const def = this.def;
    const calendar = view.calendar;
    if (!def || !calendar || this.section.hidden) return;
    const viewer = this.viewer.value || AUTHOR;
    const key = `${viewer}:${view.at}:${view.eventCount}`;
    if (key === this.lastKey) return;
    this.lastKey = key;

    const author = viewer === AUTHOR;
    const knows: Knows = author ? () => true : knowsFrom(def, events.slice(0, view.eventCount), view.time);
    const roster = viewRoster(calendar.report, author ? '' : viewer, knows);
    const forecasts = author ? calendar.forecasts : viewForecasts(calendar.forecasts, viewer, knows);
    const names = calendarNames(def);
    const clock = (t: number) => formatClock(def.clock, t);

    const items = calendar.roster.map((r) => {
      const conflicts = roster.conflicts.filter((c) => c.event === r.id);
      // Someone with no forecast cannot be checked: never shown as clear.
      const unchecked = roster.unchecked.filter((u) => u.event === r.id);
      const proposals = roster.proposals[r.id] ?? [];
      const moved = lastMove(events, view.eventCount, r.id);
      return el(
        'li',
        { class: conflicts.length ? 'roster-event conflicted' : 'roster-event', 'data-event': r.id },
        el('strong', {}, r.title),
        ` — ${clock(r.start)} to ${clock(r.end)}; `,
        `with ${r.participants.map((p) => names.character(p)).join(', ')}`,
        conflicts.length || unchecked.length
          ? el('ul', {}, [
              ...conflicts.map((c) =>
                el(
                  'li',
                  { class: isRedacted(c) ? 'conflict redacted' : `conflict level-${c.level}` },
                  el('span', { class: 'badge' }, isRedacted(c) ? 'leave' : c.level),
                  ' ',
                  describeConflict(c, names, isRedacted(c)),
                ),
              ),
              ...unchecked.map((u) =>
                el(
                  'li',
                  { class: 'conflict unchecked' },
                  el('span', { class: 'badge' }, 'unchecked'),
                  ' ',
                  describeUnchecked(u, names, 'reason' in u),
                ),
              ),
            ])
          : el('span', { class: 'ok' }, moved ? ' — no conflict at the new time.' : ' — no conflict'),
        moved ? el('p', { class: 'moved' }, movedText(moved, events, names, viewer, knows)) : null,
        proposals.length
          ? el('p', { class: 'proposals' }, `Could move to: ${proposalText(proposals, clock)}`)
          : null,
      );
    });

    const seen = viewer === AUTHOR ? 'the author' : names.character(viewer);
    replace(
      this.body,
      el('p', { class: 'note' }, `As ${seen} sees it at ${clock(view.at)}.`),
      el('h3', {}, 'Roster'),
      items.length ? el('ul', { class: 'roster' }, items) : el('p', { class: 'note' }, 'No roster events.'),
      el('h3', {}, 'Forecasts'),
      forecasts.length
        ? el(
            'ul',
            { class: 'forecasts' },
            forecasts.map((f) =>
              el(
                'li',
                {},
                el('strong', {}, names.character(f.character)),
                ` — ${BASIS[f.basis]}: ${f.note}`,
                f.windows.length
                  ? el(
                      'ol',
                      {},
                      f.windows.map((w) =>
                        el('li', {}, `${clock(w.from)} – ${clock(w.to)}, most likely ${clock(w.center)}`),
                      ),
                    )
                  : null,
              ),
            ),
          )
        : el('p', { class: 'note' }, 'Nothing to show for this viewer.'),
    );
  }
}

/** The last time roster event `id` was moved, among the first `count` events. */
function lastMove(events: readonly WorldEvent[], count: number, id: string): WorldEvent | undefined {
  for (let i = Math.min(count, events.length) - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'reschedule' && e.data.event === id) return e;
  }
  return undefined;
}

/**
 * Where a moved event was and why it moved, as `viewer` may know it: "Moved here from day 2 07:00:00
 * by General Hux at 22:15:00: Kylo Ren's heat is likely at the old time (on leave: General Hux and Kylo
 * Ren)." The reasons are the conflicts behind the move; one whose subject the viewer does not know
 * reads "medical leave".
 */
function movedText(
  move: WorldEvent,
  events: readonly WorldEvent[],
  names: CalendarNames,
  viewer: string,
  knows: Knows,
): string {
  const clock = (t: number) => formatClock(names.clock, t);
  const reasons = new Set<string>();
  for (const id of move.causes) {
    const conflict = events[id - 1];
    if (conflict?.type !== 'conflict' || !conflict.actor) continue;
    const subject = typeof conflict.data.via === 'string' ? conflict.data.via : conflict.actor;
    reasons.add(
      viewer === AUTHOR || viewer === subject || knows(viewer, subject)
        ? `${names.character(subject)}'s ${conflict.data.kind ?? 'heat'} is ${conflict.value} at the old time`
        : MEDICAL_LEAVE,
    );
  }
  const leave = Array.isArray(move.data.leave)
    ? move.data.leave.map((id) => names.character(String(id))).join(' and ')
    : '';
  const by = move.actor ? ` by ${names.character(move.actor)}` : '';
  const why = [...reasons].join('; ');
  return `Moved here from ${clock(Number(move.data.from))}${by} at ${clock(move.t)}${why ? `: ${why}` : ''}${leave ? ` (on leave: ${leave})` : ''}.`;
}

/** Proposals by their label, each label once: "next week: day 12 07:00:00, day 13 07:00:00 or day 14 07:00:00". */
function proposalText(proposals: readonly Proposal[], clock: (t: number) => string): string {
  const groups: { label: string; times: string[] }[] = [];
  for (const p of proposals) {
    const last = groups[groups.length - 1];
    if (last?.label === p.label) last.times.push(clock(p.start));
    else groups.push({ label: p.label, times: [clock(p.start)] });
  }
  const list = (times: string[]) =>
    times.length > 1 ? `${times.slice(0, -1).join(', ')} or ${times[times.length - 1]}` : times[0]!;
  return groups.map((g) => `${g.label}: ${list(g.times)}`).join('; ');
}
