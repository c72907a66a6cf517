/**
 * The calendar, as a chosen viewer may see it now: the roster's conflicts with reschedule proposals,
 * and the forecasts. The author sees everything; a character sees only what `knowsFrom` says they know
 * at this instant (from the log so far): for anyone whose true representation they do not know, a
 * conflict is only "medical leave" and no forecast is shown. The redaction is the engine's
 * (`viewRoster`, `viewForecasts`); the wording is `describeConflict`'s. The page's own words here stay
 * neutral, so a redacted view carries no hint of the reason.
 */

import { calendarNames, isRedacted } from '../src/calendar/index.js';
import {
  describeConflict,
  type Forecast,
  formatClock,
  type Knows,
  knowsFrom,
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
      const proposals = roster.proposals[r.id] ?? [];
      return el(
        'li',
        { class: conflicts.length ? 'roster-event conflicted' : 'roster-event' },
        el('strong', {}, r.title),
        ` — ${clock(r.start)} to ${clock(r.end)}; `,
        `with ${r.participants.map((p) => names.character(p)).join(', ')}`,
        conflicts.length
          ? el(
              'ul',
              {},
              conflicts.map((c) =>
                el(
                  'li',
                  { class: isRedacted(c) ? 'conflict redacted' : `conflict level-${c.level}` },
                  el('span', { class: 'badge' }, isRedacted(c) ? 'leave' : c.level),
                  ' ',
                  describeConflict(c, names, isRedacted(c)),
                ),
              ),
            )
          : el('span', { class: 'ok' }, ' — no conflict'),
        proposals.length
          ? el(
              'p',
              { class: 'proposals' },
              `Could move to: ${proposals.map((p) => `${p.label} (${clock(p.start)})`).join(', ')}`,
            )
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
