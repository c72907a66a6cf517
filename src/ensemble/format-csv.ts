/**
 * An ensemble as tidy CSV: one row per run × outcome (each expectation, and each event type × actor ×
 * target seen in any run), with the run's seed and swept values as columns — ready for pandas, DuckDB
 * or a spreadsheet (the mean of `happened` by group is a frequency). Fields are quoted as RFC 4180
 * says; lines end in a bare newline, as most tools write them.
 */
import type { RunOutcome } from './outcome.js';
import { type EnsemblePlan, pointValues, runSpec } from './plan.js';
import { selectorOf } from './summary.js';

const cell = (value: string | number | boolean) => {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const line = (cells: readonly (string | number | boolean)[]) => `${cells.map(cell).join(',')}\n`;

/** `types`: keep only events of these types and the expectations about them (default: all). */
export function formatCsv(
  plan: EnsemblePlan,
  outcomes: readonly RunOutcome[],
  types?: readonly string[],
): string {
  const kept = (type: string) => !types || types.includes(type);
  const events = new Map<string, [string, string, string]>();
  for (const o of outcomes)
    for (const [type, actor, target] of o.events)
      if (kept(type)) events.set(selectorOf(type, actor, target), [type, actor, target]);
  const selectors = [...events.keys()].sort();
  const head = ['run', 'point', 'repetition', 'seed', ...plan.vary.map((v) => v.path)];
  let out = line([
    ...head,
    'kind',
    'outcome',
    'type',
    'actor',
    'target',
    'description',
    'happened',
    'first_s',
  ]);
  for (const o of outcomes) {
    const spec = runSpec(plan, o.run);
    const run = [o.run, spec.point, spec.repetition, o.seed, ...pointValues(plan, spec.point)];
    plan.expectations.forEach((x, i) => {
      if (!kept(x.event)) return;
      const [held, first] = o.expectations[i]!;
      const description = `${x.line !== undefined ? `line ${x.line}: ` : ''}${x.text}`;
      out += line([
        ...run,
        'expectation',
        `expect#${i + 1}`,
        x.event,
        '',
        '',
        description,
        held ? 1 : 0,
        first ?? '',
      ]);
    });
    const firsts = new Map(o.events.map(([type, actor, target, t]) => [selectorOf(type, actor, target), t]));
    for (const selector of selectors) {
      const [type, actor, target] = events.get(selector)!;
      const first = firsts.get(selector);
      out += line([
        ...run,
        'event',
        selector,
        type,
        actor,
        target,
        '',
        first === undefined ? 0 : 1,
        first ?? '',
      ]);
    }
  }
  return out;
}
