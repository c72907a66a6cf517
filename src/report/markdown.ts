/**
 * The report as Markdown, for a co-author who reads text: the scene outline (cast, places, the beats
 * scene by scene, the expectations, why as footnotes), then who believes what at the end and who knows
 * whose true representation. The same scenario and seed give the same text.
 */
import { World } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import { checkExpectations } from '../model/expect.js';
import { tellRun } from '../narrate/beats/narrator.js';
import { formatStory } from '../narrate/format.js';
import { namesOf } from '../narrate/language/names.js';
import { formatClock } from '../units/time.js';
import type { ReportOptions } from './report.js';

/** The scenario run once, as a Markdown report. */
export function renderReportMarkdown(definition: WorldDefinition, options: ReportOptions = {}): string {
  const world = World.create(definition, options);
  const story = tellRun(world);
  const def = world.definition;
  const names = namesOf(def);
  const outline = formatStory(story, def, 'md', {
    results: checkExpectations(def.expectations, world.events),
  });
  const cast = def.characters;
  const cell = (observer: string, subject: string) => {
    if (observer === subject) return '—';
    const belief = world.belief(observer, subject);
    if (!belief) return 'no belief';
    const truth = cast.find((c) => c.id === subject)!.representation;
    return `${belief.value} (${belief.source}, since ${formatClock(def.clock, belief.since)})${belief.value === truth ? '' : ' ✗ mistaken'}`;
  };
  const lines = [
    '',
    `## Beliefs at the end (${formatClock(def.clock, world.time)})`,
    '',
    'What each observer (row) takes each subject (column) to be, with what it rests on.',
    '',
    `| observer ↓ believes subject → | ${cast.map((c) => `${c.name} (${c.representation})`).join(' | ')} |`,
    `|---|${cast.map(() => '---').join('|')}|`,
    ...cast.map((o) => `| **${o.name}** | ${cast.map((s) => cell(o.id, s.id)).join(' | ')} |`),
    '',
    '## Who knows whose true representation',
    '',
    ...cast.map((c) => {
      const knowers = world.whoKnows(c.id);
      const list = knowers.length
        ? knowers
            .map(
              (k) =>
                `${names.character(k.observer)} since ${formatClock(def.clock, k.since)} (${k.how}${k.latest !== k.how ? `, now ${k.latest}` : ''})`,
            )
            .join('; ')
        : 'nobody else';
      return `- **${c.name}** (${c.representation}): ${list}`;
    }),
    '',
  ];
  return `${outline}${lines.join('\n')}`;
}
