/**
 * "Play as": the scene played as one of its characters, beside the run the other panels show. A game of
 * its own (`Play`: the character's scripted actions left out, everyone else's kept), told as the
 * character lives it, with their choices as buttons — the runtime `omegaverse play` and a web game use.
 * The panel builds its own section, the last of the view.
 */
import { Play, type WorldDefinition } from '../src/index.js';
import { el, replace } from './dom.js';

export class PlayPanel {
  private readonly who = el('select', { 'data-testid': 'play-as', id: 'play-as' });
  private readonly story = el('div', {
    class: 'play-story',
    'data-testid': 'play-story',
    'aria-live': 'polite',
  });
  private readonly choices = el('div', {
    class: 'play-choices',
    'data-testid': 'play-choices',
    style: 'display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.5rem',
  });
  private definition: WorldDefinition | undefined;
  private play: Play | undefined;

  constructor(view: HTMLElement) {
    const start = el('button', { type: 'button', 'data-testid': 'play-start' }, 'Start');
    start.addEventListener('click', () => this.start());
    // Folded until wanted: a game is a mode of its own, and the run's panels come first.
    const section = el(
      'details',
      { class: 'panel', 'data-testid': 'play-as-panel' },
      el('summary', {}, el('h2', { id: 'play-heading', style: 'display: inline' }, 'Play as')),
      el('label', { for: 'play-as' }, 'Character '),
      this.who,
      ' ',
      start,
      el(
        'p',
        { class: 'note' },
        'A game of its own beside the run: the chosen character’s scripted actions are yours to take, everyone else keeps to the script, and the scene is told as the character lives it.',
      ),
      this.story,
      this.choices,
    );
    view.append(section);
  }

  /** A new scenario: its characters to play; any game of the last one ends. */
  reset(definition: WorldDefinition): void {
    this.definition = definition;
    this.play = undefined;
    replace(
      this.who,
      definition.characters.map((c) => el('option', { value: c.id }, c.name)),
    );
    replace(this.story);
    replace(this.choices);
  }

  clear(): void {
    this.definition = undefined;
    this.play = undefined;
    replace(this.who);
    replace(this.story);
    replace(this.choices);
  }

  private start(): void {
    if (!this.definition) return;
    this.play = Play.start(this.definition, { as: this.who.value });
    replace(this.story);
    this.turn();
  }

  /** The scene runs on to the next thing that reaches the character; then their choices. */
  private turn(): void {
    const play = this.play;
    if (!play) return;
    for (const p of play.next())
      this.story.append(el('p', {}, el('span', { class: 'note' }, `${p.stamp.slice(0, 8)} `), p.text));
    this.story.lastElementChild?.scrollIntoView({ block: 'nearest' });
    if (play.finished) {
      replace(this.choices, el('p', { class: 'note' }, 'The scene has ended.'));
      return;
    }
    const button = (label: string, onClick: () => void) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    replace(
      this.choices,
      play.choices().map((choice, index) =>
        button(choice.text, () => {
          const result = play.choose(index);
          if (!result.ok) this.story.append(el('p', { class: 'note' }, result.reason));
          this.turn();
        }),
      ),
      button('wait', () => this.turn()),
    );
  }
}
