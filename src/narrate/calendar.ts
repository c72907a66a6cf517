/**
 * Calendar views as text, Markdown, JSON and JSON Lines: each omega's forecast windows, and the
 * roster's conflicts with their reschedule proposals. The views are already redacted for their viewer
 * (see `src/calendar/redact.ts`); these functions only lay them out.
 */
import {
  calendarNames,
  describeConflict,
  describeUnchecked,
  type Forecast,
  isRedacted,
  type RosterView,
} from '../calendar/index.js';
import type { WorldDefinition } from '../model/definition.js';
import { formatClock } from '../units/time.js';
import { jsonLines } from './format.js';

export type CalendarFormat = 'text' | 'json' | 'jsonl' | 'md';

const BASIS: Record<Forecast['basis'], string> = {
  history: 'from recorded cycles',
  regimen: 'from the suppressant regimen',
  insufficient: 'too little history',
};

/** A view's title line(s): whose view it is, when it is someone's. */
function heading(kind: string, def: WorldDefinition, md: boolean, viewer?: string): string[] {
  const as = viewer ? `as ${calendarNames(def).character(viewer)} sees it` : '';
  if (md)
    return [`# ${kind} — ${def.title}`, ...(as ? ['', `${as[0]!.toUpperCase()}${as.slice(1)}.`, ''] : [])];
  return [`${kind} — ${def.title}${as ? ` (${as})` : ''}`];
}

export function formatForecasts(
  forecasts: Forecast[],
  def: WorldDefinition,
  format: CalendarFormat,
  viewer?: string,
): string {
  const names = calendarNames(def);
  const clock = (t: number) => formatClock(def.clock, t);
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        forecasts.map(({ character, basis, windows }) => ({ character, basis, windows })),
        null,
        2,
      )}\n`;
    case 'jsonl':
      return jsonLines(forecasts);
    case 'md':
    case 'text': {
      const md = format === 'md';
      const lines = heading('Forecast', def, md, viewer);
      if (!forecasts.length) lines.push(md ? '\nNothing to show.' : '  nothing to show');
      for (const f of forecasts) {
        lines.push(
          md
            ? `\n## ${names.character(f.character)}\n\n${BASIS[f.basis]}: ${f.note}\n`
            : `${names.character(f.character)} — ${BASIS[f.basis]}: ${f.note}`,
        );
        f.windows.forEach((w, i) => {
          const line = `${i + 1}. ${clock(w.from)} – ${clock(w.to)}, most likely ${clock(w.center)}`;
          lines.push(md ? line : `  ${line}`);
        });
      }
      return `${lines.join('\n')}\n`;
    }
  }
}

export function formatRoster(
  view: RosterView,
  def: WorldDefinition,
  format: CalendarFormat,
  viewer?: string,
): string {
  const names = calendarNames(def);
  const clock = (t: number) => formatClock(def.clock, t);
  switch (format) {
    case 'json':
      return `${JSON.stringify(view, null, 2)}\n`;
    case 'jsonl':
      // A participant who cannot be checked is a line of its own, marked so.
      return jsonLines([...view.conflicts, ...view.unchecked.map((u) => ({ ...u, unchecked: true }))]);
    case 'md':
    case 'text': {
      const md = format === 'md';
      const lines = heading('Roster', def, md, viewer);
      // "No conflicts" only when everyone could be checked: someone with no forecast is not clear.
      if (!view.conflicts.length)
        lines.push(
          view.unchecked.length
            ? md
              ? 'No conflicts found, but not everyone could be checked.'
              : '  no conflicts found, but not everyone could be checked'
            : md
              ? 'No conflicts.'
              : '  no conflicts',
        );
      for (const event of def.roster) {
        const conflicts = view.conflicts.filter((c) => c.event === event.id);
        const unchecked = view.unchecked.filter((u) => u.event === event.id);
        if (!conflicts.length && !unchecked.length) continue;
        lines.push(
          md
            ? `\n## ${event.title} (${clock(event.start)})\n`
            : `${event.title} (${clock(event.start)} – ${clock(event.end)})`,
        );
        for (const c of conflicts)
          lines.push(`${md ? '- ' : '  '}${describeConflict(c, names, isRedacted(c))}`);
        for (const u of unchecked)
          lines.push(`${md ? '- ' : '  '}${describeUnchecked(u, names, 'reason' in u)}`);
        const proposals = view.proposals[event.id] ?? [];
        if (proposals.length) {
          lines.push(
            `${md ? '- ' : '  '}reschedule: ${proposals.map((p) => `${p.label} (${clock(p.start)})`).join(', ')}`,
          );
        }
      }
      return `${lines.join('\n')}\n`;
    }
  }
}
