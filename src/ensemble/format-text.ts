/**
 * An ensemble's tables as text: a header saying what ran, then for each grid point the expectations
 * and the events, each with how often it happened (and Wilson's 95% interval) and when it first did
 * (median, quartiles and a one-line histogram).
 */
import { formatDuration } from '../units/time.js';
import type { Distribution } from './stats.js';
import type { EnsembleResult, Frequency, PointSummary } from './summary.js';

/** Eighths of a block, for a histogram in one line of text. */
const BLOCKS = '▁▂▃▄▅▆▇█';

/** The bins as blocks scaled to the fullest (an empty bin is a space). */
export function sparkline(counts: readonly number[]): string {
  const most = Math.max(...counts);
  return counts.map((c) => (c === 0 ? ' ' : BLOCKS[Math.ceil((c / most) * BLOCKS.length) - 1])).join('');
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

const interval = (f: Frequency) => `${(f.low * 100).toFixed(1)}–${(f.high * 100).toFixed(1)}`;

const when = (d: Distribution | null) =>
  d ? `${formatDuration(d.median)} [${formatDuration(d.q1)}–${formatDuration(d.q3)}]` : '—';

/** The histogram and its range, when the first times differ at all. */
const spread = (d: Distribution | null) =>
  d && d.max > d.min ? `▕${sparkline(d.histogram)}▏ ${formatDuration(d.min)}…${formatDuration(d.max)}` : '';

/** Characters as a terminal counts them (code points, not UTF-16 units). */
const width = (text: string) => [...text].length;

/** Rows as columns padded to their widest cell; `right` lists the columns aligned right. */
function table(rows: readonly string[][], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c]!))));
  return rows.map((row) =>
    `  ${row
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - width(cell));
        return right.has(c) ? pad + cell : cell + pad;
      })
      .join('  ')}`.trimEnd(),
  );
}

/** The columns of frequencies and intervals, aligned right. */
const NUMBER_COLUMNS = new Set([1, 2]);

function pointTables(p: PointSummary): string[] {
  const out: string[] = [];
  if (p.expectations.length) {
    const rows = p.expectations.map((x) => [
      `#${x.number} ${x.line !== undefined ? `line ${x.line}: ` : ''}${x.text}`,
      percent(x.rate),
      interval(x),
      when(x.first),
    ]);
    out.push(
      ...table(
        [['expectation', 'held', '95% CI', 'first match: median [quartiles]'], ...rows],
        NUMBER_COLUMNS,
      ),
    );
  }
  if (p.events.length) {
    if (out.length) out.push('');
    const rows = p.events.map((e) => [
      e.selector,
      percent(e.rate),
      interval(e),
      when(e.first),
      spread(e.first),
    ]);
    out.push(
      ...table(
        [['event', 'happened', '95% CI', 'first: median [quartiles]', 'first: histogram'], ...rows],
        NUMBER_COLUMNS,
      ),
    );
  }
  return out;
}

export function formatText(result: EnsembleResult): string {
  const points = result.points.length;
  const total = points * result.runs;
  const runs = `${result.runs} run${result.runs === 1 ? '' : 's'}`;
  const lines = [
    `${result.title}${result.file ? ` (${result.file})` : ''}: ${points > 1 ? `${runs} at each of ${points} grid points (${total} runs)` : runs}, seeds derived from ${result.seed}, canon ${result.canon}${result.until === undefined ? '' : `, until ${formatDuration(result.until)}`}`,
    ...result.vary.map((v) => `vary ${v.path}: ${v.values.join(', ')}`),
  ];
  for (const p of result.points) {
    lines.push('');
    if (result.vary.length) {
      lines.push(
        Object.entries(p.values)
          .map(([path, value]) => `${path}=${value}`)
          .join(' '),
      );
    }
    const tables = pointTables(p);
    lines.push(...(tables.length ? tables : ['  (nothing to show)']));
  }
  return `${lines.join('\n')}\n`;
}
