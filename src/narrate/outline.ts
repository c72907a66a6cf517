/**
 * A scene outline in Markdown, for a writer: the title, the cast (what each is and how they present),
 * the places, the run told scene by scene under short headings (beats, or every event), what the
 * expectations found, and, as footnotes, why the engine made each decision of its own.
 */
import type { CharacterDef, WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import type { ExpectationResult } from '../model/expect.js';
import { explain } from '../model/explain.js';
import { formatClock, formatStamp, humanDuration } from '../units/time.js';
import { AUTONOMOUS_TYPES } from '../vocabulary/events.js';
import { DEFAULT_PRONOUNS } from '../vocabulary/pronouns.js';
import type { Paragraph } from './beats/paragraphs.js';
import { paragraphText } from './beats/paragraphs.js';
import { describeExpectation } from './expectation.js';
import { type Names, namesOf, narrate } from './language/narrate.js';
import { listing, sentenceCase, withArticle } from './language/phrases.js';
import { formatTree } from './tree.js';

export interface OutlineParts {
  /** the run told in beats; when left out, every event is listed */
  paragraphs?: readonly Paragraph[];
  /** the events to list (every event, or those a filter kept) when there are no paragraphs */
  listed?: readonly WorldEvent[];
  /** the run's whole log: footnotes explain from it */
  log: readonly WorldEvent[];
  results?: readonly ExpectationResult[];
  /** told from this character's point of view: the others in the cast are only named */
  pov?: string;
}

/** One piece of the run under its own heading: its paragraphs, or its events. */
interface Scene {
  from: number;
  to: number;
  places: string[];
  items: (Paragraph | WorldEvent)[];
}

const isParagraph = (item: Paragraph | WorldEvent): item is Paragraph => 'beats' in item;

/** The scene outline of a run. */
export function formatOutline(def: WorldDefinition, parts: OutlineParts): string {
  const names = namesOf(def);
  const notes: WorldEvent[] = [];
  const explained = (events: readonly WorldEvent[]) =>
    events
      .filter((e) => isDecision(e))
      .map((e) => {
        notes.push(e);
        return `[^${e.id}]`;
      })
      .join('');
  const lines = [
    `# ${def.title}`,
    '',
    `A scene outline by omegaverse: seed ${def.seed}, canon \`${def.canonName}\`, ${formatClock(def.clock, 0)} to ${formatClock(def.clock, def.until)} (${humanDuration(def.until)}).`,
    ...(parts.pov === undefined
      ? []
      : ['', `Told as ${names.character(parts.pov)} lives it: what ${povWho(parts.pov, names)}.`]),
    '',
    '## Cast',
    '',
    ...def.characters.map(
      (c) => `- ${parts.pov === undefined || c.id === parts.pov ? castLine(c, names) : namedLine(c, names)}`,
    ),
    '',
    '## Places',
    '',
    ...def.places.map((p) => `- ${placeLine(p.id, def, names)}`),
  ];
  for (const scene of scenes(def, parts)) {
    lines.push('', `## ${heading(scene, def, names)}`, '');
    if (parts.paragraphs) {
      for (const item of scene.items as Paragraph[]) {
        const text = paragraphText(item, names, (beat) => explained(beat.events));
        lines.push(`**${formatStamp(def.clock, item.t)}** — ${text}`, '');
      }
      lines.pop();
    } else {
      lines.push('| # | time | event | what happened |', '|---|---|---|---|');
      for (const e of scene.items as WorldEvent[]) {
        const sentence = escapeCell(narrate(e, names, { log: parts.log }));
        lines.push(`| ${e.id} | ${formatStamp(def.clock, e.t)} | ${e.type} | ${sentence}${explained([e])} |`);
      }
    }
  }
  if (parts.results?.length) {
    lines.push('', '## Expectations', '');
    for (const r of parts.results) lines.push(`- ${escapeCell(describeExpectation(r, def.clock))}`);
  }
  if (notes.length) {
    lines.push(
      '',
      '## Why',
      '',
      'Each decision the engine made on its own, back to what the script did.',
      '',
    );
    for (const e of notes) {
      const tree = formatTree(explain(parts.log, e.id)!, def, parts.log).trimEnd();
      lines.push(
        `[^${e.id}]: #${e.id} and what led to it:`,
        '',
        '    ```text',
        ...tree.split('\n').map((l) => `    ${l}`),
        '    ```',
        '',
      );
    }
    lines.pop();
  }
  return `${lines.join('\n')}\n`;
}

/** What the engine decided on its own: the autonomous types, and actions it made someone take. */
export function isDecision(e: WorldEvent): boolean {
  return AUTONOMOUS_TYPES.includes(e.type) || (e.causes.length > 0 && ENGINE_ACTIONS.has(e.type));
}

/** Action events the engine logs when it makes someone act (an obeyed order, a seizure's approach, a reach). */
const ENGINE_ACTIONS = new Set([
  'move',
  'door',
  'gear',
  'approach',
  'withdraw',
  'touch',
  'aim',
  'lower',
  'submit',
]);

/** `**Kylo Ren** (Ren) — an omega who presents as a beta, 30; he/him. On the suppressant. …` */
function castLine(c: CharacterDef, names: Names): string {
  const p = c.pronouns ?? DEFAULT_PRONOUNS;
  const short = names.short(c.id) !== c.name ? ` (${names.short(c.id)})` : '';
  const presents =
    c.presentsAs && c.presentsAs !== c.representation ? ` who presents as ${withArticle(c.presentsAs)}` : '';
  const facts = [
    `${withArticle(c.representation)}${presents}${c.age !== undefined ? `, ${c.age}` : ''}; ${p.subject}/${p.object}`,
    `self-control ${c.selfControl}`,
    c.notes.length ? `scent of ${listing(c.notes.map((n) => n.replace(/-/g, ' ')))}` : '',
    c.wears.length ? `wears ${listing(c.wears.map((i) => names.item(i)))}` : '',
    c.carries.length ? `carries ${listing(c.carries.map((i) => names.item(i)))}` : '',
    c.medication.length ? `on ${listing(c.medication.map((m) => names.item(m.name)))}` : '',
    c.bondedTo ? `bonded to ${names.character(c.bondedTo)}` : '',
    c.knows.length
      ? `knows from a record what ${listing(c.knows.map((k) => names.character(k)))} ${c.knows.length === 1 ? 'is' : 'are'}`
      : '',
    `starts ${names.where(c.at)}`,
  ].filter(Boolean);
  return `**${c.name}**${short} — ${facts.map(sentenceCase).join('. ')}.`;
}

/** "she does, perceives or is told": the point of view's own words, with their pronoun. */
function povWho(id: string, names: Names): string {
  const p = names.pronouns(id);
  const plural = p.subject === 'they';
  return `${p.subject} ${plural ? 'do' : 'does'}, ${plural ? 'perceive' : 'perceives'} or ${plural ? 'are' : 'is'} told`;
}

/** Someone else in a point of view's cast: only their name and pronouns, which are no secret. */
function namedLine(c: CharacterDef, names: Names): string {
  const p = c.pronouns ?? DEFAULT_PRONOUNS;
  const short = names.short(c.id) !== c.name ? ` (${names.short(c.id)})` : '';
  return `**${c.name}**${short} — ${p.subject}/${p.object}.`;
}

/** `**the medbay** — 90 m³, 2 air changes an hour; a door to the corridor (closed).` */
function placeLine(id: string, def: WorldDefinition, names: Names): string {
  const p = def.places.find((place) => place.id === id)!;
  const doors = def.doors
    .filter((d) => d.between.includes(id))
    .map((d) => `a door to ${names.place(d.between.find((other) => other !== id))} (${d.state})`);
  const air = `${p.volume} m³, ${p.ventilation} air change${p.ventilation === 1 ? '' : 's'} an hour`;
  return `**${names.place(id)}** — ${[air, ...doors].join('; ')}.`;
}

/** The run cut where nothing happens for `narration.sceneBreak`: each piece a scene with a heading. */
function scenes(def: WorldDefinition, parts: OutlineParts): Scene[] {
  const items: (Paragraph | WorldEvent)[] = parts.paragraphs
    ? [...parts.paragraphs]
    : [...(parts.listed ?? [])];
  const out: Scene[] = [];
  for (const item of items) {
    const end = isParagraph(item) ? item.beats.at(-1)!.t : item.t;
    const events = isParagraph(item) ? item.beats.flatMap((b) => b.events) : [item];
    const last = out.at(-1);
    if (!last || item.t - last.to >= def.canon.narration.sceneBreak) {
      out.push({ from: item.t, to: end, places: [], items: [item] });
    } else {
      last.items.push(item);
      last.to = Math.max(last.to, end);
    }
    // Where things happen: beliefs (a record known from the start) are held, not done, anywhere.
    const scene = out.at(-1)!;
    for (const e of events)
      if (e.place && e.type !== 'belief' && !scene.places.includes(e.place)) scene.places.push(e.place);
  }
  return out;
}

/** `14:00–14:10 · the corridor and the medbay` */
function heading(scene: Scene, def: WorldDefinition, names: Names): string {
  const minute = (t: number) => formatClock(def.clock, t).slice(0, -3);
  const [from, to] = [minute(scene.from), minute(scene.to)];
  // The day is said once: "day 2 03:05–03:06".
  const sameDay = from.slice(0, -5) === to.slice(0, -5);
  const when = from === to ? from : `${from}–${sameDay ? to.slice(-5) : to}`;
  const places = scene.places.map((p) => names.place(p));
  const where = places.length > 4 ? [...places.slice(0, 3), `${places.length - 3} more places`] : places;
  return where.length ? `${when} · ${listing(where)}` : when;
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
