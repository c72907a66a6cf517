/**
 * `npm run fuzz -- --runs N [--seed S] [--size quick|campaign] [--out DIR] [--cli-every N]`: a fuzz
 * campaign, with a progress line on standard error, each finding shrunk and written to DIR as a
 * scenario file headed by how to replay it, and a summary at the end (runs, rate, findings by
 * invariant, known bugs apart); Ctrl-C ends it early with the summary so far. `--replay FILE` checks one finding file again. Exit code 1 when a
 * finding is not a known bug (docs/fuzzing.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { runCampaign, signature } from './campaign.js';
import { checkCli } from './cli-check.js';
import { findingFile, readFindingFile } from './finding-file.js';
import { BUDGET, INVARIANTS } from './invariants.js';
import { knownBug } from './known.js';
import { CAMPAIGN, QUICK } from './valid.js';
import { Watchdog } from './watchdog.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    size: { type: 'string', default: 'campaign' },
    out: { type: 'string', default: 'test-artifacts/fuzz' },
    'cli-every': { type: 'string', default: '50' },
    replay: { type: 'string' },
  },
});

// A case the engine never returns from is ended a quarter of a minute after the run's own budget.
const watchdog = new Watchdog(BUDGET, BUDGET.wallMs + 15_000);

if (values.replay) {
  const findings = await watchdog.check(readFindingFile(readFileSync(values.replay, 'utf8')));
  watchdog.close();
  for (const f of findings) {
    const known = knownBug(f);
    console.log(`${f.invariant}: ${f.message}${known ? ` (known: ${known.name}, ${known.issue})` : ''}`);
  }
  if (!findings.length) console.log('no finding: every invariant holds');
  process.exit(findings.some((f) => !knownBug(f)) ? 1 : 0);
}

const runs = Number(values.runs);
const seed = Number(values.seed);
const size = values.size === 'quick' ? QUICK : CAMPAIGN;
const out = values.out;
mkdirSync(out, { recursive: true });
const started = performance.now();
let lastLine = 0;
const progress = (done: number, findings: number, force = false) => {
  const now = performance.now();
  if (!force && now - lastLine < 2000) return;
  lastLine = now;
  const rate = done / ((now - started) / 1000);
  const eta = rate > 0 ? Math.round((runs - done) / rate) : 0;
  process.stderr.write(
    `fuzz: ${done}/${runs} runs (seeds ${seed}…${seed + runs - 1}) · ${rate.toFixed(1)}/s · ${findings} findings · eta ${Math.floor(eta / 60)}m${eta % 60}s\n`,
  );
};

// Ctrl-C (or a kill) ends the campaign after the current run, with its summary.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopping = true;
  });

const result = await runCampaign({
  check: (c) => watchdog.check(c),
  stop: () => stopping,
  runs,
  seed,
  size,
  cli: checkCli,
  cliEvery: Number(values['cli-every']),
  onRun: (done, findings) => progress(done, findings),
  onFinding: (r) => {
    const name = `${r.invariant}-seed${r.seed}.yaml`;
    writeFileSync(join(out, name), findingFile(r));
    process.stderr.write(
      `  ${r.known ? 'known' : 'FOUND'} ${r.invariant} (seed ${r.seed}): ${r.message.slice(0, 160)} → ${relative('.', join(out, name))}\n`,
    );
  },
});

watchdog.close();
const seconds = result.ms / 1000;
console.log(
  `\n${result.runs} runs in ${seconds.toFixed(1)} s: ${(result.runs / seconds).toFixed(1)} runs/s (seeds ${seed}…${seed + result.runs - 1}, size ${values.size})`,
);
console.log('findings by invariant (runs that broke it; known bugs apart):');
for (const invariant of INVARIANTS) {
  const c = result.counts[invariant];
  console.log(`  ${invariant.padEnd(22)} ${c ? `${c.found - c.known} new, ${c.known} known` : '0'}`);
}
const kinds = new Map<string, number>();
for (const r of result.reported) kinds.set(signature(r), (kinds.get(signature(r)) ?? 0) + 1);
console.log(`${result.reported.length} findings written to ${out} (${kinds.size} kinds, at most 2 of each)`);
process.exit(result.reported.some((r) => !r.known) ? 1 : 0);
