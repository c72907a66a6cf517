/**
 * bench/profile-summary.mjs reads a CPU profile as `node --cpu-prof` writes it: self time by function
 * and by file, and with `--lines` the hottest lines of one function, with their text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'profile-summary-'));
const source = join(dir, 'hot.js');
writeFileSync(
  source,
  ['function hot() {', '  let a = 0;', '  for (;;) a += Math.sqrt(a);', '}', ''].join('\n'),
);
const url = pathToFileURL(source).href;
const frame = (functionName: string, lineNumber: number) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
});
// hot: 3 samples of 1 ms (two on line 3, one on line 2); cold: 1 sample; idle is left out.
const profile = {
  nodes: [
    {
      id: 1,
      callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 },
      children: [2, 3, 4],
    },
    {
      id: 2,
      callFrame: frame('hot', 0),
      positionTicks: [
        { line: 3, ticks: 2 },
        { line: 2, ticks: 1 },
      ],
    },
    { id: 3, callFrame: frame('cold', 3) },
    { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
  ],
  samples: [2, 2, 3, 2, 4],
  timeDeltas: [1000, 1000, 1000, 1000, 5000],
};
const file = join(dir, 'run.cpuprofile');
writeFileSync(file, JSON.stringify(profile));

const summary = (...args: string[]) =>
  execFileSync(process.execPath, ['bench/profile-summary.mjs', file, ...args], { encoding: 'utf8' });

describe('profile-summary', () => {
  it('gives self time by function and by file, idle left out', () => {
    const out = summary();
    expect(out).toContain('4 ms sampled in 1 profile(s)');
    expect(out).toMatch(/75\.0%\s+3 ms {2}hot hot\.js:1/);
    expect(out).toMatch(/25\.0%\s+1 ms {2}cold hot\.js:4/);
    expect(out).toMatch(/100\.0%\s+4 ms {2}hot\.js/);
    expect(out).not.toContain('hottest lines');
  });

  it('gives the hottest lines of a function with --lines, with their text', () => {
    const out = summary('--lines', 'hot');
    expect(out).toContain('hottest lines of hot (3 samples)');
    expect(out).toMatch(
      /66\.7% {2}hot\.js:3 {2}for \(;;\) a \+= Math\.sqrt\(a\);\n\s+33\.3% {2}hot\.js:2 {2}let a = 0;/,
    );
  });

  it('says how to call it when --lines has no name', () => {
    expect(() =>
      execFileSync(process.execPath, ['bench/profile-summary.mjs', file, '--lines'], { stdio: 'pipe' }),
    ).toThrow(/usage: node bench\/profile-summary\.mjs/);
  });
});
