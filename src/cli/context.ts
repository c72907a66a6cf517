/**
 * What every `add…Command` takes from the program (the terminal, the exit status, the colours, how
 * to load a scenario and where output goes), and the helpers several commands share.
 */
import { relative } from 'node:path';
import pc from 'picocolors';
import type { WorldDefinition } from '../model/definition.js';
import {
  formatScenarioError,
  formatScenarioWarning,
  loadScenario,
  type ScenarioError,
} from '../scenario/index.js';
import { didYouMean } from '../shape/wording.js';
import { misreading, parseDuration } from '../units/time.js';
import { readText, UserError, writeAtomic } from './io.js';
import type { InstantOption } from './options.js';
import type { Terminal } from './terminal.js';

/** Exit codes: a failed expectation (or no such event), invalid input, and a fault of the engine's own (sysexits' EX_SOFTWARE). */
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;
export const EXIT_INTERNAL = 70;

/** What the commands report back to `main`: the exit code (0 unless a command sets it). */
export interface Status {
  code: number;
}

/** What the commands need from the program. */
export interface CommandContext {
  io: Terminal;
  status: Status;
  /** picocolors, on or off as the terminal says */
  colours: ReturnType<typeof pc.createColors>;
  /** writes to a file (atomically) if one is named, else to standard output */
  emit(text: string, out?: string): void;
  /** warnings (deprecated spellings) to standard error, each at its line: they never stop a run */
  warn(warnings: readonly ScenarioError[]): void;
  /** reads and validates a scenario; on errors, every message and exit 2 */
  load(file: string): WorldDefinition;
  /** a path as the user would write it: relative to the working folder when inside it */
  displayPath(file: string): string;
}

/** The context of one program: its output, warnings and loading go through `io`. */
export function commandContext(status: Status, io: Terminal): CommandContext {
  const warn = warnTo(io);
  return {
    io,
    status,
    colours: pc.createColors(io.color ?? false),
    emit: emitTo(io),
    warn,
    load: loadWith(warn),
    displayPath,
  };
}

/** Warnings (deprecated spellings) go to standard error, each at its line: they never stop a run. */
function warnTo(io: Terminal) {
  return (warnings: readonly ScenarioError[]): void => {
    for (const w of warnings) io.stderr(`${formatScenarioWarning(w)}\n`);
  };
}

/** Reads and validates a scenario (warnings to `warn`); on any error, every message, and exit 2. */
function loadWith(warn: (warnings: readonly ScenarioError[]) => void) {
  return (file: string): WorldDefinition => {
    const result = loadScenario(readText(file), displayPath(file));
    if (!result.ok) throw invalid(result.errors, file);
    warn(result.warnings);
    return result.definition;
  };
}

/** Writes to a file (atomically) if one is named, else to standard output. */
function emitTo(io: Terminal) {
  return (text: string, out?: string): void => {
    if (out) writeAtomic(out, text);
    else io.stdout(text);
  };
}

export function invalid(errors: ScenarioError[], file: string): UserError {
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'} in ${displayPath(file)}; nothing was run.`;
  return new UserError(`${errors.map(formatScenarioError).join('\n')}\n${count}`, EXIT_INVALID, true);
}

const displayPath = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/**
 * The instant in seconds against the scenario's clock; a form easy to misread gets a note on stderr.
 * An end (`after`) must come after the start: `--until -5d` or `--until 0` would run nothing.
 */
export function instantOf(option: InstantOption, def: WorldDefinition, io: Terminal, after = false): number {
  const misread = misreading(option.text, def.clock, true);
  if (misread) io.stderr(`note: ${option.flag} ${option.text} read as ${misread.reading}; ${misread.hint}\n`);
  const seconds = parseDuration(option.text, def.clock)!;
  if (after && seconds <= 0)
    throw new UserError(
      `${option.flag} ${option.text} is not after the start of the scene\n  hint: give a time after it, such as 30m, 2d or "1d at 07:00"`,
    );
  return seconds;
}

/** The id if the scenario has that character, else an error naming `where` and the near miss. */
export function characterId(def: WorldDefinition, id: string, where = ''): string {
  if (def.characters.some((c) => c.id === id)) return id;
  const ids = def.characters.map((c) => c.id);
  const hint = didYouMean(id, ids);
  throw new UserError(
    `${where ? `${where}: ` : ''}unknown character '${id}'${hint ? `; ${hint}` : ''} (characters: ${ids.join(', ')})`,
  );
}
