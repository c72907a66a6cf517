/**
 * Golden transcripts: each bundled scenario's narrated run is checked in beside it, in both views —
 * every event (`NAME.golden.txt`) and the beats (`NAME.beats.txt`) — and compared, the way ink's
 * compiled fixtures are. Set UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the
 * diff as prose.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import { checkExpectations } from '../src/model/expect.js';
import { tellRun } from '../src/narrate/beats/narrator.js';
import { describeExpectation } from '../src/narrate/expectation.js';
import { formatLog, formatStory } from '../src/narrate/format.js';
import { transcriptFile } from '../src/narrate/transcripts.js';
import { bundled, ROOT } from './helpers.js';

const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

/**
 * Scenes of busy instants (a confrontation in a room): their beats are at most a third of every
 * event. A scene of a few events spread over days (a patrol, a voice tried twice) is already mostly
 * beats: it is held only to being shorter.
 */
const BUSY = new Set(['medbay.yaml', 'medbay-veteran.yaml', 'quarters.yaml', 'datapad.yaml', 'rut.yaml']);

function checkGolden(file: string, transcript: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, transcript);
  // A missing golden is a failure, not a silent first write: it would make the test pass by itself.
  if (!existsSync(file)) throw new Error(`missing golden ${file}: run with UPDATE_GOLDEN=1 to write it`);
  expect(transcript).toBe(readFileSync(file, 'utf8'));
}

describe.each(scenarios)('%s', (name) => {
  const def = bundled(name);
  const world = World.create(def);
  world.run();
  const told = World.create(def);
  const story = tellRun(told);
  const scenario = join(ROOT, 'scenarios', name);

  it('matches its golden transcript of every event', () => {
    checkGolden(transcriptFile(scenario, 'full'), formatLog(world.events, def, 'text'));
  });

  it(`matches its golden transcript of beats, ${BUSY.has(name) ? 'at most a third as long' : 'shorter'}`, () => {
    const beats = formatStory(story, told.definition, 'text');
    checkGolden(transcriptFile(scenario, 'beats'), beats);
    const lines = (text: string) => text.split('\n').length - 1;
    const full = lines(formatLog(world.events, def, 'text'));
    if (BUSY.has(name)) expect(lines(beats) * 3).toBeLessThanOrEqual(full);
    else expect(lines(beats)).toBeLessThan(full);
  });

  it('tells its beats from a run whose events are those of a plain run, byte for byte', () => {
    expect(JSON.stringify(told.events)).toBe(JSON.stringify(world.events));
  });

  it('passes every expectation', () => {
    const failed = checkExpectations(def.expectations, world.events).filter((r) => !r.passed);
    expect(failed.map((r) => describeExpectation(r, def.clock))).toEqual([]);
    expect(def.expectations.length).toBeGreaterThan(5);
  });
});
