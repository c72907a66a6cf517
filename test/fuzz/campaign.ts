/**
 * A fuzz campaign: run number i draws its case from seed `seed + i` (so any run replays alone, and
 * seed ranges shard a campaign), checks it, and shrinks what it finds. Each distinct finding (its
 * invariant and message with numbers and ids taken out) is shrunk the first few times it is seen,
 * one invariant at a time, by fast-check from the same seed; the rest are counted. (A finding of the
 * command line, or of a case the engine does not return from, is written out as drawn.)
 */
import fc from 'fast-check';
import { fuzzCase } from './cases.js';
import { BUDGET, type Budget, type Case, checkCase, type Finding, type Invariant } from './invariants.js';
import { type KnownBug, knownBug } from './known.js';
import type { Size } from './valid.js';
import { NO_ANSWER } from './watchdog.js';

export interface Reported extends Finding {
  /** the run's seed: `--seed S --runs 1` draws the same case */
  seed: number;
  /** the case, shrunk while it still breaks the same invariant */
  shrunk: Case;
  known?: KnownBug;
}

export interface CampaignOptions {
  runs: number;
  seed: number;
  size: Size;
  budget?: Budget;
  /** how a case is checked (default: `checkCase` in this thread); the command uses a watchdog */
  check?: (c: Case) => Promise<Finding[]>;
  /** shrink at most this many findings of each kind (default 2) */
  shrinkEach?: number;
  /** also run every N-th case through the command line (its findings are written out unshrunk) */
  cli?: (c: Case) => Promise<Finding[]>;
  cliEvery?: number;
  onRun?: (done: number, findings: number) => void;
  /** asked after each run: true ends the campaign there (the summary counts the runs done) */
  stop?: () => boolean;
  onFinding?: (f: Reported) => void;
}

export interface CampaignResult {
  runs: number;
  ms: number;
  /** by invariant: how many runs broke it, and how many of those are known bugs */
  counts: Record<string, { found: number; known: number }>;
  reported: Reported[];
}

/** What stays of a finding once its numbers and ids are taken out: one kind of finding. */
export const signature = (f: Finding) =>
  `${f.invariant}: ${f.message.replace(/\b[cpdr]\d+\b/g, 'ID').replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, 'N')}`;

const SHRINK_MS = 120_000;

export async function runCampaign(o: CampaignOptions): Promise<CampaignResult> {
  const budget = o.budget ?? BUDGET;
  const check = o.check ?? (async (c: Case) => checkCase(c, budget));
  const arbitrary = fuzzCase(o.size);
  const counts: CampaignResult['counts'] = {};
  const shrunkSoFar = new Map<string, number>();
  const reported: Reported[] = [];
  const started = performance.now();
  let total = 0;
  let done = 0;
  for (let i = 0; i < o.runs && !o.stop?.(); i++) {
    const seed = o.seed + i;
    const c = caseOf(arbitrary, seed);
    const findings = await check(c);
    if (o.cli && o.cliEvery && i % o.cliEvery === 0) findings.push(...(await o.cli(c)));
    const byInvariant = new Map<Invariant, Finding>();
    for (const f of findings) if (!byInvariant.has(f.invariant)) byInvariant.set(f.invariant, f);
    for (const [invariant, f] of byInvariant) {
      const known = knownBug(f);
      counts[invariant] ??= { found: 0, known: 0 };
      counts[invariant].found++;
      if (known) counts[invariant].known++;
      total++;
      const key = signature(f);
      const times = shrunkSoFar.get(key) ?? 0;
      if (times >= (o.shrinkEach ?? 2)) continue;
      shrunkSoFar.set(key, times + 1);
      // A case the engine does not return from is a minute per try: it is written as drawn.
      const asDrawn = invariant === 'cli' || f.message.startsWith(NO_ANSWER);
      const shrunk = asDrawn ? c : ((await shrink(arbitrary, seed, invariant, check)) ?? c);
      const last = asDrawn ? f : (await check(shrunk)).find((g) => g.invariant === invariant);
      const r: Reported = { ...(last ?? f), seed, shrunk, ...(known && { known }) };
      reported.push(r);
      o.onFinding?.(r);
    }
    done = i + 1;
    o.onRun?.(done, total);
  }
  return { runs: done, ms: performance.now() - started, counts, reported };
}

/** The case run `seed` draws: the first value of a one-run check from that seed. */
export function caseOf(arbitrary: fc.Arbitrary<Case>, seed: number): Case {
  let drawn: Case | undefined;
  fc.check(
    fc.property(arbitrary, (c) => {
      drawn = c;
    }),
    { seed, numRuns: 1 },
  );
  return drawn!;
}

/** The case from `seed`, shrunk by fast-check while it still breaks `invariant`. */
async function shrink(
  arbitrary: fc.Arbitrary<Case>,
  seed: number,
  invariant: Invariant,
  check: (c: Case) => Promise<Finding[]>,
): Promise<Case | undefined> {
  // Shrinking stops after two minutes with the smallest case found so far.
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (c) => !(await check(c)).some((f) => f.invariant === invariant)),
    { seed, numRuns: 1, interruptAfterTimeLimit: SHRINK_MS },
  );
  return details.counterexample?.[0];
}
