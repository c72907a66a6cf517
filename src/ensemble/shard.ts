/**
 * `--shard I/N`: this machine runs slice I (0-based) of N. `--shard N` alone takes I from the batch
 * system that started the job: a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`, or a Slurm job
 * array's `SLURM_ARRAY_TASK_ID` (counted from the array's first index, whatever it is).
 */
import { EnsembleError } from './errors.js';
import type { Shard } from './plan.js';

const WHOLE = /^\d+$/;

/** The index a batch system gives this task, and which variable gave it. */
function indexFromBatch(env: Readonly<Record<string, string | undefined>>) {
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined && WHOLE.test(k8s)) return { index: Number(k8s), from: 'JOB_COMPLETION_INDEX' };
  const slurm = env.SLURM_ARRAY_TASK_ID;
  if (slurm !== undefined && WHOLE.test(slurm)) {
    const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    const step = Number(env.SLURM_ARRAY_TASK_STEP ?? 1) || 1;
    return { index: (Number(slurm) - min) / step, from: 'SLURM_ARRAY_TASK_ID' };
  }
  return undefined;
}

export function parseShard(written: string, env: Readonly<Record<string, string | undefined>>): Shard {
  const [first = '', second, ...rest] = written.split('/');
  const explicit = second !== undefined;
  if (rest.length || !WHOLE.test(explicit ? second : first) || (explicit && !WHOLE.test(first)))
    throw new EnsembleError(
      `--shard '${written}': expected I/N (slice I of N, counted from 0) or N`,
      'for example --shard 0/4 … --shard 3/4; --shard 4 takes I from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID',
    );
  const count = Number(explicit ? second : first);
  if (count < 1) throw new EnsembleError(`--shard '${written}': the number of shards must be 1 or more`);
  const batch = explicit ? undefined : indexFromBatch(env);
  if (!explicit && !batch)
    throw new EnsembleError(
      `--shard ${count} names only the number of shards, and neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set`,
      `give the index too: --shard I/${count}, with I from 0 to ${count - 1}`,
    );
  const index = explicit ? Number(first) : batch!.index;
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new EnsembleError(
      `shard index ${index}${batch ? ` (from ${batch.from})` : ''} is not between 0 and ${count - 1}`,
      batch?.from === 'SLURM_ARRAY_TASK_ID'
        ? `the job array should have ${count} tasks, e.g. --array=0-${count - 1}`
        : `shards are counted from 0: 0/${count} … ${count - 1}/${count}`,
    );
  return { index, count };
}
