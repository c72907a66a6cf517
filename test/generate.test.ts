/**
 * Generated crews: ordinary scenario files that `check` accepts, the same for the same seed, with the
 * preset's representation ratios, families whose children inherit, the age rule kept, cycles with
 * histories and regimens, records of who passes as a beta, daily routines and a roster.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastAll } from '../src/calendar/index.js';
import { presets } from '../src/canon/index.js';
import { type CrewOptions, GenerateError, generateCrew } from '../src/generate/index.js';
import type { CharacterDef, WorldDefinition } from '../src/model/definition.js';
import { loadScenario } from '../src/scenario/index.js';
import { cli } from './cli-harness.js';
import { compile } from './helpers.js';

const crew = (options: CrewOptions): WorldDefinition => compile(generateCrew(options), 'crew.yaml');

/** The characters' representations as the file writes them, one a line (a big crew is not compiled). */
const charactersOf = (text: string) =>
  [...text.matchAll(/^ {2}[\w-]+: \{ name: .*?, representation: (\w+),/gm)].map((m) => ({
    representation: m[1]!,
  }));

const share = (people: readonly { representation: string }[], representation: string) =>
  people.filter((p) => p.representation === representation).length / people.length;

describe('generate crew', () => {
  it('writes scenarios that check accepts, for any size and option', () => {
    const cases: CrewOptions[] = [
      { size: 1 },
      { size: 2, preset: 'classic' },
      { size: 7, families: true, seed: 3 },
      { size: 40, preset: 'classic', withMinors: true, setting: 'station', days: 2, seed: 9 },
    ];
    for (const options of cases) expect(crew(options).characters).toHaveLength(options.size);
  });

  it('writes every instant so that check has nothing to warn about (no day-and-clock forms)', () => {
    for (const options of [
      { size: 60, seed: 2 },
      { size: 40, days: 3, families: true, seed: 8 },
    ]) {
      const loaded = loadScenario(generateCrew(options), 'crew.yaml');
      expect(loaded.ok && loaded.warnings).toEqual([]);
    }
  });

  it('gives the same file for the same options and seed, another for another seed', () => {
    const options: CrewOptions = { size: 30, families: true, seed: 4 };
    expect(generateCrew(options)).toBe(generateCrew(options));
    expect(generateCrew({ ...options, seed: 5 })).not.toBe(generateCrew(options));
  });

  it('writes the same scenario as JSON: the same definition, but for where each action was written', () => {
    const options: CrewOptions = {
      size: 40,
      families: true,
      withMinors: true,
      days: 2,
      seed: 6,
      overrides: { 'population.omegaShare': 0.3 },
    };
    const json = generateCrew(options, 'json');
    expect(() => JSON.parse(json)).not.toThrow();
    const unplaced = (def: WorldDefinition) =>
      JSON.parse(
        JSON.stringify(def, (key, value) => (key === 'source' || key === 'file' ? undefined : value)),
      );
    expect(unplaced(compile(json, 'crew.json'))).toEqual(unplaced(crew(options)));
  });

  it('follows the preset’s representation ratios: a minority of alphas, a smaller one of omegas', () => {
    for (const preset of ['seeds', 'classic'] as const) {
      const people = charactersOf(generateCrew({ size: 1500, preset, seed: 1 }));
      expect(people).toHaveLength(1500);
      const { alphaShare, omegaShare } = presets[preset].population;
      expect(share(people, 'alpha')).toBeCloseTo(alphaShare, 1);
      expect(share(people, 'omega')).toBeCloseTo(omegaShare, 1);
      expect(share(people, 'beta')).toBeGreaterThan(0.5);
    }
  });

  it('takes the canon’s population numbers from --set, and says so in the file', () => {
    const text = generateCrew({ size: 400, seed: 2, overrides: { 'population.omegaShare': 0.5 } });
    expect(share(charactersOf(text), 'omega')).toBeCloseTo(0.5, 1);
    expect(text).toContain('--set population.omegaShare=0.5');
    expect(compile(text).canon.population.omegaShare).toBe(0.5);
  });

  it('keeps everyone an adult unless asked for minors, and keeps the age rule for minors', () => {
    expect(crew({ size: 60, families: true, seed: 1 }).characters.every((c) => c.age! >= 18)).toBe(true);
    const def = crew({ size: 120, preset: 'classic', withMinors: true, seed: 3 });
    const minors = def.characters.filter((c) => c.age! < 18);
    expect(minors.length).toBeGreaterThan(0);
    const age = presets.classic.population.presentationAge;
    for (const minor of minors) {
      expect(minor.cycle).toBeUndefined();
      expect(minor.medication).toEqual([]);
      expect(minor.bondedTo).toBeUndefined();
      expect(def.characters.some((c) => c.bondedTo === minor.id)).toBe(false);
      expect(minor.representation === 'unpresented').toBe(minor.age! < age);
    }
  });

  it('gives presented children a parent’s representation as often as the canon says', () => {
    const def = crew({ size: 150, families: true, seed: 6, overrides: { 'population.inheritShare': 1 } });
    const parentsOf = (child: CharacterDef) =>
      def.relations
        .filter((r) => r.between[1] === child.id && r.trust === 0.9 && r.affinity === undefined)
        .map((r) => def.characters.find((c) => c.id === r.between[0])!);
    const children = def.characters.filter((c) => parentsOf(c).length === 2);
    expect(children.length).toBeGreaterThan(5);
    for (const child of children)
      expect(parentsOf(child).map((p) => p.representation)).toContain(child.representation);
  });

  it('gives adult omegas recorded cycles to forecast from, some a suppressant begun after their last heat', () => {
    const def = crew({ size: 200, seed: 8 });
    const omegas = def.characters.filter((c) => c.representation === 'omega');
    expect(omegas.length).toBeGreaterThan(5);
    const forecasts = forecastAll(def, 0);
    for (const omega of omegas) {
      expect(omega.cycle!.onsets).toHaveLength(presets.seeds.population.recordedCycles);
      expect(omega.cycle!.onsets.every((t) => t < 0)).toBe(true);
      const regimen = omega.medication[0];
      if (regimen) expect(regimen.since!).toBeGreaterThan(omega.cycle!.onsets.at(-1)!);
      expect(forecasts.get(omega.id)!.basis).toBe(regimen ? 'regimen' : 'history');
    }
    expect(omegas.some((o) => o.medication.length)).toBe(true);
  });

  it('has only omegas on suppressants pass as betas, with their records held by the doctor and household', () => {
    const def = crew({ size: 300, seed: 2, families: true });
    const passing = def.characters.filter((c) => c.presentsAs !== undefined);
    expect(passing.length).toBeGreaterThan(0);
    const doctor = def.characters.find((c) => c.rank === 2 && c.knows.length === passing.length);
    expect(doctor).toBeDefined();
    for (const p of passing) {
      expect(p).toMatchObject({ representation: 'omega', presentsAs: 'beta' });
      expect(p.medication.map((m) => m.name)).toEqual(['suppressant']);
      expect(doctor!.knows).toContain(p.id);
    }
  });

  it('houses everyone in a cabin behind a closed door, with a day of routine and a roster of watches and missions', () => {
    const def = crew({ size: 25, seed: 1 });
    for (const c of def.characters) {
      expect(c.at).toMatch(/^cabin-\d+$/);
      expect(def.doors.find((d) => d.between.includes(c.at))!.state).toBe('closed');
      expect(def.timeline.filter((a) => a.actor === c.id).length).toBeGreaterThan(10);
    }
    expect(def.until).toBe(86_400);
    expect(def.roster.some((r) => r.title === 'Engineering, day watch')).toBe(true);
    expect(def.roster.some((r) => r.id === 'mission-1' && r.participants.length > 0)).toBe(true);
    const ranks = def.characters.map((c) => c.rank);
    expect(ranks.filter((r) => r === 3)).toHaveLength(1);
  });

  it('refuses what it cannot make, saying why', () => {
    const refusal = (options: CrewOptions) => {
      try {
        generateCrew(options);
      } catch (error) {
        if (error instanceof GenerateError) return `${error.message}${error.hint ? ` | ${error.hint}` : ''}`;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal({ size: 0 })).toBe("a crew's size is a whole number from 1 to 5000, got 0");
    expect(refusal({ size: 5, overrides: { 'population.alphaShare': 0.95 } })).toBe(
      'population.alphaShare (0.95) and population.omegaShare (0.1) add up to more than 1 | betas are the rest: the two shares may add up to 1 at most',
    );
    expect(refusal({ size: 5, overrides: { 'population.adultAge.min': 16 } })).toMatch(
      /^population\.adultAge must run from 18 or more .* \| adults are 18 or older: the age rule is not a parameter/,
    );
    expect(refusal({ size: 5, overrides: { 'population.omegashare': 0.2 } })).toBe(
      "--set population.omegashare: unknown canon parameter 'population.omegashare' | did you mean 'population.omegaShare'?",
    );
  });
});

describe('omegaverse generate crew', () => {
  it('writes the file atomically with --out, and check accepts it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'omegaverse-crew-')), 'crew.yaml');
    const made = await cli(
      'generate',
      'crew',
      '--size',
      '12',
      '--preset',
      'classic',
      '--seed',
      '7',
      '--families',
      '--out',
      out,
    );
    expect(made.code).toBe(0);
    expect(made.out).toBe(`wrote ${out} (a crew of 12; omegaverse check accepts it)\n`);
    expect(readFileSync(out, 'utf8')).toBe(
      generateCrew({ size: 12, preset: 'classic', seed: 7, families: true }),
    );
    const checked = await cli('check', out);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/: 12 characters, /);
  });

  it('prints the file without --out, and names a mistake with exit 2', async () => {
    const printed = await cli('generate', 'crew', '--size', '3', '--seed', '1');
    expect(printed.out).toBe(generateCrew({ size: 3, seed: 1 }));
    expect(printed.out).toMatch(
      /^# The \w+: a crew of 3, generated by\n# {3}omegaverse generate crew --size 3 --preset seeds --seed 1\n/,
    );
    const missing = await cli('generate', 'crew');
    expect(missing).toMatchObject({
      code: 2,
      err: 'error: missing --size <n>: how many people aboard (e.g. --size 200)\n',
    });
    const bad = await cli('generate', 'crew', '--size', '3', '--set', 'population.alphaShare=2');
    expect(bad).toMatchObject({
      code: 2,
      err: "error: --set population.alphaShare: 'population.alphaShare' must be from 0 to 1, got 2\n  hint: the nearest accepted value is 1\n",
    });
  });
});
