/**
 * Keeps docs/errors.md honest: every row of the ranges table (`src/shape/ranges.ts`) appears in it
 * with the range as messages word it, and so do the reader's limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_VALUES, MAX_DEPTH } from '../src/scenario/tree.js';
import { CANON_RANGES, describeRange, type Range, SCENARIO_RANGES } from '../src/shape/ranges.js';
import { RESERVED_NAMES } from '../src/shape/wording.js';

const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8');
const rows = doc.split('\n').filter((line) => line.startsWith('| `'));

/** The rows whose first cell starts with `where` in backticks, and that give `range` as messages do. */
const missing = (ranges: Record<string, Range>) =>
  Object.entries(ranges)
    .filter(
      ([where, range]) =>
        !rows.some((row) => row.startsWith(`| \`${where}\``) && row.includes(`| ${describeRange(range)} |`)),
    )
    .map(([where, range]) => `${where}: ${describeRange(range)}`);

describe('docs/errors.md', () => {
  it('gives the range of every scenario field, as its errors word it', () => {
    expect(missing(SCENARIO_RANGES)).toEqual([]);
  });

  it('gives the range of every canon parameter, as its errors word it', () => {
    expect(missing(CANON_RANGES)).toEqual([]);
  });

  it("names the reader's limits and reserved names", () => {
    expect(doc).toContain(`nested more than ${MAX_DEPTH} deep`);
    expect(doc).toContain(`more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values`);
    for (const name of RESERVED_NAMES) expect(doc).toContain(`\`${name}\``);
  });
});
