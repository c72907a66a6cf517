/**
 * An ensemble's tables as one self-contained HTML page: for each grid point, each expectation and
 * event with its frequency drawn against Wilson's 95% interval, and the spread of its first time as a
 * small SVG histogram. Like the report, it loads and runs nothing, escapes every scenario word, and
 * depends only on the result: the same ensemble gives the same bytes.
 */
import { OKABE_ITO } from '../report/chart.js';
import { type Child, fragment, type Html, h, raw } from '../report/html.js';
import { formatDuration } from '../units/time.js';
import type { Distribution } from './stats.js';
import type { EnsembleResult, Frequency, PointSummary } from './summary.js';

const BAR = { width: 120, height: 14 };
const HISTOGRAM = { width: 120, height: 28 };

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The frequency as a dot on a 0–100% track, with its interval as a band around it. */
function rateBar(f: Frequency): Html {
  // The track leaves room for the dot at 0% and at 100%.
  const inset = 4;
  const x = (share: number) => (inset + share * (BAR.width - 2 * inset)).toFixed(1);
  const mid = BAR.height / 2;
  return h(
    'svg',
    {
      class: 'rate',
      width: BAR.width,
      height: BAR.height,
      viewBox: `0 0 ${BAR.width} ${BAR.height}`,
      role: 'img',
      'aria-label': `${percent(f.rate)}, 95% interval ${percent(f.low)} to ${percent(f.high)}`,
    },
    h('line', { x1: x(0), x2: x(1), y1: mid, y2: mid, stroke: '#ccc' }),
    h('rect', {
      x: x(f.low),
      y: 3,
      width: ((f.high - f.low) * (BAR.width - 2 * inset)).toFixed(1),
      height: BAR.height - 6,
      fill: OKABE_ITO.skyBlue,
      opacity: 0.5,
    }),
    h('circle', { cx: x(f.rate), cy: mid, r: 3.5, fill: OKABE_ITO.blue }),
  );
}

/** The first instants' histogram as bars, min and max written under it. */
function histogram(d: Distribution | null): Child {
  if (!d) return '—';
  const most = Math.max(...d.histogram);
  // One bin (every first time the same): one thin bar in the middle, not a block that looks like a spread.
  const single = d.histogram.length === 1;
  const width = single ? 6 : HISTOGRAM.width / d.histogram.length;
  const left = single ? (HISTOGRAM.width - width) / 2 : 0;
  const label = `first at ${formatDuration(d.min)} to ${formatDuration(d.max)}, median ${formatDuration(d.median)}`;
  return fragment(
    h(
      'svg',
      {
        class: 'histogram',
        width: HISTOGRAM.width,
        height: HISTOGRAM.height,
        viewBox: `0 0 ${HISTOGRAM.width} ${HISTOGRAM.height}`,
        role: 'img',
        'aria-label': label,
      },
      d.histogram.map((count, i) => {
        const height = (count / most) * (HISTOGRAM.height - 2);
        return h('rect', {
          x: (left + i * width + 0.5).toFixed(1),
          y: (HISTOGRAM.height - height).toFixed(1),
          width: (width - 1).toFixed(1),
          height: height.toFixed(1),
          fill: OKABE_ITO.vermillion,
        });
      }),
    ),
    h(
      'div',
      { class: 'range' },
      d.max > d.min ? `${formatDuration(d.min)} … ${formatDuration(d.max)}` : formatDuration(d.min),
    ),
  );
}

const when = (d: Distribution | null) =>
  d ? `${formatDuration(d.median)} [${formatDuration(d.q1)}–${formatDuration(d.q3)}]` : '—';

const frequencyCells = (f: Frequency) => [
  h(
    'td',
    { class: 'num' },
    percent(f.rate),
    h('div', { class: 'ci' }, `${percent(f.low)}–${percent(f.high)}`),
  ),
  h('td', {}, rateBar(f)),
  h('td', { class: 'num' }, when(f.first)),
  h('td', {}, histogram(f.first)),
];

const HEAD = ['how often', '0–100% (95% interval)', 'first: median [quartiles]', 'first: spread'];

function pointSection(p: PointSummary, sweep: boolean): Html {
  const title = sweep
    ? Object.entries(p.values)
        .map(([path, value]) => `${path} = ${value}`)
        .join(' · ')
    : 'Outcomes';
  const expectations = p.expectations.length
    ? h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'expectation'),
            HEAD.map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          p.expectations.map((x) =>
            h(
              'tr',
              {},
              h(
                'td',
                {},
                h('code', {}, `#${x.number}${x.line !== undefined ? ` line ${x.line}` : ''}`),
                ' ',
                x.text,
              ),
              frequencyCells(x),
            ),
          ),
        ),
      )
    : null;
  const events = p.events.length
    ? h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'event'),
            HEAD.map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          p.events.map((e) => h('tr', {}, h('td', {}, h('code', {}, e.selector)), frequencyCells(e))),
        ),
      )
    : null;
  return h(
    'section',
    { id: `point-${p.point + 1}` },
    h('h2', {}, title),
    expectations,
    events,
    expectations || events ? null : h('p', {}, 'Nothing to show.'),
  );
}

export function formatHtml(result: EnsembleResult): string {
  const sweep = result.vary.length > 0;
  const fact = (term: string, value: Child) => fragment(h('dt', {}, term), h('dd', {}, value));
  const points = result.points.length;
  const header = h(
    'header',
    {},
    h('h1', {}, `${result.title}: ensemble`),
    h(
      'dl',
      { class: 'facts' },
      result.file ? fact('scenario', h('code', {}, result.file)) : null,
      fact('canon', result.canon),
      fact(
        'runs',
        `${result.runs} at each of ${points} grid point${points === 1 ? '' : 's'} (${points * result.runs} in all)`,
      ),
      fact('seeds', `derived from ${result.seed}`),
      result.until === undefined ? null : fact('until', formatDuration(result.until)),
      result.vary.map((v) => fact('vary', fragment(h('code', {}, v.path), `: ${v.values.join(', ')}`))),
    ),
    sweep
      ? h(
          'nav',
          {},
          result.points.map((p) =>
            h('a', { href: `#point-${p.point + 1}` }, Object.values(p.values).join(' · ')),
          ),
        )
      : null,
  );
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', {
        'http-equiv': 'Content-Security-Policy',
        content: "default-src 'none'; style-src 'unsafe-inline'",
      }),
      h('title', {}, `${result.title} — omegaverse ensemble`),
      h('style', {}, raw(CSS)),
    ),
    h(
      'body',
      {},
      h(
        'main',
        {},
        header,
        result.points.map((p) => pointSection(p, sweep)),
        h(
          'footer',
          {},
          'Made by omegaverse ensemble. Frequencies with Wilson 95% intervals; quartiles interpolated (type 7). The same ensemble gives the same page.',
        ),
      ),
    ),
  );
  return `<!doctype html>\n${page.html}\n`;
}

const CSS = `
:root { color-scheme: light; --ink: #222; --muted: #666; --rule: #ddd; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { margin: 0 0 .5rem; font-size: 1.8rem; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; font-size: 1.2rem; }
code { font: 0.9em ui-monospace, monospace; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
nav { margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
a { color: #0072B2; }
table { border-collapse: collapse; font-size: .9rem; margin: 1rem 0; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: middle; text-align: left; }
thead th { background: #f2f2f2; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.ci, .range { font-size: .75rem; color: var(--muted); }
svg { display: block; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
`;
