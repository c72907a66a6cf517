/**
 * Golden transcripts: each bundled scenario's narrated log is checked in beside it and compared, the
 * way ink's compiled fixtures are. Set UPDATE_GOLDEN=1 to rewrite them after an intended change, then
 * read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { checkExpectations } from '../src/model/expect.js';
import { describeExpectation } from '../src/narrate/expectation.js';
import { formatLog } from '../src/narrate/format.js';
import { bundled, ROOT } from './helpers.js';

const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe.each(scenarios)('%s', (name) => {
  const def = bundled(name);
  const world = World.create(def);
  world.run();

  it('matches its golden transcript', () => {
    const transcript = formatLog(world.events, def, 'text');
    const golden = join(ROOT, 'scenarios', name.replace(/\.yaml$/, '.golden.txt'));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, transcript);
    // A missing golden is a failure, not a silent first write: it would make the test pass by itself.
    if (!existsSync(golden))
      throw new Error(`missing golden ${golden}: run with UPDATE_GOLDEN=1 to write it`);
    expect(transcript).toBe(readFileSync(golden, 'utf8'));
  });

  it('passes every expectation', () => {
    const failed = checkExpectations(def.expectations, world.events).filter((r) => !r.passed);
    expect(failed.map((r) => describeExpectation(r, def.clock))).toEqual([]);
    expect(def.expectations.length).toBeGreaterThan(5);
  });
});
