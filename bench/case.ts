/**
 * One benchmark case in a process of its own: the baseline first, then the case, each timed (wall
 * and CPU, the median of its repeats); prints one JSON line with the ratio and the process's peak
 * memory. Run by `run.ts`; by hand: `npx tsx bench/case.ts NAME`.
 */
import { BASELINE, CASES, type Measured } from './cases.js';

interface Timed {
  wallMs: number;
  cpuMs: number;
  measured: Measured;
}

function time(name: string): Timed {
  const c = CASES[name];
  if (!c) throw new Error(`no benchmark case '${name}': ${Object.keys(CASES).join(', ')}`);
  const timed = c.prepare();
  const samples: Timed[] = [];
  for (let i = 0; i < (c.repeats ?? 1); i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const measured = timed();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    samples.push({ wallMs, cpuMs: (used.user + used.system) / 1000, measured });
  }
  samples.sort((a, b) => a.cpuMs - b.cpuMs);
  return samples[Math.floor(samples.length / 2)]!;
}

const name = process.argv[2] ?? BASELINE;
// The baseline warms the engine's code up, then is measured in this same process.
time(BASELINE);
const baseline = time(BASELINE);
const result = time(name);
const round = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    name,
    what: CASES[name]!.what,
    wallMs: round(result.wallMs),
    cpuMs: round(result.cpuMs),
    baselineCpuMs: round(baseline.cpuMs),
    ratio: round(result.cpuMs / baseline.cpuMs),
    ...(result.measured.characterTicks && {
      characterTicksPerSecond: Math.round(result.measured.characterTicks / (result.cpuMs / 1000)),
    }),
    ...(result.measured.note && { note: result.measured.note }),
    peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
