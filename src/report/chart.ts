/**
 * A small inline-SVG line chart: axes with a few labelled ticks, one line per series, a legend. Lines
 * differ by colour (the Okabe–Ito palette, readable with the common colour-vision deficiencies) and
 * also by dash pattern and marker shape, so they can be told apart without colour at all.
 * All text goes through the escaping builder. Output depends only on the input: no ids, no dates.
 */
import { type Child, fragment, type Html, h } from './html.js';

/** Okabe & Ito's colour-blind-safe palette, in the order the report uses it (yellow last: low contrast). */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'plus' | 'none';

export interface SeriesStyle {
  color: string;
  /** an SVG `stroke-dasharray`; empty for a solid line */
  dash: string;
  marker: Marker;
  /** stroke width, px (default 2) */
  width?: number;
}

const COLOURS = Object.values(OKABE_ITO);
const DASHES = ['', '7 4', '2 3', '9 3 2 3', '4 2', '12 4'];
const MARKERS: Marker[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus'];

/**
 * The nth distinct style: colour, dash and marker all change from one to the next, and the three cycle
 * with different lengths, so no two of the first 24 share all three.
 */
export function seriesStyle(n: number): SeriesStyle {
  return {
    color: COLOURS[n % COLOURS.length]!,
    dash: DASHES[n % DASHES.length]!,
    marker: MARKERS[n % MARKERS.length]!,
  };
}

export interface Series {
  label: string;
  points: readonly (readonly [number, number])[];
  style: SeriesStyle;
  /** a short label written just above the line's right end (e.g. a threshold's value) */
  endLabel?: string;
  /** draw markers on the line (default true; the legend always shows the style's marker) */
  markers?: boolean;
}

export interface Axis {
  min: number;
  max: number;
  ticks: readonly number[];
  format: (value: number) => string;
}

export interface LineChartOptions {
  /** the chart's accessible name (its SVG `<title>`) */
  title: string;
  /** the unit or quantity, written above the y axis: `u/m³` */
  yLabel: string;
  x: Axis;
  /** default: from 0 to a round number above the largest value */
  y?: Axis;
  series: readonly Series[];
  /** total width, px (default 760) */
  width?: number;
  /** plot area height, px (default 220) */
  plotHeight?: number;
}

const FONT = 12;
const CHAR_WIDTH = 6.8;
const MARGIN = { left: 64, right: 48, top: 26, bottom: 30 };
const LEGEND_ROW = 20;
const LEGEND_SAMPLE = 34;

/** A coordinate rounded to a tenth of a pixel, as text: stable and short. */
const px = (v: number) => String(Math.round(v * 10) / 10);

/** "Nice" ticks (1, 2, 5 × 10ⁿ apart) from `min` to a tick at or above `max`. */
export function niceTicks(min: number, max: number, target = 5): Axis {
  const span = max > min ? max - min : Math.abs(max) || 1;
  const rough = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const round = (v: number) => Number(v.toFixed(decimals));
  const first = Math.floor(min / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; ; i++) {
    const tick = round(i * step);
    ticks.push(tick);
    if (tick >= max - 1e-12 && ticks.length > 1) break;
  }
  return {
    min: ticks[0]!,
    max: ticks[ticks.length - 1]!,
    ticks,
    format: (v) => v.toFixed(decimals),
  };
}

const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
  604_800, 1_209_600, 2_592_000, 7_776_000, 31_536_000,
];

/**
 * Ticks for a time axis in seconds from `from` to `to`, at round wall-clock times: a tick falls where
 * `offset + t` (the clock, in seconds after midnight) is a multiple of a round step (1 s … 1 year).
 */
export function timeTicks(from: number, to: number, offset: number, target = 6): number[] {
  const span = Math.max(1, to - from);
  const step = TIME_STEPS.find((s) => span / s <= target) ?? Math.ceil(span / target);
  const first = Math.ceil((from + offset) / step) * step - offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}

function marker(kind: Marker, x: number, y: number, color: string): Html | null {
  const s = 3.6;
  const path = (d: string, filled = true) =>
    h('path', filled ? { d, fill: color } : { d, fill: 'none', stroke: color, 'stroke-width': 1.8 });
  switch (kind) {
    case 'none':
      return null;
    case 'circle':
      return h('circle', { cx: px(x), cy: px(y), r: s, fill: color });
    case 'square':
      return h('rect', { x: px(x - s), y: px(y - s), width: 2 * s, height: 2 * s, fill: color });
    case 'triangle':
      return path(
        `M${px(x)} ${px(y - s * 1.2)}L${px(x + s * 1.1)} ${px(y + s)}L${px(x - s * 1.1)} ${px(y + s)}Z`,
      );
    case 'diamond':
      return path(
        `M${px(x)} ${px(y - s * 1.3)}L${px(x + s)} ${px(y)}L${px(x)} ${px(y + s * 1.3)}L${px(x - s)} ${px(y)}Z`,
      );
    case 'cross':
      return path(
        `M${px(x - s)} ${px(y - s)}L${px(x + s)} ${px(y + s)}M${px(x - s)} ${px(y + s)}L${px(x + s)} ${px(y - s)}`,
        false,
      );
    case 'plus':
      return path(
        `M${px(x - s)} ${px(y)}L${px(x + s)} ${px(y)}M${px(x)} ${px(y - s)}L${px(x)} ${px(y + s)}`,
        false,
      );
  }
}

/** Which points of a line of `n` carry a marker: about ten, staggered between series. */
function markerIndices(n: number, series: number, count: number): number[] {
  if (n <= 12) return [...Array(n).keys()];
  const every = Math.ceil(n / 10);
  const offset = Math.floor((series * every) / Math.max(1, count));
  const out: number[] = [];
  for (let i = offset; i < n; i += every) out.push(i);
  return out;
}

/** The legend's rows: as many items a row as fit the width, by an estimate of the text's width. */
function legendRows(series: readonly Series[], width: number): number[][] {
  const rows: number[][] = [[]];
  let used = 0;
  series.forEach((s, i) => {
    const w = LEGEND_SAMPLE + 6 + s.label.length * CHAR_WIDTH + 18;
    if (used > 0 && used + w > width) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(i);
    used += w;
  });
  return rows;
}

/** A line chart as one `<svg>` element. */
export function lineChart(options: LineChartOptions): Html {
  const width = options.width ?? 760;
  const plotHeight = options.plotHeight ?? 220;
  const { series } = options;
  const largest = Math.max(0, ...series.flatMap((s) => s.points.map(([, y]) => y)));
  const yAxis = options.y ?? niceTicks(0, largest > 0 ? largest * 1.05 : 1);
  const xAxis = options.x;

  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = top + plotHeight;
  const xSpan = xAxis.max - xAxis.min || 1;
  const ySpan = yAxis.max - yAxis.min || 1;
  const sx = (x: number) => left + ((x - xAxis.min) / xSpan) * (right - left);
  const sy = (y: number) => bottom - ((y - yAxis.min) / ySpan) * (bottom - top);

  const rows = legendRows(series, right - left);
  const legendTop = bottom + MARGIN.bottom + 8;
  const height = legendTop + (series.length ? rows.length * LEGEND_ROW : 0) + 6;

  const grid: Child[] = [
    ...yAxis.ticks.map((t) =>
      fragment(
        h('line', { x1: left, x2: right, y1: px(sy(t)), y2: px(sy(t)), stroke: '#d9d9d9' }),
        h('text', { x: left - 6, y: px(sy(t) + 4), 'text-anchor': 'end' }, yAxis.format(t)),
      ),
    ),
    ...xAxis.ticks.map((t) =>
      fragment(
        h('line', { x1: px(sx(t)), x2: px(sx(t)), y1: top, y2: bottom, stroke: '#ececec' }),
        h('line', { x1: px(sx(t)), x2: px(sx(t)), y1: bottom, y2: bottom + 5, stroke: '#444' }),
        h('text', { x: px(sx(t)), y: bottom + 18, 'text-anchor': 'middle' }, xAxis.format(t)),
      ),
    ),
    h('path', { d: `M${left} ${top}V${bottom}H${right}`, fill: 'none', stroke: '#444' }),
    h('text', { x: 4, y: 14, 'font-weight': 'bold' }, options.yLabel),
  ];

  const lines = series.map((s, i) => {
    const pts = s.points.map(([x, y]) => [sx(x), sy(y)] as const);
    const d = pts.map(([x, y], k) => `${k ? 'L' : 'M'}${px(x)} ${px(y)}`).join('');
    const last = pts[pts.length - 1];
    return h(
      'g',
      { class: 'series' },
      h('title', {}, s.label),
      pts.length
        ? h('path', {
            d,
            fill: 'none',
            stroke: s.style.color,
            'stroke-width': s.style.width ?? 2,
            'stroke-dasharray': s.style.dash || undefined,
            'stroke-linejoin': 'round',
            'stroke-linecap': 'butt',
          })
        : null,
      s.markers === false
        ? null
        : markerIndices(pts.length, i, series.length).map((k) =>
            marker(s.style.marker, pts[k]![0], pts[k]![1], s.style.color),
          ),
      s.endLabel && last
        ? h(
            'text',
            {
              x: px(last[0]),
              y: px(last[1] - 6),
              'text-anchor': 'end',
              fill: s.style.color,
              stroke: '#fff',
              'stroke-width': 3,
              'paint-order': 'stroke',
            },
            s.endLabel,
          )
        : null,
    );
  });

  const legend = rows.map((row, r) => {
    let x = left;
    const y = legendTop + r * LEGEND_ROW + LEGEND_ROW / 2;
    return row.map((i) => {
      const s = series[i]!;
      const item = h(
        'g',
        { class: 'legend' },
        h('line', {
          x1: x,
          x2: x + LEGEND_SAMPLE,
          y1: px(y),
          y2: px(y),
          stroke: s.style.color,
          'stroke-width': s.style.width ?? 2,
          'stroke-dasharray': s.style.dash || undefined,
        }),
        marker(s.style.marker, x + LEGEND_SAMPLE / 2, y, s.style.color),
        h('text', { x: x + LEGEND_SAMPLE + 6, y: px(y + 4) }, s.label),
      );
      x += LEGEND_SAMPLE + 6 + s.label.length * CHAR_WIDTH + 18;
      return item;
    });
  });

  return h(
    'svg',
    {
      viewBox: `0 0 ${width} ${px(height)}`,
      width,
      height: px(height),
      role: 'img',
      'aria-label': options.title,
      'font-family': 'system-ui, sans-serif',
      'font-size': FONT,
      fill: '#222',
    },
    h('title', {}, options.title),
    grid,
    series.length
      ? null
      : h(
          'text',
          { x: px((left + right) / 2), y: px((top + bottom) / 2), 'text-anchor': 'middle' },
          'no data',
        ),
    lines,
    legend,
  );
}
