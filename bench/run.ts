/**
 * Benchmarks. Each case is timed (median of several runs) and reported as a ratio against the
 * baseline case run in the same process, so results compare across noisy, shared machines.
 * Results go to bench/results.json (written atomically).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRoster, forecastAll } from '../src/calendar/index.js';
import { airGraph } from '../src/engine/air/graph.js';
import { advancePlume } from '../src/engine/air/plume.js';
import { World } from '../src/engine/world.js';
import { NOTE_COUNT } from '../src/vocabulary/notes.js';
import { benchEnsemble } from './ensemble.js';
import { bundled, crew, crowd } from './worlds.js';

const ROOT = join(import.meta.dirname, '..');

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
    name: 'crew-500-world-year',
    what: 'the generated 500-person crew with its 2,000-event roster: a simulated year of the world',
    run: () => void World.create(crew500).run(),
    repeats: 1,
  },
  {
    name: 'plume-500',
    what: 'one scent plume advanced a day across a 500-cabin deck with every door open (the widest region)',
    run: () => {
      const n = 501;
      const flows = Array.from({ length: n - 1 }, (_, i) => ({ a: 0, b: i + 1, flow: 600 }));
      const graph = airGraph(new Float64Array(n).fill(100), new Float64Array(n).fill(2), flows);
      const rate = new Float64Array(NOTE_COUNT).fill(60);
      const zero = new Float64Array(NOTE_COUNT);
      const source = { place: 0, rate, slope: zero, curve: zero, fading: zero, fadeRate: 0 };
      advancePlume(graph, { places: [], conc: [] }, source, 24, 0.005, null);
    },
    repeats: 3,
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
const ensemble = benchEnsemble();
const report = {
  date: new Date().toISOString(),
  node: process.version,
  baseline: results[0]!.name,
  results: results.map((r) => ({
    ...r,
    ms: Math.round(r.ms * 100) / 100,
    ratio: Math.round((r.ms / baseline) * 100) / 100,
  })),
  ensemble,
};
for (const r of report.results)
  console.log(`${r.name.padEnd(18)} ${String(r.ms).padStart(9)} ms  ×${r.ratio}  ${r.what}`);
const e = ensemble;
console.log(
  [
    `ensemble           ${e.runsPerSecond.oneWorker} runs/s on 1 worker, ${e.runsPerSecond.allCores} runs/s on ${e.cores} cores (×${e.scaling})`,
    `                   start-up ${e.startupMs.oneWorker} ms (1 worker) / ${e.startupMs.allCores} ms (${e.cores}); ${e.perRunMs} ms a run, against ${e.oneRunProcessMs} ms for one \`omegaverse run\``,
  ].join('\n'),
);
const out = join(ROOT, 'bench', 'results.json');
writeFileSync(`${out}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
console.log(`written to ${out}`);
