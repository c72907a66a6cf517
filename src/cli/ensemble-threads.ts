/**
 * An ensemble's runs on worker threads, with a progress bar: the outcomes in run order, or — when a
 * run throws or a thread dies — one error that names the run's seed (and grid point), so that it can
 * be run again alone.
 */
import type { EnsemblePlan, RunOutcome } from '../ensemble/index.js';
import { pointValues, runSpec } from '../ensemble/index.js';
import type { WorldDefinition } from '../model/definition.js';
import { EXIT_INTERNAL } from './context.js';
import type { EnsembleWorkerData } from './ensemble-worker.js';
import { UserError } from './io.js';
import { runPool, TaskFailure } from './pool.js';
import type { Progress } from './progress.js';
import { besideModule } from './threads.js';

export interface ThreadedRuns {
  definition: WorldDefinition;
  plan: EnsemblePlan;
  /** the runs to do (all of them, or a shard's) */
  tasks: number[];
  threads: number;
  progress: Progress;
  /** the scenario file as the user named it, for the hint that reruns a failed run */
  file: string;
  /** the worker's script (default: ensemble-worker beside this module) */
  script?: URL;
}

/** A run that threw, named so that it can be run again alone. */
function failureMessage(failure: TaskFailure, plan: EnsemblePlan, file: string): string {
  if (failure.task === undefined) return `a worker thread failed before its first run: ${failure.message}`;
  const spec = runSpec(plan, failure.task);
  const values = pointValues(plan, spec.point).map((value, i) => `${plan.vary[i]!.path}=${value}`);
  const at = values.length ? `, at ${values.join(' ')}` : '';
  return [
    `run ${spec.run} of the ensemble failed (seed ${spec.seed}${at}): ${failure.message}`,
    `  hint: run it alone with omegaverse run ${file} --seed ${spec.seed}${values.length ? ', with those values set in the file' : ''}`,
  ].join('\n');
}

export async function runInThreads(o: ThreadedRuns): Promise<RunOutcome[]> {
  try {
    const workerData: EnsembleWorkerData = { definition: o.definition, plan: o.plan };
    return await runPool<RunOutcome>({
      script: o.script ?? besideModule('ensemble-worker', import.meta.url),
      workerData,
      tasks: o.tasks,
      threads: o.threads,
      onResult: () => o.progress.tick(),
    });
  } catch (error) {
    if (error instanceof TaskFailure)
      throw new UserError(failureMessage(error, o.plan, o.file), EXIT_INTERNAL);
    throw error;
  } finally {
    o.progress.stop();
  }
}
