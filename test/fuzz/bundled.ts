/**
 * The bundled scenes (`scenarios/*.yaml`) under other seeds: what the generated scenes rarely reach —
 * a seizure and its release, a heat brought forward, a bond apart, a roster conflict — played out
 * with other draws. Only the seed changes (and the expectations go, being the scene's own), so each
 * stays valid; `until` is cut to the campaign's budget by the run itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { ScenarioData } from './valid.js';

const FOLDER = join(import.meta.dirname, '..', '..', 'scenarios');
const SCENES: [string, ScenarioData][] = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => [name, parse(readFileSync(join(FOLDER, name), 'utf8')) as ScenarioData]);

export const bundledScenario: fc.Arbitrary<{ name: string; data: ScenarioData }> = fc
  .record({ scene: fc.constantFrom(...SCENES), seed: fc.nat({ max: 1_000_000 }) })
  .map(({ scene: [name, data], seed }) => {
    const { expect: _, ...rest } = data;
    return { name, data: { ...rest, seed } };
  });
