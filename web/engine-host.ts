/**
 * The engine's side of the page, run in a Web Worker so that nothing it does can hold up typing or
 * scrubbing. It works in short slices: between two slices the page's newer messages come in, so a new
 * text replaces the one waiting to be validated, a new edit drops the run it replaces, and a new time
 * replaces the one not yet shown. Between requests it runs ahead to the end (see Run), so that any
 * time the page asks for later is a restore and a short run.
 */
import { loadScenario } from '../src/index.js';
import type { Progress, Reply, Request } from './protocol.js';
import { Run } from './run.js';

/** The longest a slice of work may take before the engine reads its messages again, ms. */
const SLICE_MS = 12;
/** How often the run ahead reports how far it has gone, ms (and with every frame, and at its end). */
const PROGRESS_MS = 100;

/** What the engine talks through: the worker's own scope, or one end of a MessageChannel. */
export interface Port {
  postMessage(message: Reply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
}

type Wanted = { kind: 'seek'; at: number } | { kind: 'step' };

export function serveEngine(port: Port): void {
  let run: Run | undefined;
  let runId = 0;
  /** the newest text not yet validated */
  let text: Extract<Request, { kind: 'load' }> | undefined;
  /** the page's newest request not yet answered */
  let wanted: Wanted | undefined;
  /** the time last shown: where a step starts */
  let shownAt = 0;
  /** how many of the run's events the page holds, and how many of its readings */
  let sentEvents = 0;
  let sentReadings = 0;
  let reportedAt = 0;

  // A message to itself yields to the page's messages without the clamping nested timeouts get.
  const wake = new MessageChannel();
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    wake.port2.postMessage(null);
  };
  wake.port1.onmessage = () => {
    scheduled = false;
    try {
      slice();
    } catch (error) {
      run = undefined;
      wanted = undefined;
      port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  port.addEventListener('message', ({ data }) => {
    if (data.kind === 'load') {
      text = data;
      wanted = { kind: 'seek', at: data.at };
    } else wanted = data;
    schedule();
  });

  function validate(load: Extract<Request, { kind: 'load' }>): void {
    const result = loadScenario(load.text, load.name);
    if (!result.ok) {
      if (load.fresh) run = undefined;
      port.postMessage({ kind: 'validated', serial: load.serial, errors: result.errors, warnings: [] });
      return;
    }
    run = new Run(result.definition);
    runId++;
    sentEvents = 0;
    sentReadings = 0;
    port.postMessage({
      kind: 'validated',
      serial: load.serial,
      errors: [],
      warnings: result.warnings,
      run: { id: runId, definition: run.definition, sampleEvery: run.sampleEvery },
    });
  }

  /** Answers the page's request if the run has reached it; false while it has not. */
  function answer(current: Run, request: Wanted): boolean {
    if (request.kind === 'seek' && request.at > current.reached) return false;
    const at = request.kind === 'seek' ? Math.max(0, Math.min(current.until, request.at)) : shownAt;
    const world = request.kind === 'seek' ? current.show(at) : current.step(at);
    shownAt = request.kind === 'seek' ? at : world.time;
    const view = current.view(world, shownAt, sentEvents);
    sentEvents = view.eventCount;
    // The readings first: the charts of a frame need those up to its time.
    reportProgress(current, true);
    port.postMessage({ kind: 'frame', run: runId, view });
    return true;
  }

  function reportProgress(current: Run, now: boolean): void {
    if (current.readingCount === sentReadings) return;
    if (!now && !current.done && performance.now() - reportedAt < PROGRESS_MS) return;
    reportedAt = performance.now();
    const progress: Progress = {
      reached: current.reached,
      from: sentReadings,
      readings: current.readingsFrom(sentReadings),
    };
    sentReadings += progress.readings.length;
    port.postMessage({ kind: 'progress', run: runId, progress });
  }

  function slice(): void {
    const started = performance.now();
    if (text) {
      const load = text;
      text = undefined;
      validate(load);
    }
    const current = run;
    if (!current) {
      wanted = undefined;
      return;
    }
    while (performance.now() - started < SLICE_MS) {
      if (wanted && answer(current, wanted)) {
        wanted = undefined;
        // Back to the messages at once: while scrubbing or playing, the next request is already there.
        break;
      }
      if (current.done) break;
      current.advance();
    }
    reportProgress(current, false);
    if (wanted || !current.done) schedule();
  }
}
