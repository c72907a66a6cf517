/**
 * State goldens: the hash of a world's whole state (`snapshot().state`: every array, plume, belief,
 * pending order and the event log) at fixed instants, for every bundled scene and a generated crew.
 * They live in test/golden/ (the scenarios folder holds only scenarios and their transcripts) and hold
 * the engine to its behaviour through a restructuring, beside the golden transcripts: a
 * move that changes any number anywhere, even one no event shows yet, changes a hash.
 *
 * Set UPDATE_GOLDEN=1 to rewrite them after an intended change, and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crew } from '../bench/worlds.js';
import { World } from '../src/engine/world.js';
import type { WorldDefinition } from '../src/model/definition.js';
import { bundled, ROOT } from './helpers.js';

/** How many instants, evenly spread over the run, each golden samples (the end included). */
const SAMPLES = 8;

type StateGolden = Record<string, string>;

function stateHashes(def: WorldDefinition): StateGolden {
  const world = World.create(def);
  const out: StateGolden = {};
  for (let i = 0; i <= SAMPLES; i++) {
    const at = Math.round((def.until * i) / SAMPLES);
    world.runUntil(at);
    const state = JSON.stringify(world.snapshot().state);
    out[`t=${at}`] = createHash('sha256').update(state).digest('hex').slice(0, 32);
  }
  return out;
}

function checkGolden(file: string, actual: StateGolden): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  // A missing golden is a failure, not a silent first write: it would make the test pass by itself.
  if (!existsSync(file))
    throw new Error(`missing state golden ${file}: run with UPDATE_GOLDEN=1 to write it`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe('state goldens', () => {
  it.each(scenarios)('%s: the state at fixed instants hashes as before', (name) => {
    checkGolden(
      join(ROOT, 'test', 'golden', name.replace(/\.yaml$/, '.golden-state.json')),
      stateHashes(bundled(name)),
    );
  });

  it('a generated 12-person crew over 60 days: the state at fixed instants hashes as before', () => {
    checkGolden(join(ROOT, 'test', 'golden', 'crew-12.golden-state.json'), stateHashes(crew(12, 20, '60d')));
  });
});
