/** The command line run in this process, as a user runs it: its output and its exit code. */
import { resolve } from 'node:path';
import { main } from '../src/cli/program.js';
import type { Terminal } from '../src/cli/terminal.js';
import { ROOT } from './helpers.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `omegaverse ...args` from the repository root, without colour, capturing what it writes. */
export function cli(...args: string[]): Promise<CliResult> {
  return cliOn({}, ...args);
}

/** The same, on a terminal with these properties (e.g. `stderrIsTTY`, for progress bars). */
export async function cliOn(
  terminal: Omit<Partial<Terminal>, 'stdout' | 'stderr'>,
  ...args: string[]
): Promise<CliResult> {
  // Relative paths in arguments and messages are relative to the working folder, as for a user.
  if (resolve(process.cwd()) !== resolve(ROOT))
    throw new Error(`the command line tests run from ${ROOT}, not ${process.cwd()}`);
  let out = '';
  let err = '';
  const code = await main(['node', 'omegaverse', ...args], {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    color: false,
    ...terminal,
  });
  return { code, out, err };
}
