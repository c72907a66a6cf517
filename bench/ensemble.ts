/**
 * The ensemble as a user runs it: the installed command (`node bin/omegaverse.js` on a freshly built
 * dist/) in a process of its own, timed from outside. It measures runs per second on the medbay scene
 * with one worker thread and with every core, and what an ensemble costs per run against starting
 * `omegaverse run` once per seed. Each figure is the median of several tries: on a shared machine
 * single timings are noisy.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/omegaverse.js');

function build(): void {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const built = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building dist/ failed:\n${built.stdout}${built.stderr}`);
}

/** Milliseconds of one `omegaverse …` process, start to exit. */
function timeCommand(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`omegaverse ${args.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

const ensemble = (runs: number, workers: number) => [
  'ensemble',
  'scenarios/medbay.yaml',
  '--runs',
  String(runs),
  '--workers',
  String(workers),
  '--format',
  'json',
  '--quiet',
];

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface EnsembleBench {
  what: string;
  cores: number;
  /** how many times each figure was measured (its median is reported) */
  tries: number;
  /** one `omegaverse run` of the medbay scene, a process of its own */
  oneRunProcessMs: number;
  /** runs per second of a long ensemble (the median try) */
  runsPerSecond: { oneWorker: number; allCores: number };
  /** all cores over one worker */
  scaling: number;
  /** what an ensemble costs before its first run: process, scenario and worker threads */
  startupMs: { oneWorker: number; allCores: number };
  /** the long ensemble's time per run on every core, against `oneRunProcessMs` */
  perRunMs: number;
}

/**
 * Measures `runs` runs and a short ensemble of `short` runs on one worker and on every core, `tries`
 * times each. The tries of the four are interleaved, so that a neighbour's load falls on all alike.
 */
export function benchEnsemble(runs = 120, short = 4, tries = 5): EnsembleBench {
  build();
  const cores = availableParallelism();
  timeCommand(ensemble(short, 1)); // warm the file cache
  const times = {
    oneRun: [] as number[],
    long1: [] as number[],
    longAll: [] as number[],
    short1: [] as number[],
    shortAll: [] as number[],
  };
  for (let t = 0; t < tries; t++) {
    times.oneRun.push(timeCommand(['run', 'scenarios/medbay.yaml', '--format', 'jsonl']));
    times.long1.push(timeCommand(ensemble(runs, 1)));
    times.longAll.push(timeCommand(ensemble(runs, cores)));
    times.short1.push(timeCommand(ensemble(short, 1)));
    times.shortAll.push(timeCommand(ensemble(short, cores)));
  }
  // The marginal cost of a run, from the difference; what is left of the short ensemble is start-up.
  const startup = (long: number, brief: number) =>
    Math.max(0, brief - (short * (long - brief)) / (runs - short));
  const long1 = median(times.long1);
  const longAll = median(times.longAll);
  return {
    what: `omegaverse ensemble scenarios/medbay.yaml --runs ${runs} (and --runs ${short}, for the start-up), built dist/, a process each; medians of ${tries} interleaved tries`,
    cores,
    tries,
    oneRunProcessMs: round(median(times.oneRun), 0),
    runsPerSecond: { oneWorker: round((runs * 1000) / long1), allCores: round((runs * 1000) / longAll) },
    scaling: round(long1 / longAll, 2),
    startupMs: {
      oneWorker: round(startup(long1, median(times.short1)), 0),
      allCores: round(startup(longAll, median(times.shortAll)), 0),
    },
    perRunMs: round(longAll / runs, 1),
  };
}
