/** The command line's numeric options: whole numbers in their stated ranges, never wrapped; ends after the start. */
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';

const FILE = 'scenarios/medbay.yaml';

/** Every command that takes `--seed`, as a user would start it. */
const SEEDED: string[][] = [
  ['run', FILE],
  ['play', FILE, '--as', 'rey', '--script', FILE],
  ['test', FILE],
  ['explain', FILE, '1'],
  ['report', FILE, '--format', 'md'],
  ['ensemble', FILE, '--runs', '1'],
  ['generate', 'crew', '--size', '3'],
];

describe('numeric options', () => {
  it.each(
    SEEDED.flatMap((command) =>
      ['4294967296', '4294967297', '-1', '1.5', '1e3', '0x10', ''].map((seed) => [command, seed] as const),
    ),
  )('%j refuses --seed %j, and says the range', async (command, seed) => {
    const { code, out, err } = await cli(...command, '--seed', seed);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('expected a whole number from 0 to 4294967295');
  });

  it('takes the largest seed, which differs from seed 0', async () => {
    const top = await cli('run', FILE, '--format', 'jsonl', '--seed', '4294967295');
    const zero = await cli('run', FILE, '--format', 'jsonl', '--seed', '0');
    expect(top.code).toBe(0);
    expect(top.out).not.toBe(zero.out);
  });

  it.each(['-5d', '0', '0:00:00', '-1s', '1d at 07:00 -2d'])(
    'run refuses --until %j with a clear message',
    async (until) => {
      const { code, out, err } = await cli('run', FILE, '--until', until);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/not after the start of the scene|expected an instant/);
    },
  );

  it('run refuses an end before the start written by the clock (the medbay starts at 14:00)', async () => {
    const { code, err } = await cli('run', FILE, '--until', '0d at 13:00');
    expect(code).toBe(2);
    expect(err).toBe(
      'error: --until 0d at 13:00 is not after the start of the scene\n  hint: give a time after it, such as 30m, 2d or "1d at 07:00"\n',
    );
  });

  it.each([
    [['ensemble', FILE, '--runs', '0'], 'expected a whole number from 1 to 1000000'],
    [['ensemble', FILE, '--runs', '1000001'], 'expected a whole number from 1 to 1000000'],
    [['ensemble', FILE, '--runs', '99999999999999999999'], 'expected a whole number from 1 to 1000000'],
    [['ensemble', FILE, '--runs', '1', '--workers', '0'], 'expected a whole number from 1 to 1024'],
    [['ensemble', FILE, '--runs', '1', '--workers', '100000'], 'expected a whole number from 1 to 1024'],
    [['ensemble', FILE, '--runs', '1', '--until', '-5d'], 'expected a duration after the start'],
    [['ensemble', FILE, '--runs', '1', '--until', '0'], 'expected a duration after the start'],
    [['forecast', FILE, '--days', '-1'], 'expected a whole number of days from 0 to 36500'],
    [['forecast', FILE, '--days', '99999999999999999999'], 'expected a whole number of days from 0 to 36500'],
    [['sandbox', '--port', '65536'], 'expected a whole number from 0 to 65535'],
    [['generate', 'crew', '--size', '0'], 'expected a whole number from 1 to 5000'],
  ])('%j is refused: %s', async (args, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
