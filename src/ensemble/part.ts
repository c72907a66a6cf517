/**
 * Partial results, for ensembles split across machines: each shard writes its plan, its slice and
 * its runs' outcomes; merging checks that the parts belong together and are complete, and gives back
 * every run in order — exactly what one machine running the whole list would have had.
 */
import { formatDuration } from '../units/time.js';
import { EnsembleError } from './errors.js';
import type { RunOutcome } from './outcome.js';
import { type EnsemblePlan, type Shard, shardRuns } from './plan.js';

const PART_FORMAT = 'omegaverse/ensemble-part';
const PART_VERSION = 1;

export interface EnsemblePart {
  format: typeof PART_FORMAT;
  version: typeof PART_VERSION;
  plan: EnsemblePlan;
  shard: Shard;
  /** the shard's runs, in run order */
  outcomes: RunOutcome[];
}

export function makePart(plan: EnsemblePlan, shard: Shard, outcomes: RunOutcome[]): EnsemblePart {
  return { format: PART_FORMAT, version: PART_VERSION, plan, shard, outcomes };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A part read back from its JSON, checked for shape; `name` names it in errors. */
export function readPart(data: unknown, name: string): EnsemblePart {
  if (!isObject(data) || data.format !== PART_FORMAT)
    throw new EnsembleError(
      `${name} is not a partial ensemble result`,
      'partial results are written by omegaverse ensemble … --shard I/N --out FILE',
    );
  if (data.version !== PART_VERSION)
    throw new EnsembleError(
      `${name} is a partial result of version ${String(data.version)}; this omegaverse reads version ${PART_VERSION}`,
      'run every shard with the same version of omegaverse',
    );
  const { plan, shard, outcomes } = data;
  if (
    !isObject(plan) ||
    !isObject(shard) ||
    !Array.isArray(outcomes) ||
    !Array.isArray(plan.vary) ||
    !Array.isArray(plan.expectations) ||
    typeof plan.runs !== 'number'
  )
    throw new EnsembleError(`${name} is damaged: its plan, shard or runs are missing`);
  return data as unknown as EnsemblePart;
}

/** What differs between two plans, in words; empty when they are the same ensemble. */
function differences(a: EnsemblePlan, b: EnsemblePlan): string[] {
  const out: string[] = [];
  const label = (p: EnsemblePlan) => `${p.title}${p.file ? ` (${p.file})` : ''}`;
  if (a.scenario !== b.scenario)
    out.push(`the scenario: ${label(a)} vs ${label(b)}${label(a) === label(b) ? ', edited in between' : ''}`);
  if (a.canon !== b.canon)
    out.push(
      `the canon: ${a.canonName} vs ${b.canonName}${a.canonName === b.canonName ? ' with other overrides' : ''}`,
    );
  if (a.seed !== b.seed) out.push(`the seed: ${a.seed} vs ${b.seed}`);
  if (a.runs !== b.runs) out.push(`the runs per point: ${a.runs} vs ${b.runs}`);
  const end = (p: EnsemblePlan) => (p.until === undefined ? "the scenario's end" : formatDuration(p.until));
  if (a.until !== b.until) out.push(`the end of the runs: ${end(a)} vs ${end(b)}`);
  const sweep = (p: EnsemblePlan) =>
    p.vary.map((v) => `${v.path}=${v.values.join(',')}`).join(' ') || 'no --vary';
  if (sweep(a) !== sweep(b)) out.push(`the sweep: ${sweep(a)} vs ${sweep(b)}`);
  return out;
}

/** The parts' plan and every run in order; refused, with what differs or is missing, unless complete. */
export function mergeParts(parts: readonly { name: string; part: EnsemblePart }[]): {
  plan: EnsemblePlan;
  outcomes: RunOutcome[];
} {
  const [first, ...others] = parts;
  if (!first) throw new EnsembleError('nothing to merge', 'name the partial result files');
  for (const other of others) {
    const differ = differences(first.part.plan, other.part.plan);
    if (other.part.shard.count !== first.part.shard.count)
      differ.push(`the number of shards: ${first.part.shard.count} vs ${other.part.shard.count}`);
    if (differ.length)
      throw new EnsembleError(
        `cannot merge ${other.name} with ${first.name}: they differ in ${differ.join('; ')}`,
        'merge the parts of one ensemble: same scenario, canon, seed, runs, end, sweep and number of shards',
      );
  }
  const count = first.part.shard.count;
  const byIndex = new Map<number, string>();
  for (const { name, part } of parts) {
    const { index } = part.shard;
    const twin = byIndex.get(index);
    if (twin !== undefined)
      throw new EnsembleError(`${twin} and ${name} are both shard ${index}/${count}`, 'name each part once');
    byIndex.set(index, name);
    const expected = shardRuns(part.plan, part.shard);
    if (part.outcomes.length !== expected.length || part.outcomes.some((o, i) => o.run !== expected[i]))
      throw new EnsembleError(
        `${name} does not hold the runs of shard ${index}/${count}: it is damaged or was edited`,
      );
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length)
    throw new EnsembleError(
      `missing shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} of ${count}`,
      'every shard of the ensemble must be merged: one result needs all of its runs',
    );
  const outcomes = parts.flatMap(({ part }) => part.outcomes).sort((a, b) => a.run - b.run);
  // Shard 0's plan, whatever the parts' order: the same file may be named differently on each machine.
  const plan = parts.find(({ part }) => part.shard.index === 0)!.part.plan;
  return { plan, outcomes };
}
