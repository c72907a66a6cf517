/**
 * Findings of known bugs, being fixed elsewhere (issue 15): the harness still checks them and the
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
  issue: 'issue 15';
}

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    name: 'alias bombs: a file with too many aliases throws (yaml) instead of a located error',
    invariant: 'no-internal-error',
    message: /Excessive alias count/,
    issue: 'issue 15',
  },
  {
    name: 'alias bombs: the same, through the command line (internal error, exit 70)',
    invariant: 'cli',
    message: /Excessive alias count/,
    issue: 'issue 15',
  },
  {
    name: 'extreme numbers: a subnormal volume (5e-324) or a ventilation of 1e308 turns the air into NaN',
    invariant: 'finite-concentrations',
    message: /\bNaN\b|\bnull\b|Infinity/,
    issue: 'issue 15',
  },
  {
    name: 'extreme numbers: createWorld does not return for a heat onset 10⁹ days back (any case that never returns)',
    invariant: 'step-budget',
    message: /^no answer within/,
    issue: 'issue 15',
  },
  {
    name: 'prototype keys: `__proto__` as a character or place id is dropped without a word',
    invariant: 'prototype-pollution',
    message: /'__proto__' was defined in the file but is not in the definition/,
    issue: 'issue 15',
  },
  {
    name: 'prototype keys: `canon_overrides: { __proto__: … }` is accepted and ignored',
    invariant: 'mistake-rejected',
    message: /\(prototype-key\) was accepted/,
    issue: 'issue 15',
  },
];

/** The known bug a finding is, if any. */
export const knownBug = (f: Finding): KnownBug | undefined =>
  KNOWN_BUGS.find((k) => k.invariant === f.invariant && k.message.test(f.message));
