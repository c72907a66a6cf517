/**
 * The narrated log up to the current time, newest at the bottom, and the explain panel: each entry is
 * a button; choosing one (click, Enter or Space) shows the chain of events behind it, as nested lists
 * with the same text `omegaverse explain` prints for each node.
 */
import {
  AUTONOMOUS_TYPES,
  type CauseTree,
  explain,
  type Names,
  narrate,
  type WorldDefinition,
  type WorldEvent,
} from '../src/index.js';
import { describeNode } from '../src/narrate/tree.js';
import { el, replace } from './dom.js';

export class LogView {
  private def?: WorldDefinition;
  private names?: Names;
  /** the entries shown, in order: entry i is event id i + 1 */
  private shown: { id: number; item: HTMLLIElement }[] = [];
  private selected?: number;
  /** whether the reader has moved into the log: until then the newest entry is the one in Tab order */
  private visited = false;
  private events: readonly WorldEvent[] = [];

  constructor(
    private readonly list: HTMLOListElement,
    private readonly panel: HTMLElement,
    private readonly count: HTMLElement,
  ) {
    list.addEventListener('keydown', (e) => this.arrows(e));
    // One entry at a time is in the Tab order (the one last chosen or focused); arrows move between them.
    list.addEventListener('focusin', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button.entry');
      if (button) {
        this.visited = true;
        this.rove(button);
      }
    });
  }

  private rove(to: HTMLButtonElement | undefined): void {
    for (const b of this.list.querySelectorAll<HTMLButtonElement>('button.entry[tabindex="0"]')) {
      if (b !== to) b.tabIndex = -1;
    }
    if (to) to.tabIndex = 0;
  }

  /** Shows nothing (no valid scenario yet). */
  clear(): void {
    this.def = undefined;
    this.names = undefined;
    this.shown = [];
    this.events = [];
    this.visited = false;
    replace(this.list);
    this.count.textContent = '';
    this.select(undefined);
  }

  /** Starts over for a new scenario. */
  reset(def: WorldDefinition, names: Names): void {
    this.def = def;
    this.names = names;
    this.shown = [];
    this.events = [];
    this.visited = false;
    replace(this.list);
    this.select(undefined);
  }

  /** Shows the log as it is now: appends what is new, drops what has not happened yet. */
  update(events: readonly WorldEvent[]): void {
    const def = this.def;
    const names = this.names;
    if (!def || !names) return;
    this.events = events;
    // Read before anything changes: reading the layout after a change would lay the page out again.
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    const hadFocus = this.list.contains(document.activeElement);
    while (this.shown.length > events.length) this.shown.pop()!.item.remove();
    // After a restore the log is the same up to where both reach; an entry's event is matched by id.
    while (this.shown.length && this.shown[this.shown.length - 1]!.id !== events[this.shown.length - 1]?.id) {
      this.shown.pop()!.item.remove();
    }
    const fresh = document.createDocumentFragment();
    for (let i = this.shown.length; i < events.length; i++) {
      const e = events[i]!;
      const item = this.entry(e, def, names);
      fresh.append(item);
      this.shown.push({ id: e.id, item });
    }
    if (fresh.childNodes.length) {
      this.list.append(fresh);
      if (atBottom) requestAnimationFrame(() => this.list.scrollTo({ top: this.list.scrollHeight }));
    }
    // Keep one entry in the Tab order: the newest until the reader moves in, then the one they were on.
    if (!this.visited || !this.list.querySelector('button.entry[tabindex="0"]')) {
      const last = this.shown[this.shown.length - 1]?.item.firstElementChild as HTMLButtonElement | undefined;
      this.rove(last);
      if (hadFocus && !this.list.contains(document.activeElement)) last?.focus();
    }
    this.count.textContent = `${events.length} event${events.length === 1 ? '' : 's'} so far`;
    if (this.selected !== undefined && !events.some((e) => e.id === this.selected)) this.select(undefined);
  }

  private entry(e: WorldEvent, def: WorldDefinition, names: Names): HTMLLIElement {
    const node = describeNode(e, def, names);
    const auto = AUTONOMOUS_TYPES.includes(e.type);
    const button = el(
      'button',
      {
        type: 'button',
        class: auto ? 'entry auto' : 'entry',
        'data-testid': `event-${e.id}`,
        'data-event': e.id,
        'aria-pressed': 'false',
        tabindex: -1,
      },
      el('span', { class: 'eid' }, node.id),
      ' ',
      el('span', { class: 'clock' }, node.clock),
      ' ',
      el('span', { class: 'type' }, e.type),
      auto ? el('span', { class: 'engine', title: 'decided by the engine' }, 'engine') : null,
      ' ',
      el('span', { class: 'sentence' }, narrate(e, names)),
    );
    button.addEventListener('click', () => this.select(e.id));
    return el('li', {}, button);
  }

  /** Up and down move between entries; Home and End to the first and last. */
  private arrows(e: KeyboardEvent): void {
    const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button.entry')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
    this.rove(next);
    next?.focus();
  }

  /** Shows the explanation of event `id` (or the panel's hint for none). */
  select(id: number | undefined): void {
    this.selected = id;
    for (const { id: shown, item } of this.shown) {
      item.firstElementChild?.setAttribute('aria-pressed', String(shown === id));
    }
    const def = this.def;
    const names = this.names;
    const tree = id === undefined ? undefined : explain(this.events, id);
    if (!tree || !def || !names) {
      replace(
        this.panel,
        el('h3', {}, 'Why?'),
        el('p', { class: 'note' }, 'Choose an event in the log to see the chain of events behind it.'),
      );
      return;
    }
    const head = describeNode(tree.event, def, names);
    replace(
      this.panel,
      el('h3', {}, `Why ${head.id}?`),
      el('p', { class: 'root' }, nodeText(tree, def, names)),
      tree.causes.length
        ? causes(tree.causes, def, names, (to) => this.jump(to))
        : el('p', { class: 'note' }, 'No recorded causes: it was scripted, or happened at the start.'),
    );
  }

  /**
   * Selects an event and moves to its entry: the focus goes there, not to the page (the link chosen
   * is gone with the explanation it was in), and the page scrolls it clear of the play bar.
   */
  private jump(id: number): void {
    this.select(id);
    const button = this.shown.find((s) => s.id === id)?.item.firstElementChild as HTMLButtonElement | null;
    button?.focus();
  }
}

function nodeText(tree: CauseTree, def: WorldDefinition, names: Names): (HTMLElement | string)[] {
  const t = describeNode(tree.event, def, names);
  return [
    el('span', { class: 'eid' }, t.id),
    ' ',
    el('span', { class: 'clock' }, t.clock),
    ' ',
    el('span', { class: 'sentence' }, t.sentence),
    ...(t.numbers ? [' ', el('span', { class: 'numbers' }, `(${t.numbers})`)] : []),
    ...(tree.repeated ? [' ', el('span', { class: 'repeated' }, '(see above)')] : []),
  ];
}

function causes(
  nodes: readonly CauseTree[],
  def: WorldDefinition,
  names: Names,
  jump: (id: number) => void,
): HTMLUListElement {
  return el(
    'ul',
    { class: 'tree' },
    nodes.map((node) => {
      const show = el(
        'button',
        { type: 'button', class: 'link', title: 'show this event in the log' },
        `#${node.event.id}`,
      );
      show.addEventListener('click', () => jump(node.event.id));
      const [, ...rest] = nodeText(node, def, names);
      return el('li', {}, show, ...rest, node.causes.length ? causes(node.causes, def, names, jump) : null);
    }),
  );
}
