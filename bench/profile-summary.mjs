#!/usr/bin/env node
/**
 * What a CPU profile says, in a few lines: the functions with the most self time and the source
 * files with the most, as shares of the profile. Profile first, then read:
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/case.ts crowd-400
 *   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile [--top 15]
 *
 * Several profiles (one per process) are summed; idle time (a process waiting) is left out.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
if (!args.length || !Number.isInteger(top) || top < 1) {
  process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile… [--top N]\n');
  process.exit(2);
}

const byFunction = new Map();
const byFile = new Map();
let total = 0;
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);

for (const file of args) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
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
