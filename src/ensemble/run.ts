/** A whole ensemble in this thread, run after run: for scripts and browsers (the command line uses every core). */
import type { WorldDefinition } from '../model/definition.js';
import { ensembleRunner, type RunOutcome } from './outcome.js';
import { type EnsemblePlan, type PlanOptions, planEnsemble, runCount } from './plan.js';

export interface EnsembleOptions extends PlanOptions {
  /** called after each run with how many are done, of how many */
  onProgress?: (done: number, total: number) => void;
}

export function runEnsemble(
  definition: WorldDefinition,
  options: EnsembleOptions,
): { plan: EnsemblePlan; outcomes: RunOutcome[] } {
  const plan = planEnsemble(definition, options);
  const run = ensembleRunner(definition, plan);
  const total = runCount(plan);
  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < total; i++) {
    outcomes.push(run(i));
    options.onProgress?.(i + 1, total);
  }
  return { plan, outcomes };
}
