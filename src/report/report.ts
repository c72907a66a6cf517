/**
 * A scene as one self-contained HTML page, for sharing with a co-author: the run's facts, charts of
 * scent and drives over time, the narrated log, the explanation of every decision the engine made on
 * its own, and who believes what at the end. No network (no scripts, fonts, images or stylesheets from
 * anywhere), no dates, no random ids: the same scenario and seed give the same bytes.
 * Pure: no Node-only imports, so it runs in browsers too.
 */

import { World } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { tellRun } from '../narrate/beats/narrator.js';
import { type Paragraph, paragraphText } from '../narrate/beats/paragraphs.js';
import { type Names, namesOf, narrate } from '../narrate/language/narrate.js';
import { formatClock, formatDuration, formatStamp, humanDuration } from '../units/time.js';
import { EVENT_TYPES, type EventType } from '../vocabulary/events.js';
import { beliefs } from './beliefs.js';
import { type Child, fragment, type Html, h, raw } from './html.js';
import { type Reading, sampleRun, sampleStep, sceneCharts } from './scene-charts.js';
import { explanations, isAutonomous } from './why.js';

export interface ReportOptions {
  /** replaces the scenario's seed */
  seed?: number;
  /** replaces the scenario's end, seconds */
  until?: number;
}

/** The scenario run once, as a self-contained HTML page. */
export function renderReport(definition: WorldDefinition, options: ReportOptions = {}): string {
  return createReport(definition, options).html;
}

/** The page, and the run's events it shows (for a caller that wants to say how many). */
export function createReport(
  definition: WorldDefinition,
  options: ReportOptions = {},
): { html: string; events: readonly WorldEvent[] } {
  const world = World.create(definition, options);
  const def = world.definition;
  const step = sampleStep(def.until);
  const readings = sampleRun(world, step);
  const names = namesOf(def);
  const events = world.events;
  // The beats are read from a run of their own (at their own instants): the same events, byte for byte.
  const story = tellRun(World.create(definition, options));
  const pageTitle = `${def.title} — omegaverse report`;

  const body = [
    header(def, events),
    h(
      'nav',
      {},
      h('a', { href: '#charts' }, 'Charts'),
      ' · ',
      h('a', { href: '#beats' }, 'Beats'),
      ' · ',
      h('a', { href: '#log' }, 'Event log'),
      ' · ',
      h('a', { href: '#why' }, 'Why'),
      ' · ',
      h('a', { href: '#beliefs' }, 'Beliefs'),
    ),
    charts(def, readings, step),
    beats(def, story.paragraphs, names),
    eventLog(def, events, names),
    explanations(def, events, names),
    beliefs(world, names),
    h(
      'footer',
      {},
      `Made by omegaverse from ${fileName(def)}, seed ${def.seed}. The same scenario and seed give the same page.`,
    ),
  ];

  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      // Nothing may load or run: a shared file stays a document.
      h('meta', {
        'http-equiv': 'Content-Security-Policy',
        content: "default-src 'none'; style-src 'unsafe-inline'",
      }),
      h('title', {}, pageTitle),
      h('style', {}, raw(CSS)),
    ),
    h('body', {}, h('main', {}, body)),
  );
  return { html: `<!doctype html>\n${page.html}\n`, events };
}

// -------------------------------------------------------------------------------------------------
// Header

/** The file's own name, without its folders: the page does not carry the author's paths. */
const fileName = (def: WorldDefinition) =>
  def.file ? (def.file.split(/[\\/]/).pop() ?? def.file) : '(inline)';

function header(def: WorldDefinition, events: readonly WorldEvent[]): Html {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const order = (type: string) => EVENT_TYPES.indexOf(type as EventType);
  const kinds = [...counts].sort(([a, m], [b, n]) => n - m || order(a) - order(b));
  const autonomous = events.filter(isAutonomous).length;
  const start = formatClock(def.clock, 0);
  const end = formatClock(def.clock, def.until);
  const summary = events.length
    ? `${plural(events.length, 'event')} in ${humanDuration(def.until)} (${start} to ${end}): ${kinds
        .map(([type, n]) => `${n} ${type}`)
        .join(', ')}. The engine decided ${autonomous} of them on its own; each is explained below.`
    : `No events in ${humanDuration(def.until)} (${start} to ${end}).`;
  const fact = (term: string, value: Child) => fragment(h('dt', {}, term), h('dd', {}, value));
  return h(
    'header',
    {},
    h('h1', {}, def.title),
    h(
      'dl',
      { class: 'facts' },
      fact('scenario', h('code', {}, fileName(def))),
      fact('seed', String(def.seed)),
      fact('canon', def.canonName),
      fact('clock', `${start} to ${end}`),
      fact('duration', `${humanDuration(def.until)} (${formatDuration(def.until)})`),
      fact(
        'cast',
        `${plural(def.characters.length, 'character')}, ${plural(def.places.length, 'place')}, ${plural(def.timeline.length, 'scripted action')}`,
      ),
    ),
    h('p', { class: 'summary' }, summary),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// -------------------------------------------------------------------------------------------------
// Charts

function charts(def: WorldDefinition, readings: readonly Reading[], step: number): Html {
  const { air, drives } = sceneCharts(def, readings);
  const driveFigures = drives.map((d) => h('figure', {}, h('figcaption', {}, d.caption), d.chart));
  return h(
    'section',
    { id: 'charts' },
    h('h2', {}, 'Scent and drives over time'),
    h(
      'p',
      { class: 'note' },
      `Sampled every ${plural(step, 'second')} (${plural(readings.length, 'sample')}), each at the world's last instant at or before its time. Through a quiet stretch (nobody together, nothing scheduled) the engine jumps ahead, and a line crosses it straight.`,
    ),
    h(
      'figure',
      {},
      h('figcaption', {}, 'Scent concentration in each place (all signatures together), u/m³.'),
      air,
    ),
    driveFigures.length
      ? driveFigures
      : h('p', { class: 'note' }, 'Nobody felt any drive during the run: no drive charts.'),
  );
}

// -------------------------------------------------------------------------------------------------
// The beats and the log

/** The run in beats: what a reader notices, a paragraph a moment, each beat linked to its first event. */
function beats(def: WorldDefinition, paragraphs: readonly Paragraph[], names: Names): Html {
  return h(
    'section',
    { id: 'beats' },
    h('h2', {}, 'Beats'),
    h(
      'p',
      { class: 'note' },
      'What a reader of the scene would notice, a paragraph a moment: assumptions folded, repeats left out, and the lasting states the log does not hold (the air, a pull held for an hour, a heat) told as they cross a level. The full event log follows.',
    ),
    paragraphs.map((p) =>
      h(
        'p',
        { class: 'beat' },
        h('span', { class: 'clock' }, formatStamp(def.clock, p.t)),
        ' ',
        paragraphText(p, names),
      ),
    ),
  );
}

function eventLog(def: WorldDefinition, events: readonly WorldEvent[], names: Names): Html {
  const rows = events.map((e) =>
    h(
      'tr',
      { id: `e${e.id}`, class: isAutonomous(e) ? 'auto' : undefined },
      h('td', { class: 'num' }, String(e.id)),
      h('td', { class: 'clock' }, formatClock(def.clock, e.t)),
      h('td', {}, isAutonomous(e) ? h('a', { href: `#why-${e.id}`, title: 'why?' }, e.type) : e.type),
      h('td', {}, narrate(e, names, { log: events })),
    ),
  );
  return h(
    'section',
    { id: 'log' },
    h('h2', {}, 'Event log'),
    h(
      'p',
      { class: 'note' },
      'Types the engine decided on its own link to their explanation; the rest were scripted or perceived.',
    ),
    h(
      'table',
      { class: 'log' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, '#'),
          h('th', {}, 'clock'),
          h('th', {}, 'type'),
          h('th', {}, 'what happened'),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

// -------------------------------------------------------------------------------------------------

const CSS = `
:root { color-scheme: light; --ink: #222; --muted: #666; --rule: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { margin: 0 0 .5rem; font-size: 1.8rem; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
nav { margin: 1rem 0; }
a { color: #0072B2; }
code { font: 0.9em ui-monospace, monospace; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.summary { max-width: 70ch; }
.note { color: var(--muted); font-size: .9rem; }
figure { margin: 1.5rem 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; position: sticky; top: 0; }
.beat { max-width: 75ch; }
.log { width: 100%; }
.log td.num, .log td.clock { white-space: nowrap; font-variant-numeric: tabular-nums; }
.log tr.auto td { background: #f7fbff; }
.log tr:target td, details:target > summary { outline: 2px solid #E69F00; }
details { margin: .4rem 0; border: 1px solid var(--rule); border-radius: 4px; padding: .3rem .6rem; }
summary { cursor: pointer; }
.tree ul { margin: .2rem 0; padding-left: 1.4rem; border-left: 1px dotted #999; list-style: none; }
.tree > ul { border-left: none; padding-left: .6rem; }
.tree li::before { content: "└ "; color: #999; }
.clock { font-variant-numeric: tabular-nums; color: var(--muted); }
.numbers { font: .85em ui-monospace, monospace; color: #444; }
.repeated { color: var(--muted); font-style: italic; }
.badge { display: inline-block; padding: 0 .35rem; border-radius: 3px; border: 1px solid #999; font-size: .8em; font-family: ui-monospace, monospace; background: #fff; }
.badge.type { background: #eee; }
.src-scent { background: #fde9cc; border-color: #E69F00; }
.src-told { background: #dcecf8; border-color: #56B4E9; }
.src-record { background: #d6f0e8; border-color: #009E73; }
.src-assumed { background: #f0f0f0; border-color: #999; border-style: dashed; }
.beliefs td.self { color: var(--muted); text-align: center; }
.beliefs td.none { color: var(--muted); font-style: italic; }
.beliefs td.wrong { background: #fff4ec; }
.mistaken { font-weight: 600; color: #9a3b00; }
.since, .truth { font-size: .8em; color: var(--muted); }
.value { font-weight: 600; }
.scroll { overflow-x: auto; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print { nav { display: none; } details { break-inside: avoid; } }
`;
