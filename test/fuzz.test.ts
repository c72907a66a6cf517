/**
 * The fuzzing harness (`test/fuzz/`, docs/fuzzing.md) in the suite: quick runs from a fixed seed over
 * small worlds, every invariant checked and any finding that is not a known bug
 * (`test/fuzz/known.ts`) failing the test, shrunk by fast-check; a few cases through the command
 * line; and what the generators must cover for the rest to mean anything.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_KINDS, createWorld, type WorldEvent } from '../src/index.js';
import { caseOf } from './fuzz/campaign.js';
import { fuzzCase } from './fuzz/cases.js';
import { checkCli } from './fuzz/cli-check.js';
import { findingFile, readFindingFile } from './fuzz/finding-file.js';
import { hostileScenario } from './fuzz/hostile.js';
import {
  checkAgeRule,
  checkCase,
  checkConsent,
  checkPlainData,
  checkState,
  type Finding,
  type Found,
} from './fuzz/invariants.js';
import { knownBug } from './fuzz/known.js';
import { nearValidScenario } from './fuzz/near-valid.js';
import { CAMPAIGN, QUICK, toYaml, validScenario } from './fuzz/valid.js';
import { compile, ROOT } from './helpers.js';

const unknown = (findings: Finding[]) => findings.filter((f) => !knownBug(f));

const FINDINGS = join(ROOT, 'test/fuzz/findings');

describe('fuzzing: the findings of past campaigns, fixed', () => {
  // Each file is a case that once broke an invariant (its header says which, and how it was found).
  it.each(readdirSync(FINDINGS).filter((f) => f.endsWith('.yaml')))('%s holds every invariant', (file) => {
    const found = checkCase(readFindingFile(readFileSync(join(FINDINGS, file), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('fuzzing: quick runs', () => {
  it('every invariant holds over generated valid, near-valid and hostile scenarios', () => {
    fc.assert(
      fc.property(fuzzCase(QUICK), (c) => {
        expect(unknown(checkCase(c))).toEqual([]);
      }),
      { seed: 15, numRuns: 1000 },
    );
  }, 120_000);

  it('the command line never fails inside, on cases of every kind', async () => {
    const arbitrary = fuzzCase(QUICK);
    for (let seed = 0; seed < 12; seed++)
      expect(unknown(await checkCli(caseOf(arbitrary, seed)))).toEqual([]);
  }, 60_000);
});

describe('fuzzing: the generators', () => {
  it('write timelines with every action kind, minors, gear, suppressants, heats, ruts and bonds', () => {
    const scenes = fc.sample(validScenario(CAMPAIGN), { seed: 3, numRuns: 300 });
    const kinds = new Set(scenes.flatMap((s) => ((s.timeline ?? []) as { do: string }[]).map((a) => a.do)));
    expect(ACTION_KINDS.filter((k) => !kinds.has(k))).toEqual([]);
    const characters = scenes.flatMap((s) =>
      Object.values(s.characters as Record<string, Record<string, unknown>>),
    );
    const some = (p: (c: Record<string, unknown>) => boolean) => characters.some(p);
    expect(some((c) => typeof c.age === 'number' && c.age < 18)).toBe(true);
    expect(some((c) => (c.wears as string[] | undefined)?.includes('sealed-helmet') === true)).toBe(true);
    expect(some((c) => (c.medication as string[] | undefined)?.includes('suppressant') === true)).toBe(true);
    for (const key of ['cycle', 'rut', 'bonded_to', 'presents_as', 'knows'])
      expect(some((c) => c[key] !== undefined)).toBe(true);
  });

  it('make one mistake of each kind, and hostile input of each kind', () => {
    const mutations = fc.sample(nearValidScenario(QUICK), { seed: 4, numRuns: 300 }).map((m) => m.mutation);
    expect(new Set(mutations)).toEqual(
      new Set(['wrong-type', 'unknown-id', 'out-of-range', 'after-until', 'missing-field', 'unknown-key']),
    );
    const hostile = fc.sample(hostileScenario(QUICK), { seed: 5, numRuns: 400 }).map((h) => h.kind);
    expect(new Set(hostile).size).toBe(8);
  });

  it('write scenarios the format reads back as written', () => {
    for (const data of fc.sample(validScenario(QUICK), { seed: 6, numRuns: 50 }))
      expect(parse(toYaml(data))).toEqual(data);
  });
});

describe('fuzzing: findings', () => {
  it('are written as their scenario, headed by how to replay it, and read back as the same case', () => {
    const c = caseOf(fuzzCase(QUICK), 7);
    const text = findingFile({ invariant: 'consent', message: 'a\nb', seed: 7, shrunk: c });
    expect(text).toMatch(/^# omegaverse fuzz finding\n# invariant: consent\n# message: a b\n/);
    expect(text).toContain('npm run fuzz -- --seed 7 --runs 1');
    expect(readFindingFile(text)).toEqual(c);
  });

  it('are seen: each invariant’s check catches what breaks it', () => {
    const world = createWorld(compile(SCENE));
    world.run();
    const caught = (check: (found: Found) => void) => {
      const found: string[] = [];
      check((invariant) => found.push(invariant));
      return found;
    };
    const events = world.events;
    expect(caught((f) => checkConsent(events, f))).toEqual([]);
    const event = (id: number, type: string, actor: string, target: string) =>
      ({ id, t: id, type, actor, target, data: {}, causes: [] }) as WorldEvent;
    const refused = [event(1, 'refuse', 'om', 'al'), event(2, 'restrain', 'al', 'om')];
    expect(caught((f) => checkConsent(refused, f))).toEqual(['consent']);
    expect(
      caught((f) =>
        checkConsent(
          [...refused.slice(0, 1), event(2, 'consent', 'om', 'al'), event(3, 'touch', 'al', 'om')],
          f,
        ),
      ),
    ).toEqual([]);
    expect(
      caught((f) => checkAgeRule(world.definition, [event(1, 'heat-advanced', 'om', 'kid')], f)),
    ).toEqual(['age-rule']);
    const snapshot = world.snapshot();
    expect(caught((f) => checkState(snapshot, f))).toEqual([]);
    snapshot.state.trapped[0] = null as never;
    expect(caught((f) => checkState(snapshot, f))).toEqual(['finite-concentrations']);
    const def = structuredClone(world.definition);
    expect(caught((f) => checkPlainData({ kind: 'valid', text: '', cut: 0, ids: ['om'] }, def, f))).toEqual(
      [],
    );
    Object.setPrototypeOf(def.canon.air, { polluted: 1 });
    expect(
      caught((f) => checkPlainData({ kind: 'valid', text: '', cut: 0, ids: ['__proto__'] }, def, f)),
    ).toEqual(['prototype-pollution', 'prototype-pollution']);
  });
});

const SCENE = `
omegaverse: 1
places:
  room: { volume: 60, ventilation: 2 }
characters:
  al: { representation: alpha, age: 30, at: room }
  om: { representation: omega, age: 30, at: room }
  kid: { representation: alpha, age: 15, at: room }
until: "30s"
`;
