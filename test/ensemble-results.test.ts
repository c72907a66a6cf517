/**
 * An ensemble's results: the tables from its runs' outcomes (in run order, whoever ran them), their
 * forms (text, JSON, tidy CSV, a self-contained HTML page), and partial results merged back into
 * exactly the whole — or refused, saying what differs.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/engine/world.js';
import {
  EnsembleError,
  type EnsemblePart,
  formatEnsemble,
  makePart,
  mergeParts,
  parseVary,
  planEnsemble,
  type RunOutcome,
  readPart,
  runEnsemble,
  runSpec,
  shardRuns,
  summarise,
} from '../src/ensemble/index.js';
import { outcomeOf } from '../src/ensemble/outcome.js';
import { bundled, compile } from './helpers.js';

const medbay = bundled('medbay.yaml');
const sweep = { runs: 3, vary: [parseVary('perception.identify=0.6,1')] };
const { plan, outcomes } = runEnsemble(medbay, sweep);

function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof EnsembleError) return `${error.message}${error.hint ? ` | ${error.hint}` : ''}`;
    throw error;
  }
  throw new Error('expected an EnsembleError');
}

describe('a run’s outcome', () => {
  it('is what the log shows: each expectation held or not, each event type × actor × target first seen', () => {
    const seed = runSpec(plan, 0).seed;
    const events = World.create(medbay, { seed }).run();
    const outcome = outcomes[0]!;
    expect(outcome).toEqual(outcomeOf(0, seed, medbay.expectations, events));
    const restrain = events.find((e) => e.type === 'restrain')!;
    expect(outcome.events).toContainEqual(['restrain', 'rey', 'finn', restrain.t]);
    expect(
      outcome.events.filter(([type, actor, target]) => `${type}${actor}${target}` === 'restrainreyfinn'),
    ).toHaveLength(1);
    // #13: restrain rey→finn within [0:05:00, 0:05:02]
    expect(outcome.expectations[12]).toEqual([true, restrain.t]);
    // #1: never identify *→phasma before 0:03:00: held, with no match
    expect(outcome.expectations[0]).toEqual([true, null]);
  });
});

describe('the tables', () => {
  const result = summarise(plan, outcomes);

  it('count, for each grid point, how often each expectation held and each event happened', () => {
    expect(result.points.map((p) => p.values)).toEqual([
      { 'perception.identify': 0.6 },
      { 'perception.identify': 1 },
    ]);
    for (const [i, point] of result.points.entries()) {
      const runs = outcomes.slice(i * 3, i * 3 + 3);
      const restrain = point.events.find((e) => e.selector === 'restrain:rey:finn');
      const happened = runs.filter((o) =>
        o.events.some(([t, a, b]) => t === 'restrain' && a === 'rey' && b === 'finn'),
      );
      expect(restrain?.count ?? 0).toBe(happened.length);
      expect(point.expectations[12]!.count).toBe(runs.filter((o) => o.expectations[12]![0]).length);
      expect(point.expectations.map((x) => x.runs)).toEqual(Array(medbay.expectations.length).fill(3));
    }
    const identify = result.points[0]!.expectations[7]!;
    expect(identify).toMatchObject({ number: 8, event: 'identify', line: 74, count: 3, rate: 1, high: 1 });
    expect(identify.text).toBe('identify rey→phasma = omega within [0:03:00, 0:03:05]');
  });

  it('order a point’s events by when they usually first happen', () => {
    const medians = result.points[0]!.events.map((e) => e.first!.median);
    expect(medians).toEqual([...medians].sort((a, b) => a - b));
  });

  it('need every run in run order, so that no worker or machine can show through', () => {
    expect(() => summarise(plan, outcomes.slice(1))).toThrow(/needs its 6 runs in order/);
    expect(() => summarise(plan, [outcomes[1]!, outcomes[0]!, ...outcomes.slice(2)])).toThrow(/in order/);
  });
});

describe('the forms', () => {
  it('text: a header saying what ran, then each grid point’s tables', () => {
    const text = formatEnsemble(plan, outcomes, 'text', { only: ['restrain'] });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Medbay (scenarios/medbay.yaml): 3 runs at each of 2 grid points (6 runs), seeds derived from 7, canon seeds',
    );
    expect(lines[1]).toBe('vary perception.identify: 0.6, 1');
    expect(lines).toContain('perception.identify=0.6');
    expect(text).toMatch(
      /#13 line 81: restrain rey→finn within \[0:05:00, 0:05:02\] +100\.0% +43\.9–100\.0 +0:05:01/,
    );
    expect(text).not.toContain('identify:rey:phasma');
  });

  it('JSON: the tables, with the same numbers', () => {
    const json = JSON.parse(formatEnsemble(plan, outcomes, 'json'));
    expect(json).toEqual(JSON.parse(JSON.stringify(summarise(plan, outcomes))));
    expect(json.format).toBe('omegaverse/ensemble');
  });

  it('CSV: one row per run × outcome, with the seed and the swept values as columns', () => {
    const csv = formatEnsemble(plan, outcomes, 'csv', { only: ['restrain'] });
    const rows = csv.trimEnd().split('\n');
    expect(rows[0]).toBe(
      'run,point,repetition,seed,perception.identify,kind,outcome,type,actor,target,description,happened,first_s',
    );
    // 6 runs × (2 expectations about restrain + the restrain events seen in any run)
    const selectors = new Set(
      rows
        .slice(1)
        .filter((r) => r.includes(',event,'))
        .map((r) => r.split(',')[6]),
    );
    expect(rows).toHaveLength(1 + 6 * (2 + selectors.size));
    expect(rows[1]).toBe(
      `0,0,0,${runSpec(plan, 0).seed},0.6,expectation,expect#13,restrain,,,"line 81: restrain rey→finn within [0:05:00, 0:05:02]",1,301`,
    );
    const happened = rows
      .filter((r) => r.includes(',event,restrain:rey:finn,'))
      .map((r) => r.split(',').at(-2));
    expect(happened).toHaveLength(6);
  });

  it('HTML: one page that loads and runs nothing, escapes the scenario’s words, with an SVG per spread', () => {
    const hostile = compile(
      [
        'omegaverse: 1',
        'title: "<script>alert(1)</script> & co"',
        'places: { room: { volume: 50, ventilation: 2 } }',
        'characters:',
        '  a: { representation: alpha, age: 30, at: room }',
        '  b: { representation: omega, age: 30, at: room }',
        'until: "0:01:00"',
        'expect: [{ event: identify, actor: a, target: b }]',
      ].join('\n'),
      '<x>.yaml',
    );
    const run = runEnsemble(hostile, { runs: 2 });
    const html = formatEnsemble(run.plan, run.outcomes, 'html');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"');
    expect(html).not.toMatch(/<script|<link|<img|src=|href="http/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).toContain('<code>&lt;x&gt;.yaml</code>');
    expect(html).toMatch(/<svg class="rate"[^>]*aria-label="100\.0%, 95% interval 34\.2% to 100\.0%"/);
    expect(html).toContain('<svg class="histogram"');
  });
});

describe('partial results', () => {
  const parts = [0, 1, 2].map((index) => {
    const shard = { index, count: 3 };
    const mine = shardRuns(plan, shard).map((run) => outcomes[run]!);
    return {
      name: `part-${index}.json`,
      part: readPart(JSON.parse(JSON.stringify(makePart(plan, shard, mine))), `part-${index}.json`),
    };
  });

  it('merge, in any order, into exactly the runs one machine had', () => {
    const merged = mergeParts([parts[2]!, parts[0]!, parts[1]!]);
    expect(merged.outcomes).toEqual(outcomes);
    expect(formatEnsemble(merged.plan, merged.outcomes, 'json')).toBe(formatEnsemble(plan, outcomes, 'json'));
  });

  it('merge the same whichever part comes first, though each machine named the file its own way', () => {
    const elsewhere = {
      ...parts[2]!,
      part: { ...parts[2]!.part, plan: { ...plan, file: '/scratch/medbay.yaml' } },
    };
    const json = (order: (typeof parts)[number][]) => {
      const merged = mergeParts(order);
      return formatEnsemble(merged.plan, merged.outcomes, 'json');
    };
    expect(json([elsewhere, parts[1]!, parts[0]!])).toBe(json([parts[0]!, parts[1]!, elsewhere]));
    expect(JSON.parse(json([elsewhere, parts[1]!, parts[0]!])).file).toBe('scenarios/medbay.yaml');
  });

  /** A part of another ensemble, for the same shard as `parts[1]`. */
  const other = (change: Partial<EnsemblePart['plan']>, count = 3): { name: string; part: EnsemblePart } => ({
    name: 'other.json',
    part: { ...parts[1]!.part, plan: { ...plan, ...change }, shard: { index: 1, count } },
  });

  it('are refused, saying what differs, when they come from different ensembles', () => {
    const quarters = planEnsemble(bundled('quarters.yaml'), sweep);
    expect(
      failure(() =>
        mergeParts([
          parts[0]!,
          other({ scenario: quarters.scenario, title: 'Quarters', file: 'quarters.yaml' }),
        ]),
      ),
    ).toBe(
      'cannot merge other.json with part-0.json: they differ in the scenario: Medbay (scenarios/medbay.yaml) vs Quarters (quarters.yaml) | merge the parts of one ensemble: same scenario, canon, seed, runs, end, sweep and number of shards',
    );
    expect(failure(() => mergeParts([parts[0]!, other({ scenario: 'edited' })]))).toMatch(
      /the scenario: Medbay \(scenarios\/medbay\.yaml\) vs Medbay \(scenarios\/medbay\.yaml\), edited in between/,
    );
    expect(failure(() => mergeParts([parts[0]!, other({ canon: 'x' })]))).toMatch(
      /the canon: seeds vs seeds with other overrides/,
    );
    expect(failure(() => mergeParts([parts[0]!, other({ seed: 8, runs: 5 })]))).toMatch(
      /the seed: 7 vs 8; the runs per point: 3 vs 5/,
    );
    expect(
      failure(() => mergeParts([parts[0]!, other({ vary: [parseVary('perception.identify=0.6,0.8')] })])),
    ).toMatch(/the sweep: perception\.identify=0\.6,1 vs perception\.identify=0\.6,0\.8/);
    expect(failure(() => mergeParts([parts[0]!, other({ until: 120 })]))).toMatch(
      /the end of the runs: the scenario's end vs 0:02/,
    );
    expect(failure(() => mergeParts([parts[0]!, other({}, 4)]))).toMatch(/the number of shards: 3 vs 4/);
  });

  it('are refused when one is missing, given twice or damaged', () => {
    expect(failure(() => mergeParts([parts[0]!, parts[2]!]))).toBe(
      'missing shard 1/3 of 3 | every shard of the ensemble must be merged: one result needs all of its runs',
    );
    expect(
      failure(() => mergeParts([parts[0]!, parts[1]!, { ...parts[1]!, name: 'copy.json' }, parts[2]!])),
    ).toBe('part-1.json and copy.json are both shard 1/3 | name each part once');
    const short = { ...parts[1]!.part, outcomes: parts[1]!.part.outcomes.slice(1) };
    expect(failure(() => mergeParts([parts[0]!, { name: 'cut.json', part: short }, parts[2]!]))).toBe(
      'cut.json does not hold the runs of shard 1/3: it is damaged or was edited',
    );
  });

  it('are recognised as such, and by version', () => {
    expect(failure(() => readPart({ format: 'omegaverse/ensemble' }, 'result.json'))).toBe(
      'result.json is not a partial ensemble result | partial results are written by omegaverse ensemble … --shard I/N --out FILE',
    );
    expect(failure(() => readPart({ ...parts[0]!.part, version: 2 }, 'new.json'))).toMatch(
      /^new\.json is a partial result of version 2; this omegaverse reads version 1/,
    );
    expect(failure(() => readPart({ format: 'omegaverse/ensemble-part', version: 1 }, 'bad.json'))).toBe(
      'bad.json is damaged: its plan, shard or runs are missing',
    );
  });
});

describe('runEnsemble', () => {
  it('reports its progress after every run', () => {
    const seen: string[] = [];
    const run = runEnsemble(medbay, {
      runs: 2,
      until: 60,
      onProgress: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['1/2', '2/2']);
    expect(run.plan.until).toBe(60);
    expect(run.outcomes.every((o: RunOutcome) => o.events.every(([, , , t]) => t <= 60))).toBe(true);
  });
});
