/**
 * Findings of known bugs, being fixed elsewhere: the harness still checks them and the
 * campaign still counts and writes them out, but they do not fail `npm test`. Each entry matches
 * findings by invariant and message; delete an entry once its fix has merged, and the quick runs in
 * `npm test` hold the invariant again.
 */
import type { Finding, Invariant } from './invariants.js';

export interface KnownBug {
  /** a short name, used in the summary */
  name: string;
  invariant: Invariant;
  /** the findings it covers: their messages match this */
  message: RegExp;
  /** where its fix is tracked: `issue N` */
  issue: string;
}

// Empty since the hardening of issue 15 merged: every finding of the campaigns so far is fixed, and
// replayed by test/fuzz.test.ts from test/fuzz/findings/. A new bug found before its fix goes here.
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** The known bug a finding is, if any. */
export const knownBug = (f: Finding): KnownBug | undefined =>
  KNOWN_BUGS.find((k) => k.invariant === f.invariant && k.message.test(f.message));
