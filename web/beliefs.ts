/**
 * Who believes what, now: an observer × subject grid (`world.beliefsOf`), each cell with the believed
 * representation, the source as a text badge (and a tint: colour is never the only cue), since when,
 * and "✗ mistaken" in words where the belief is wrong. Below it, who knows a chosen character's true
 * representation, since when and how (`world.whoKnows`).
 */
import {
  type Belief,
  type CharacterDef,
  type Names,
  SOURCE_MEANING,
  type WorldDefinition,
} from '../src/index.js';
import { el, replace } from './dom.js';
import type { WorldView } from './protocol.js';

const badge = (source: string) => el('span', { class: `badge src-${source}` }, source);

export class BeliefsView {
  private def?: WorldDefinition;
  private names?: Names;
  private lastKey = '';

  constructor(
    private readonly grid: HTMLElement,
    private readonly knowsSelect: HTMLSelectElement,
    private readonly knowsList: HTMLElement,
    key: HTMLElement,
  ) {
    knowsSelect.addEventListener('change', () => {
      this.lastKey = '';
      this.onPick?.();
    });
    replace(
      key,
      'Sources: ',
      Object.entries(SOURCE_MEANING).map(([source, meaning], i) => [
        i ? '; ' : '',
        badge(source),
        ` ${meaning}`,
      ]),
      '. “✗ mistaken” marks a belief that differs from the truth.',
    );
  }

  /** Called when the who-knows character changes (the page re-renders). */
  onPick?: () => void;

  reset(def: WorldDefinition, names: Names): void {
    const previous = this.knowsSelect.value;
    this.def = def;
    this.names = names;
    this.lastKey = '';
    replace(
      this.knowsSelect,
      def.characters.map((c) => el('option', { value: c.id }, `${c.name} (${c.representation})`)),
    );
    if (def.characters.some((c) => c.id === previous)) this.knowsSelect.value = previous;
  }

  /** Shows nothing (no valid scenario yet). */
  clear(): void {
    this.def = undefined;
    this.names = undefined;
    this.lastKey = '';
    replace(this.grid);
    replace(this.knowsSelect);
    replace(this.knowsList);
  }

  update(view: WorldView): void {
    const def = this.def;
    const names = this.names;
    if (!def || !names) return;
    const cast = def.characters;
    const held = view.beliefs;
    const subject = this.knowsSelect.value || cast[0]?.id;
    const knowers = view.knowers[cast.findIndex((c) => c.id === subject)] ?? [];
    // The time is the clock's, whatever else changed.
    const caption = `What each observer (row) takes each subject (column) to be, at ${names.clock(view.at)}`;
    // Only redraw when something changed (the grid keeps its focus and scroll otherwise).
    const key = JSON.stringify([held, subject, knowers]);
    if (key === this.lastKey) {
      const shown = this.grid.querySelector('caption');
      if (shown) shown.textContent = caption;
      return;
    }
    this.lastKey = key;

    const who = (c: CharacterDef) => [
      el('span', { class: 'who' }, c.name),
      el('br'),
      el(
        'span',
        { class: 'truth' },
        `${c.representation}${c.presentsAs && c.presentsAs !== c.representation ? `, presents as ${c.presentsAs}` : ''}`,
      ),
    ];
    const cell = (belief: Belief | undefined, truth: string) => {
      if (!belief) return el('td', { class: 'none' }, 'no belief');
      const wrong = belief.value !== truth;
      return el(
        'td',
        { class: `src-${belief.source}${wrong ? ' wrong' : ''}`, 'data-source': belief.source },
        el('span', { class: 'value' }, belief.value),
        ' ',
        badge(belief.source),
        wrong ? [' ', el('span', { class: 'mistaken' }, '✗ mistaken')] : null,
        el('br'),
        el('span', { class: 'since' }, `since ${names.clock(belief.since)}`),
      );
    };
    replace(
      this.grid,
      el(
        'table',
        { class: 'beliefs' },
        el('caption', {}, caption),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'observer ↓ subject →'),
            cast.map((c) => el('th', { scope: 'col' }, who(c))),
          ),
        ),
        el(
          'tbody',
          {},
          cast.map((o, i) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, who(o)),
              cast.map((s) =>
                s.id === o.id ? el('td', { class: 'self' }, '—') : cell(held[i]![s.id], s.representation),
              ),
            ),
          ),
        ),
      ),
    );

    const character = cast.find((c) => c.id === subject);
    replace(
      this.knowsList,
      character
        ? knowers.length
          ? knowers.map((k) =>
              el(
                'li',
                {},
                el('strong', {}, names.character(k.observer)),
                ` since ${names.clock(k.since)}, `,
                badge(k.how),
                k.latest !== k.how ? [', now ', badge(k.latest)] : null,
              ),
            )
          : el(
              'li',
              {},
              `Nobody else knows ${character.name}'s true representation (${character.representation}) yet.`,
            )
        : null,
    );
  }
}
