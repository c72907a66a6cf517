/** Where the command line writes: the process's own streams, or any other pair of writers. */
import { createInterface } from 'node:readline';
import pc from 'picocolors';

export interface Terminal {
  /** writes text to standard output, as given */
  stdout(text: string): void;
  /** writes text to standard error, as given */
  stderr(text: string): void;
  /** whether standard output is a terminal: help then wraps to `columns` (default: no) */
  isTTY?: boolean;
  /** the terminal's width, when it is one */
  columns?: number;
  /** whether to colour the output (default: no) */
  color?: boolean;
  /** whether standard error is a terminal, where long work shows a progress bar (default: no) */
  stderrIsTTY?: boolean;
  /** standard error's width, when it is a terminal */
  stderrColumns?: number;
  /** the lines typed on standard input, for a command that asks (`play`); none: nothing can be read */
  lines?: () => AsyncIterable<string>;
  /** whether standard input is a terminal, which shows what is typed (else `play` echoes it) */
  inputIsTTY?: boolean;
}

/** The process's standard output and error, coloured as picocolors decides from the environment. */
export function processTerminal(): Terminal {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    ...(process.stdout.columns !== undefined && { columns: process.stdout.columns }),
    color: pc.isColorSupported,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stderr.columns !== undefined && { stderrColumns: process.stderr.columns }),
    lines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }),
    inputIsTTY: process.stdin.isTTY === true,
  };
}
