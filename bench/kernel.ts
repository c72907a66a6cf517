/**
 * The scent kernel against its C reference (`bench/kernel.c`, built with `cc -O3` when a compiler is
 * present): the same uniformized region and plume, the same steps, the result compared bit for bit,
 * and the time per call of each. `-ffp-contract=off` keeps C from fusing a multiply and an add into one
 * rounding, which TypeScript cannot do: the two then compute the same numbers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { airGraph } from '../src/engine/air/graph.js';
import { uniformize, uniformizedTerms } from '../src/engine/air/kernels.js';
import { regionOf } from '../src/engine/air/plume.js';
import { heldSource } from '../src/engine/air/source.js';
import { NOTE_COUNT } from '../src/vocabulary/notes.js';

export interface KernelResult {
  places: number;
  /** one call of the kernel, ms */
  typescriptMs: number;
  cMs?: number;
  /** TypeScript's time over C's */
  ratio?: number;
  identical?: boolean;
  skipped?: string;
}

/** A deck: a corridor of `cabins` cabins in a row, each with its door open, every cabin ventilated. */
function deck(cabins: number) {
  const n = cabins + 1;
  const flows = Array.from({ length: cabins }, (_, i) => ({ a: i, b: i + 1, flow: i % 3 ? 600 : 6 }));
  const graph = airGraph(
    Float64Array.from({ length: n }, (_, p) => 60 + (p % 7) * 10),
    Float64Array.from({ length: n }, (_, p) => 1 + (p % 3)),
    flows,
  );
  return { graph, places: Array.from({ length: n }, (_, p) => p) };
}

export function benchKernel(cabins = 200, repeats = 20): KernelResult {
  const { graph, places } = deck(cabins);
  const region = regionOf(graph, places);
  const rate = new Float64Array(NOTE_COUNT).fill(60);
  const source = heldSource(0, rate);
  const u = uniformize(graph, places, region.rows, source, 0, 2, region.pace);
  const start = new Float64Array((places.length + 4) * NOTE_COUNT);
  for (let i = 0; i < start.length; i++) start[i] = (i % 13) / 7;
  for (let n = 0; n < NOTE_COUNT; n++) start[places.length * NOTE_COUNT + n] = rate[n]!;
  uniformizedTerms(u, start);
  const t0 = performance.now();
  let out: Float64Array = new Float64Array(0);
  for (let r = 0; r < repeats; r++) out = uniformizedTerms(u, start);
  const typescriptMs = (performance.now() - t0) / repeats;
  const result: KernelResult = { places: places.length, typescriptMs: round(typescriptMs) };
  if (spawnSync('cc', ['--version']).status !== 0) {
    result.skipped = 'no C compiler (cc) on this machine';
    return result;
  }
  const dir = mkdtempSync(join(tmpdir(), 'omegaverse-kernel-'));
  try {
    const binary = join(dir, 'kernel');
    execFileSync('cc', [
      '-O3',
      '-ffp-contract=off',
      '-o',
      binary,
      join(import.meta.dirname, 'kernel.c'),
      '-lm',
    ]);
    const numbers = (a: ArrayLike<number>) =>
      Array.from(a, (v) => (Number.isInteger(v) ? String(v) : v.toPrecision(17))).join(' ');
    const input = [
      `${u.k} ${NOTE_COUNT} ${u.chunks} ${u.lambda.toPrecision(17)} ${repeats} ${u.q} ${u.perVolume.toPrecision(17)} ${u.inv.toPrecision(17)} ${u.fadeKeep.toPrecision(17)} ${u.rows.from.length}`,
      numbers(u.diag),
      numbers(u.rows.start),
      numbers(u.rows.from),
      numbers(u.scaled),
      numbers(start),
    ].join('\n');
    const output = execFileSync(binary, { input, encoding: 'utf8' }).trim().split('\n');
    const cMs = Number(output[0]);
    const bits = (v: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v);
      return view.getBigUint64(0).toString(16).padStart(16, '0');
    };
    result.cMs = round(cMs);
    result.ratio = round(typescriptMs / cMs);
    result.identical =
      output.length - 1 === out.length && Array.from(out).every((v, i) => bits(v) === output[i + 1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchKernel());
