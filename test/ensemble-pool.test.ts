/**
 * The pool of worker threads: results in the order of the tasks whatever order they finish in, and
 * every way a thread can fail — a task that throws, a thread that stops, one that cannot start —
 * turned into one error naming the task, never a hang. Then the ensemble's own use of it: a run
 * that fails is named by its seed and grid point.
 */
import { describe, expect, it } from 'vitest';
import { EXIT_INTERNAL } from '../src/cli/context.js';
import { runInThreads } from '../src/cli/ensemble-threads.js';
import { UserError } from '../src/cli/io.js';
import { runPool, TaskFailure } from '../src/cli/pool.js';
import { parseVary, planEnsemble, runSpec } from '../src/ensemble/index.js';
import { bundled } from './helpers.js';

const script = new URL('./fixtures/pool-worker.ts', import.meta.url);
const tasks = Array.from({ length: 10 }, (_, i) => i);

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the pool to fail');
}

describe('the worker pool', () => {
  it('gives the results in task order, whatever order the threads finish in', async () => {
    const finished: number[] = [];
    const results = await runPool<number>({
      script,
      workerData: { mode: 'square', at: -1 },
      tasks,
      threads: 3,
      onResult: (task) => finished.push(task),
    });
    expect(results).toEqual(tasks.map((t) => t * t));
    expect([...finished].sort((a, b) => a - b)).toEqual(tasks);
  });

  it('turns a task that throws into one failure naming the task', async () => {
    const failure = await failureOf(
      runPool({ script, workerData: { mode: 'throw', at: 6 }, tasks, threads: 2 }),
    );
    expect(failure).toBeInstanceOf(TaskFailure);
    expect(failure).toMatchObject({ task: 6, message: 'the engine tripped at 6' });
  });

  it('turns a thread that stops into a failure naming the task it held', async () => {
    const failure = await failureOf(
      runPool({ script, workerData: { mode: 'exit', at: 3 }, tasks, threads: 2 }),
    );
    expect(failure).toMatchObject({ task: 3, message: 'a worker thread stopped (exit code 3)' });
  });

  it('turns a thread that cannot start into a failure', async () => {
    const failure = await failureOf(
      runPool({ script, workerData: { mode: 'fail-to-start' }, tasks, threads: 2 }),
    );
    expect(failure).toBeInstanceOf(TaskFailure);
    expect(failure.message).toBe('this worker cannot start');
  });

  it('has nothing to do for no tasks', async () => {
    expect(await runPool({ script, workerData: {}, tasks: [], threads: 4 })).toEqual([]);
  });
});

describe('an ensemble run that fails', () => {
  it('is one error naming its seed and grid point, and how to run it alone', async () => {
    const definition = bundled('medbay.yaml');
    const plan = planEnsemble(definition, { runs: 3, vary: [parseVary('perception.identify=0.6,0.8')] });
    const stopped: string[] = [];
    const failure = await failureOf(
      runInThreads({
        definition,
        plan,
        tasks: [0, 1, 2, 3, 4, 5],
        threads: 2,
        progress: { tick() {}, stop: () => stopped.push('stopped') },
        file: 'scenarios/medbay.yaml',
        script,
      }),
    );
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).exitCode).toBe(EXIT_INTERNAL);
    const seed = runSpec(plan, 4).seed;
    expect(failure.message).toBe(
      [
        `run 4 of the ensemble failed (seed ${seed}, at perception.identify=0.8): the engine tripped at 4`,
        `  hint: run it alone with omegaverse run scenarios/medbay.yaml --seed ${seed}, with those values set in the file`,
      ].join('\n'),
    );
    expect(stopped).toEqual(['stopped']);
  });
});
