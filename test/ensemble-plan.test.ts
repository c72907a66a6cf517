/**
 * An ensemble's run list: the seeds of its repetitions, the grid of a sweep, the shards, and the
 * definitions a grid point runs — with the mistakes a user can make in --vary named plainly.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../src/canon/index.js';
import { EnsembleError } from '../src/ensemble/errors.js';
import {
  type EnsemblePlan,
  parseVary,
  planEnsemble,
  pointCount,
  pointDefinition,
  pointValues,
  runCount,
  runSeed,
  runSpec,
  shardRuns,
  variablePaths,
} from '../src/ensemble/index.js';
import { bundled } from './helpers.js';

const medbay = bundled('medbay.yaml');

/** The error `action` throws, as `message` and `hint`. */
function failure(action: () => unknown): { message: string; hint?: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof EnsembleError)
      return { message: error.message, ...(error.hint && { hint: error.hint }) };
    throw error;
  }
  throw new Error('expected an EnsembleError');
}

describe('run seeds', () => {
  it('are a fixed function of the ensemble seed and the repetition, the same on every machine', () => {
    // Pinned: a change here changes every published ensemble.
    expect([0, 1, 2].map((r) => runSeed(7, r))).toEqual([2154665015, 175900956, 227896690]);
    expect(runSeed(7, 1)).toBe(runSeed(7, 1));
  });

  it('differ across a thousand repetitions and between ensemble seeds, and fit the engine’s 32 bits', () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => runSeed(7, r));
    expect(new Set(seeds).size).toBe(1000);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)).toBe(true);
    expect(runSeed(8, 0)).not.toBe(runSeed(7, 0));
    // Seeds above 2³² still count whole: they are not cut to their low bits.
    expect(runSeed(2 ** 32 + 7, 0)).not.toBe(runSeed(7, 0));
  });
});

describe('--vary', () => {
  it('reads a range as STEPS values from A to B, both ends included, without binary noise', () => {
    expect(parseVary('perception.identify=0..1:5')).toEqual({
      path: 'perception.identify',
      values: [0, 0.25, 0.5, 0.75, 1],
    });
    expect(parseVary('x=0.1..0.3:3').values).toEqual([0.1, 0.2, 0.3]);
    expect(parseVary('x=1..-1:3').values).toEqual([1, 0, -1]);
  });

  it('reads a list as numbers, true or false, or names', () => {
    expect(parseVary('characters.rey.presents_as=beta, omega').values).toEqual(['beta', 'omega']);
    expect(parseVary('rules.guard-approach.enabled=true,false').values).toEqual([true, false]);
    expect(parseVary('x=0.3,.9,1e-1').values).toEqual([0.3, 0.9, 0.1]);
    expect(parseVary('x=7').values).toEqual([7]);
  });

  it('names what is wrong with a malformed one, with an example', () => {
    expect(failure(() => parseVary('perception.identify'))).toEqual({
      message: "--vary 'perception.identify': expected PATH=A..B:STEPS or PATH=a,b,c",
      hint: 'for example --vary perception.identify=0.4..0.8:5 or --vary characters.rey.self_control=0.3,0.9',
    });
    expect(failure(() => parseVary('x=0..1:1')).message).toBe(
      "--vary 'x=0..1:1': a range needs at least 2 steps, got 1",
    );
    expect(failure(() => parseVary('x=a..b:3')).message).toMatch(/a range A\.\.B:STEPS takes numbers/);
    expect(failure(() => parseVary('x=1,,2')).message).toMatch(/an empty value/);
    expect(failure(() => parseVary('x=1,2,1')).message).toBe("--vary 'x=1,2,1': 1 is listed twice");
  });
});

describe('the run list', () => {
  const plan = planEnsemble(medbay, {
    runs: 3,
    seed: 11,
    vary: [parseVary('characters.rey.self_control=0.3,0.9'), parseVary('perception.identify=0.6,0.8,1')],
  });

  it('is every grid point, the first parameter varying slowest, times the repetitions', () => {
    expect(pointCount(plan)).toBe(6);
    expect(runCount(plan)).toBe(18);
    expect(Array.from({ length: 6 }, (_, p) => pointValues(plan, p))).toEqual([
      [0.3, 0.6],
      [0.3, 0.8],
      [0.3, 1],
      [0.9, 0.6],
      [0.9, 0.8],
      [0.9, 1],
    ]);
    expect(runSpec(plan, 7)).toEqual({ run: 7, point: 2, repetition: 1, seed: runSeed(11, 1) });
  });

  it('seeds every grid point alike: points differ by their parameters, not their luck', () => {
    const seedsAt = (point: number) => [0, 1, 2].map((r) => runSpec(plan, point * 3 + r).seed);
    expect(seedsAt(5)).toEqual(seedsAt(0));
  });

  it('is cut into shards that hold every run exactly once, with some of every grid point', () => {
    const shards = [0, 1, 2, 3].map((index) => shardRuns(plan, { index, count: 4 }));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    for (const shard of shards)
      expect(new Set(shard.map((run) => runSpec(plan, run).point)).size).toBeGreaterThan(2);
  });

  it('takes the scenario’s seed by default, and refuses no runs or a parameter given twice', () => {
    expect(planEnsemble(medbay, { runs: 1 }).seed).toBe(7);
    expect(failure(() => planEnsemble(medbay, { runs: 0 })).message).toBe(
      '--runs must be a whole number of 1 or more, got 0',
    );
    const twice = [parseVary('perception.identify=0.5'), parseVary('perception.identify=0.7')];
    expect(failure(() => planEnsemble(medbay, { runs: 1, vary: twice }))).toEqual({
      message: '--vary perception.identify is given twice',
      hint: 'list every value in one --vary: PATH=a,b,c',
    });
  });

  it('fingerprints the scenario without its file name or seed, and the canon apart', () => {
    const moved = { ...medbay, file: 'elsewhere/medbay.yaml', seed: 99 };
    const retuned = {
      ...medbay,
      canon: { ...medbay.canon, perception: { ...medbay.canon.perception, identify: 0.5 } },
    };
    const recast = { ...medbay, characters: medbay.characters.map((c) => ({ ...c, age: 40 })) };
    const of = (def: typeof medbay) => planEnsemble(def, { runs: 1 });
    expect(of(moved).scenario).toBe(of(medbay).scenario);
    expect(of(retuned).scenario).toBe(of(medbay).scenario);
    expect(of(retuned).canon).not.toBe(of(medbay).canon);
    expect(of(recast).scenario).not.toBe(of(medbay).scenario);
  });
});

describe('a grid point’s definition', () => {
  const plan = (vary: string[]): EnsemblePlan => planEnsemble(medbay, { runs: 1, vary: vary.map(parseVary) });

  it('sets canon parameters through the canon’s overrides, leaving the preset and the scenario alone', () => {
    const def = pointDefinition(
      medbay,
      plan(['perception.identify=0.9', 'gear.sealed-helmet.trapTime=0:05:00']),
      0,
    );
    expect(def.canon.perception.identify).toBe(0.9);
    expect(def.canon.gear['sealed-helmet']!.trapTime).toBe(300);
    expect(medbay.canon.perception.identify).toBe(0.6);
    expect(presets.seeds.perception.identify).toBe(0.6);
  });

  it('sets a character’s field, and a relation’s (added when the file has none), in either order', () => {
    const def = pointDefinition(
      medbay,
      plan([
        'characters.rey.self_control=0.8',
        'characters.finn.presents_as=alpha',
        'relations.phasma.rey.trust=0.2',
        'relations.finn.doctor.affinity=0.4',
      ]),
      0,
    );
    expect(def.characters.find((c) => c.id === 'rey')!.selfControl).toBe(0.8);
    expect(def.characters.find((c) => c.id === 'finn')!.presentsAs).toBe('alpha');
    expect(def.relations).toEqual([
      { between: ['rey', 'phasma'], affinity: 0.9, trust: 0.2 },
      { between: ['rey', 'doctor'], trust: 0.8 },
      { between: ['finn', 'doctor'], affinity: 0.4 },
    ]);
    expect(medbay.characters.find((c) => c.id === 'rey')!.selfControl).toBe(0.3);
  });

  it('refuses, before any run, a value out of its range or of the wrong kind', () => {
    expect(failure(() => plan(['characters.rey.self_control=0.5,1.5'])).message).toBe(
      '--vary characters.rey.self_control=1.5: expected a number from 0 to 1',
    );
    expect(failure(() => plan(['perception.identify=-1'])).message).toBe(
      "--vary perception.identify=-1: 'perception.identify' must be from 0.000001 to 1000000 dose units, got -1",
    );
    expect(failure(() => plan(['characters.finn.presents_as=gamma'])).message).toBe(
      '--vary characters.finn.presents_as=gamma: expected a representation (alpha, beta, omega, unpresented)',
    );
    expect(failure(() => plan(['rules.guard-approach.amount=0'])).message).toMatch(
      /^--vary: rule 'guard-approach': /,
    );
  });

  it('keeps the age rule: no one with a cycle, a bond, a mark or chemistry is swept under 18', () => {
    const quarters = bundled('quarters.yaml');
    const error = failure(() =>
      planEnsemble(quarters, { runs: 1, vary: [parseVary('characters.ren.age=16,30')] }),
    );
    expect(error.message).toBe(
      '--vary characters.ren.age=16: ren is 16 and has a heat cycle; no heat, rut, longing, mark or bond can involve a character under 18',
    );
    expect(error.hint).toBe('the age rule is not a parameter: vary ages from 18 up');
    // Rey and the captain have chemistry (an affinity), which could start a longing.
    expect(failure(() => plan(['characters.rey.age=16'])).message).toBe(
      '--vary characters.rey.age=16: rey is 16 and has chemistry with someone or a declared partner; no heat, rut, longing, mark or bond can involve a character under 18',
    );
    const young = plan(['characters.finn.age=16']);
    expect(pointDefinition(medbay, young, 0).characters.find((c) => c.id === 'finn')!.age).toBe(16);
    // …and no chemistry may be swept onto someone made young in the same point.
    expect(
      failure(() => plan(['characters.finn.age=16', 'relations.finn.doctor.affinity=0.5'])).message,
    ).toMatch(
      /^--vary characters\.finn\.age=16 relations\.finn\.doctor\.affinity=0\.5: finn is 16 and has chemistry/,
    );
    expect(pointDefinition(medbay, plan(['relations.finn.doctor.trust=0.5']), 0).relations).toHaveLength(3);
  });

  it('names the nearest valid paths for an unknown one', () => {
    expect(failure(() => plan(['perception.identfy=0.5']))).toEqual({
      message: "--vary: unknown parameter 'perception.identfy'",
      hint: 'nearest valid paths: perception.identify',
    });
    expect(failure(() => plan(['identify=0.5'])).hint).toBe('nearest valid paths: perception.identify');
    expect(failure(() => plan(['characters.ray.self_control=0.5']))).toEqual({
      message: "--vary: unknown character 'ray' in 'characters.ray.self_control'",
      hint: 'nearest valid paths: characters.rey.self_control',
    });
    expect(failure(() => plan(['characters.rey.selfcontrol=0.5'])).hint).toBe(
      'nearest valid paths: characters.rey.self_control',
    );
    expect(failure(() => plan(['relations.rey.phasma.afinity=0.5'])).hint).toBe(
      'nearest valid paths: relations.rey.phasma.affinity',
    );
    expect(failure(() => plan(['population.alphaShare=0.5'])).message).toBe(
      "--vary: unknown parameter 'population.alphaShare'",
    );
    expect(failure(() => plan(['zzz=1'])).hint).toMatch(
      /^a path is a canon parameter \(docs\/canon\.md\), characters\.ID\.FIELD/,
    );
  });

  it('lists the paths a sweep may vary: the canon a run reads, characters’ fields, the file’s relations', () => {
    const paths = variablePaths(medbay);
    expect(paths).toContain('perception.identify');
    expect(paths).toContain('rules.guard-approach.enabled');
    expect(paths).toContain('characters.rey.self_control');
    expect(paths).toContain('relations.rey.phasma.trust');
    expect(paths.some((p) => p.startsWith('population.'))).toBe(false);
    expect(paths).not.toContain('rules.guard-approach.feels');
  });
});
