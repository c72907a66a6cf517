/**
 * The report's "Why" section: each decision the engine made on its own, with the chain of events that
 * led to it (`explain`), each node told as `formatTree` tells it and linked to the log.
 */
import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { type CauseTree, explain } from '../model/explain.js';
import type { Names } from '../narrate/language/narrate.js';
import { alikeNote, describeNode, type NodeText } from '../narrate/tree.js';
import { AUTONOMOUS_TYPES } from '../vocabulary/events.js';
import { fragment, type Html, h } from './html.js';

/** An event the engine decided on its own: the log links it to its explanation. */
export const isAutonomous = (e: WorldEvent) => AUTONOMOUS_TYPES.includes(e.type);

/** One node's text, as `formatTree` prints it (id, clock, sentence, numbers), with a link to the log. */
function nodeText(t: NodeText, repeated: boolean, alike = ''): Html {
  return fragment(
    h('a', { class: 'eid', href: `#e${t.id.slice(1)}` }, t.id),
    ' ',
    h('span', { class: 'clock' }, `${t.clock} ${t.elapsed}`),
    ' ',
    h('span', { class: 'sentence' }, t.sentence),
    t.numbers ? fragment(' ', h('span', { class: 'numbers' }, `(${t.numbers})`)) : null,
    repeated ? fragment(' ', h('span', { class: 'repeated' }, '(see above)')) : null,
    alike ? h('span', { class: 'repeated' }, alike) : null,
  );
}

function causesList(
  nodes: readonly CauseTree[],
  def: WorldDefinition,
  names: Names,
  events: readonly WorldEvent[],
): Html | null {
  if (!nodes.length) return null;
  return h(
    'ul',
    {},
    nodes.map((node) =>
      h(
        'li',
        {},
        nodeText(describeNode(node.event, def, names, events), node.repeated, alikeNote(node, def)),
        causesList(node.causes, def, names, events),
      ),
    ),
  );
}

export function explanations(def: WorldDefinition, events: readonly WorldEvent[], names: Names): Html {
  const decided = events.filter(isAutonomous);
  const items = decided.map((e) => {
    const tree = explain(events, e.id)!;
    return h(
      'details',
      { id: `why-${e.id}`, open: e.type !== 'drive' },
      h(
        'summary',
        {},
        h('span', { class: 'badge type' }, e.type),
        ' ',
        nodeText(describeNode(e, def, names, events), false),
      ),
      h(
        'div',
        { class: 'tree' },
        causesList(tree.causes, def, names, events) ?? h('p', {}, 'No recorded causes.'),
      ),
    );
  });
  return h(
    'section',
    { id: 'why' },
    h('h2', {}, 'Why: what the engine decided on its own'),
    h(
      'p',
      { class: 'note' },
      'Each decision with the chain of events that led to it, back to scripted actions or the start, and the numbers that crossed each threshold. Drive changes start folded: click to open.',
    ),
    items.length ? items : h('p', {}, 'The engine made no decisions of its own in this run.'),
  );
}
