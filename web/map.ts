/**
 * The map: places laid out from the door graph (or the scenario's own x/y), each shaded by its total
 * scent concentration on a sequential, colour-blind-safe ramp (scale.ts) with the number printed in it,
 * in black or white, whichever reads better on that colour; doors as lines whose state is written
 * beside them and drawn with its own dash; characters as labelled tokens inside their place. Hovering
 * or focusing a place shows its breakdown by signature.
 */
import type { Representation, WorldDefinition } from '../src/index.js';
import { OKABE_ITO } from '../src/report/chart.js';
import { el, replace, svg } from './dom.js';
import type { WorldView } from './protocol.js';
import {
  formatConcentration,
  RAMP,
  rampRgb,
  SCALE_HIGH,
  SCALE_LOW,
  scaleOf,
  textColourOn,
  WHITE,
} from './scale.js';

// -------------------------------------------------------------------------------------------------
// Layout

export interface Cell {
  col: number;
  row: number;
}

/**
 * Where each place goes on a grid. With x and y on every place, their order gives the column and row
 * (the numbers' scale does not matter). Otherwise breadth-first layers through the doors from the first
 * place: a layer is a column, its places the rows in definition order; places no door reaches start
 * their own layers to the right. Deterministic: the same definition, the same layout. `down` turns the
 * grid a quarter (columns become rows), for a screen too narrow for it.
 */
export function layout(def: WorldDefinition, down = false): Map<string, Cell> {
  const cells = across(def);
  if (down) for (const [id, { col, row }] of cells) cells.set(id, { col: row, row: col });
  return cells;
}

function across(def: WorldDefinition): Map<string, Cell> {
  const places = def.places;
  const cells = new Map<string, Cell>();
  if (places.length && places.every((p) => typeof p.x === 'number' && typeof p.y === 'number')) {
    const xs = [...new Set(places.map((p) => p.x!))].sort((a, b) => a - b);
    const ys = [...new Set(places.map((p) => p.y!))].sort((a, b) => a - b);
    const taken = new Set<string>();
    for (const p of places) {
      let col = xs.indexOf(p.x!);
      const row = ys.indexOf(p.y!);
      // Two places at the same spot: the later one moves right until the cell is free.
      while (taken.has(`${col},${row}`)) col++;
      taken.add(`${col},${row}`);
      cells.set(p.id, { col, row });
    }
    return cells;
  }
  const next = new Map<string, string[]>(places.map((p) => [p.id, []]));
  for (const d of def.doors) {
    const [a, b] = d.between;
    next.get(a)?.push(b);
    next.get(b)?.push(a);
  }
  const layers: string[][] = [];
  const seen = new Set<string>();
  for (const start of places) {
    if (seen.has(start.id)) continue;
    seen.add(start.id);
    let layer = [start.id];
    while (layer.length) {
      layers.push(layer);
      const following: string[] = [];
      for (const id of layer) {
        for (const n of next.get(id) ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            following.push(n);
          }
        }
      }
      const order = new Map(places.map((p, i) => [p.id, i]));
      layer = following.sort((a, b) => order.get(a)! - order.get(b)!);
    }
  }
  layers.forEach((layer, col) => {
    layer.forEach((id, row) => {
      cells.set(id, { col, row });
    });
  });
  return cells;
}

// -------------------------------------------------------------------------------------------------
// Colour (the scent's scale is in scale.ts)

const REPRESENTATION_COLOUR: Record<Representation, string> = {
  alpha: OKABE_ITO.vermillion,
  beta: OKABE_ITO.blue,
  omega: OKABE_ITO.bluishGreen,
  unpresented: OKABE_ITO.orange,
};

const DOOR_DASH: Record<string, string | undefined> = { open: undefined, closed: '9 6', sealed: '2 5' };
const DOOR_WIDTH: Record<string, number> = { open: 5, closed: 3, sealed: 5 };

// -------------------------------------------------------------------------------------------------
// Drawing

/** a place's width across, and turned (narrower: a phone's screen has room for about two) */
const CELL_W = 220;
const TURNED_CELL_W = 160;
/** the gap between two places a door joins, across and down; between places side by side */
const DOOR_GAP_X = 100;
const DOOR_GAP_Y = 64;
const SIDE_GAP = 36;
const TURNED_SIDE_GAP = 20;
const PAD = 12;
const TOKEN_H = 22;
/** The map never shrinks below this share of its drawn size: it scrolls sideways instead. */
const MIN_SCALE = 0.6;

/** A place's height: room for its name, its scent and everyone in it. */
const cellHeight = (def: WorldDefinition) => 64 + Math.max(1, def.characters.length) * TOKEN_H;

/** The drawn size of a layout, its places' width and its gaps. */
function sizeOf(def: WorldDefinition, cells: Map<string, Cell>, down: boolean) {
  const cols = Math.max(1, ...[...cells.values()].map((c) => c.col + 1));
  const rows = Math.max(1, ...[...cells.values()].map((c) => c.row + 1));
  const cellW = down ? TURNED_CELL_W : CELL_W;
  const gapX = down ? TURNED_SIDE_GAP : DOOR_GAP_X;
  const gapY = down ? DOOR_GAP_Y : SIDE_GAP;
  return {
    width: PAD * 2 + cols * cellW + (cols - 1) * gapX,
    cellW,
    height: PAD * 2 + rows * cellHeight(def) + (rows - 1) * gapY,
    gapX,
    gapY,
  };
}

interface PlaceParts {
  group: SVGGElement;
  rect: SVGRectElement;
  value: SVGTextElement;
  name: SVGTextElement;
  title: SVGTitleElement;
  tokens: SVGGElement;
  x: number;
  y: number;
}

interface DoorParts {
  line: SVGLineElement;
  label: SVGTextElement;
  title: SVGTitleElement;
}

export class MapView {
  private def?: WorldDefinition;
  private places = new Map<string, PlaceParts>();
  private doors = new Map<string, DoorParts>();
  private cellW = CELL_W;
  private cellH = 0;
  /** whether the map is drawn turned a quarter, for a narrow screen */
  private down = false;
  /** whether the map is wider than its panel (it scrolls sideways) */
  private wide = false;
  private focused?: string;
  private lastDetail = '';
  /** what was last shown, to show again when the map is redrawn for a new width */
  private last?: { view: WorldView; peak: number };

  constructor(
    private readonly host: HTMLElement,
    private readonly legend: HTMLElement,
    private readonly detail: HTMLElement,
  ) {
    // Sizes are read only when they change, never while drawing a frame.
    new ResizeObserver(() => this.fit()).observe(host);
  }

  /** For a new width: the map turned if that fits better; the hint says whether it scrolls. */
  private fit(): void {
    const def = this.def;
    if (def && this.turnFor(def) !== this.down) {
      const last = this.last;
      this.build(def);
      if (last) this.update(last.view, last.peak);
    }
    this.wide = this.host.scrollWidth > this.host.clientWidth + 1;
    this.showDetail();
  }

  /** Whether to draw `def` turned: when the panel is narrower than the map across may shrink to, and turned is narrower. */
  private turnFor(def: WorldDefinition): boolean {
    const room = this.host.clientWidth;
    const across = sizeOf(def, layout(def), false).width;
    return room > 0 && across * MIN_SCALE > room && sizeOf(def, layout(def, true), true).width < across;
  }

  /** Shows nothing (no valid scenario yet). */
  clear(): void {
    this.def = undefined;
    this.last = undefined;
    this.places.clear();
    this.doors.clear();
    replace(this.host, el('p', { class: 'note' }, 'No valid scenario to show yet.'));
    replace(this.legend);
    replace(this.detail);
    this.lastDetail = '';
  }

  /** Builds the map for a definition: rooms, doors and their places on the grid. */
  build(def: WorldDefinition): void {
    this.def = def;
    this.last = undefined;
    this.places.clear();
    this.doors.clear();
    this.focused = undefined;
    this.down = this.turnFor(def);
    const cells = layout(def, this.down);
    this.cellH = cellHeight(def);
    const { width, height, cellW, gapX, gapY } = sizeOf(def, cells, this.down);
    this.cellW = cellW;
    const pos = (id: string) => {
      const c = cells.get(id) ?? { col: 0, row: 0 };
      return { x: PAD + c.col * (cellW + gapX), y: PAD + c.row * (this.cellH + gapY) };
    };

    const doorLayer = svg('g', { class: 'doors' });
    const placeLayer = svg('g', { class: 'places' });

    for (const p of def.places) {
      const { x, y } = pos(p.id);
      const title = svg('title');
      const rect = svg('rect', {
        class: 'room',
        x,
        y,
        width: cellW,
        height: this.cellH,
        rx: 6,
        'data-testid': `place-${p.id}`,
        'data-place': p.id,
      });
      const name = svg(
        'text',
        { class: 'room-name', x: x + 10, y: y + 20 },
        clip(p.name, fits(cellW - 20, 9)),
      );
      const value = svg('text', { class: 'room-value', x: x + 10, y: y + 40 });
      const tokens = svg('g', { class: 'tokens' });
      const group = svg(
        'g',
        { class: 'place', tabindex: 0, role: 'img', 'data-place': p.id },
        title,
        rect,
        name,
        value,
        tokens,
      );
      const show = () => {
        this.focused = p.id;
        this.showDetail();
      };
      group.addEventListener('mouseenter', show);
      group.addEventListener('focus', show);
      placeLayer.append(group);
      this.places.set(p.id, { group, rect, value, name, title, tokens, x, y });
    }

    for (const d of def.doors) {
      const a = this.places.get(d.between[0]);
      const b = this.places.get(d.between[1]);
      if (!a || !b) continue;
      const [x1, y1, x2, y2] = this.segment(a, b);
      const line = svg('line', { class: 'door-line', x1, y1, x2, y2 });
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      const label = svg('text', { class: 'door-label', x: mx, y: my - 8, 'text-anchor': 'middle' });
      const title = svg('title');
      doorLayer.append(
        svg('g', { class: 'door', 'data-testid': `door-${d.id}`, 'data-door': d.id }, title, line, label),
      );
      this.doors.set(d.id, { line, label, title });
    }

    const root = svg(
      'svg',
      {
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: 'group',
        'aria-label': `Map of ${def.title}: places, doors and characters`,
        class: 'map-svg',
      },
      doorLayer,
      placeLayer,
    );
    // On a narrow screen the map keeps a legible size and scrolls sideways rather than shrink to nothing.
    root.style.minWidth = `${Math.round(width * MIN_SCALE)}px`;
    root.addEventListener('mouseleave', () => {
      this.focused = undefined;
      this.showDetail();
    });
    replace(this.host, root);
    replace(
      this.legend,
      el('span', {}, 'scent, u/m³: '),
      el('span', { class: 'ramp', 'aria-hidden': 'true' }),
      el('span', { class: 'ramp-max' }),
      el(
        'span',
        { class: 'door-key' },
        ' · doors: open ─── closed ‒ ‒ ‒ sealed ┈┈┈ (also written on each door)',
      ),
    );
    const ramp = this.legend.querySelector<HTMLElement>('.ramp')!;
    ramp.style.background = `linear-gradient(to right, ${RAMP.join(', ')})`;
  }

  /** The door's line, from the edge of one room to the edge of the other. */
  private segment(a: PlaceParts, b: PlaceParts): [number, number, number, number] {
    const ca = [a.x + this.cellW / 2, a.y + this.cellH / 2] as const;
    const cb = [b.x + this.cellW / 2, b.y + this.cellH / 2] as const;
    const edge = (from: readonly [number, number], to: readonly [number, number]) => {
      const dx = to[0] - from[0];
      const dy = to[1] - from[1];
      const sx = dx ? this.cellW / 2 / Math.abs(dx) : Number.POSITIVE_INFINITY;
      const sy = dy ? this.cellH / 2 / Math.abs(dy) : Number.POSITIVE_INFINITY;
      const s = Math.min(sx, sy, 1);
      return [from[0] + dx * s, from[1] + dy * s] as const;
    };
    const p = edge(ca, cb);
    const q = edge(cb, ca);
    const r = (v: number) => Math.round(v * 10) / 10;
    return [r(p[0]), r(p[1]), r(q[0]), r(q[1])];
  }

  /** Shows the world of `view`; `peak` is the largest concentration of the run so far (the scale's top). */
  update(view: WorldView, peak: number): void {
    const def = this.def;
    if (!def) return;
    this.last = { view, peak };
    const top = Math.max(SCALE_HIGH, peak, ...view.places.map((c) => c.total));
    const names = new Map(def.characters.map((c) => [c.id, c.name]));

    def.places.forEach((p, i) => {
      const parts = this.places.get(p.id)!;
      const c = view.places[i]!;
      const fill = rampRgb(scaleOf(c.total, top));
      parts.rect.setAttribute('fill', `rgb(${fill.join(' ')})`);
      parts.rect.setAttribute('data-concentration', c.total.toFixed(4));
      parts.group.classList.toggle('dark', textColourOn(fill) === WHITE);
      parts.value.textContent = `${formatConcentration(c.total)} u/m³`;
      const lines = breakdown(c.byEmitter, names);
      const text = `${p.name}: scent ${formatConcentration(c.total)} u/m³${lines.length ? ` — ${lines.join('; ')}` : ''}`;
      parts.title.textContent = text;
      parts.group.setAttribute('aria-label', text);

      const here = def.characters.flatMap((ch, c) =>
        view.where[c] === p.id ? [{ ch, worn: view.wearing[c]! }] : [],
      );
      replace(
        parts.tokens,
        here.map(({ ch, worn }, i) => {
          const y = parts.y + 52 + i * TOKEN_H;
          const presents =
            ch.presentsAs && ch.presentsAs !== ch.representation ? `, presents as ${ch.presentsAs}` : '';
          const label = `${ch.name} · ${ch.representation}`;
          return svg(
            'g',
            { class: 'token', 'data-testid': `token-${ch.id}`, 'data-character': ch.id, 'data-place': p.id },
            svg(
              'title',
              {},
              `${ch.name}: ${ch.representation}${presents}${worn.length ? `; wears ${worn.join(', ')}` : ''}`,
            ),
            svg('rect', {
              x: parts.x + 8,
              y,
              width: this.cellW - 16,
              height: TOKEN_H - 4,
              rx: 9,
              class: 'token-pill',
            }),
            svg('rect', {
              x: parts.x + 8,
              y,
              width: 8,
              height: TOKEN_H - 4,
              rx: 3,
              fill: REPRESENTATION_COLOUR[ch.representation],
            }),
            svg(
              'text',
              { x: parts.x + 22, y: y + 13, class: 'token-text' },
              clip(label, fits(this.cellW - 30, 7)),
            ),
          );
        }),
      );
    });

    def.doors.forEach((d, i) => {
      const parts = this.doors.get(d.id);
      if (!parts) return;
      const state = view.doors[i]!;
      parts.line.setAttribute('stroke-width', String(DOOR_WIDTH[state] ?? 3));
      const dash = DOOR_DASH[state];
      if (dash) parts.line.setAttribute('stroke-dasharray', dash);
      else parts.line.removeAttribute('stroke-dasharray');
      parts.line.setAttribute('data-state', state);
      parts.label.textContent = state;
      parts.title.textContent = `${d.id} (${d.between.join(' – ')}): ${state}`;
      parts.line.parentElement?.setAttribute('data-state', state);
    });

    const max = this.legend.querySelector('.ramp-max');
    if (max) max.textContent = ` ${SCALE_LOW} or less … ${formatConcentration(top)} (log scale)`;
    this.showDetail();
  }

  private showDetail(): void {
    const text = this.focused ? (this.places.get(this.focused)?.title.textContent ?? '') : '';
    const hint = `Hover over or focus a place (Tab) to see its scent by signature.${this.wide ? ' The map scrolls sideways.' : ''}`;
    const shown = text || hint;
    if (shown !== this.lastDetail) {
      this.detail.textContent = shown;
      this.lastDetail = shown;
    }
  }
}

/** A place's scent by signature, largest first: "Phasma 12.3 (62%)". */
function breakdown(byEmitter: Record<string, number>, names: Map<string, string>): string[] {
  const total = Object.values(byEmitter).reduce((a, b) => a + b, 0);
  return Object.entries(byEmitter)
    .filter(([, v]) => v > 0)
    .sort(([, a], [, b]) => b - a)
    .map(
      ([id, v]) =>
        `${names.get(id) ?? id} ${formatConcentration(v)}${total > 0 ? ` (${Math.round((v / total) * 100)}%)` : ''}`,
    );
}

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** About how many characters of `charWidth` px fit in `width` px. */
const fits = (width: number, charWidth: number) => Math.floor(width / charWidth);
