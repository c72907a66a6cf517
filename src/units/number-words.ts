/** Small counts in words, as a person says them: "five minutes", "six days ago". */

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `n` in words up to ten, in digits beyond: "five", "42". */
export const countWord = (n: number): string => WORDS[n] ?? String(n);

/** `n` and its noun, the noun made plural unless `n` is one: "one hour", "five minutes", "42 days". */
export const counted = (n: number, noun: string, words = false): string =>
  `${words ? countWord(n) : String(n)} ${noun}${n === 1 ? '' : 's'}`;
