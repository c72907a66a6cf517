/**
 * Charts of the run so far, drawn by the report's own line chart (src/report/chart.ts): scent per
 * place over time, and each character's drives against their self-control threshold. The samples are
 * those the session took as the world advanced. The chart's markup comes from the report's escaping
 * builder; it is parsed as SVG (an XML document, where nothing runs) and adopted into the page.
 */
import { DRIVES, type DriveName, formatClock } from '../src/index.js';
import {
  type Axis,
  lineChart,
  OKABE_ITO,
  type Series,
  type SeriesStyle,
  seriesStyle,
  timeTicks,
} from '../src/report/chart.js';
import type { Html } from '../src/report/html.js';
import { el, replace } from './dom.js';
import type { Sample, Session } from './session.js';

/** Each drive keeps one colour, dash and marker in every chart (as in the HTML report). */
const DRIVE_STYLE: Record<DriveName, SeriesStyle> = {
  protect: { color: OKABE_ITO.blue, dash: '', marker: 'circle' },
  aggression: { color: OKABE_ITO.vermillion, dash: '7 4', marker: 'square' },
  discomfort: { color: OKABE_ITO.bluishGreen, dash: '2 3', marker: 'triangle' },
  longing: { color: OKABE_ITO.reddishPurple, dash: '9 3 2 3', marker: 'diamond' },
};
const THRESHOLD_STYLE: SeriesStyle = { color: OKABE_ITO.black, dash: '4 4', marker: 'none', width: 1.25 };

/** The chart builder's markup as an SVG element of this page. */
export function svgOf(markup: Html): SVGSVGElement | undefined {
  // The builder writes a bare <svg>; as an XML document it needs its namespace.
  const text = markup.html.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ');
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return undefined;
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

const round3 = (v: number) => String(Number(v.toFixed(3)));

export class ChartsView {
  private lastKey = '';

  constructor(private readonly host: HTMLElement) {}

  reset(): void {
    this.lastKey = '';
    replace(this.host);
  }

  update(session: Session): void {
    const def = session.definition;
    const samples = session.samples();
    const width = Math.round(Math.min(900, Math.max(320, this.host.clientWidth || 760)));
    const key = `${samples.length}:${samples[samples.length - 1]?.t}:${width}`;
    if (key === this.lastKey) return;
    this.lastKey = key;

    const xAxis: Axis = {
      min: 0,
      max: Math.max(1, def.until),
      ticks: timeTicks(0, def.until, def.clock, width < 500 ? 2 : 6),
      format: (t) => formatClock(def.clock, t),
    };
    const line = (pick: (s: Sample) => number) => samples.map((s) => [s.t, pick(s)] as const);

    const figures: HTMLElement[] = [];
    figures.push(
      figure(
        'Scent concentration in each place (all signatures together), u/m³.',
        lineChart({
          title: `${def.title}: scent concentration per place over time, u/m³`,
          yLabel: 'scent, u/m³',
          x: xAxis,
          width,
          plotHeight: 180,
          series: def.places.map((p, i) => ({
            label: p.name,
            points: line((s) => s.concentration[i]!),
            style: seriesStyle(i),
          })),
        }),
      ),
    );

    def.characters.forEach((c, ci) => {
      const felt = DRIVES.filter((_, d) => samples.some((s) => s.drives[ci]![d]! > 0));
      if (!felt.length) return;
      const threshold = samples[samples.length - 1]?.threshold[ci] ?? 0;
      const series: Series[] = felt.map((drive) => {
        const d = DRIVES.indexOf(drive);
        return { label: drive, points: line((s) => s.drives[ci]![d]!), style: DRIVE_STYLE[drive] };
      });
      series.push({
        label: `self-control threshold ${round3(threshold)}`,
        points: line((s) => s.threshold[ci]!),
        style: THRESHOLD_STYLE,
        markers: false,
      });
      figures.push(
        figure(
          `${c.name} (${c.representation}): drives, the strongest toward anyone, against the self-control threshold a drive must beat to become an action.`,
          lineChart({
            title: `${c.name}: drives over time against self-control`,
            yLabel: 'drive level',
            x: xAxis,
            width,
            plotHeight: 150,
            series,
          }),
        ),
      );
    });
    if (figures.length === 1) {
      figures.push(el('p', { class: 'note' }, 'Nobody has felt any drive yet: no drive charts.'));
    }
    replace(
      this.host,
      el(
        'p',
        { class: 'note' },
        `Sampled every ${session.sampleEvery} s as the world advances (${samples.length} samples so far).`,
      ),
      figures,
    );
  }
}

function figure(caption: string, chart: Html): HTMLElement {
  return el('figure', {}, el('figcaption', {}, caption), svgOf(chart) ?? el('p', {}, 'chart unavailable'));
}
