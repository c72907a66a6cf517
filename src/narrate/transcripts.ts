/**
 * Transcripts kept beside a scenario (`medbay.yaml` → `medbay.golden.txt`, `medbay.beats.txt`): the
 * run's text as it was read and approved, one file per view, which `omegaverse test` compares the run
 * with, as ink's compiled fixtures are compared.
 */
import type { Detail } from './format.js';

/** The file of each view's transcript, from the scenario's own file name. */
export const transcriptFile = (scenario: string, detail: Detail): string =>
  scenario.replace(/\.(ya?ml|json)$/, detail === 'full' ? '.golden.txt' : '.beats.txt');

export interface Difference {
  /** 1-based */
  line: number;
  expected: string;
  got: string;
}

/** Where a run's text first differs from its transcript, if it does. */
export function firstDifference(expected: string, actual: string): Difference | undefined {
  if (expected === actual) return undefined;
  const want = expected.split('\n');
  const have = actual.split('\n');
  let i = 0;
  while (i < want.length && i < have.length && want[i] === have[i]) i++;
  return { line: i + 1, expected: want[i] ?? '(the end)', got: have[i] ?? '(the end)' };
}
