/**
 * Benchmarks: every case of `cases.ts` in a process of its own (`case.ts`), each against the
 * baseline run in that same process, so the ratios hold on noisy, shared machines; then the scent
 * kernel against its C reference and the ensemble's runs per second. Prints progress as it goes,
 * a table at the end, and writes bench/results.json (atomically, after every case, so a stopped run
 * keeps what it measured). `npm run bench -- NAME…` runs only the named cases and replaces their rows,
 * keeping the others' (each row says when it was measured).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES } from './cases.js';
import { benchEnsemble } from './ensemble.js';
import { benchKernel } from './kernel.js';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface CaseResult {
  name: string;
  what: string;
  wallMs: number;
  cpuMs: number;
  baselineCpuMs: number;
  ratio: number;
  characterTicksPerSecond?: number;
  note?: string;
  peakMemoryMB: number;
  /** when this row was measured */
  date: string;
}

const OUT = join(ROOT, 'bench', 'results.json');

/** The rows a previous run measured, by name (none if the file is of an older shape). */
function previous(): Map<string, CaseResult> {
  if (!existsSync(OUT)) return new Map();
  const old = JSON.parse(readFileSync(OUT, 'utf8')) as { results?: Partial<CaseResult>[] };
  const rows = (old.results ?? []).filter((r): r is CaseResult => typeof r.cpuMs === 'number');
  return new Map(rows.map((r) => [r.name, r]));
}

function write(report: object): void {
  writeFileSync(`${OUT}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${OUT}.tmp`, OUT);
}

const only = process.argv.slice(2);
const names = only.length ? only : Object.keys(CASES);
const measured = previous();
// In the cases' own order, whatever order they were measured in.
const rows = () => Object.keys(CASES).flatMap((name) => measured.get(name) ?? []);
const header = () => ({ date: new Date().toISOString(), node: process.version, baseline: 'medbay' });
names.forEach((name, i) => {
  process.stderr.write(`[${i + 1}/${names.length}] ${name}: ${CASES[name]?.what ?? '?'} … `);
  const start = performance.now();
  const child = spawnSync(TSX, [join(import.meta.dirname, 'case.ts'), name], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) {
    process.stderr.write('failed\n');
    throw new Error(`bench case ${name} failed:\n${child.stderr}`);
  }
  const row = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<CaseResult, 'date'>;
  measured.set(name, { ...row, date: new Date().toISOString() });
  write({ ...header(), results: rows() });
  process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
});

/** How a crowd's cost per character-tick grows with its size: the exponent of cost in N, less one. */
function growth(): Record<string, number> {
  const crowds = [40, 400, 4000]
    .map((n) => ({ n, r: results.find((r) => r.name === `crowd-${n}`) }))
    .filter((c) => c.r?.characterTicksPerSecond);
  const out: Record<string, number> = {};
  for (let i = 1; i < crowds.length; i++) {
    const [a, b] = [crowds[i - 1]!, crowds[i]!];
    // cost ∝ N^k: total CPU over the same simulated span
    out[`crowd-${a.n}→${b.n}`] =
      Math.round((Math.log(b.r!.cpuMs / a.r!.cpuMs) / Math.log(b.n / a.n)) * 100) / 100;
  }
  return out;
}

process.stderr.write('scent kernel against C … ');
const kernel = benchKernel();
process.stderr.write('done\nensemble … ');
// A run of named cases keeps the ensemble figures measured before.
const ensemble = only.length
  ? existsSync(OUT)
    ? (JSON.parse(readFileSync(OUT, 'utf8')) as { ensemble?: ReturnType<typeof benchEnsemble> }).ensemble
    : undefined
  : benchEnsemble();
process.stderr.write('done\n');

const results = rows();
const report = {
  ...header(),
  results,
  growthExponent: growth(),
  kernel,
  ...(ensemble && { ensemble }),
};
for (const r of results) {
  const ticks = r.characterTicksPerSecond
    ? `${r.characterTicksPerSecond.toLocaleString('en')} ch-ticks/s`
    : '';
  console.log(
    `${r.name.padEnd(20)} ${String(r.cpuMs).padStart(10)} ms CPU  ×${String(r.ratio).padEnd(8)} ${ticks.padEnd(22)} ${String(r.peakMemoryMB).padStart(5)} MB  ${r.note ?? ''}`,
  );
}
for (const [span, k] of Object.entries(report.growthExponent)) console.log(`growth ${span}: cost ∝ N^${k}`);
console.log(
  kernel.skipped
    ? `kernel: TypeScript ${kernel.typescriptMs} ms a call; C skipped (${kernel.skipped})`
    : `kernel (${kernel.places} places): TypeScript ${kernel.typescriptMs} ms, C ${kernel.cMs} ms a call: ×${kernel.ratio}, ${kernel.identical ? 'bit-identical' : 'RESULTS DIFFER'}`,
);
if (ensemble) {
  const e = ensemble;
  console.log(
    `ensemble: ${e.runsPerSecond.oneWorker} runs/s on 1 worker, ${e.runsPerSecond.allCores} on ${e.cores} cores (×${e.scaling})`,
  );
}
write(report);
console.log(`written to ${OUT}`);
