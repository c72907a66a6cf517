/**
 * The report's "Beliefs" section: what each observer takes each subject to be at the end, with the
 * source of the belief, and who knows whose true representation since when.
 */
import type { World } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import type { Belief } from '../model/knowledge.js';
import type { Names } from '../narrate/language/narrate.js';
import { formatClock } from '../units/time.js';
import { SOURCE_MEANING } from '../vocabulary/beliefs.js';
import { fragment, type Html, h } from './html.js';

const sourceBadge = (source: string) => h('span', { class: `badge src-${source}` }, source);

function beliefCell(belief: Belief | undefined, truth: string, def: WorldDefinition): Html {
  if (!belief) return h('td', { class: 'none' }, 'no belief');
  const wrong = belief.value !== truth;
  return h(
    'td',
    { class: wrong ? 'wrong' : undefined },
    h('span', { class: 'value' }, belief.value),
    ' ',
    sourceBadge(belief.source),
    wrong ? fragment(' ', h('span', { class: 'mistaken' }, '✗ mistaken')) : null,
    h('br', {}),
    h('span', { class: 'since' }, `since ${formatClock(def.clock, belief.since)}`),
  );
}

export function beliefs(world: World, names: Names): Html {
  const def = world.definition;
  const cast = def.characters;
  const who = (c: (typeof cast)[number]) =>
    fragment(
      h('span', { class: 'who' }, c.name),
      h('br', {}),
      h(
        'span',
        { class: 'truth' },
        `${c.representation}${c.presentsAs && c.presentsAs !== c.representation ? `, presents as ${c.presentsAs}` : ''}`,
      ),
    );
  const grid = h(
    'table',
    { class: 'beliefs' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'observer ↓ believes subject →'),
        cast.map((c) => h('th', { scope: 'col' }, who(c))),
      ),
    ),
    h(
      'tbody',
      {},
      cast.map((o) => {
        const held = world.beliefsOf(o.id);
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, who(o)),
          cast.map((s) =>
            s.id === o.id ? h('td', { class: 'self' }, '—') : beliefCell(held[s.id], s.representation, def),
          ),
        );
      }),
    ),
  );
  const knowers = cast.map((c) => {
    const list = world.whoKnows(c.id);
    return h(
      'li',
      {},
      h('strong', {}, c.name),
      ` (${c.representation}): `,
      list.length
        ? list.map((k, i) =>
            fragment(
              i ? '; ' : '',
              names.character(k.observer),
              ` since ${formatClock(def.clock, k.since)}, `,
              sourceBadge(k.how),
              k.latest !== k.how ? fragment(', now ', sourceBadge(k.latest)) : null,
            ),
          )
        : 'nobody else',
    );
  });
  return h(
    'section',
    { id: 'beliefs' },
    h('h2', {}, `Beliefs at the end (${formatClock(def.clock, world.time)})`),
    h(
      'p',
      { class: 'note' },
      'What each observer (row) takes each subject (column) to be, with the source of that belief: ',
      Object.entries(SOURCE_MEANING).map(([source, meaning], i) =>
        fragment(i ? '; ' : '', sourceBadge(source), ` ${meaning}`),
      ),
      '. A belief that differs from the truth is marked “✗ mistaken”.',
    ),
    h('div', { class: 'scroll' }, grid),
    h('h3', {}, 'Who knows whose true representation'),
    h('ul', { class: 'knows' }, knowers),
  );
}
