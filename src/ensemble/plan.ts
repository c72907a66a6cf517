/**
 * An ensemble's run list: every grid point of the sweep (one point when nothing varies) times
 * `runs` repetitions, run `i` being repetition `i mod runs` of point `⌊i / runs⌋`, seeded by
 * `runSeed(seed, repetition)`. The plan is plain data and carries everything the tables need, so
 * that partial results can be merged without the scenario file.
 */
import type { Scalar, WorldDefinition } from '../model/definition.js';
import { describeWanted } from '../narrate/expectation.js';
import { digest } from './digest.js';
import { EnsembleError } from './errors.js';
import { withValues } from './parameters.js';
import { runSeed } from './seed.js';
import type { Vary } from './vary.js';

export interface EnsemblePlan {
  title: string;
  /** the scenario's file, as it was named */
  file?: string;
  /** fingerprint of the scenario (all but its canon, file name and seed) */
  scenario: string;
  canonName: string;
  /** fingerprint of the canon, overrides included */
  canon: string;
  /** the ensemble's seed, from which every run's seed is derived */
  seed: number;
  /** repetitions at each grid point */
  runs: number;
  /** when every run ends, seconds (default: the scenario's end) */
  until?: number;
  vary: Vary[];
  /** the scenario's expectations: the event type each is about, and how the tables name it */
  expectations: { event: string; text: string; line?: number }[];
}

export interface PlanOptions {
  /** repetitions at each grid point (a whole number ≥ 1) */
  runs: number;
  /** default: the scenario's own seed */
  seed?: number;
  /** when every run ends, seconds (default: the scenario's end) */
  until?: number;
  vary?: Vary[];
}

/** One run of the list. */
export interface RunSpec {
  run: number;
  point: number;
  repetition: number;
  seed: number;
}

/** The scenario's fingerprint leaves out what does not change a run: where it was read, its own seed. */
const IGNORED_KEYS = new Set(['canon', 'file', 'source', 'seed']);

export function planEnsemble(def: WorldDefinition, options: PlanOptions): EnsemblePlan {
  const { runs, seed = def.seed, until, vary = [] } = options;
  if (!Number.isInteger(runs) || runs < 1)
    throw new EnsembleError(`--runs must be a whole number of 1 or more, got ${runs}`);
  if (!Number.isInteger(seed) || seed < 0)
    throw new EnsembleError(`the seed must be a whole number of 0 or more, got ${seed}`);
  if (until !== undefined && !(until > 0))
    throw new EnsembleError(`--until must be after the start, got ${until}`);
  const paths = new Set<string>();
  for (const v of vary) {
    if (paths.has(v.path))
      throw new EnsembleError(
        `--vary ${v.path} is given twice`,
        'list every value in one --vary: PATH=a,b,c',
      );
    paths.add(v.path);
  }
  const plan: EnsemblePlan = {
    title: def.title,
    ...(def.file !== undefined && { file: def.file }),
    scenario: digest(JSON.stringify(def, (key, value) => (IGNORED_KEYS.has(key) ? undefined : value))),
    canonName: def.canonName,
    canon: digest(JSON.stringify(def.canon)),
    seed,
    runs,
    ...(until !== undefined && { until }),
    vary,
    expectations: def.expectations.map((x) => ({
      event: x.event,
      text: describeWanted(x),
      ...(x.source && { line: x.source.line }),
    })),
  };
  // Every point is built once now, so that a value out of range stops the ensemble before any run.
  for (let point = 0; point < pointCount(plan); point++) pointDefinition(def, plan, point);
  return plan;
}

/** How many grid points the sweep has (1 when nothing varies). */
export const pointCount = (plan: EnsemblePlan): number => plan.vary.reduce((n, v) => n * v.values.length, 1);

/** How many runs the whole ensemble has. */
export const runCount = (plan: EnsemblePlan): number => pointCount(plan) * plan.runs;

/** The values of grid point `point`, in the order of `plan.vary`: the first parameter varies slowest. */
export function pointValues(plan: EnsemblePlan, point: number): Scalar[] {
  const values: Scalar[] = [];
  let rest = point;
  for (let i = plan.vary.length - 1; i >= 0; i--) {
    const choices = plan.vary[i]!.values;
    values[i] = choices[rest % choices.length]!;
    rest = Math.floor(rest / choices.length);
  }
  return values;
}

export function runSpec(plan: EnsemblePlan, run: number): RunSpec {
  const repetition = run % plan.runs;
  return { run, point: Math.floor(run / plan.runs), repetition, seed: runSeed(plan.seed, repetition) };
}

/** The definition a grid point runs: the scenario with the point's values set. */
export function pointDefinition(def: WorldDefinition, plan: EnsemblePlan, point: number): WorldDefinition {
  const values = pointValues(plan, point);
  return withValues(
    def,
    plan.vary.map((v, i) => ({ path: v.path, value: values[i]! })),
  );
}

/** A slice of the run list for one machine: `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The runs of a shard: every `count`-th run from `index`, so that each shard has some of every point. */
export function shardRuns(plan: EnsemblePlan, shard: Shard): number[] {
  const runs: number[] = [];
  for (let run = shard.index; run < runCount(plan); run += shard.count) runs.push(run);
  return runs;
}
