/**
 * The `omegaverse` command line: a thin adapter that reads files, calls the library and prints.
 * Each command's wiring lives in its own `…-command.ts`; this file builds the program and runs it.
 */

import { Command } from 'commander';
import pc from 'picocolors';
import { addCalendarCommands } from './calendar-command.js';
import { addCheckCommands } from './check-command.js';
import { commandContext, EXIT_INTERNAL, EXIT_INVALID, type Status } from './context.js';
import { addEnsembleCommands } from './ensemble-command.js';
import { addExplainCommands } from './explain-command.js';
import { addGenerateCommand } from './generate-command.js';
import { UserError } from './io.js';
import { addRunCommands } from './run-command.js';
import { addSandboxCommand } from './sandbox-command.js';
import { processTerminal, type Terminal } from './terminal.js';

export function buildProgram(status: Status = { code: 0 }, io: Terminal = processTerminal()): Command {
  const cx = commandContext(status, io);
  const helpWidth = () => (io.isTTY ? io.columns : undefined) ?? 80;
  const program = new Command('omegaverse')
    .description('Run A/B/O (omegaverse) scenarios under explicit world rules, and see what happens and why.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(cx.colours.red(text)),
      getOutHelpWidth: helpWidth,
      getErrHelpWidth: helpWidth,
      getOutHasColors: () => io.color ?? false,
      getErrHasColors: () => io.color ?? false,
    })
    // Before any subcommand is added, so that they inherit it: errors come back to `main`.
    .exitOverride()
    // Options belong to the command they follow: `ensemble merge --format json` is merge's format.
    .enablePositionalOptions();

  // In this order: help lists the commands as they are added.
  addRunCommands(program, cx);
  addCheckCommands(program, cx);
  addExplainCommands(program, cx);
  addCalendarCommands(program, cx);
  addEnsembleCommands(program, cx);
  addGenerateCommand(program, cx);
  addSandboxCommand(program, cx);
  return program;
}

/**
 * Runs the command line on `argv` (as in `process.argv`: the first two entries are skipped) and
 * returns its exit code: 0 ok, 1 a failed expectation, 2 invalid input. Writes only through `io`
 * (default: the process's streams) and never exits the process.
 */
export async function main(argv: string[], io: Terminal = processTerminal()): Promise<number> {
  const c = pc.createColors(io.color ?? false);
  try {
    const status = { code: 0 };
    await buildProgram(status, io).parseAsync(argv);
    return status.code;
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(error.labelled ? `${error.message}\n` : `${c.red('error:')} ${error.message}\n`);
      return error.exitCode;
    }
    const commanderError = error as { code?: string; exitCode?: number };
    if (typeof commanderError.code === 'string' && commanderError.code.startsWith('commander.')) {
      // commander has already printed its message (or the help / version text).
      return commanderError.exitCode === 0 ? 0 : EXIT_INVALID;
    }
    io.stderr(`${c.red('internal error:')} ${(error as Error).message}\n`);
    return EXIT_INTERNAL;
  }
}
