/** "Did you mean" support for error messages. */

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The option nearest to `word`, if it is near enough to be a likely typo. */
export function suggest(word: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const option of options) {
    // The distance is at least the difference in length: an option that far off cannot be near enough.
    if (Math.abs(word.length - option.length) > near(option)) continue;
    const d = editDistance(lower, option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= near(best) ? best : undefined;
}

/** How many edits from `option` a word may be and still be taken for a typo of it. */
const near = (option: string) => Math.max(2, Math.floor(option.length / 3));
