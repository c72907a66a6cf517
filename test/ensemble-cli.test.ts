/**
 * `omegaverse ensemble` and `omegaverse ensemble merge`, run as a user runs them (worker threads on
 * the TypeScript sources): the same result for any number of threads and from shards merged, a
 * progress bar only on a terminal, and every mistake one message with exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliOn } from './cli-harness.js';

const scratch = mkdtempSync(join(tmpdir(), 'omegaverse-ensemble-'));
const SCENE = [
  'scenarios/medbay.yaml',
  '--runs',
  '4',
  '--vary',
  'perception.identify=0.6,1',
  '--until',
  '0:06:00',
];

/** Runs with these variables set in the environment, as a batch system sets them. */
async function withEnv<T>(vars: Record<string, string>, action: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await action();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('omegaverse ensemble: the same result however it is run', () => {
  it('is byte-identical on 1, 2 and 4 worker threads, and from 3 shards merged', async () => {
    const json: string[] = [];
    for (const workers of ['1', '2', '4']) {
      const { code, out, err } = await cli('ensemble', ...SCENE, '--format', 'json', '--workers', workers);
      expect(err).toBe('');
      expect(code).toBe(0);
      json.push(out);
    }
    expect(json[1]).toBe(json[0]);
    expect(json[2]).toBe(json[0]);
    expect(JSON.parse(json[0]!).points).toHaveLength(2);

    // Three machines: one names its slice, the others take it from Kubernetes and from Slurm.
    const parts = [0, 1, 2].map((i) => join(scratch, `part-${i}.json`));
    const shard = (spec: string, out: string) =>
      cli('ensemble', ...SCENE, '--shard', spec, '--out', out, '--workers', '2');
    const results = [
      await shard('0/3', parts[0]!),
      await withEnv({ JOB_COMPLETION_INDEX: '1' }, () => shard('3', parts[1]!)),
      await withEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1' }, () => shard('3', parts[2]!)),
    ];
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(results.map((r) => r.out)).toEqual([
      `wrote ${parts[0]} (shard 0/3: 3 runs)\n`,
      `wrote ${parts[1]} (shard 1/3: 3 runs)\n`,
      `wrote ${parts[2]} (shard 2/3: 2 runs)\n`,
    ]);
    const merged = await cli('ensemble', 'merge', parts[2]!, parts[0]!, parts[1]!, '--format', 'json');
    expect(merged.code).toBe(0);
    expect(merged.out).toBe(json[0]);

    const csv = await cli('ensemble', ...SCENE, '--format', 'csv', '--workers', '2');
    const mergedCsv = await cli('ensemble', 'merge', ...parts, '--format', 'csv');
    expect(mergedCsv.out).toBe(csv.out);
  });

  it('writes --out atomically, in the format its extension names', async () => {
    const out = join(scratch, 'medbay.html');
    const { code, out: said } = await cli(
      'ensemble',
      'scenarios/medbay.yaml',
      '--runs',
      '2',
      '--workers',
      '1',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(said).toBe(`wrote ${out} (2 runs)\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('omegaverse ensemble: its progress bar', () => {
  const args = ['ensemble', 'scenarios/medbay.yaml', '--runs', '3', '--workers', '1', '--until', '0:01:00'];

  it('shows runs done, the rate and the time left on a terminal, on standard error', async () => {
    const { code, out, err } = await cliOn({ stderrIsTTY: true }, ...args);
    expect(code).toBe(0);
    expect(out).toMatch(/^Medbay \(scenarios\/medbay\.yaml\): 3 runs/);
    expect(err).toMatch(/█{24} 3\/3 runs · \d+\.\d\/s · 0s left/);
    expect(err).not.toContain('Medbay');
  });

  it('is silent when standard error is not a terminal, or with --quiet', async () => {
    expect((await cli(...args)).err).toBe('');
    expect((await cliOn({ stderrIsTTY: true }, ...args, '--quiet')).err).toBe('');
  });
});

describe('omegaverse ensemble: mistakes', () => {
  const fails = async (args: string[], message: string) => {
    const { code, out, err } = await cli(...args);
    expect(out).toBe('');
    expect(err).toBe(message);
    expect(code).toBe(2);
  };

  it('an unknown --vary path names the nearest valid paths', () =>
    fails(
      ['ensemble', 'scenarios/medbay.yaml', '--runs', '2', '--vary', 'characters.rey.selfcontrol=0.3,0.9'],
      "error: --vary: a sweep cannot vary a character's 'selfcontrol' ('characters.rey.selfcontrol')\n  hint: nearest valid paths: characters.rey.self_control\n",
    ));

  it('no --runs, an unknown event type, a shard with a format, a shard out of range', async () => {
    await fails(
      ['ensemble', 'scenarios/medbay.yaml'],
      'error: missing --runs <n>: how many runs at each grid point (e.g. --runs 100)\n',
    );
    await fails(
      ['ensemble', 'scenarios/medbay.yaml', '--runs', '2', '--only', 'restrian'],
      "error: --only: unknown event type 'restrian' (did you mean 'restrain'?); the types are listed in docs/events.md\n",
    );
    await fails(
      ['ensemble', 'scenarios/medbay.yaml', '--runs', '2', '--shard', '0/2', '--format', 'csv'],
      'error: a shard writes a partial result (JSON), not --format csv\n',
    );
    await fails(
      ['ensemble', 'scenarios/medbay.yaml', '--runs', '2', '--shard', '2/2'],
      'error: shard index 2 is not between 0 and 1\n  hint: shards are counted from 0: 0/2 … 1/2\n',
    );
    await withEnv({ SLURM_ARRAY_TASK_ID: '5' }, () =>
      fails(
        ['ensemble', 'scenarios/medbay.yaml', '--runs', '2', '--shard', '4'],
        'error: shard index 5 (from SLURM_ARRAY_TASK_ID) is not between 0 and 3\n  hint: the job array should have 4 tasks, e.g. --array=0-3\n',
      ),
    );
  });

  it('merging parts of different ensembles is refused, saying what differs', async () => {
    const a = join(scratch, 'a.json');
    const b = join(scratch, 'b.json');
    await cli(
      'ensemble',
      'scenarios/medbay.yaml',
      '--runs',
      '2',
      '--until',
      '0:01:00',
      '--shard',
      '0/2',
      '--out',
      a,
    );
    await cli(
      'ensemble',
      'scenarios/medbay.yaml',
      '--runs',
      '2',
      '--until',
      '0:01:00',
      '--seed',
      '8',
      '--shard',
      '1/2',
      '--out',
      b,
    );
    await fails(
      ['ensemble', 'merge', a, b],
      `error: cannot merge ${b} with ${a}: they differ in the seed: 7 vs 8\n  hint: merge the parts of one ensemble: same scenario, canon, seed, runs, end, sweep and number of shards\n`,
    );
    const notJson = join(scratch, 'notes.txt');
    writeFileSync(notJson, 'hello');
    await fails(
      ['ensemble', 'merge', notJson],
      `error: ${notJson} is not a partial ensemble result: it is not JSON\n`,
    );
  });
});
