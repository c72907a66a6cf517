/**
 * Ensembles: the same scene under many seeds, and over a grid of parameters (a sweep), summarised as
 * how often each expectation held and each event happened, and when. Pure: the command line adds the
 * worker threads, the progress bar and the files.
 */
export { EnsembleError } from './errors.js';
export { ENSEMBLE_FORMATS, type EnsembleFormat, type FormatOptions, formatEnsemble } from './format.js';
export { ensembleRunner, type RunOutcome } from './outcome.js';
export { variablePaths } from './parameters.js';
export { type EnsemblePart, makePart, mergeParts, readPart } from './part.js';
export {
  type EnsemblePlan,
  type PlanOptions,
  planEnsemble,
  pointCount,
  pointDefinition,
  pointValues,
  type RunSpec,
  runCount,
  runSpec,
  type Shard,
  shardRuns,
} from './plan.js';
export { type EnsembleOptions, runEnsemble } from './run.js';
export { runSeed } from './seed.js';
export { parseShard } from './shard.js';
export type { Distribution } from './stats.js';
export {
  type EnsembleResult,
  type EventSummary,
  type ExpectationSummary,
  type Frequency,
  type PointSummary,
  summarise,
} from './summary.js';
export { parseVary, type Vary } from './vary.js';
