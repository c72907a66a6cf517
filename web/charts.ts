/**
 * Charts of the run up to the time shown, drawn by the report's own line chart (src/report/chart.ts):
 * scent per place over time, and each character's drives against the lines where they act. The samples
 * are those the engine's run took as it went. The chart's markup comes from the report's escaping
 * builder; it is parsed as SVG (an XML document, where nothing runs) and adopted into the page.
 */
import type { WorldDefinition } from '../src/index.js';
import type { Html } from '../src/report/html.js';
import { type Reading, sceneCharts } from '../src/report/scene-charts.js';
import { el, replace } from './dom.js';

/** The chart builder's markup as an SVG element of this page. */
export function svgOf(markup: Html): SVGSVGElement | undefined {
  // The builder writes a bare <svg>; as an XML document it needs its namespace.
  const text = markup.html.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ');
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return undefined;
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

export class ChartsView {
  private lastKey = '';
  /** the panel's width, as last laid out (read when it changes, never while drawing) */
  private width = 760;

  constructor(private readonly host: HTMLElement) {
    new ResizeObserver(([entry]) => {
      if (entry?.contentRect.width) this.width = entry.contentRect.width;
    }).observe(host);
  }

  reset(): void {
    this.lastKey = '';
    replace(this.host);
  }

  /** Draws the samples (those up to the time shown), taken every `sampleEvery` seconds. */
  update(def: WorldDefinition, samples: readonly Reading[], sampleEvery: number): void {
    const width = Math.round(Math.min(900, Math.max(320, this.width)));
    const key = `${samples.length}:${samples[samples.length - 1]?.t}:${width}`;
    if (key === this.lastKey) return;
    this.lastKey = key;

    const charts = sceneCharts(def, samples, { width, airHeight: 180, driveHeight: 150 });
    const figures: HTMLElement[] = [
      figure('Scent concentration in each place (all signatures together), u/m³.', charts.air),
      ...charts.drives.map((d) => figure(d.caption, d.chart)),
    ];
    if (figures.length === 1) {
      figures.push(el('p', { class: 'note' }, 'Nobody has felt any drive yet: no drive charts.'));
    }
    replace(
      this.host,
      el(
        'p',
        { class: 'note' },
        `Sampled every ${sampleEvery} s as the world advances (${samples.length} sample${samples.length === 1 ? '' : 's'} so far).`,
      ),
      figures,
    );
  }
}

function figure(caption: string, chart: Html): HTMLElement {
  return el('figure', {}, el('figcaption', {}, caption), svgOf(chart) ?? el('p', {}, 'chart unavailable'));
}
