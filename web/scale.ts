/**
 * The map's colour scale: a sequential, colour-blind-safe ramp over a fixed logarithmic scale of scent
 * concentration, and the text colour that reads on each of its colours. No DOM here.
 */

/** ColorBrewer's YlGnBu, a sequential ramp readable with the common colour-vision deficiencies. */
export const RAMP = [
  '#ffffd9',
  '#edf8b1',
  '#c7e9b4',
  '#7fcdbb',
  '#41b6c4',
  '#1d91c0',
  '#225ea8',
  '#253494',
  '#081d58',
];

export type Rgb = [number, number, number];

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/** The ramp's colour at `f` (0..1), interpolated, as 0..255 channels. */
export function rampRgb(f: number): Rgb {
  const x = Math.min(1, Math.max(0, f)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const a = rgb(RAMP[i]!);
  const b = rgb(RAMP[i + 1]!);
  const t = x - i;
  return a.map((v, k) => Math.round(v + (b[k]! - v) * t)) as Rgb;
}

/** The colour scale's bottom and (at least) top, u/m³: the bundled scenes range about 0.003 to 11. */
export const SCALE_LOW = 0.01;
export const SCALE_HIGH = 30;

/**
 * Where a concentration falls on the colour scale (0..1): logarithmic from `SCALE_LOW` (and below) to
 * `top`. A fixed scale, so a colour means the same amount in every scene and at every moment.
 */
export function scaleOf(value: number, top = SCALE_HIGH): number {
  if (!(value > SCALE_LOW)) return 0;
  return Math.min(1, Math.log(value / SCALE_LOW) / Math.log(Math.max(top, SCALE_HIGH) / SCALE_LOW));
}

/** A concentration for reading: a few significant digits. */
export function formatConcentration(v: number): string {
  if (v === 0) return '0';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  if (v >= 0.001) return v.toFixed(3);
  return v.toExponential(1);
}

/** WCAG's relative luminance of a colour. */
export function luminance(colour: Rgb): number {
  const [r, g, b] = colour.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [255, 255, 255];

/**
 * Black or white, whichever contrasts more with `fill`: on any colour one of them reaches at least
 * 4.58:1, over WCAG's 4.5:1 for text. (A near-black would not: mid-ramp blues fell under it.)
 */
export const textColourOn = (fill: Rgb): Rgb =>
  contrast(fill, BLACK) >= contrast(fill, WHITE) ? BLACK : WHITE;
