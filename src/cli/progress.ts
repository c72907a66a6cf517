/**
 * A progress bar for long work, on standard error when it is a terminal: done of total, the rate,
 * and the time left. Elsewhere (a pipe, a file, a CI log), when asked to be quiet or with nothing to
 * do, nothing at all.
 */
import { SingleBar } from 'cli-progress';
import type { Terminal } from './terminal.js';

export interface Progress {
  /** one more done */
  tick(): void;
  /** the final state drawn, and the line ended (cli-progress ends it) */
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

export function progressBar(io: Terminal, total: number, unit: string, quiet = false): Progress {
  if (quiet || !io.stderrIsTTY || total === 0) return SILENT;
  // cli-progress draws on a stream: this one writes through the terminal it is given.
  const stream = {
    isTTY: true,
    columns: io.stderrColumns,
    write(text: string) {
      io.stderr(text);
      return true;
    },
  };
  const bar = new SingleBar({
    stream: stream as unknown as NodeJS.WritableStream,
    format: `{bar} {value}/{total} ${unit} · {rate}/s · {eta_formatted} left`,
    barsize: 24,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    // No escapes that would outlive an interrupted run (a hidden cursor, wrapping turned off).
    hideCursor: false,
    linewrap: true,
    etaBuffer: 20,
  });
  const started = performance.now();
  let done = 0;
  const rate = () => (done / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);
  bar.start(total, 0, { rate: '0.0' });
  return {
    tick() {
      done++;
      bar.update(done, { rate: rate() });
    },
    stop() {
      bar.update(done, { rate: rate() });
      bar.stop();
    },
  };
}
