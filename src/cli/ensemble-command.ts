/**
 * `omegaverse ensemble`: a scene's runs on a pool of worker threads (every core by default), with a
 * progress bar; its tables in text, JSON, CSV or HTML. `--shard I/N` runs one slice and writes a
 * partial result; `omegaverse ensemble merge` puts the slices back together.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import {
  ENSEMBLE_FORMATS,
  EnsembleError,
  type EnsembleFormat,
  formatEnsemble,
  makePart,
  mergeParts,
  parseShard,
  parseVary,
  planEnsemble,
  readPart,
  runCount,
  shardRuns,
} from '../ensemble/index.js';
import { suggest } from '../units/suggest.js';
import { EVENT_TYPES } from '../vocabulary/events.js';
import type { CommandContext } from './context.js';
import { runInThreads } from './ensemble-threads.js';
import { readText, UserError } from './io.js';
import { durationOption, seedOption, wholeNumber } from './options.js';
import { progressBar } from './progress.js';

/** Bounds that keep a typo (an extra zero or three) from planning a run that never ends. */
const MAX_RUNS = 1_000_000;
const MAX_WORKERS = 1024;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The format a file's extension asks for, if it names one. */
function formatOfFile(file: string | undefined): EnsembleFormat | undefined {
  const ext = file ? extname(file).toLowerCase() : '';
  return ext === '.htm'
    ? 'html'
    : ENSEMBLE_FORMATS.find((f) => `.${f}` === ext || (f === 'text' && ext === '.txt'));
}

/** `--only restrain,identify`: known event types, or an error with a did-you-mean. */
function eventTypes(written: string): string[] {
  const types = written
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const type of types) {
    if (!(EVENT_TYPES as readonly string[]).includes(type)) {
      const near = suggest(type, EVENT_TYPES);
      throw new UserError(
        `--only: unknown event type '${type}'${near ? ` (did you mean '${near}'?)` : ''}; the types are listed in docs/events.md`,
      );
    }
  }
  return types;
}

/** An ensemble mistake as the one message the command line prints. */
const userError = (error: EnsembleError) =>
  new UserError(error.hint ? `${error.message}\n  hint: ${error.hint}` : error.message);

/** Runs `action`, turning an ensemble mistake into a user error (exit 2). */
async function guarded<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof EnsembleError ? userError(error) : error;
  }
}

interface EnsembleOptions {
  runs?: number;
  workers?: number;
  seed?: number;
  until?: number;
  vary?: string[];
  only?: string;
  shard?: string;
  format?: EnsembleFormat;
  out?: string;
  quiet?: boolean;
}

export function addEnsembleCommands(program: Command, cx: CommandContext): void {
  const { io } = cx;
  const formatOption = () =>
    new Option(
      '-f, --format <format>',
      'output format (default: from the --out file’s extension, else text)',
    ).choices([...ENSEMBLE_FORMATS]);

  const ensemble = program
    .command('ensemble')
    .description(
      'run a scene under many seeds (and over a grid of parameters) on every core: how often each expectation holds and each event happens, and when',
    )
    .argument('<file>', 'scenario file')
    // `ensemble merge --format json`: the options after `merge` are merge's own.
    .enablePositionalOptions()
    .option('--runs <n>', `runs at each grid point, 1 to ${MAX_RUNS} (required)`, wholeNumber(1, MAX_RUNS))
    .option(
      '--workers <k>',
      `worker threads, 1 to ${MAX_WORKERS} (default: every core, here ${availableParallelism()})`,
      wholeNumber(1, MAX_WORKERS),
    )
    .option(
      '--seed <s>',
      'the seed every run’s seed is derived from, 0 to 2³² − 1 (default: the scenario’s)',
      seedOption,
    )
    .option(
      '--until <duration>',
      'end every run at this instant instead of the scenario’s end',
      durationOption,
    )
    .option(
      '--vary <path=values>',
      'sweep a parameter, PATH=A..B:STEPS or PATH=a,b,c: a canon parameter, characters.ID.FIELD or relations.A.B.FIELD (repeatable)',
      collect,
    )
    .option(
      '--only <types>',
      'show only these event types (comma-separated), and the expectations about them',
    )
    .option(
      '--shard <i/n>',
      'run slice I of N (from 0) and write a partial result for `ensemble merge`; N alone takes I from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID',
    )
    .addOption(formatOption())
    .option('-o, --out <file>', 'write to a file (atomically) instead of the terminal')
    .option('-q, --quiet', 'no progress bar')
    .action((file: string, opts: EnsembleOptions) =>
      guarded(async () => {
        if (opts.runs === undefined)
          throw new UserError('missing --runs <n>: how many runs at each grid point (e.g. --runs 100)');
        const definition = cx.load(file);
        const only = opts.only === undefined ? undefined : eventTypes(opts.only);
        const plan = planEnsemble(definition, {
          runs: opts.runs,
          ...(opts.seed !== undefined && { seed: opts.seed }),
          ...(opts.until !== undefined && { until: opts.until }),
          vary: (opts.vary ?? []).map(parseVary),
        });
        const shard = opts.shard === undefined ? undefined : parseShard(opts.shard, process.env);
        if (shard && (opts.format || only))
          throw new UserError(
            `a shard writes a partial result (JSON), not ${opts.format ? `--format ${opts.format}` : '--only'}`,
          );
        const tasks = shard ? shardRuns(plan, shard) : Array.from({ length: runCount(plan) }, (_, i) => i);
        const outcomes = await runInThreads({
          definition,
          plan,
          tasks,
          threads: opts.workers ?? availableParallelism(),
          progress: progressBar(io, tasks.length, 'runs', opts.quiet ?? false),
          file: cx.displayPath(file),
        });
        const count = `${outcomes.length} run${outcomes.length === 1 ? '' : 's'}`;
        if (shard) {
          cx.emit(`${JSON.stringify(makePart(plan, shard, outcomes))}\n`, opts.out);
          if (opts.out)
            io.stdout(`wrote ${cx.displayPath(opts.out)} (shard ${shard.index}/${shard.count}: ${count})\n`);
          return;
        }
        const format = opts.format ?? formatOfFile(opts.out) ?? 'text';
        cx.emit(formatEnsemble(plan, outcomes, format, only ? { only } : {}), opts.out);
        if (opts.out) io.stdout(`wrote ${cx.displayPath(opts.out)} (${count})\n`);
      }),
    );

  ensemble
    .command('merge')
    .description('combine the partial results of a sharded ensemble into the result one machine would give')
    .argument('<parts...>', 'partial result files (from ensemble --shard I/N --out FILE)')
    .option(
      '--only <types>',
      'show only these event types (comma-separated), and the expectations about them',
    )
    .addOption(formatOption())
    .option('-o, --out <file>', 'write to a file (atomically) instead of the terminal')
    .action((files: string[], opts: { only?: string; format?: EnsembleFormat; out?: string }) =>
      guarded(() => {
        const only = opts.only === undefined ? undefined : eventTypes(opts.only);
        const parts = files.map((file) => {
          const name = cx.displayPath(file);
          let data: unknown;
          try {
            data = JSON.parse(readText(file));
          } catch (error) {
            if (error instanceof UserError) throw error;
            throw new EnsembleError(`${name} is not a partial ensemble result: it is not JSON`);
          }
          return { name, part: readPart(data, name) };
        });
        const { plan, outcomes } = mergeParts(parts);
        const format = opts.format ?? formatOfFile(opts.out) ?? 'text';
        cx.emit(formatEnsemble(plan, outcomes, format, only ? { only } : {}), opts.out);
        if (opts.out)
          io.stdout(`wrote ${cx.displayPath(opts.out)} (${outcomes.length} runs, ${parts.length} parts)\n`);
      }),
    );
}
