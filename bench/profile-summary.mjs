#!/usr/bin/env node
/**
 * What a CPU profile says, in a few lines: the functions with the most self time and the source
 * files with the most, as shares of the profile. Profile first, then read:
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/case.ts crowd-400
 *   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile [--top 15]
 *
 * Several profiles (one per process) are summed; idle time (a process waiting) is left out.
 *
 * `--lines NAME` adds the hottest lines of the functions called NAME (their own samples, by line).
 * Lines need the compiled build, not tsx, which hands V8 each module as one line:
 *
 *   npx tsc -p tsconfig.build.json
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof SCRIPT.mjs   # a script that imports dist/
 *   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile --lines perceive
 *
 * A callee V8 inlined counts as the caller's, at the callee's own line numbers but under the caller's
 * file: a line that makes no sense where it is shown is a callee's. To see each function alone, add
 * `--max-inlined-bytecode-size=0` to the profiled node (slower, but attributed plainly).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
const linesAt = args.indexOf('--lines');
const linesOf = linesAt >= 0 ? args.splice(linesAt, 2)[1] : undefined;
if (!args.length || !Number.isInteger(top) || top < 1 || (linesAt >= 0 && !linesOf)) {
  process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile… [--top N] [--lines NAME]\n');
  process.exit(2);
}

const byFunction = new Map();
const byFile = new Map();
/** `url:line` → samples, for the functions named by `--lines` */
const byLine = new Map();
let total = 0;
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);

for (const file of args) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== linesOf) continue;
    for (const { line, ticks } of n.positionTicks ?? []) add(byLine, `${n.callFrame.url}:${line}`, ticks);
  }
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') return;
    const where = url ? `${basename(url).replace(/\?.*$/, '')}:${lineNumber + 1}` : '(native)';
    add(byFunction, `${functionName || '(anonymous)'} ${where}`, us);
    add(byFile, url ? basename(url).replace(/\?.*$/, '') : `(${functionName || 'native'})`, us);
    total += us;
  });
}

function print(title, map) {
  process.stdout.write(`${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const share = ((100 * us) / total).toFixed(1).padStart(5);
    process.stdout.write(`  ${share}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}\n`);
  }
}
process.stdout.write(`${(total / 1000).toFixed(0)} ms sampled in ${args.length} profile(s)\n`);
print('self time by function', byFunction);
print('self time by file', byFile);
if (linesOf) printLines();

/** The hottest lines of the `--lines` functions, as shares of their samples, with each line's text. */
function printLines() {
  const samples = [...byLine.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`hottest lines of ${linesOf} (${samples} samples)\n`);
  const sources = new Map();
  for (const [key, ticks] of [...byLine].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const at = key.lastIndexOf(':');
    const url = key.slice(0, at);
    const line = Number(key.slice(at + 1));
    if (!sources.has(url)) {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      sources.set(url, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
    }
    const text = (sources.get(url)[line - 1] ?? '').trim().slice(0, 90);
    const share = ((100 * ticks) / samples).toFixed(1).padStart(5);
    process.stdout.write(`  ${share}%  ${basename(url)}:${line}  ${text}\n`);
  }
}
