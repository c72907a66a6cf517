/**
 * The installed command, as a user runs it: `node bin/omegaverse.js`, a separate process on the compiled
 * dist/, built from the current sources first. The command line's behaviour in detail is in cli.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/omegaverse.js');
const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function omegaverse(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: ENV });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the built omegaverse command', () => {
  beforeAll(() => {
    // dist/ may be older than the sources: compile them once, here, and stop on any compile error.
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const build = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0)
      throw new Error(
        `building dist/ failed (${tsc} -p tsconfig.build.json):\n${build.error?.message ?? ''}${build.stdout ?? ''}${build.stderr ?? ''}`,
      );
  }, 60_000);

  it('runs the bundled medbay scene and prints its golden beats', () => {
    const { code, out, err } = omegaverse('run');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(join(ROOT, 'scenarios/medbay.beats.txt'), 'utf8'));
  });

  it('exits 2 on a broken scenario, with the located error on stderr and no stack trace', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'omegaverse-smoke-')), 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(join(ROOT, 'scenarios/medbay.yaml'), 'utf8').replace(
        'actor: finn,   do: aim',
        'actor: fin,   do: aim',
      ),
    );
    const { code, out, err } = omegaverse('check', bad);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/bad\.yaml:36:29: error: unknown character 'fin'\n/);
    expect(err).toMatch(/1 error in .*bad\.yaml; nothing was run\.\n$/);
    expect(err).not.toMatch(/at .*\.js:\d+/);
  });

  it('stops quietly, with exit 0, when its reader closes early (as `omegaverse run | head` does)', async () => {
    const child = spawn(process.execPath, [BIN, 'run'], {
      cwd: ROOT,
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the reading end at once: every write the command makes meets a closed pipe.
    child.stdout.destroy();
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('runs an ensemble on worker threads of the compiled dist/, with the result the sources give', async () => {
    const args = [
      'ensemble',
      'scenarios/medbay.yaml',
      '--runs',
      '3',
      '--workers',
      '2',
      '--until',
      '0:06:00',
      '--format',
      'json',
    ];
    const built = omegaverse(...args);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const fromSources = await cli(...args);
    expect(fromSources.code).toBe(0);
    expect(built.out).toBe(fromSources.out);
  });

  it('generates a crew, the same text as from the sources', async () => {
    const args = ['generate', 'crew', '--size', '20', '--seed', '5', '--with-minors'];
    const built = omegaverse(...args);
    expect(built.code).toBe(0);
    expect(built.out).toBe((await cli(...args)).out);
  });
});
