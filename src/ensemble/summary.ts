/**
 * An ensemble's tables, from its runs' outcomes in run order: for each grid point, how often each
 * expectation held and each event type × actor × target happened (with Wilson's 95% interval), and
 * when each first happened. Only the run order counts: which worker or machine ran what never shows.
 */
import type { Scalar } from '../model/definition.js';
import type { RunOutcome } from './outcome.js';
import { type EnsemblePlan, pointCount, pointValues, runCount } from './plan.js';
import { type Distribution, distribution, wilson } from './stats.js';
import type { Vary } from './vary.js';

export interface Frequency {
  /** runs in which it happened (an expectation: held) */
  count: number;
  runs: number;
  rate: number;
  /** Wilson's 95% interval of the rate */
  low: number;
  high: number;
  /** when it first happened, over the runs where it did (an expectation: its first matching event) */
  first: Distribution | null;
}

export interface ExpectationSummary extends Frequency {
  /** 1-based, in the file's order */
  number: number;
  event: string;
  text: string;
  line?: number;
}

export interface EventSummary extends Frequency {
  /** `type:actor:target`, as `omegaverse explain` takes it */
  selector: string;
  type: string;
  actor?: string;
  target?: string;
}

export interface PointSummary {
  /** 0-based, in run order */
  point: number;
  /** the swept parameters' values, by path */
  values: Record<string, Scalar>;
  expectations: ExpectationSummary[];
  /** every event type × actor × target that happened in some run, earliest median first */
  events: EventSummary[];
}

export interface EnsembleResult {
  format: 'omegaverse/ensemble';
  version: 1;
  title: string;
  file?: string;
  canon: string;
  seed: number;
  /** runs at each grid point */
  runs: number;
  /** when every run ended, seconds, if not at the scenario's end */
  until?: number;
  vary: Vary[];
  points: PointSummary[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function frequency(count: number, runs: number, firsts: number[]): Frequency {
  const [low, high] = wilson(count, runs);
  return {
    count,
    runs,
    rate: round4(count / runs),
    low: round4(low),
    high: round4(high),
    first: distribution(firsts),
  };
}

/** `restrain:rey:finn`; trailing empty parts left out (`conflict`, `door:rey`). */
export const selectorOf = (type: string, actor: string, target: string): string =>
  [type, actor, target].join(':').replace(/:+$/, '');

/** The tables. `outcomes` must hold every run of the plan, in run order. */
export function summarise(plan: EnsemblePlan, outcomes: readonly RunOutcome[]): EnsembleResult {
  if (outcomes.length !== runCount(plan) || outcomes.some((o, i) => o.run !== i))
    throw new Error(`an ensemble's summary needs its ${runCount(plan)} runs in order`);
  const points: PointSummary[] = [];
  for (let point = 0; point < pointCount(plan); point++) {
    const runs = outcomes.slice(point * plan.runs, (point + 1) * plan.runs);
    const values = pointValues(plan, point);
    const expectations = plan.expectations.map((x, i) => {
      const held = runs.filter((o) => o.expectations[i]![0]).length;
      const firsts = runs.flatMap((o) => (o.expectations[i]![1] === null ? [] : [o.expectations[i]![1]!]));
      return { number: i + 1, ...x, ...frequency(held, runs.length, firsts) };
    });
    const seen = new Map<string, { type: string; actor: string; target: string; firsts: number[] }>();
    for (const o of runs) {
      for (const [type, actor, target, first] of o.events) {
        const selector = selectorOf(type, actor, target);
        const entry = seen.get(selector) ?? { type, actor, target, firsts: [] };
        entry.firsts.push(first);
        seen.set(selector, entry);
      }
    }
    const events = [...seen].map(([selector, e]) => ({
      selector,
      type: e.type,
      ...(e.actor && { actor: e.actor }),
      ...(e.target && { target: e.target }),
      ...frequency(e.firsts.length, runs.length, e.firsts),
    }));
    events.sort((a, b) => a.first!.median - b.first!.median || (a.selector < b.selector ? -1 : 1));
    points.push({
      point,
      values: Object.fromEntries(plan.vary.map((v, i) => [v.path, values[i]!])),
      expectations,
      events,
    });
  }
  return {
    format: 'omegaverse/ensemble',
    version: 1,
    title: plan.title,
    ...(plan.file !== undefined && { file: plan.file }),
    canon: plan.canonName,
    seed: plan.seed,
    runs: plan.runs,
    ...(plan.until !== undefined && { until: plan.until }),
    vary: plan.vary,
    points,
  };
}

/** The tables kept to events of these types, and to the expectations about them. */
export function onlyTypes(result: EnsembleResult, types: readonly string[]): EnsembleResult {
  const kept = new Set(types);
  return {
    ...result,
    points: result.points.map((p) => ({
      ...p,
      expectations: p.expectations.filter((x) => kept.has(x.event)),
      events: p.events.filter((e) => kept.has(e.type)),
    })),
  };
}
