/**
 * The `omegaverse` command line: a thin adapter that reads files, calls the library and prints.
 */

import { relative } from 'node:path';
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { knowsFrom, viewForecasts, viewRoster } from '../calendar/index.js';
import { World } from '../engine/world.js';
import type { WorldDefinition } from '../model/definition.js';
import { checkExpectations, type ExpectationResult } from '../model/expect.js';
import { explain, findEvent } from '../model/explain.js';
import type { BeatFilter } from '../narrate/beats/beat.js';
import { keepsEvent } from '../narrate/beats/beat.js';
import { tellRun } from '../narrate/beats/narrator.js';
import { type CalendarFormat, formatForecasts, formatRoster } from '../narrate/calendar.js';
import { describeExpectation } from '../narrate/expectation.js';
import {
  DETAILS,
  type Detail,
  formatLog,
  formatStory,
  formatWhoKnows,
  LOG_FORMATS,
  type LogFormat,
  storyFooter,
  storyLine,
  textLine,
} from '../narrate/format.js';
import { namesOf } from '../narrate/language/narrate.js';
import { firstDifference, transcriptFile } from '../narrate/transcripts.js';
import { formatTree } from '../narrate/tree.js';
import { Perspective } from '../perspective/perspective.js';
import { createReport, renderReportMarkdown } from '../report/index.js';
import {
  formatScenarioError,
  formatScenarioWarning,
  loadScenario,
  type ScenarioError,
} from '../scenario/index.js';
import { didYouMean } from '../shape/wording.js';
import { counted } from '../units/number-words.js';
import { misreading, parseDuration, SECONDS_PER_DAY } from '../units/time.js';
import { EVENT_TYPES } from '../vocabulary/events.js';
import { addEnsembleCommands } from './ensemble-command.js';
import { addGenerateCommand } from './generate-command.js';
import {
  collectScenarioFiles,
  DEFAULT_SCENARIO,
  readText,
  readTextIfAny,
  UserError,
  writeAtomic,
} from './io.js';
import { type InstantOption, instantOption, seedOption, wholeNumber } from './options.js';
import { playInTerminal } from './play.js';
import { startSandbox } from './sandbox.js';
import { processTerminal, type Terminal } from './terminal.js';

const EXIT_FAILED = 1;
const EXIT_INVALID = 2;
/** `forecast --days`: a century is far enough ahead. */
const MAX_DAYS_AHEAD = 36_500;

/**
 * The instant in seconds against the scenario's clock; a form easy to misread gets a note on stderr.
 * An end (`after`) must come after the start: `--until -5d` or `--until 0` would run nothing.
 */
function instantOf(option: InstantOption, def: WorldDefinition, io: Terminal, after = false): number {
  const misread = misreading(option.text, def.clock, true);
  if (misread) io.stderr(`note: ${option.flag} ${option.text} read as ${misread.reading}; ${misread.hint}\n`);
  const seconds = parseDuration(option.text, def.clock)!;
  if (after && seconds <= 0)
    throw new UserError(
      `${option.flag} ${option.text} is not after the start of the scene\n  hint: give a time after it, such as 30m, 2d or "1d at 07:00"`,
    );
  return seconds;
}

/** A comma-separated list: `identify,belief`. */
const listOption = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** What `--only` and `--about` keep, checked against the event types and the scenario's characters. */
function filterOf(def: WorldDefinition, opts: { only?: string[]; about?: string[] }): BeatFilter {
  for (const type of opts.only ?? []) {
    if (!(EVENT_TYPES as readonly string[]).includes(type)) {
      const hint = didYouMean(type, EVENT_TYPES);
      throw new UserError(
        `--only: unknown event type '${type}'${hint ? `; ${hint}` : ''} (see docs/events.md)`,
      );
    }
  }
  for (const id of opts.about ?? []) characterId(def, id, '--about');
  return {
    ...(opts.only && { only: new Set(opts.only) }),
    ...(opts.about && { about: new Set(opts.about) }),
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

function invalid(errors: ScenarioError[], file: string): UserError {
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'} in ${displayPath(file)}; nothing was run.`;
  return new UserError(`${errors.map(formatScenarioError).join('\n')}\n${count}`, EXIT_INVALID, true);
}

const displayPath = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** Writes to a file (atomically) if one is named, else to standard output. */
function emitTo(io: Terminal) {
  return (text: string, out?: string): void => {
    if (out) writeAtomic(out, text);
    else io.stdout(text);
  };
}

function characterId(def: WorldDefinition, id: string, where = ''): string {
  if (def.characters.some((c) => c.id === id)) return id;
  const ids = def.characters.map((c) => c.id);
  const hint = didYouMean(id, ids);
  throw new UserError(
    `${where ? `${where}: ` : ''}unknown character '${id}'${hint ? `; ${hint}` : ''} (characters: ${ids.join(', ')})`,
  );
}

interface RunOptions {
  format: LogFormat;
  detail: Detail;
  only?: string[];
  about?: string[];
  until?: InstantOption;
  seed?: number;
  out?: string;
  pov?: string;
}

/** What the commands report back to `main`: the exit code (0 unless a command sets it). */
interface Status {
  code: number;
}

export function buildProgram(status: Status = { code: 0 }, io: Terminal = processTerminal()): Command {
  const c = pc.createColors(io.color ?? false);
  const emit = emitTo(io);
  const warn = warnTo(io);
  const load = loadWith(warn);
  const helpWidth = () => (io.isTTY ? io.columns : undefined) ?? 80;
  const colorMark = (line: string) =>
    line.startsWith('✓')
      ? c.green('✓') + line.slice(1)
      : line.startsWith('✗')
        ? c.red('✗') + line.slice(1)
        : line;
  const program = new Command('omegaverse')
    .description('Run A/B/O (omegaverse) scenarios under explicit world rules, and see what happens and why.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(c.red(text)),
      getOutHelpWidth: helpWidth,
      getErrHelpWidth: helpWidth,
      getOutHasColors: () => io.color ?? false,
      getErrHasColors: () => io.color ?? false,
    })
    // Before any subcommand is added, so that they inherit it: errors come back to `main`.
    .exitOverride()
    // Options belong to the command they follow: `ensemble merge --format json` is merge's format.
    .enablePositionalOptions();

  program
    .command('run')
    .description(
      'run a scenario (the bundled medbay scene if no file is given) and print the narrated timeline',
    )
    .argument('[file]', 'scenario file (.yaml or .json)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...LOG_FORMATS]).default('text'))
    .addOption(
      new Option(
        '-d, --detail <detail>',
        'beats: what a reader notices, in paragraphs; full: every event (JSON Lines always carries every event)',
      )
        .choices([...DETAILS])
        .default('beats'),
    )
    .option(
      '--only <types>',
      'only events of these types, comma-separated (e.g. identify,restrain)',
      listOption,
    )
    .option('--about <ids>', 'only events about these characters, comma-separated ids', listOption)
    .option(
      '--until <instant>',
      'run until this instant instead of the scenario’s end',
      instantOption('--until'),
    )
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .option(
      '--pov <id>',
      'tell it as this character lives it: only what they do, perceive or are told, in every format',
    )
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of the terminal')
    .action((file: string | undefined, opts: RunOptions) => {
      const def = load(file ?? DEFAULT_SCENARIO);
      const filter = filterOf(def, opts);
      const pov = opts.pov === undefined ? undefined : characterId(def, opts.pov, '--pov');
      const world = World.create(def, {
        ...(opts.seed !== undefined && { seed: opts.seed }),
        ...(opts.until !== undefined && { until: instantOf(opts.until, def, io, true) }),
      });
      const told = world.definition;
      const names = namesOf(told);
      // Text to the terminal streams as the world runs: a long run shows its first lines at once.
      const streaming = opts.format === 'text' && !opts.out;
      if (opts.format === 'jsonl' || opts.detail === 'full') {
        const view = pov === undefined ? undefined : new Perspective(told, pov);
        const log = view?.events ?? world.events;
        if (streaming) {
          io.stdout(`${told.title}\n`);
          let count = 0;
          world.subscribe((event) => {
            const e = view ? view.see(event) : event;
            if (!e || !keepsEvent(filter, e)) return;
            count++;
            io.stdout(`${textLine(e, told, names, log)}\n`);
          });
          world.run();
          io.stdout(`${counted(count, 'event')}\n`);
          return;
        }
        world.subscribe((e) => view?.see(e));
        world.run();
        // The expectations are the script's: a point of view does not know them.
        const results = view ? undefined : checkExpectations(told.expectations, world.events);
        emit(formatLog(log, told, opts.format, { filter, pov, ...(results && { results }) }), opts.out);
        return;
      }
      if (streaming) io.stdout(`${told.title}\n`);
      const story = tellRun(world, {
        filter,
        ...(pov !== undefined && { pov }),
        ...(streaming && { onParagraph: (p) => io.stdout(`${storyLine(p, told, names)}\n`) }),
      });
      if (streaming) {
        io.stdout(`${storyFooter(story)}\n`);
        return;
      }
      const results = pov === undefined ? checkExpectations(told.expectations, world.events) : undefined;
      emit(
        formatStory(story, told, opts.format as 'text' | 'md', { pov, ...(results && { results }) }),
        opts.out,
      );
    });

  program
    .command('play')
    .description(
      'play a scenario as one of its characters: the scene runs to the next thing that reaches them, then they choose',
    )
    .argument('<file>', 'scenario file')
    .requiredOption('--as <id>', 'the character to play')
    .option('--script <file>', 'read the choices from a file, one a line (for replays and tests)')
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .action(async (file: string, opts: { as: string; script?: string; seed?: number }) => {
      const definition = load(file);
      await playInTerminal(
        {
          definition,
          as: characterId(definition, opts.as, '--as'),
          ...(opts.seed !== undefined && { seed: opts.seed }),
          ...(opts.script !== undefined && {
            script: {
              file: displayPath(opts.script),
              lines: readText(opts.script)
                .replace(/\r?\n$/, '')
                .split(/\r?\n/),
            },
          }),
        },
        io,
      );
    });

  program
    .command('check')
    .description('validate a scenario without running it')
    .argument('<file>', 'scenario file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, opts: { format: 'text' | 'json' }) => {
      const result = loadScenario(readText(file), displayPath(file));
      if (opts.format === 'json') {
        io.stdout(
          `${JSON.stringify(result.ok ? { ok: true, warnings: result.warnings } : { ok: false, errors: result.errors }, null, 2)}\n`,
        );
        if (!result.ok) status.code = EXIT_INVALID;
        return;
      }
      if (!result.ok) throw invalid(result.errors, file);
      warn(result.warnings);
      const d = result.definition;
      io.stdout(
        `${c.green('ok')} ${displayPath(file)}: ${counted(d.characters.length, 'character')}, ${counted(d.places.length, 'place')}, ${counted(d.timeline.length, 'action')}, ${counted(d.expectations.length, 'expectation')}\n`,
      );
    });

  program
    .command('test')
    .description('run every expect: block; one line per expectation, then "N passed, N failed"')
    .argument('[paths...]', 'scenario files or folders', ['scenarios'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--seed <n>', 'replace each scenario’s seed', seedOption)
    .action((paths: string[], opts: { format: 'text' | 'json'; seed?: number }) => {
      const files = collectScenarioFiles(paths);
      let passed = 0;
      let failed = 0;
      const report: unknown[] = [];
      for (const file of files) {
        const loaded = loadScenario(readText(file), displayPath(file));
        if (!loaded.ok) {
          failed++;
          report.push({ file: displayPath(file), errors: loaded.errors });
          if (opts.format === 'text')
            io.stdout(`${c.red('✗')} ${loaded.errors.map(formatScenarioError).join('\n  ')}\n`);
          continue;
        }
        warn(loaded.warnings);
        const def = loaded.definition;
        const world = World.create(def, opts.seed !== undefined ? { seed: opts.seed } : {});
        // The transcripts kept beside the scenario, by view: the run is compared with each.
        const kept = DETAILS.flatMap((detail) => {
          const path = transcriptFile(file, detail);
          const text = readTextIfAny(path);
          return text === undefined ? [] : [{ detail, path, text }];
        });
        const story = kept.some((k) => k.detail === 'beats') ? tellRun(world) : undefined;
        world.run();
        const results = checkExpectations(def.expectations, world.events);
        for (const r of results) r.passed ? passed++ : failed++;
        const transcripts = kept.map(({ detail, path, text }) => {
          const actual =
            detail === 'full'
              ? formatLog(world.events, world.definition, 'text')
              : formatStory(story!, world.definition, 'text');
          const difference = firstDifference(text, actual);
          difference ? failed++ : passed++;
          return { file: displayPath(path), passed: !difference, ...(difference && { difference }) };
        });
        report.push({
          file: displayPath(file),
          results: results.map((r) => resultJson(r, def.clock)),
          transcripts,
        });
        if (opts.format === 'text') {
          if (!results.length) io.stdout(`${c.dim('-')} ${displayPath(file)}: no expectations\n`);
          for (const r of results) io.stdout(`${colorMark(describeExpectation(r, def.clock))}\n`);
          for (const t of transcripts) {
            const d = t.difference;
            io.stdout(
              `${colorMark(d ? `✗ ${t.file} differs from the run at line ${d.line}:\n  expected: ${d.expected}\n  got:      ${d.got}` : `✓ ${t.file} matches the run`)}\n`,
            );
          }
        }
      }
      if (opts.format === 'json')
        io.stdout(`${JSON.stringify({ passed, failed, files: report }, null, 2)}\n`);
      else io.stdout(`${passed} passed, ${failed} failed\n`);
      if (failed) status.code = EXIT_FAILED;
    });

  program
    .command('explain')
    .description('the causal chain behind an event, as an indented tree')
    .argument('<file>', 'scenario file')
    .argument('<event>', 'an event id (12 or #12) or type[:actor[:target[:value]]], e.g. identify:rey:phasma')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .action((file: string, selector: string, opts: { format: 'text' | 'json'; seed?: number }) => {
      const world = World.create(load(file), opts.seed !== undefined ? { seed: opts.seed } : {});
      world.run();
      const event = findEvent(world.events, selector);
      if (!event) {
        throw new UserError(
          `no event matches '${selector}' in ${displayPath(file)} (${counted(world.events.length, 'event')}; run it to see their ids)`,
          EXIT_FAILED,
        );
      }
      const tree = explain(world.events, event.id)!;
      emit(
        opts.format === 'json'
          ? `${JSON.stringify(tree, null, 2)}\n`
          : formatTree(tree, world.definition, world.events),
      );
    });

  program
    .command('who-knows')
    .description("who knows a character's true representation, since when, and how")
    .argument('<file>', 'scenario file')
    .argument('<character>', 'character id')
    .option('--at <instant>', 'the instant to ask about (default: the end of the run)', instantOption('--at'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, character: string, opts: { at?: InstantOption; format: 'text' | 'json' }) => {
      const def = load(file);
      const id = characterId(def, character);
      const world = World.create(def);
      const at = opts.at ? instantOf(opts.at, def, io) : def.until;
      world.runUntil(Math.min(at, def.until));
      emit(formatWhoKnows(world.whoKnows(id, at), id, at, def, opts.format));
    });

  program
    .command('report')
    .description(
      'one run to share: a self-contained HTML page (charts, beats, the log, explanations, beliefs), or Markdown',
    )
    .argument('<file>', 'scenario file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'md']).default('html'))
    .option(
      '-o, --out <file>',
      'the file to write (atomically); required for HTML, Markdown goes to the terminal without it',
    )
    .option('--seed <n>', 'replace the scenario’s seed', seedOption)
    .action((file: string, opts: { format: 'html' | 'md'; out?: string; seed?: number }) => {
      const def = load(file);
      const options = opts.seed !== undefined ? { seed: opts.seed } : {};
      if (opts.format === 'md') {
        emit(renderReportMarkdown(def, options), opts.out);
        return;
      }
      if (!opts.out) throw new UserError('report: an HTML report needs --out FILE (or use --format md)');
      const { html, events } = createReport(def, options);
      writeAtomic(opts.out, html);
      const count = events.length;
      io.stdout(`wrote ${displayPath(opts.out)} (${count} event${count === 1 ? '' : 's'})\n`);
    });

  const calendarFormat = () =>
    new Option('-f, --format <format>', 'output format')
      .choices(['text', 'json', 'jsonl', 'md'])
      .default('text');

  program
    .command('forecast')
    .description("each omega's next heats with windows, as a viewer may see them")
    .argument('<file>', 'scenario file')
    .option(
      '--days <n>',
      `only windows opening within this many days (0 to ${MAX_DAYS_AHEAD})`,
      wholeNumber(0, MAX_DAYS_AHEAD, ' of days'),
    )
    .option('--at <instant>', 'the instant to forecast from (default: the start)', instantOption('--at'))
    .option('--viewer <id>', 'show only what this character may see (default: each omega sees their own)')
    .addOption(calendarFormat())
    .action(
      (
        file: string,
        opts: { days?: number; at?: InstantOption; viewer?: string; format: CalendarFormat },
      ) => {
        const def = load(file);
        const { world, at, knows } = calendarWorld(def, opts.at && instantOf(opts.at, def, io), opts.viewer);
        const all = [...world.forecasts().values()];
        const seen = opts.viewer ? viewForecasts(all, opts.viewer, knows) : all;
        const horizon = opts.days === undefined ? Number.POSITIVE_INFINITY : at + opts.days * SECONDS_PER_DAY;
        const shown = seen.map((f) => ({ ...f, windows: f.windows.filter((w) => w.from <= horizon) }));
        emit(formatForecasts(shown, world.definition, opts.format, opts.viewer));
      },
    );

  program
    .command('roster')
    .description('roster conflicts with forecasts, and reschedule proposals, redacted for the viewer')
    .argument('<file>', 'scenario file')
    .option('--viewer <id>', 'see it as this character (default: each conflict as its own character sees it)')
    .option('--at <instant>', 'the instant to check from (default: the start)', instantOption('--at'))
    .addOption(calendarFormat())
    .action((file: string, opts: { viewer?: string; at?: InstantOption; format: CalendarFormat }) => {
      const def = load(file);
      const { world, knows } = calendarWorld(def, opts.at && instantOf(opts.at, def, io), opts.viewer);
      const report = world.rosterReport();
      const view = opts.viewer ? viewRoster(report, opts.viewer, knows) : viewRoster(report, '', () => true);
      emit(formatRoster(view, world.rosterDefinition(), opts.format, opts.viewer));
    });

  addEnsembleCommands(program, { io, load, emit, displayPath });
  addGenerateCommand(program, { io, emit, displayPath });

  program
    .command('sandbox')
    .description('serve the web sandbox on 127.0.0.1: edit a scenario, play it, see the scent, ask why')
    .argument('[file]', 'a scenario to open (default: the bundled medbay scene)')
    .option('--port <n>', 'port on 127.0.0.1, 0 to 65535 (default 0: any free port)', wholeNumber(0, 65535))
    .action(async (file: string | undefined, opts: { port?: number }) => {
      if (file) readText(file);
      let sandbox: Awaited<ReturnType<typeof startSandbox>>;
      try {
        sandbox = await startSandbox({
          ...(file && { scenario: file }),
          ...(opts.port !== undefined && { port: opts.port }),
        });
      } catch (error) {
        throw new UserError((error as Error).message);
      }
      io.stdout(
        `omegaverse sandbox: ${sandbox.url}\nOpen it in a browser; Ctrl-C stops it. Nothing leaves this machine.\n`,
      );
      await new Promise(() => {});
    });

  return program;
}

/** A world run to `at`, and who knows whom by then, for a calendar view. */
function calendarWorld(def: WorldDefinition, at: number | undefined, viewer: string | undefined) {
  if (viewer !== undefined) characterId(def, viewer);
  const world = World.create(def);
  const when = at ?? 0;
  world.runUntil(when);
  return { world, at: when, knows: knowsFrom(def, world.events, when) };
}

function resultJson(r: ExpectationResult, clock: number) {
  return {
    expectation: r.expectation,
    passed: r.passed,
    matches: r.matches.map((e) => e.id),
    nearest: r.nearest.map((e) => ({
      id: e.id,
      t: e.t,
      type: e.type,
      actor: e.actor,
      target: e.target,
      value: e.value,
    })),
    text: describeExpectation(r, clock),
  };
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
    return 70;
  }
}
