/** A worker thread of `omegaverse ensemble`: runs the runs it is sent, and answers with their outcomes. */
import { workerData } from 'node:worker_threads';
import { type EnsemblePlan, ensembleRunner, type RunOutcome } from '../ensemble/index.js';
import type { WorldDefinition } from '../model/definition.js';
import { serveTasks } from './pool.js';

export interface EnsembleWorkerData {
  definition: WorldDefinition;
  plan: EnsemblePlan;
}

const { definition, plan } = workerData as EnsembleWorkerData;
// Built at the first run, so that a failure to build a grid point is that run's failure, with its seed.
let run: ((run: number) => RunOutcome) | undefined;

serveTasks((task) => {
  run ??= ensembleRunner(definition, plan);
  return run(task);
});
