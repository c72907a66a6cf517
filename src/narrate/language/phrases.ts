/** Small pieces of English that every sentence uses: articles, lists, times of day and lengths of time. */
import { countWord } from '../../units/number-words.js';
import { formatTimeOfDay, SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE } from '../../units/time.js';

/** `a beta`, `an omega`, `an alpha`. */
export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** `Rey` → `Rey's`. */
export const possessive = (name: string): string => `${name}'s`;

/** The sentence with its first letter capitalised. */
export const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `A`, `A and B`, `A, B and C` (or `A, B or C`). */
export function listing(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** The first instant at or after `t` on a grid of `every` seconds from the start, later than `after`. */
export function gridAfter(t: number, every: number, after = Number.NEGATIVE_INFINITY): number {
  let next = Math.ceil(t / every) * every;
  while (next <= after) next += every;
  return next;
}

/**
 * When `t` is, said at `now` by someone on the scenario's clock (`clock`, seconds after midnight at the
 * start): `14:00 today`, `10:00 tomorrow`, `10:00 yesterday`, `10:00 six days ago`, and further ahead
 * the scenario's day, counted from 1 at the start, `day 10, 14:00`.
 */
export function dayPhrase(clock: number, now: number, t: number): string {
  const day = (x: number) => Math.floor((clock + x) / SECONDS_PER_DAY);
  const apart = day(t) - day(now);
  const time = formatTimeOfDay(clock + t);
  if (apart === 0) return `${time} today`;
  if (apart === 1) return `${time} tomorrow`;
  if (apart === -1) return `${time} yesterday`;
  if (apart < 0) return `${time} ${countWord(-apart)} days ago`;
  return `day ${day(t) + 1}, ${time}`;
}

/** A length of time as a person says it, rounded: `half an hour`, `an hour and a half`, `three days`. */
export function spokenDuration(seconds: number): string {
  const minutes = Math.round(seconds / SECONDS_PER_MINUTE);
  if (minutes < 2) return 'a minute';
  if (minutes < 25) return `${countWord(minutes)} minutes`;
  if (minutes < 40) return 'half an hour';
  if (seconds < SECONDS_PER_DAY - SECONDS_PER_HOUR / 2) {
    const halves = Math.round(seconds / (SECONDS_PER_HOUR / 2));
    const hours = Math.floor(halves / 2);
    const half = halves % 2 === 1;
    if (hours <= 1) return half ? 'an hour and a half' : 'an hour';
    return `${countWord(hours)}${half ? ' and a half' : ''} hours`;
  }
  const halves = Math.round(seconds / (SECONDS_PER_DAY / 2));
  const days = Math.floor(halves / 2);
  const half = halves % 2 === 1;
  if (days <= 1) return half ? 'a day and a half' : 'a day';
  return `${countWord(days)}${half ? ' and a half' : ''} days`;
}

/** How a paragraph moves on to a later instant within it: `Seconds later`, `Half a minute later`. */
export function laterPhrase(seconds: number): string {
  if (seconds < 10) return 'Seconds later';
  if (seconds < 20) return 'Moments later';
  if (seconds < 45) return 'Half a minute later';
  if (seconds < 90) return 'A minute later';
  return `${sentenceCase(spokenDuration(seconds))} later`;
}
