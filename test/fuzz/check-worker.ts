/** The worker thread of the watchdog (`watchdog.ts`): checks each case it is sent and answers. */
import { parentPort, workerData } from 'node:worker_threads';
import { type Case, checkCase } from './invariants.js';

parentPort!.on('message', (c: Case) => parentPort!.postMessage(checkCase(c, workerData.budget)));
