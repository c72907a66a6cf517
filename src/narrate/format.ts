/**
 * Output formats for an event log and for the other views: plain text for reading, Markdown for
 * sharing, JSON Lines for tools.
 */

import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import type { ExpectationResult } from '../model/expect.js';
import type { Knower } from '../model/knowledge.js';
import { counted } from '../units/number-words.js';
import { formatClock, formatStamp } from '../units/time.js';
import { type BeatFilter, keepsEvent } from './beats/beat.js';
import type { Story } from './beats/narrator.js';
import { type Paragraph, paragraphText } from './beats/paragraphs.js';
import { eventRecord, type Names, namesOf, narrate } from './language/narrate.js';
import { formatOutline } from './outline.js';

export const LOG_FORMATS = ['text', 'jsonl', 'md'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** How much of a run is told: `beats`, what a reader notices; `full`, every event. */
export const DETAILS = ['beats', 'full'] as const;
export type Detail = (typeof DETAILS)[number];

export interface LogOptions {
  /** keeps only the events of these types, about these characters */
  filter?: BeatFilter;
  /** the expectations' results, for an outline */
  results?: readonly ExpectationResult[];
  /** the character whose point of view the events are (an outline's cast is then as they know it) */
  pov?: string | undefined;
}

/** One line of the full log: `#28   14:03:00 +0:03:00  Rey smelled that Phasma is an omega.` */
export function textLine(
  e: WorldEvent,
  def: WorldDefinition,
  names: Names,
  log: readonly WorldEvent[] = [],
): string {
  return `#${String(e.id).padEnd(4)} ${formatStamp(def.clock, e.t)}  ${narrate(e, names, { log })}`;
}

/**
 * Every event of a run (or those the filter keeps): numbered lines of text, a Markdown outline that
 * lists them scene by scene, or JSON Lines. `events` is the run's whole log.
 */
export function formatLog(
  events: readonly WorldEvent[],
  def: WorldDefinition,
  format: LogFormat,
  options: LogOptions = {},
): string {
  const names = namesOf(def);
  const kept = options.filter ? events.filter((e) => keepsEvent(options.filter!, e)) : events;
  switch (format) {
    case 'jsonl':
      return jsonLines(kept.map((e) => eventRecord(e, def, names, events)));
    case 'md':
      return formatOutline(def, {
        listed: kept,
        log: events,
        ...(options.results && { results: options.results }),
        ...(options.pov !== undefined && { pov: options.pov }),
      });
    case 'text':
      return [
        def.title,
        ...kept.map((e) => textLine(e, def, names, events)),
        counted(kept.length, 'event'),
        '',
      ].join('\n');
  }
}

/** One paragraph of beats as a line: `14:05:00 +0:05:00  Finn came close to Phasma. …` */
export function storyLine(p: Paragraph, def: WorldDefinition, names: Names): string {
  return `${formatStamp(def.clock, p.t)}  ${paragraphText(p, names)}`;
}

/** The last line of a run told in beats: how much it told. */
export const storyFooter = (story: Story): string =>
  `${counted(story.beats, 'beat')} from ${counted(story.events.length, 'event')}`;

/** A run told in beats: a paragraph a line, or a Markdown scene outline. */
export function formatStory(
  story: Story,
  def: WorldDefinition,
  format: 'text' | 'md',
  options: Pick<LogOptions, 'results' | 'pov'> = {},
): string {
  if (format === 'md')
    return formatOutline(def, {
      paragraphs: story.paragraphs,
      log: story.events,
      ...(options.results && { results: options.results }),
      ...(options.pov !== undefined && { pov: options.pov }),
    });
  const names = namesOf(def);
  return [def.title, ...story.paragraphs.map((p) => storyLine(p, def, names)), storyFooter(story), ''].join(
    '\n',
  );
}

/** One JSON document a line, ending with a newline when there is any. */
export function jsonLines(items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + (items.length ? '\n' : '');
}

export function formatWhoKnows(
  knowers: Knower[],
  subject: string,
  at: number,
  def: WorldDefinition,
  format: 'text' | 'json',
): string {
  if (format === 'json') {
    return `${JSON.stringify({ character: subject, at, knowers }, null, 2)}\n`;
  }
  const names = namesOf(def);
  const who = names.character(subject);
  const truth = def.characters.find((c) => c.id === subject)?.representation;
  const head = `Who knows ${who}'s true representation (${truth}) at ${formatStamp(def.clock, at)}:`;
  if (!knowers.length) return `${head}\n  nobody\n`;
  const lines = knowers.map((k) => {
    const since = `since ${formatClock(def.clock, k.since)}`;
    const how = k.how === k.latest ? k.how : `${k.how}, now ${k.latest}`;
    return `  ${names.character(k.observer)} — ${since}, ${how}`;
  });
  return `${head}\n${lines.join('\n')}\n`;
}
