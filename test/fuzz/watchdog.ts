/**
 * Checks cases in a worker thread, so that a case on which the engine never returns — a loop inside
 * one call, which no budget inside the run can see — is a `step-budget` finding, not a campaign that
 * hangs: after `timeoutMs` without an answer the worker is ended and the next case gets a new one.
 */
import type { Worker } from 'node:worker_threads';
import { besideModule, startWorker } from '../../src/cli/threads.js';
import type { Budget, Case, Finding } from './invariants.js';

/** How the finding of a case without an answer begins. */
export const NO_ANSWER = 'no answer within';

export class Watchdog {
  private worker: Worker | undefined;

  constructor(
    private readonly budget: Budget,
    private readonly timeoutMs: number,
  ) {}

  check(c: Case): Promise<Finding[]> {
    this.worker ??= startWorker(besideModule('check-worker', import.meta.url), { budget: this.budget });
    const worker = this.worker;
    return new Promise((resolve) => {
      const done = (findings: Finding[]) => {
        clearTimeout(timer);
        worker.off('message', done);
        worker.off('error', failed);
        resolve(findings);
      };
      const failed = (error: Error) => {
        this.end(worker);
        done([{ invariant: 'no-internal-error', message: `the checking thread failed: ${error.message}` }]);
      };
      const timer = setTimeout(() => {
        this.end(worker);
        done([
          {
            invariant: 'step-budget',
            message: `${NO_ANSWER} ${this.timeoutMs / 1000} s: the engine does not return from one call`,
          },
        ]);
      }, this.timeoutMs);
      worker.on('message', done);
      worker.on('error', failed);
      worker.postMessage(c);
    });
  }

  /** Ends the worker thread: a campaign calls this when it is done. */
  close(): void {
    if (this.worker) this.end(this.worker);
  }

  private end(worker: Worker): void {
    void worker.terminate();
    if (this.worker === worker) this.worker = undefined;
  }
}
