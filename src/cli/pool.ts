/**
 * A pool of worker threads working through a list of numbered tasks: each thread is sent one task at a
 * time and the next when it answers. Results come back in the list's order, whatever order the threads
 * finish in. The first failure — a task that throws, a thread that cannot start or that stops —
 * stops every thread and rejects with a `TaskFailure` naming the task: the pool never hangs.
 */
import { parentPort } from 'node:worker_threads';
import { startWorker } from './threads.js';

export class TaskFailure extends Error {
  constructor(
    /** the task that failed, when it is known (a thread can fail before its first task) */
    readonly task: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

type Reply<R> = { task: number; result: R } | { task: number; error: string };

export interface PoolOptions<R> {
  /** the worker's script: a module that calls `serveTasks` */
  script: URL;
  /** given to every thread as `workerData` */
  workerData: unknown;
  tasks: readonly number[];
  /** how many threads at most */
  threads: number;
  /** called on the main thread as each task's result arrives */
  onResult?: (task: number, result: R) => void;
}

export function runPool<R>(options: PoolOptions<R>): Promise<R[]> {
  const { tasks, onResult } = options;
  if (!tasks.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const results: R[] = new Array(tasks.length);
    const threads: ReturnType<typeof startWorker>[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (failure?: TaskFailure) => {
      if (settled) return;
      settled = true;
      void Promise.all(threads.map((t) => t.terminate())).then(() =>
        failure ? reject(failure) : resolve(results),
      );
    };
    for (let k = 0; k < Math.min(options.threads, tasks.length); k++) {
      const thread = startWorker(options.script, options.workerData);
      threads.push(thread);
      /** the position in `tasks` of the task this thread is working on */
      let current: number | undefined;
      const feed = () => {
        current = next < tasks.length ? next++ : undefined;
        if (current !== undefined) thread.postMessage(tasks[current]);
      };
      const failed = (message: string) =>
        finish(new TaskFailure(current === undefined ? undefined : tasks[current], message));
      thread.on('message', (reply: Reply<R>) => {
        if ('error' in reply) return failed(reply.error);
        results[current!] = reply.result;
        done++;
        onResult?.(reply.task, reply.result);
        if (done === tasks.length) finish();
        else feed();
      });
      thread.on('error', (error) => failed(error.message));
      thread.on('exit', (code) => failed(`a worker thread stopped (exit code ${code})`));
      feed();
    }
  });
}

/** In a worker's script: answers each task sent with `handle(task)`, or with the message of what it threw. */
export function serveTasks<R>(handle: (task: number) => R): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', (task: number) => {
    let reply: Reply<R>;
    try {
      reply = { task, result: handle(task) };
    } catch (error) {
      reply = { task, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
