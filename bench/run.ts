/**
 * Benchmarks. Each case is timed (median of several runs) and reported as a ratio against the
 * baseline case run in the same process, so results compare across noisy, shared machines.
 * Results go to bench/results.json (written atomically).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRoster, forecastAll } from '../src/calendar/index.js';
import { propagator, rateMatrix } from '../src/core/air.js';
import type { WorldDefinition } from '../src/core/definition.js';
import { World } from '../src/core/world.js';
import { formatScenarioError, loadScenario } from '../src/scenario/index.js';

const ROOT = join(import.meta.dirname, '..');

function bundled(name: string): WorldDefinition {
  const result = loadScenario(readFileSync(join(ROOT, 'scenarios', name), 'utf8'), name);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.definition;
}

/** A crowd: `people` characters spread over `places` rooms on a corridor, milling for an hour. */
function crowd(people: number, places: number): WorldDefinition {
  const reps = ['alpha', 'beta', 'omega'] as const;
  const lines = [
    'omegaverse: 1',
    'title: crowd',
    'seed: 5',
    'places:',
    '  hall: { volume: 2000, ventilation: 4 }',
  ];
  for (let p = 0; p < places; p++)
    lines.push(`  room${p}: { volume: ${60 + p * 7}, ventilation: ${1 + (p % 3)} }`);
  lines.push('doors:');
  for (let p = 0; p < places; p++)
    lines.push(`  - { id: door${p}, between: [hall, room${p}], state: ${p % 2 ? 'open' : 'closed'} }`);
  lines.push('characters:');
  for (let c = 0; c < people; c++)
    lines.push(`  c${c}: { representation: ${reps[c % 3]}, age: 30, at: room${c % places} }`);
  lines.push('timeline:');
  for (let c = 0; c < people; c++) {
    const room = c % places;
    if (room % 2 === 1) {
      lines.push(
        `  - { at: "0:${String(10 + (c % 40)).padStart(2, '0')}:00", actor: c${c}, do: move, to: hall }`,
      );
    }
  }
  lines.push('until: "1:00:00"');
  const result = loadScenario(lines.join('\n'), 'crowd.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.definition;
}

function time(run: () => void, repeats: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/**
 * A crew with a calendar: `people` characters (a third of them omegas with recorded cycles, some on
 * suppressants), each in a cabin of their own off one corridor, and `events` roster events over a year.
 */
function crew(people: number, events: number, until: string): WorldDefinition {
  const lines = [
    'omegaverse: 1',
    'title: crew',
    'seed: 9',
    'places:',
    '  corridor: { volume: 3000, ventilation: 6 }',
  ];
  for (let c = 0; c < people; c++) lines.push(`  cabin${c}: { volume: 40, ventilation: 2 }`);
  lines.push('doors:');
  for (let c = 0; c < people; c++)
    lines.push(`  - { id: d${c}, between: [corridor, cabin${c}], state: closed }`);
  lines.push('characters:');
  for (let c = 0; c < people; c++) {
    const representation = ['alpha', 'beta', 'omega'][c % 3];
    let extra = '';
    if (representation === 'omega') {
      const period = 26 + (c % 9);
      const onsets = [4, 3, 2, 1].map((k) => `"-${k * period + (c % 7)}d"`).join(', ');
      extra = `, cycle: { period: ${period}d, duration: 4d, onsets: [${onsets}] }${c % 4 === 0 ? ', medication: [suppressant]' : ''}`;
    }
    lines.push(`  c${c}: { representation: ${representation}, age: 30, at: cabin${c}${extra} }`);
  }
  lines.push('roster:');
  for (let e = 0; e < events; e++) {
    const day = Math.floor((e * 365) / events);
    const participants = [0, 1, 2, 3].map((k) => `c${(e * 7 + k * 13) % people}`);
    lines.push(
      `  - { id: r${e}, title: Duty ${e}, start: "${day}d 8:00", end: "${day}d 12:00", participants: [${[...new Set(participants)].join(', ')}] }`,
    );
  }
  lines.push(`until: "${until}"`);
  const result = loadScenario(lines.join('\n'), 'crew.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.definition;
}

const medbay = bundled('medbay.yaml');
const quarters = bundled('quarters.yaml');
const crowd40 = crowd(40, 10);
const crew500 = crew(500, 2000, '365d');
const crew30 = crew(30, 120, '365d');
const cases: { name: string; what: string; run: () => void; repeats: number }[] = [
  {
    name: 'medbay',
    what: 'the bundled medbay scene (4 characters, 25 simulated minutes): the baseline',
    run: () => void World.create(medbay).run(),
    repeats: 15,
  },
  {
    name: 'quarters',
    what: 'the bundled quarters scene (4 characters, 5.5 simulated hours)',
    run: () => void World.create(quarters).run(),
    repeats: 5,
  },
  {
    name: 'crowd-40',
    what: '40 characters in 11 places, 1 simulated hour',
    run: () => void World.create(crowd40).run(),
    repeats: 3,
  },
  {
    name: 'crew-500-calendar-year',
    what: 'a generated 500-person crew with a 2,000-event roster: forecasts and the roster checked once a month for a year',
    run: () => {
      for (let month = 0; month < 12; month++) {
        const now = month * 30 * 86_400;
        checkRoster({ definition: crew500, forecasts: forecastAll(crew500, now), partners: [], now });
      }
    },
    repeats: 1,
  },
  {
    name: 'crew-30-world-year',
    what: 'a generated 30-person crew in cabins, a simulated year of the world (cycles, reminders, quiet stretches)',
    run: () => void World.create(crew30).run(),
    repeats: 1,
  },
  {
    name: 'propagator-50',
    what: 'one exact air propagator for 50 places (a cache miss)',
    run: () => {
      const n = 50;
      const flows = Array.from({ length: n - 1 }, (_, i) => ({ a: 0, b: i + 1, flow: 600 }));
      propagator(rateMatrix(new Array(n).fill(100), new Array(n).fill(2), flows), n, 1 / 3600);
    },
    repeats: 5,
  },
  {
    name: 'snapshot-restore',
    what: 'snapshot → JSON → restore of the medbay scene mid-run',
    run: () => {
      const w = World.create(medbay);
      w.runUntil(300);
      World.restore(JSON.parse(JSON.stringify(w.snapshot())));
    },
    repeats: 15,
  },
];

// Warm up the JIT once on everything, then measure.
for (const c of cases) c.run();
const results = cases.map((c) => ({ name: c.name, what: c.what, ms: time(c.run, c.repeats) }));
const baseline = results[0]!.ms;
const report = {
  date: new Date().toISOString(),
  node: process.version,
  baseline: results[0]!.name,
  results: results.map((r) => ({
    ...r,
    ms: Math.round(r.ms * 100) / 100,
    ratio: Math.round((r.ms / baseline) * 100) / 100,
  })),
};
for (const r of report.results)
  console.log(`${r.name.padEnd(18)} ${String(r.ms).padStart(9)} ms  ×${r.ratio}  ${r.what}`);
const out = join(ROOT, 'bench', 'results.json');
writeFileSync(`${out}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
console.log(`written to ${out}`);
